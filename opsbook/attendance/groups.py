"""Several attendance workbooks, each under its own Settings.

Each workbook covers months: the ``month`` asked for, else its month setting, else every
month its clock rows fall in (a workbook with neither covers the months of the whole run).
An employee's month is summarised under the rules (shift, grace, thresholds) of the first
workbook that lists the employee and covers that month, with the name and department that
workbook gives, and with the clock rows, punches, leave
and overtime of that employee from whichever workbook or export they come; a clock row of
someone no workbook lists goes with the workbook it is in (an export's, with the first
workbook), and a row in a month no workbook of its employee covers is left out with a
warning. Holidays count for every month. The summaries of each set of rules and month are
put one after another, the Departments totals made again from them all. Pure pandas: no
file is touched.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Sequence

import numpy as np
import pandas as pd

from opsbook.attendance.clock import left_out, standard
from opsbook.attendance.compute import AttendanceResult, named, outside_issues, summarize
from opsbook.attendance.findings import combine
from opsbook.attendance.settings import AttendanceSettings
from opsbook.attendance.summary import departments

#: What the summary of one group says when it has nothing to summarise: said for the whole
#: run only when no group has anything.
_EMPTY = ("no-clock-data", "no-month")


def rule_groups(settings: Sequence[AttendanceSettings]) -> list[list[int]]:
    """Positions of the workbooks whose settings agree but for the month, in the order of
    their first workbook."""
    groups: dict[str, list[int]] = {}
    for n, one in enumerate(settings):
        rules = one.model_dump(mode="json")
        rules.pop("month", None)
        groups.setdefault(json.dumps(rules, sort_keys=True, default=str), []).append(n)
    return list(groups.values())


def covered(settings: Sequence[AttendanceSettings], clock: pd.DataFrame | None,
            month: str | None) -> list[list[str]]:
    """The months each workbook covers: ``month`` when given; else its month setting; else
    every month its clock rows fall in (the first workbook's also of the exports'); else
    the months of all the others."""
    books = len(settings)
    found: list[list[str]] = []
    for k, one in enumerate(settings):
        if month or one.month:
            found.append([month or one.month])
            continue
        days = np.empty(0, dtype="datetime64[M]")
        if clock is not None and len(clock):
            source = clock["source"].to_numpy()
            mine = (source == k) | ((k == 0) & (source >= books))
            days = pd.to_datetime(clock["date"][mine]).dropna().to_numpy().astype(
                "datetime64[M]")
        found.append([str(m) for m in np.unique(days)])
    run = sorted({m for months in found for m in months})
    return [months or run for months in found]


def summarize_groups(settings: Sequence[AttendanceSettings], groups: list[list[int]],
                     employees: pd.DataFrame | None, clock: pd.DataFrame | None,
                     holidays: pd.DataFrame | None, leave: pd.DataFrame | None,
                     overtime: pd.DataFrame | None, month: str | None) -> AttendanceResult:
    """The summary of every workbook under its own settings (``settings`` per workbook,
    ``groups`` from :func:`rule_groups`) as one result. Every frame is of all the inputs,
    its ``source`` the input number (workbooks first, exports after them), so that findings
    stay located."""
    covers = covered(settings, clock, month)
    if len(groups) == 1 and all(c == covers[0] for c in covers):  # one set of rules, months
        rules = settings[0].model_copy(update={"month": ""})
        return summarize(employees, clock, holidays, leave, overtime, rules, month=covers[0])
    books = len(settings)
    group_of = np.empty(books, dtype=np.int64)
    for g, members in enumerate(groups):
        group_of[members] = g
    owner = owners(employees, covers)
    staff: dict[tuple[int, str], list[object]] = {}  # (group, month) → its employees
    for (employee, m), k in owner.items():
        staff.setdefault((int(group_of[k]), m), []).append(employee)
    rows = standard(clock) if clock is not None else None
    group = month_of = None
    if rows is not None:
        group, month_of = _units(rows, owner, covers, group_of)
        for g, m in zip(group.tolist(), month_of.tolist()):
            if g >= 0:
                staff.setdefault((g, m), [])  # only unknown employees' rows, maybe
    results = []
    for (g, m), ids in sorted(staff.items(), key=lambda unit: (unit[0][1], unit[0][0])):
        mine = None if rows is None else clock[(group == g) & (month_of == m)]
        rules = settings[groups[g][0]].model_copy(update={"month": ""})
        results.append(summarize(_listed_by(employees, owner, ids, m), mine, holidays,
                                 _rows_of(leave, ids), _rows_of(overtime, ids), rules,
                                 month=[m]))
    if rows is not None and (group < 0).any():  # in no month of their workbooks
        run = sorted({m for months in covers for m in months})
        out = outside_issues(left_out(rows[group < 0]), run)
        if results:
            results[0].issues.extend(out)
    if not results:  # nothing to summarise at all: as one summary says it
        return summarize(employees, clock, holidays, leave, overtime,
                         settings[0].model_copy(update={"month": ""}), month=[])
    return join(results)


def join(results: list[AttendanceResult]) -> AttendanceResult:
    """Summaries of groups of employees as one; a group's ``no-clock-data`` or ``no-month``
    is said only when every group says it, and its ``unknown-clock-ids`` only then too."""
    if len(results) == 1:
        return results[0]
    monthly = pd.concat([r.monthly for r in results], ignore_index=True)
    said_by_all = set.intersection(*({i.code for i in r.issues} for r in results))
    # IDs no one lists are worth a word of their own only when nothing could be summarised
    quiet = {*_EMPTY, *(() if "no-clock-data" in said_by_all else ("unknown-clock-ids",))}
    issues = [i for r in results for i in r.issues if i.code not in quiet]
    months = sorted({m for r in results for m in r.months})
    for code in _EMPTY:
        if code in said_by_all:  # once for the run, naming every month of it
            first = next(i for i in results[0].issues if i.code == code)
            issues.append(dataclasses.replace(first, params={**first.params, **named(months)})
                          if "months" in first.params else first)
    return AttendanceResult(
        months,
        pd.concat([r.calendar for r in results]).drop_duplicates("date").sort_values(
            "date", kind="mergesort").reset_index(drop=True),
        pd.concat([r.daily for r in results], ignore_index=True), monthly,
        departments(monthly), combine([r.violations for r in results]), issues,
        results[0].policy)


def owners(employees: pd.DataFrame | None, covers: list[list[str]]
            ) -> dict[tuple[object, str], int]:
    """(employee_id, month) → the first workbook that lists the employee and covers the
    month."""
    owner: dict[tuple[object, str], int] = {}
    if employees is None or employees.empty:
        return owner
    listed = employees[employees["employee_id"].notna()]
    for employee, book in zip(listed["employee_id"].tolist(), listed["source"].tolist()):
        for m in covers[int(book)]:
            owner.setdefault((employee, m), int(book))
    return owner


def _units(rows: pd.DataFrame, owner: dict[tuple[object, str], int], covers: list[list[str]],
           group_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per standard clock row, the group and month ("YYYY-MM") of the summary it belongs to
    (group -1 for a row in no month its employee's workbooks cover). Vectorised: a clock row
    of someone a workbook lists goes with that employee's owner of the month; one of someone
    no workbook lists, with the workbook it is in (an export's with the first) if it covers
    the month."""
    months = pd.to_datetime(rows["date"]).to_numpy().astype("datetime64[M]").astype(str)
    keys = pd.DataFrame({"employee_id": rows["employee_id"].to_numpy(dtype=object),
                         "month": months})
    owners = pd.DataFrame([(e, m, k) for (e, m), k in owner.items()],
                          columns=["employee_id", "month", "book"])
    owned = keys.merge(owners, on=["employee_id", "month"], how="left")["book"]
    listed = keys["employee_id"].isin(owners["employee_id"]).to_numpy()
    source = rows["source"].to_numpy(dtype=np.int64)
    own_book = np.where(source < len(covers), source, 0)
    covering = pd.DataFrame([(k, m) for k, ms in enumerate(covers) for m in ms],
                            columns=["book", "month"]).drop_duplicates().assign(covers=True)
    in_cover = pd.DataFrame({"book": own_book, "month": months}).merge(
        covering, on=["book", "month"], how="left")["covers"].eq(True).to_numpy()
    book = np.where(listed, owned.fillna(-1).to_numpy(dtype=np.int64),
                    np.where(in_cover, own_book, -1))
    group = np.where(book >= 0, group_of[np.maximum(book, 0)], -1).astype(np.int64)
    return group, months


def _listed_by(employees: pd.DataFrame | None, owner: dict[tuple[object, str], int],
               ids: list[object], month: str) -> pd.DataFrame | None:
    """The Employees rows of ``ids`` as the workbook that owns each one's ``month`` lists
    them: someone who moved from Sales in the October workbook to Ops in the November one is
    in Ops in November, whichever workbook comes first."""
    if employees is None or not ids:
        return None if employees is None else employees.iloc[:0]
    pairs = pd.MultiIndex.from_arrays([employees["employee_id"].to_numpy(dtype=object),
                                       employees["source"].to_numpy(dtype=np.int64)])
    wanted = pd.MultiIndex.from_tuples([(e, owner[(e, month)]) for e in ids])
    return employees[pairs.isin(wanted)]


def _rows_of(frame: pd.DataFrame | None, ids: list[object]) -> pd.DataFrame | None:
    """The rows of ``frame`` of the employees ``ids``."""
    if frame is None:
        return None
    return frame[frame["employee_id"].isin(ids).to_numpy()]
