"""One workbook per month: someone who moved department is summarised, on the Monthly,
Departments and Violations sheets, under the department the month's own workbook gives,
whichever workbook comes first."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from quirkbooks import D, T, base, write

import opsbook


def month_book(path, month, department):
    """E001 (in ``department``) and E002 (Sales) on time every weekday of 2026-``month``,
    but E001 half an hour late on the 5th."""
    sheets = base("attendance")
    sheets["Employees"] = [sheets["Employees"][0], ["E001", "张伟", department],
                           ["E002", "李娜", "Sales"]]
    days = [dt.date(2026, month, d) for d in range(1, calendar.monthrange(2026, month)[1] + 1)
            if dt.date(2026, month, d).weekday() < 5]
    sheets["Clock"] = [sheets["Clock"][0], *[
        [e, D(2026, month, d.day), T(9, 30) if (e, d.day) == ("E001", 5) else T(9, 0),
         T(18, 0)] for e in ("E001", "E002") for d in days]]
    sheets["Settings"] = [["Key", "Value"], ["month", f"2026-{month:02d}"]]
    return write(path, sheets)


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_move_from_sales_to_ops_is_told_in_each_month_s_department(tmp_path, order):
    books = [month_book(tmp_path / "2026-10.xlsx", 10, "Sales"),
             month_book(tmp_path / "2026-11.xlsx", 11, "Ops")]
    done = opsbook.summarize_attendance([books[k] for k in order])
    assert done.computed, done.report.issues
    monthly = done.result.monthly.set_index(["month", "employee_id"])
    assert monthly.loc[("2026-10", "E001"), "department"] == "Sales"
    assert monthly.loc[("2026-11", "E001"), "department"] == "Ops"
    heads = done.result.departments.set_index(["month", "department"])["headcount"]
    assert heads.to_dict() == {("2026-10", "Sales"): 2, ("2026-11", "Ops"): 1,
                               ("2026-11", "Sales"): 1}
    daily = done.result.daily
    assert set(daily.loc[daily["month"] == "2026-11"].query("employee_id == 'E001'")[
        "department"]) == {"Ops"}
    violations = {row[0]: row[1:] for row in done.sheets[3].rows}
    assert violations[dt.datetime(2026, 10, 5)][2] == "Sales"
    assert violations[dt.datetime(2026, 11, 5)][2] == "Ops"
