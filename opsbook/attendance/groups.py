"""Several attendance workbooks, each under its own Settings.

Workbooks whose rules agree (every setting but the month) are summarised together over the
months they name; those whose rules differ (a department's own shift and grace) are
summarised apart and put one after another, the Departments totals made again from them all.
An employee belongs to the group of the first workbook that lists them, and their clock rows,
punches, leave and overtime go with them from whichever workbook or export they come; a
clock row of someone no workbook lists goes with the workbook it is in (an export's, with the
first workbook). Holidays count for every group. Pure pandas: no file is touched.
"""

from __future__ import annotations

import json
from typing import Sequence

import numpy as np
import pandas as pd

from opsbook.attendance.compute import AttendanceResult, summarize
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


def months_for(named: dict[int, str], clock: pd.DataFrame | None, month: str | None
               ) -> list[str]:
    """The months a group summarises: ``month`` when given; else the months its inputs name
    (``named``: input number → month setting, blank for none), and every month the clock
    rows fall in of the inputs that name none."""
    if month:
        return [month]
    months = {m for m in named.values() if m}
    blank = [n for n, m in named.items() if not m]
    if blank and clock is not None and len(clock):
        rows = clock[clock["source"].isin(blank).to_numpy()]
        days = pd.to_datetime(rows["date"]).dropna().to_numpy().astype("datetime64[M]")
        months |= {str(m) for m in np.unique(days)}
    return sorted(months)


def summarize_groups(settings: Sequence[AttendanceSettings], groups: list[list[int]],
                     employees: pd.DataFrame | None, clock: pd.DataFrame | None,
                     holidays: pd.DataFrame | None, leave: pd.DataFrame | None,
                     overtime: pd.DataFrame | None, month: str | None) -> AttendanceResult:
    """The summary of every group of workbooks (``settings`` per workbook, ``groups`` from
    :func:`rule_groups`) as one result. Every frame is of all the inputs, its ``source`` the
    input number (workbooks first, exports after them), so that findings stay located."""
    books = len(settings)
    exports = sorted(set(clock["source"]) - set(range(books))) if clock is not None else []
    named = [{**{k: settings[k].month for k in members},  # exports: as the first workbook
              **({n: settings[0].month for n in exports} if g == 0 else {})}
             for g, members in enumerate(groups)]
    if len(groups) == 1:  # one set of rules: every row of every input together
        rules = settings[0].model_copy(update={"month": ""})
        return summarize(employees, clock, holidays, leave, overtime, rules,
                         month=months_for(named[0], clock, month))
    owner = _owners(employees, groups)
    parts = [_mine(clock, owner, g, members, books) for g, members in enumerate(groups)]
    months = [months_for(named[g], parts[g], month) for g in range(len(groups))]
    run = sorted({m for found in months for m in found})
    results = []
    for g, members in enumerate(groups):
        rules = settings[members[0]].model_copy(update={"month": ""})
        results.append(summarize(
            _mine(employees, owner, g, members, books), parts[g], holidays,
            _mine(leave, owner, g, members, books), _mine(overtime, owner, g, members, books),
            rules, month=months[g] or run))
    return join(results)


def join(results: list[AttendanceResult]) -> AttendanceResult:
    """Summaries of groups of employees as one; a group's ``no-clock-data`` or ``no-month``
    is said only when every group says it."""
    if len(results) == 1:
        return results[0]
    monthly = pd.concat([r.monthly for r in results], ignore_index=True)
    empty = [{i.code for i in r.issues} & set(_EMPTY) for r in results]
    issues = [i for r in results for i in r.issues
              if i.code not in _EMPTY or all(i.code in codes for codes in empty)]
    seen: set[str] = set()
    issues = [i for i in issues if i.code not in _EMPTY or not (i.code in seen
                                                               or seen.add(i.code))]
    return AttendanceResult(
        sorted({m for r in results for m in r.months}),
        pd.concat([r.calendar for r in results]).drop_duplicates("date").sort_values(
            "date", kind="mergesort").reset_index(drop=True),
        pd.concat([r.daily for r in results], ignore_index=True), monthly,
        departments(monthly), combine([r.violations for r in results]), issues,
        results[0].policy)


def _owners(employees: pd.DataFrame | None, groups: list[list[int]]) -> pd.Series:
    """employee_id → the group of the first workbook that lists the employee."""
    if employees is None or employees.empty:
        return pd.Series(dtype=np.int64)
    group_of = {k: g for g, members in enumerate(groups) for k in members}
    first = employees[employees["employee_id"].notna()].drop_duplicates("employee_id")
    return pd.Series(first["source"].map(group_of).to_numpy(dtype=np.int64),
                     index=first["employee_id"].to_numpy(dtype=object))


def _mine(frame: pd.DataFrame | None, owner: pd.Series, group: int, members: list[int],
          books: int) -> pd.DataFrame | None:
    """The rows of ``frame`` for ``group``: its employees' rows from any input, and the rows
    of employees no workbook lists that are in its own workbooks (an export's, in the first
    group's)."""
    if frame is None:
        return None
    ids = frame["employee_id"]
    known = ids.isin(owner.index).to_numpy()
    source = frame["source"].to_numpy() if "source" in frame else np.zeros(len(frame), int)
    home = np.isin(source, members) | ((group == 0) & (source >= books))
    mine = np.where(known, ids.map(owner).eq(group).to_numpy(), home)
    return frame[mine]
