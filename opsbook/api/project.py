"""``opsbook project status``: earned value and status over one tracker or a folder of them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from opsbook import registry
from opsbook.api.common import (
    PathLike,
    Refused,
    Sources,
    calculate_books,
    check_lang,
    demo_write,
    load_many,
)
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions

KIND = "project"


def status_day(as_of: dt.date | str | None) -> dt.date | None:
    """The status date as a day: a date, a datetime (its day: the whole status date counts
    as elapsed, whatever the hour) or a text YYYY-MM-DD. Raises
    :class:`~opsbook.api.common.Refused` (a ValueError) for anything else."""
    if as_of is None or (isinstance(as_of, dt.date) and not isinstance(as_of, dt.datetime)):
        return as_of
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of.strip()):
        try:
            return dt.date.fromisoformat(as_of.strip())
        except ValueError:  # 2026-13-01, 2026-02-30
            pass
    raise Refused(f"--as-of must be a date written YYYY-MM-DD, e.g. 2026-11-30 (got {as_of!r})",
                  f"--as-of 应为日期，写作 YYYY-MM-DD，例如 2026-11-30（当前为“{as_of}”）。")


def project_status(paths: Sources, *, as_of: dt.date | str | None = None,
                   lang: str | None = None, options: BatchOptions | None = None,
                   output: PathLike | None = None) -> Calculation:
    """The status of every project in the trackers named by files and folders.

    Returns a :class:`~opsbook.core.kind.Calculation`: ``report`` (every file's validation,
    files skipped, a ``duplicate-project`` error where a project id is in two files, and an
    info issue when the status date is today for want of one), ``result`` (a
    ``ProjectResult``: ``status``, ``tasks``, ``deviations``, ``gates``, ``risks``,
    ``heat`` frames) and ``sheets`` (Status, Task Earned Value, Deviations, Gates, Risk
    Matrix, Gantt). ``as_of`` wins over each tracker's ``status_date`` setting; without
    either the status is as of today. A tracker with errors (or a file that cannot be read)
    is left out, its errors and a ``tracker-left-out`` warning in ``report``, and the others
    are computed, the sheets and headline naming what was left out; when every tracker has
    errors, or with ``options.fail_fast``, nothing is computed: ``result`` is None and
    ``report`` says why. ``lang`` is the sheets' language (default: the first tracker's).
    The trackers (files, folders, glob patterns) are read through
    :func:`opsbook.batch.run_files` with ``options``; its manifest goes beside ``output``.
    Raises ValueError when ``paths`` is an empty list, or ``as_of`` is no date (a datetime
    counts as its day; a text must be YYYY-MM-DD), before any file is read.
    """
    check_lang(lang)
    as_of = status_day(as_of)
    kind = registry.get(KIND)
    books, report = load_many(paths, kind, options=options, command="project status",
                              settings={"as_of": as_of, "lang": lang}, output=output)
    failed = {i.file for i in report.issues if i.severity == "error" and i.file}
    kept = [b for b in books if b.path not in failed]
    if not failed or not kept or (options is not None and options.fail_fast):
        return calculate_books(kind, books, report, as_of=as_of, lang=lang)
    left = [f for f in dict.fromkeys(report.files) if f in failed]  # in the order read
    part = Report(issues=[i for i in report.issues if i.file not in failed],
                  files=[b.path for b in kept], lang=report.lang, langs=dict(report.langs))
    said = len(part.issues)
    names = [Path(f).name for f in report.files]
    done = calculate_books(kind, kept, part, as_of=as_of, lang=lang,  # named as the sources
                           left_out=[Path(f).name if names.count(Path(f).name) == 1 else f
                                     for f in left])
    report.extend(Issue("tracker-left-out", "warning", file=f) for f in left)
    report.extend(done.report.issues[said:])  # what the computation found
    done.report = report
    return done


def demo(folder: Path, samples: dict[str, Path], say: Callable[[str], None]) -> int:
    """The demo's project step: ``project status`` of the sample tracker."""
    sample = samples[KIND]
    return demo_write(project_status([sample]), folder / f"{KIND}.status.xlsx", say,
                      f"project status {sample.name}")
