"""``opsbook project status``: earned value and status over one tracker or a folder of them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np
import pandas as pd

from opsbook import registry
from opsbook.api.common import (
    PathLike,
    Refused,
    Sources,
    calculate_books,
    check_lang,
    demo_write,
    load_many,
    paths_only,
)
from opsbook.core.book import Book
from opsbook.core.dates import parse_date
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation
from opsbook.project.rules import actual_after
from opsbook.project.settings import FIRST_STATUS_DATE, LAST_STATUS_DATE, time_of_day

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions

KIND = "project"
#: The warning on an actual date later than the status date.
AFTER = "actual-after-status-date"
#: The note on a status date given with a time of day (the day is used, not the time).
TIMED = "status-date-time"
#: The errors at a Settings status date that --as-of leaves unused: warnings in its run.
UNUSED = ("invalid-setting", "formula-no-value", "formula-error")


def status_day(as_of: dt.date | str | None) -> dt.date | None:
    """The status date as a day: a date, a datetime (its day: the whole status date counts
    as elapsed, whatever the hour) or a text YYYY-MM-DD (in full-width digits too), from
    1900-01-01 to 2200-12-31.
    Raises :class:`~opsbook.api.common.Refused` (a ValueError) for anything else."""
    day = _day(as_of)
    if day is None or FIRST_STATUS_DATE <= day <= LAST_STATUS_DATE:
        return day
    raise Refused(f"--as-of must be a date from {FIRST_STATUS_DATE} to {LAST_STATUS_DATE} "
                  f"(got {day})", f"--as-of 应为 {FIRST_STATUS_DATE} 至 {LAST_STATUS_DATE} "
                  f"之间的日期（当前为 {day}）。")


def _time_given(as_of: object) -> str | None:
    """The time of day of an ``as_of`` datetime (HH:MM), None for a day or midnight."""
    if isinstance(as_of, np.datetime64) and not np.isnat(as_of):
        as_of = pd.Timestamp(as_of)
    if isinstance(as_of, dt.datetime) and not pd.isna(as_of):
        return time_of_day(as_of)[1]
    return None


def _day(as_of: dt.date | str | None) -> dt.date | None:
    if as_of is None or (isinstance(as_of, dt.date) and not isinstance(as_of, dt.datetime)):
        return as_of
    if isinstance(as_of, np.datetime64) and not np.isnat(as_of):  # a pandas column's day
        as_of = pd.Timestamp(as_of)
    if isinstance(as_of, dt.datetime) and not pd.isna(as_of):  # pandas' NaT is no day
        return as_of.date()
    # full-width digits and dash (２０２６－１１－３０, as a Chinese input method types them) too
    typed = unicodedata.normalize("NFKC", as_of).strip() if isinstance(as_of, str) else ""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", typed):
        try:
            return dt.date.fromisoformat(typed)
        except ValueError:  # 2026-13-01, 2026-02-30: written so, but no day of the calendar
            raise Refused(
                f"--as-of must be a date written YYYY-MM-DD, e.g. 2026-11-30 (got {as_of!r}: "
                "no such day)",
                f"--as-of 应为日期，写作 YYYY-MM-DD，例如 2026-11-30（当前为“{as_of}”，"
                "该日期不存在）。") from None
    written = parse_date(typed) if typed else None  # 2026/11/30, 2026年11月30日: a day, no hour
    if written is not None and written.time() == dt.time():
        return written.date()
    raise Refused(f"--as-of must be a date written YYYY-MM-DD, e.g. 2026-11-30 (got {as_of!r})",
                  f"--as-of 应为日期，写作 YYYY-MM-DD，例如 2026-11-30 或 2026年11月30日"
                  f"（当前为“{as_of}”）。")


def project_status(paths: Sources, *, as_of: dt.date | str | None = None,
                   lang: str | None = None, options: BatchOptions | None = None,
                   output: PathLike | None = None) -> Calculation:
    """The status of every project in the trackers named by files and folders.

    Returns a :class:`~opsbook.core.kind.Calculation`: ``report`` (every file's validation,
    files skipped, a ``duplicate-project`` error where a project id is in two files — at
    the one whose name comes later, whatever order they are named in — and an info issue
    when the status date is today for want of one, or as typed in words: 今天), ``result`` (a
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
    When every file given is skipped (a result opsbook wrote, a lock file …), nothing is
    computed and ``report`` says so with a ``no-tracker-read`` error (exit 2).
    Raises ValueError when ``paths`` is an empty list or holds anything but paths (a Book:
    give its file), or ``as_of`` is no date (a datetime
    counts as its day, its time of day not used and said so by a ``status-date-time`` info
    issue, as a Settings date typed with a time is; a text must be YYYY-MM-DD) or outside
    1900-01-01 … 2200-12-31, before any file is read. With ``as_of``, actual dates are
    checked against it (an ``actual-after-status-date`` warning), not against each
    tracker's Settings date, and a Settings date that cannot be read is a warning, not an
    error (it is not used; still an error with ``options.fail_fast``). Raises CannotWrite
    when ``output`` holds a file of the user's
    (:func:`~opsbook.api.workbook.check_replaceable`), before any file is read.
    """
    from opsbook.api.workbook import check_replaceable

    check_lang(lang)
    paths = paths_only(paths, "project_status", ("the trackers", "项目跟踪表"))
    check_replaceable(output)  # a file of the user's there: CannotWrite, before any reading
    timed = _time_given(as_of)
    as_of = status_day(as_of)
    kind = registry.get(KIND)
    # a tracker without a status date is as of today: the manifest records the day, so that
    # --skip-unchanged computes again tomorrow instead of saying it is up to date
    day = {"today": dt.date.today().isoformat()} if as_of is None else {}
    books, report = load_many(paths, kind, options=options, command="project status",
                              settings={"as_of": as_of, "lang": lang, **day}, output=output)
    if not books and report.valid and report.readable:  # every file skipped, none wrong
        report.issues.append(Issue("no-tracker-read", file=str(output or "") or None))
        return Calculation(report)
    if as_of is not None:
        against_status_date(books, report, as_of,
                            strict=options is not None and options.fail_fast)
    if timed:  # a datetime's time is not used: said, as for a Settings date with a time
        report.extend([Issue(TIMED, "info", field="as_of", column="as_of", value=timed,
                             params={"date": as_of.isoformat(), "time": timed})])
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


def against_status_date(books: list[Book], report: Report, as_of: dt.date, *,
                        strict: bool = False) -> None:
    """The actual dates of ``books`` checked against the run's status date ``as_of``
    instead of each tracker's Settings one (which the validation used): the
    ``actual-after-status-date`` warnings of ``report`` replaced in place, and the notes on
    a Settings date typed with a time (``status-date-time``) dropped: that date is not used.
    For the same reason a ``status_date`` setting that cannot be read (no date, outside
    1900–2200, a formula without a saved value) is a warning, not an error that would leave
    its tracker out — unless ``strict`` (--fail-fast: the run stopped at it)."""
    said = [i for i in report.issues if i.code not in (AFTER, TIMED)]
    if not strict:
        said = [replace(i, severity="warning") if i.severity == "error"
                and i.field == "status_date" and i.code in UNUSED else i for i in said]
    report.issues[:] = [*said, *(i for b in books for i in actual_after(b, as_of))]


def demo(folder: Path, samples: dict[str, Path], say: Callable[[str], None]) -> int:
    """The demo's project step: ``project status`` of the sample tracker."""
    sample = samples[KIND]
    return demo_write(project_status([sample]), folder / f"{KIND}.status.xlsx", say,
                      f"project status {sample.name}")
