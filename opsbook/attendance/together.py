"""Workbooks summarised together that say different things of one thing: an Employee ID
given to two people, a day that is a holiday in one and a workday in another, an employee
listed in two departments for one month, a request given twice with other values. Each is
said at the later workbook's cell, with what is done about it, so that nothing is left to
the order of the files unsaid."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pandas as pd

from opsbook.attendance.compute import named
from opsbook.attendance.groups import owners
from opsbook.attendance.schema import LEAVE, OVERTIME
from opsbook.core.book import Book
from opsbook.core.cells import a1
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue
from opsbook.core.parse import folded


def told_otherwise(books: Sequence[Book], employees: pd.DataFrame | None,
                   covers: list[list[str]], groups: list[list[int]]) -> list[Issue]:
    """Every finding of this module for ``books`` (``employees``: their Employees rows
    stacked, departments in one spelling; ``covers``: the months of each book; ``groups``:
    the books whose settings agree)."""
    return [*id_clashes(books), *holiday_conflicts(books),
            *listed_twice(books, employees, covers, groups), *request_conflicts(books)]


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


def listed_twice(books: Sequence[Book], employees: pd.DataFrame | None,
                 covers: list[list[str]], groups: list[list[int]]) -> list[Issue]:
    """``employee-listed-twice`` at each Employees row of someone whom an earlier workbook
    covering one of the same months lists in another department or under other settings:
    such a month is summarised as that earlier workbook lists the employee, and this row
    is not used for it, which is said rather than left to the order of the files."""
    if employees is None or employees.empty:
        return []
    group_of = {k: g for g, members in enumerate(groups) for k in members}
    owner = owners(employees, covers)
    listed = employees[employees["employee_id"].notna()]
    names = listed["name"] if "name" in listed else pd.Series(None, index=listed.index)
    where = {(person, int(k)): (int(row), department, None if _blank(name) else normalize(name))
             for row, person, k, department, name in zip(
                 listed.index, listed["employee_id"], listed["source"], listed["department"],
                 names)}
    issues: list[Issue] = []
    for (person, k), (row, department, name) in where.items():
        lost: dict[int, list[str]] = {}
        for m in covers[k]:
            first = owner[(person, m)]
            if first != k:
                lost.setdefault(first, []).append(m)
        for first, months in lost.items():
            first_row, first_department, first_name = where[(person, first)]
            moved = _shown(department) != _shown(first_department)
            clash = None not in (name, first_name) and name != first_name
            if (not moved and group_of[first] == group_of[k]) or clash:
                continue  # counted alike; or two people, an employee-id-clash error
            file = Path(books[first].path or "").name
            table = books[k].tables["Employees"]
            issues.append(Issue(
                "employee-listed-twice", "warning", books[k].path, table.name,
                a1(row, table.columns["employee_id"]), row, field="employee_id",
                value=str(person), params={
                    **_twice(moved, _shown(department), _shown(first_department), file,
                             first_row), **named(months), "first_file": file}))
    return issues


def _shown(department: object) -> str:
    return "" if department is None or pd.isna(department) else str(department)


def _twice(moved: bool, department: str, first: str, file: str, row: int) -> dict[str, str]:
    """How the ``employee-listed-twice`` message says what differs, in English and Chinese."""
    if moved:
        return {"detail": f"in {department or '(no department)'} here but in "
                          f"{first or '(no department)'} in {file} (row {row})",
                "detail_zh": f"在此处属于“{department or '（无部门）'}”，在 {file}（第 {row} 行）"
                             f"却属于“{first or '（无部门）'}”"}
    return {"detail": f"listed here and in {file} (row {row}), whose settings differ",
            "detail_zh": f"同时列在此处和设置不同的 {file}（第 {row} 行）中"}


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


#: What two copies of one request (the same Request ID and employee) must agree on.
REQUEST_FIELDS = {"Leave": ("leave_type", "start", "end", "half", "approved_on", "status"),
                  "Overtime": ("date", "start", "end", "approved_on", "status")}


def request_conflicts(books: Sequence[Book]) -> list[Issue]:
    """``request-conflict`` at each Leave or Overtime row whose request (Request ID and
    employee, IDs compared as people mean them) an earlier workbook gives with another type,
    start, end, half day, approval date or status: a request copied into two department
    workbooks and changed in one. Both rows are read as they are (the days under an approved
    one are leave), so that the result does not depend on the order of the files."""
    issues: list[Issue] = []
    for sheet in (LEAVE, OVERTIME):
        labels = {f.id: (f.en, f.zh) for f in sheet.fields}
        first: dict[tuple[str, str], tuple[int, int, dict[str, object]]] = {}
        for k, book in enumerate(books):
            table = book.tables.get(sheet.id)
            if table is None or not len(table.frame) \
                    or not {"request_id", "employee_id"} <= set(table.frame.columns):
                continue
            frame = table.frame
            fields = [f for f in REQUEST_FIELDS[sheet.id] if f in frame]
            for row, request, person, *values in frame[
                    ["request_id", "employee_id", *fields]].itertuples(name=None):
                if _blank(request) or _blank(person):
                    continue
                mine = dict(zip(fields, values))
                seen = first.setdefault((folded(request), str(person)), (k, int(row), mine))
                differ = [f for f in fields if seen[0] != k and f in seen[2]
                          and not _same(seen[2][f], mine[f])]
                if differ:
                    issues.append(Issue(
                        "request-conflict", "warning", book.path, table.name,
                        a1(int(row), table.columns.get(differ[0], table.columns["request_id"])),
                        int(row), field=differ[0], value=str(request), params={
                            "first_file": Path(books[seen[0]].path or "").name,
                            "first_row": seen[1],
                            "fields": ", ".join(labels[f][0] for f in differ),
                            "fields_zh": "、".join(labels[f][1] for f in differ)}))
    return issues


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _same(one: object, other: object) -> bool:
    """Whether two cells of a request say the same (two blanks do)."""
    if _blank(one) or _blank(other):
        return _blank(one) and _blank(other)
    return bool(one == other)
