"""The Departments totals are added up in one order whatever the order of the workbooks and
of their rows: 98, 62 and 160 minutes of overtime (5 h 20 min) summed as the rows came gave
5.333333333333334 in one order and 5.333333333333333 in another, so the written cell
depended on the order of the files."""

from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import run_cli
from quirkbooks import write

D, T = dt.date, dt.time


def _book(path, people):
    return write(path, {
        "Employees": [["Employee ID", "Name", "Department"],
                      *([e, f"Name {e}", "Ops"] for e, _out in people)],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  *([e, D(2026, 11, 2), T(9), out] for e, out in people)],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})


def _overtime(out):
    rows = list(openpyxl.load_workbook(out, read_only=True)["Departments"].iter_rows(
        values_only=True))
    return dict(zip(rows[1], rows[2]))["Unapproved Overtime (h)"]


def test_the_department_total_does_not_depend_on_the_order_of_the_files(tmp_path):
    # out at 20:40, 19:38 and 19:02: 160, 98 and 62 minutes of unapproved overtime
    first = _book(tmp_path / "a.xlsx", [("E3", T(20, 40)), ("E1", T(19, 38))])
    second = _book(tmp_path / "b.xlsx", [("E2", T(19, 2))])
    totals = []
    for n, order in enumerate(((first, second), (second, first))):
        out = tmp_path / f"summary{n}.xlsx"
        done = run_cli("attendance", "summarize", *order, "-o", out, "--quiet")
        assert done.returncode == 0, done.stdout + done.stderr
        totals.append(_overtime(out))
    assert totals[0] == totals[1]
    assert abs(totals[0] - 320 / 60) < 1e-12
