"""The attendance summary of one or more read workbooks (and punch exports): frames put
together, punches reduced, findings located, sheets made."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Sequence

import numpy as np
import pandas as pd

from opsbook.attendance.compute import AttendanceResult, stack, summarize
from opsbook.attendance.findings import combine
from opsbook.attendance.locate import Source
from opsbook.attendance.outputs import sheets
from opsbook.attendance.policy import Policy
from opsbook.attendance.punch_match import match_employees
from opsbook.attendance.punches import PunchLog, reduce_punches, table_log
from opsbook.attendance.summary import departments
from opsbook.core.book import Book
from opsbook.core.cells import a1
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation
from opsbook.core.locate import locate

SHEETS = ("Employees", "Holidays", "Clock", "Leave", "Overtime")


def _frames(books: Sequence[Book], sheet_id: str) -> pd.DataFrame | None:
    return stack(getattr(book.tables.get(sheet_id), "frame", None) for book in books)


def summarize_books(books: Sequence[Book], *, month: str | None = None,
                    punches: Sequence[PunchLog] = ()) -> tuple[AttendanceResult, list[Source],
                                                               list[Issue]]:
    """Summarise the books (employees keyed by employee_id across them; the Holidays of every
    book), with the punches of each book's Punches sheet and of ``punches`` (exports read by
    the caller). Returns the result, the Source of every input (books first, then the
    exports) and the located issues.

    Each book is summarised under its own Settings: books whose settings agree (the month
    ``month`` gives counting for every book) are summarised together, and the summaries of
    books that differ (a department's own shift, one workbook per month) are put one after
    another, the Departments totals made again from them all. The exports go with the
    first book's settings.
    """
    groups: dict[str, list[int]] = {}
    for n, book in enumerate(books):
        rules = book.settings.model_dump(mode="json")
        rules["month"] = month or rules.get("month")
        groups.setdefault(json.dumps(rules, sort_keys=True, default=str), []).append(n)
    if len(groups) == 1:
        return _summarized(books, books, month, punches)
    parts = [(members, _summarized([books[k] for k in members], books, month,
                                   punches if first else ()))
             for first, members in zip((True, *[False] * len(groups)), groups.values())]
    return _joined(books, parts)


def _joined(books: Sequence[Book], parts: list[tuple[list[int], tuple[
        AttendanceResult, list[Source], list[Issue]]]]) -> tuple[AttendanceResult, list[Source],
                                                                 list[Issue]]:
    """The summaries of groups of ``books`` (each with the books' positions) as one: every
    ``source`` number made the input's position among all the inputs."""
    sources = [Source.of_book(book) for book in books]
    results, issues = [], []
    for members, (result, own, found) in parts:
        where = np.array(members + list(range(len(sources), len(sources) + len(own)
                                              - len(members))), dtype=np.int64)
        for k, source in zip(members, own):
            sources[k] = source  # with its Punches sheet, when it has one
        sources.extend(own[len(members):])  # the exports, with the first group

        results.append(replace(result, daily=_moved(result.daily, where, (
            "clock_source", "emp_source", "unapproved_source")),
            violations=_moved(result.violations, where, ("source",))))
        issues.extend(found)
    monthly = pd.concat([r.monthly for r in results], ignore_index=True)
    joined = AttendanceResult(
        sorted({m for r in results for m in r.months}),
        pd.concat([r.calendar for r in results]).drop_duplicates("date").sort_values(
            "date", kind="mergesort").reset_index(drop=True),
        pd.concat([r.daily for r in results], ignore_index=True), monthly,
        departments(monthly), combine([r.violations for r in results]),
        [i for r in results for i in r.issues], results[0].policy)
    return joined, sources, issues


def _moved(frame: pd.DataFrame, where: np.ndarray, columns: tuple[str, ...]) -> pd.DataFrame:
    """``frame`` with the input numbers in ``columns`` made ``where[number]`` (blanks kept)."""
    out = {}
    for column in columns:
        if column in frame:
            numbers = frame[column]
            known = numbers.notna().to_numpy()
            moved = numbers.astype(object).to_numpy().copy()
            moved[known] = where[numbers[known].to_numpy(dtype=np.int64)]
            out[column] = pd.Series(moved, index=frame.index).astype(numbers.dtype)
    return frame.assign(**out)


def _summarized(books: Sequence[Book], every: Sequence[Book], month: str | None,
                punches: Sequence[PunchLog]) -> tuple[AttendanceResult, list[Source],
                                                      list[Issue]]:
    """:func:`summarize_books` of books whose settings agree (the Holidays of ``every``
    book count)."""
    settings = books[0].settings
    policy = Policy.of(settings)
    employees = _frames(books, "Employees")
    people = employees if employees is not None else pd.DataFrame(
        columns=["employee_id", "name", "department"])
    sources = [Source.of_book(book) for book in books]
    issues: list[Issue] = []
    logs: list[tuple[int, PunchLog]] = []
    for n, book in enumerate(books):
        if "Punches" in book and not book["Punches"].empty:
            table = book.tables["Punches"]
            logs.append((n, table_log(table.frame, table.columns, table.extras,
                                      sheet=table.name, file=book.path)))
    for log in punches:
        sources.append(Source(log.file, {}))
        logs.append((len(sources) - 1, log))
    clock_parts = [frame.assign(source=n, sheet="Clock") for n, frame in
                   ((n, book["Clock"]) for n, book in enumerate(books)) if len(frame)]
    for n, log in logs:
        log = match_employees(log, people)
        issues.extend(log.issues)
        sheet_names = dict(sources[n].sheets)
        sheet_names["Punches"] = (log.sheet, log.cell_columns())
        sources[n] = Source(sources[n].path or log.file, sheet_names)
        if len(log.frame):
            clock_parts.append(reduce_punches(log, policy, source=n))
    clock = pd.concat(clock_parts) if clock_parts else None
    result = summarize(employees, clock, _frames(every, "Holidays"), _frames(books, "Leave"),
                       _frames(books, "Overtime"), settings, month=month)
    for issue in result.issues:
        source = issue.params.pop("source", 0)
        if source < len(books):
            issues.append(locate(books[source], issue))
        else:
            where = sources[source]
            name, columns = where.sheets.get("Punches", ("", {}))
            issue.file, issue.sheet = where.path, name
            if issue.row and columns.get(issue.field or ""):
                issue.cell = a1(issue.row, columns[issue.field])
            issues.append(issue)
    return result, sources, issues


def headline(result: AttendanceResult, lang: str) -> str:
    """One line on what was summarised, in ``lang``."""
    months = ", ".join(result.months)
    people = result.daily["employee_id"].nunique()
    late = int(result.monthly["late_count"].sum())
    absent = float(result.monthly["absent_days"].sum())
    found = len(result.violations)
    if lang == "zh":
        return (f"{months}：{people} 人，迟到 {late} 次，旷工 {absent:g} 天，"
                f"违规记录 {found} 条")
    return (f"{months}: {people} employees, {late} late arrivals, {absent:g} days absent, "
            f"{found} findings")


def calculate(books: list[Book], *, month: str | None = None,
              punches: Sequence[PunchLog] = ()) -> Calculation:
    """Daily, Monthly, Departments and Violations of valid attendance Books (one for the
    Calculate button, several for ``attendance summarize``), in the first book's language.

    A month with no clock data comes back with the ``no-clock-data`` error and no result.
    """
    result, sources, issues = summarize_books(books, month=month, punches=punches)
    lang = books[0].lang
    report = Report.of(issues, lang)
    if any(i.code in ("no-clock-data", "no-month") for i in issues):
        return Calculation(report)
    return Calculation(report, result, sheets(result, lang, sources), headline(result, lang))
