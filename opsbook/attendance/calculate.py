"""The attendance summary of one or more read workbooks (and punch exports): frames put
together, punches reduced, findings located, sheets made."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pandas as pd

from opsbook.attendance.compute import AttendanceResult, one_spelling, stack
from opsbook.attendance.groups import rule_groups, summarize_groups
from opsbook.attendance.locate import Source
from opsbook.attendance.outputs import sheets
from opsbook.attendance.policy import Policy
from opsbook.attendance.punch_match import match_employees
from opsbook.attendance.punches import PunchLog, punch_columns, reduce_punches, table_log
from opsbook.core.book import Book
from opsbook.core.cells import a1
from opsbook.core.headers import normalize
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
    the caller, matched with the employees of every book). Returns the result, the Source of
    every input (books first, then the exports) and the located issues.

    Each book counts under its own Settings (see :mod:`opsbook.attendance.groups`): the
    months it names (every month its clock rows fall in when its month is blank; ``month``
    for all when given), and its rules for the employees it lists first. A book's punches
    are reduced under its rules, an export's under the first book's.
    """
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
    for n, log in logs:
        log = match_employees(log, people)
        issues.extend(log.issues)
        sheet_names = dict(sources[n].sheets)
        sheet_names.update({sheet: (log.sheet, columns)
                            for sheet, columns in punch_columns(log).items()})
        sources[n] = Source(sources[n].path or log.file, sheet_names)
        if len(log.frame):
            clock_parts.append(reduce_punches(log, policies.get(n, policies[0]), source=n))
    issues.extend(id_clashes(books))
    issues.extend(holiday_conflicts(books))
    clock = pd.concat(clock_parts) if clock_parts else None
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


def id_clashes(books: Sequence[Book]) -> list[Issue]:
    """``employee-id-clash`` at each Employees row whose ID an earlier workbook gives to
    someone of another name (compared as people mean it: case, width and spaces aside):
    two departments numbering their staff from E001, summarised together."""
    first: dict[str, tuple[str, str, int]] = {}  # id → (name, file, row)
    issues: list[Issue] = []
    for book in books:
        table = book.tables.get("Employees")
        if table is None or "name" not in table.frame:
            continue
        frame = table.frame
        for row, person, name in zip(frame.index, frame["employee_id"], frame["name"]):
            if person is None or pd.isna(person) or name is None or pd.isna(name):
                continue
            key, said = str(person), str(name)
            seen = first.setdefault(key, (said, book.path, int(row)))
            if seen[1] != book.path and normalize(seen[0]) != normalize(said):
                issues.append(Issue(
                    "employee-id-clash", "error", book.path, table.name,
                    a1(int(row), table.columns["employee_id"]), int(row), value=key,
                    params={"name": said, "first_name": seen[0],
                            "first_file": Path(seen[1]).name, "first_row": seen[2]}))
    return issues


def holiday_conflicts(books: Sequence[Book]) -> list[Issue]:
    """``holiday-conflict`` at each Holidays row whose day an earlier workbook summarised
    with it gives the other kind (a holiday here, a make-up workday there): the Holidays of
    every workbook make one calendar, and the earlier workbook's kind is the one used."""
    first: dict[pd.Timestamp, tuple[str, str, int]] = {}  # day → (kind, file, row)
    issues: list[Issue] = []
    for book in books:
        table = book.tables.get("Holidays")
        if table is None or "date" not in table.frame or not len(table.frame):
            continue
        frame = table.frame
        days = pd.to_datetime(frame["date"], errors="coerce").dt.normalize()
        kinds = frame["kind"] if "kind" in frame else pd.Series(None, index=frame.index)
        for row, day, kind in zip(frame.index, days, kinds.fillna("holiday")):
            if pd.isna(day):
                continue
            seen = first.setdefault(day, (str(kind), book.path, int(row)))
            if seen[1] != book.path and seen[0] != str(kind):
                column = table.columns.get("kind", table.columns["date"])
                issues.append(Issue(
                    "holiday-conflict", "warning", book.path, table.name,
                    a1(int(row), column), int(row), field="kind", value=day.date().isoformat(),
                    params={**_day_kind("", str(kind)), **_day_kind("first_", seen[0]),
                            "first_file": Path(seen[1]).name, "first_row": seen[2]}))
    return issues


def _day_kind(prefix: str, kind: str) -> dict[str, str]:
    """A Holidays kind as the ``holiday-conflict`` message says it, in English and Chinese."""
    en, zh = _KINDS.get(kind, (kind, kind))
    return {f"{prefix}kind": en, f"{prefix}kind_zh": zh}


_KINDS = {"holiday": ("holiday", "节假日"), "workday": ("make-up workday", "调休上班")}


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
