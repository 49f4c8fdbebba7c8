"""The attendance summary of one or more read workbooks (and punch exports): frames put
together, punches reduced, findings located, sheets made."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from opsbook.attendance.compute import AttendanceResult, stack
from opsbook.attendance.groups import covered, rule_groups, summarize_groups
from opsbook.attendance.ids import across_books
from opsbook.attendance.locate import Source
from opsbook.attendance.outputs import sheets
from opsbook.attendance.policy import Policy
from opsbook.attendance.punch_days import punch_columns, reduce_punches
from opsbook.attendance.punch_match import match_employees
from opsbook.attendance.punches import PunchLog, table_log
from opsbook.attendance.together import told_otherwise
from opsbook.core.book import Book
from opsbook.core.cells import a1
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation
from opsbook.core.locate import locate
from opsbook.core.spelling import one_spelling

SHEETS = ("Employees", "Holidays", "Clock", "Leave", "Overtime")


def _frames(books: Sequence[Book], sheet_id: str) -> pd.DataFrame | None:
    return stack(getattr(book.tables.get(sheet_id), "frame", None) for book in books)


def summarize_books(books: Sequence[Book], *, month: str | None = None,
                    punches: Sequence[PunchLog] = ()) -> tuple[AttendanceResult, list[Source],
                                                               list[Issue]]:
    """Summarise the books (employees keyed by employee_id across them; the Holidays of every
    book), with the punches of each book's Punches sheet and of ``punches`` (exports read by
    the caller, matched with the employees of every book). Returns the result, the Source of
    every input (books first, then the exports) and the located issues.

    Each book counts under its own Settings (see :mod:`opsbook.attendance.groups`): the
    months it names (every month its clock rows fall in when its month is blank; ``month``
    for all when given), and its rules for the employees it lists first. A book's punches
    are dated under its rules (``shift_cutoff``), an export's under the first book's; the
    punches of every log are then reduced together (two time clocks' exports, or exports
    of overlapping periods: one day's punches, a punch given twice one punch).
    """
    across_books(books)  # 7 in one workbook is 007 of another, the name alike
    settings = [book.settings for book in books]
    groups = rule_groups(settings)
    policies = {k: Policy.of(settings[members[0]]) for members in groups for k in members}
    employees = _frames(books, "Employees")
    if employees is not None:  # one department, however each workbook spells it
        employees = employees.assign(department=one_spelling(employees["department"]))
    people = employees if employees is not None else pd.DataFrame(
        columns=["employee_id", "name", "department"])
    sources = [Source.of_book(book) for book in books]
    issues: list[Issue] = []
    logs: list[tuple[int, PunchLog]] = []
    for n, book in enumerate(books):
        if "Punches" in book and not book["Punches"].empty:
            table = book.tables["Punches"]
            logs.append((n, table_log(table.frame, table.columns, table.extras,
                                      sheet=table.name, file=book.path,
                                      headers=table.headers)))
    for log in punches:
        sources.append(Source(log.file, {}))
        logs.append((len(sources) - 1, log))
    clock_parts = [frame.assign(source=n, sheet="Clock") for n, frame in
                   ((n, book["Clock"]) for n, book in enumerate(books)) if len(frame)]
    pooled: list[tuple[int, PunchLog, Policy]] = []
    for n, log in logs:
        log = match_employees(log, people)
        issues.extend(log.issues)
        sheet_names = dict(sources[n].sheets)
        sheet_names.update({sheet: (log.sheet, columns)
                            for sheet, columns in punch_columns(log).items()})
        sources[n] = Source(sources[n].path or log.file, sheet_names)
        if len(log.frame):
            pooled.append((n, log, policies.get(n, policies[0])))
    if pooled:  # the punches of a day are those of every log, whichever file holds them
        clock_parts.append(reduce_punches(pooled))
    clock = pd.concat(clock_parts) if clock_parts else None
    issues.extend(told_otherwise(books, employees, covered(settings, clock, month), groups))
    result = summarize_groups(settings, groups, employees, clock, _frames(books, "Holidays"),
                              _frames(books, "Leave"), _frames(books, "Overtime"), month)
    for issue in result.issues:
        source = issue.params.pop("source", 0)
        if source < len(books) and not str(issue.sheet).startswith("Punches"):
            issues.append(locate(books[source], issue))
        else:
            where = sources[source]
            name, columns = where.sheets.get(issue.sheet or "", ("", {}))
            issue.file, issue.sheet = where.path, name
            if issue.row and columns.get(issue.field or ""):
                issue.cell = a1(issue.row, columns[issue.field])
            issues.append(issue)
    return result, sources, issues


def headline(result: AttendanceResult, lang: str) -> str:
    """One line on what was summarised, in ``lang``."""
    months = ("、" if lang == "zh" else ", ").join(result.months)
    people = result.daily["employee_id"].nunique()
    late = int(result.monthly["late_count"].sum())
    absent = float(result.monthly["absent_days"].sum())
    found = len(result.violations)
    if lang == "zh":
        return (f"{months}：{people} 人，迟到 {late} 次，旷工 {absent:g} 天，"
                f"违规记录 {found} 条")
    return (f"{months}: {_count(people, 'employee')}, {_count(late, 'late arrival')}, "
            f"{_count(absent, 'day')} absent, {_count(found, 'finding')}")


def _count(n: float, noun: str) -> str:
    """``1 employee``, ``36 employees``, ``0.5 day``, ``0 findings``."""
    return f"{n:g} {noun}" + ("" if 0 < abs(n) <= 1 else "s")


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
