"""``opsbook attendance summarize``: attendance workbooks (and punch exports) summarised."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

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
    expand,
    load_many,
    paths_only,
)
from opsbook.attendance.exports import export_issue
from opsbook.attendance.punches import PunchLog, punch_logs
from opsbook.core.dates import parse_date, parse_month
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation
from opsbook.io.read import FileProblem, read_raw

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions

KIND = "attendance"


def read_punches(paths: Iterable[PathLike], month: str | None = None
                 ) -> tuple[list[PunchLog], Report]:
    """The punches of each export (every sheet with punch columns), and a Report of the files
    that could not be read, have no punch columns, or have them without a punch under them
    (``no-punches``, a warning). A date written without a year (``11-02 星期一``) takes the
    year of the dates in the export's title, else of ``month`` (YYYY-MM), nearest to it. An
    empty path is ``file-not-found``, never the current folder read."""
    logs: list[PunchLog] = []
    report = Report()
    for path in paths:
        if not str(path):  # an empty path (an unset variable): no file, never this folder
            report.merge(Report(issues=expand([path])[1], files=['""']))
            continue
        try:
            raw, _fmt = read_raw(Path(path))
        except FileProblem as problem:
            report.merge(Report(issues=[_as_export(problem.issue)], files=[str(path)]))
            continue
        found = punch_logs(raw, str(path), month)
        logs.extend(log for log in found if len(log.frame))
        report.extend(i for log in found if not len(log.frame) for i in log.issues)
        if not any(len(log.frame) or log.issues for log in found):
            # punch columns under which nothing was read: said, not passed over in silence
            report.extend(Issue("no-punches", "warning", str(path), log.sheet)
                          for log in found[:1])
    return logs, report


#: What a file read as no attendance workbook is told.
_NO_BOOK = frozenset({"wrong-kind", "unknown-kind", "ambiguous-kind"})


def _exports_among(report: Report) -> Report:
    """A punch export given as a workbook (not with ``--punches``) — a file with errors,
    none of whose sheets is named as an attendance sheet but Punches, with no Employees
    sheet but the one holding punches, read as a workbook of no kind or another — is told
    as what it is (``punch-export-as-workbook``, to give with ``--punches``,
    :func:`opsbook.attendance.exports.export_issue`) instead of as a workbook of another
    kind, one without Employees or one of repeated IDs."""
    for file in dict.fromkeys(i.file for i in report.errors if i.file):
        mine = [i for i in report.issues if i.file == file]
        staff = [i.sheet for i in mine if i.code == "sheet-found-by-headers"
                 and i.params.get("expected") == "Employees"]
        if not staff and not any(i.code in _NO_BOOK or (
                i.code == "missing-sheet" and str(i.sheet).startswith("Employees"))
                for i in mine):
            continue  # a workbook with its own Employees sheet
        try:
            raw, _fmt = read_raw(Path(file))
        except FileProblem:
            continue
        told = export_issue(raw, file, frozenset(staff))
        if told is not None:
            report.issues = [i for i in report.issues if i.file != file] + [told]
    return report


def _as_export(issue: Issue) -> Issue:
    """A punch export saved as text (``csv-file``) is told what to do with an export: save
    it as .xlsx as it is (the standard template is for workbooks, not exports)."""
    if issue.code != "csv-file":
        return issue
    return Issue("punch-export-text", issue.severity, issue.file, params=issue.params)


def check_month(month: str) -> str:
    """``month`` as YYYY-MM, from text written so or as people write a month (``2026/11``,
    ``2026.11``, ``2026年11月``, ``Nov 2026``, full-width digits: see
    :func:`~opsbook.core.dates.parse_month`; a whole date is not a month). Refused (a
    ValueError, said in both languages) for anything else, or for what is not text at all (a
    number, a list)."""
    parsed = parse_month(month) if isinstance(month, str) and parse_date(month) is None else None
    if parsed is None:
        raise Refused(f"--month must be written YYYY-MM, e.g. 2026-11 (got {month!r})",
                      f"--month 应写作 YYYY-MM，例如 2026-11 或 2026年11月（当前为“{month}”）。")
    return parsed


def month_of(month: str | dt.date | None) -> str | None:
    """``month`` as YYYY-MM: a date (or date-time, pandas Timestamp or Period, numpy
    datetime64) is its month, as a date cell in the month setting is; text is checked
    (:func:`check_month`)."""
    if isinstance(month, (np.datetime64, pd.Period)):  # taken from a frame: 2026-11-05
        month = pd.Timestamp(month.start_time if isinstance(month, pd.Period) else month)
    if isinstance(month, dt.date) and not pd.isna(month):
        return f"{month.year:04d}-{month.month:02d}"
    return None if month is None else check_month(month)


def summarize_attendance(paths: Sources, *, month: str | dt.date | None = None,
                         punches: PathLike | Iterable[PathLike] | None = None,
                         lang: str | None = None, options: BatchOptions | None = None,
                         output: PathLike | None = None) -> Calculation:
    """Summarise attendance workbooks (files, folders or glob patterns, read through
    :func:`opsbook.batch.run_files` with ``options``, its manifest beside ``output``; one per
    department or per month; employees keyed by employee_id across them, an ID a later file
    writes otherwise for the same name — 7 for 007, e-2 for E-2 — taken as the first writes
    it) for ``month``
    (YYYY-MM; default each workbook's month setting, else every month of its clock data;
    each workbook under its own settings, see :mod:`opsbook.attendance.groups`), with punch
    exports (``punches``: a ZKTeco-style log, a DingTalk raw record or daily report, a WeCom
    punch detail …).
    A date given as ``month`` is its month.

    Returns a :class:`~opsbook.core.kind.Calculation`: ``report`` (every input's validation,
    the exports' problems and the summary's notes), ``result`` (an AttendanceResult with the
    ``daily``, ``monthly``, ``departments`` and ``violations`` frames), and ``sheets`` (Daily,
    Monthly, Departments, Violations). When an input has errors, or there is no clock data for
    the month, nothing is computed: ``result`` is None and ``report`` says why (a punch
    export given in ``paths`` instead of ``punches`` is ``punch-export-as-workbook``). Raises
    ValueError (:class:`~opsbook.api.common.Refused`) for a ``month`` not written YYYY-MM,
    a ``lang`` other than "en" and "zh", or ``punches`` that are not paths (a number, a
    Book), CannotWrite when ``output`` holds a file of the
    user's (:func:`~opsbook.api.workbook.check_replaceable`), before any file is read.
    """
    from opsbook.api.workbook import check_replaceable

    month = month_of(month)
    check_lang(lang)
    check_replaceable(output)  # a file of the user's there: CannotWrite, before any reading
    kind = registry.get(KIND)
    # a number, a Book or None among them: Refused in words, before any file is read
    punches = [] if punches is None else paths_only(
        punches, "summarize_attendance", ("the punch exports", "打卡导出文件"),
        ("files", "文件"))
    if isinstance(punches, (str, os.PathLike)):
        punches = [punches]
    books, report = load_many(paths, kind, options=options, command="attendance summarize",
                              settings={"month": month, "lang": lang,
                                        "punches": [exported(p) for p in punches]},
                              output=output)
    if not books and report.valid and report.readable:  # every file skipped, none wrong
        report.issues.append(Issue("no-attendance-read", file=str(output or "") or None))
        return Calculation(report)
    report = _exports_among(report)
    # the year of an export's dates written without one: --month, else the first
    # workbook's month setting
    logs, notes = read_punches(punches, month or next(
        (book.settings.month for book in books if book.settings.month), None))
    report.merge(notes)
    if lang is not None:
        for book in books:
            book.lang = lang
    report.lang = lang or report.lang
    return calculate_books(kind, books, report, month=month, punches=logs)


def demo(folder: Path, samples: dict[str, Path], say: Callable[[str], None]) -> int:
    """The demo's attendance step: ``attendance summarize`` of the Chinese sample."""
    sample = samples[KIND]
    return demo_write(summarize_attendance([sample]), folder / f"{KIND}.summary.xlsx", say,
                      f"attendance summarize {sample.name}")


def exported(path: PathLike) -> list[str | None]:
    """A punch export as the manifest's settings record it: its name and SHA-256 (None when
    it cannot be read), so that an edited export is read again under ``--skip-unchanged``."""
    from opsbook.batch import digest

    try:
        return [str(path), digest(path)[0]]
    except OSError:
        return [str(path), None]
