"""Project status over one or more tracker Books: frames combined, computed, conflicts located."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.project.compute import ProjectResult, compute, config_row

SHEETS = ("Projects", "Tasks", "Risks", "Actions")
#: Why a status date is today when no word for today was typed in Settings.
NOT_GIVEN = ("No status date given (command line or Settings)", "未指定状态日期（命令行或设置）")


def source_name(book: Book, index: int) -> str:
    """How a tracker is named in the output: its file name, else its position."""
    return Path(book.path).name if book.path else f"#{index + 1}"


def _stacked(frames: list[pd.DataFrame], names: list[str]) -> pd.DataFrame:
    """Frames one under another, each row with the name of its source in ``source``."""
    stacked = pd.concat(frames)
    stacked["source"] = np.repeat(np.array(names, dtype=object), [len(f) for f in frames])
    return stacked


def status_of_books(books: list[Book], *, as_of: dt.date | None = None,
                    today: dt.date | None = None) -> tuple[ProjectResult, list[Issue]]:
    """The status of every project in the books, and the issues found while combining them.

    ``as_of`` wins over each book's ``status_date`` setting; without either the status is
    as of ``today`` (default: the machine's date), said by a ``status-date-today`` info
    issue (saying so as typed for a setting of 今天). A project id in two books is a
    ``duplicate-project`` error at the row of the book whose name comes later; only the
    other is counted, whatever the order of ``books``.
    """
    names = [source_name(b, n) for n, b in enumerate(books)]
    if len(set(names)) < len(names):
        names = [b.path or f"#{n + 1}" for n, b in enumerate(books)]
    frames = {sheet: _stacked([b[sheet] for b in books], names) for sheet in SHEETS}
    config = pd.DataFrame([config_row(b.settings, as_of=as_of, today=today) for b in books],
                          index=pd.Index(names, name="source"))
    result = compute(frames["Projects"], frames["Tasks"], frames["Risks"], frames["Actions"],
                     config)
    by_name = dict(zip(names, books))
    issues = []
    for clash in result.conflicts.itertuples(index=False):
        book = by_name[clash.source]
        issues.append(Issue("duplicate-project", "error", **book.where(
            "Projects", "project_id", int(clash.row)), value=clash.project_id,
            params={"first_file": clash.first_source, "first_row": int(clash.first_row)}))
    for name in config.index[config["status_from"] == "today"]:
        day = config.loc[name, "status_date"].date().isoformat()
        word = config.loc[name, "today_word"]  # 今天 as typed; NaN when none was
        word = word if isinstance(word, str) else None
        given = ((f"The status date in Settings is '{word}'", f"设置中的状态日期为“{word}”")
                 if word else NOT_GIVEN)
        issues.append(Issue("status-date-today", "info",
                            **by_name[name].setting_where("status_date"), value=word,
                            params={"date": day, "given": given[0], "given_zh": given[1]}))
    return result, issues
