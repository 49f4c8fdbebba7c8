"""Someone who joins or leaves within the month: the days before Joined On and after Left On
(optional Employees columns) are not theirs — no Daily row, no work day, no absence — while a
clock row outside them is counted all the same and told by ``validate``."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from quirkbooks import D, T, write

import opsbook


def staff(tmp_path, header):
    sheets = {
        "员工": [header,
                 ["E1", "甲", "运营部", D(2026, 11, 16), None],   # joins on a Monday
                 ["E2", "乙", "运营部", None, D(2026, 11, 4)],    # leaves on a Wednesday
                 ["E3", "丙", "运营部", None, D(2026, 10, 31)],   # left before the month
                 ["E4", "丁", "销售部", None, None]],
        "打卡记录": [["工号", "日期", "上班打卡", "下班打卡"],
                 ["E1", D(2026, 11, 16), T(9, 0), T(18, 0)],
                 ["E2", D(2026, 11, 3), T(9, 0), T(18, 0)],
                 ["E2", D(2026, 11, 5), T(9, 0), T(18, 0)],  # after leaving: still counted
                 ["E4", D(2026, 11, 5), T(9, 0), T(18, 0)]],
        "设置": [["参数", "值"], ["month", "2026-11"]],
    }
    return write(tmp_path / "staff.xlsx", sheets)


def test_days_outside_employment_are_not_work_days_nor_absences(tmp_path):
    """November 2026 has 21 weekdays. E1 from Mon 16th: 16–20, 23–27, 30 = 11 work days,
    present on the 16th, absent 10. E2 until Wed 4th, with a clock row on the 5th: Nov 1–5
    are theirs, work days 2, 3, 4, 5 = 4, present on the 3rd and 5th, absent 2. E3 left in
    October: no row at all. E4 as before: 21 work days, 20 absent."""
    path = staff(tmp_path, ["工号", "姓名", "部门", "入职日期", "离职日期"])
    done = opsbook.summarize_attendance([path])
    assert done.computed, done.report.issues
    monthly = done.result.monthly.set_index("employee_id")
    assert list(monthly.index) == ["E1", "E2", "E4"]
    got = monthly[["work_days", "days_present", "absent_days", "violations"]]
    assert got.loc["E1"].tolist() == [11, 1, 10, 10]
    assert got.loc["E2"].tolist() == [4, 2, 2, 2]
    assert got.loc["E4"].tolist() == [21, 1, 20, 20]
    days = done.result.daily.groupby("employee_id")["date"].agg(["min", "max", "size"])
    assert days.loc["E1"].tolist() == [pd.Timestamp("2026-11-16"), pd.Timestamp("2026-11-30"),
                                       15]
    assert days.loc["E2"].tolist() == [pd.Timestamp("2026-11-01"), pd.Timestamp("2026-11-05"),
                                       5]
    ops = done.result.departments.set_index("department").loc["运营部"]
    assert (ops["headcount"], ops["work_days"], ops["absent_days"]) == (2, 15, 12)
    assert set(done.result.violations["date"][
        done.result.violations["employee_id"] == "E1"]) == {
        pd.Timestamp(2026, 11, d) for d in (17, 18, 19, 20, 23, 24, 25, 26, 27, 30)}
    told = [i for i in done.report.issues if i.code == "clock-outside-employment"]
    assert [(i.sheet, i.cell, i.value) for i in told] == [("打卡记录", "B4", "E2")]
    assert "晚于离职日期 2026-11-04" in told[0].message("zh")
    assert "after leaving on 2026-11-04" in told[0].message("en")


def test_english_headers_and_their_other_spellings(tmp_path):
    """Hire Date / Last Working Day are read as Joined On / Left On."""
    path = staff(tmp_path, ["Employee ID", "Name", "Department", "Hire Date",
                            "Last Working Day"])
    done = opsbook.summarize_attendance([path])
    monthly = done.result.monthly.set_index("employee_id")
    assert monthly.loc["E1", "work_days"] == 11 and monthly.loc["E2", "work_days"] == 4


def test_left_before_joined_is_an_error_at_the_cell(tmp_path):
    sheets = {"Employees": [["Employee ID", "Name", "Department", "Joined On", "Left On"],
                            ["E1", "A", "Ops", D(2026, 11, 16), D(2026, 11, 10)]],
              "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                        ["E1", D(2026, 11, 12), T(9, 0), T(18, 0)]],
              "Settings": [["Key", "Value"], ["month", "2026-11"]]}
    done = opsbook.summarize_attendance([write(tmp_path / "bad.xlsx", sheets)])
    assert done.result is None
    order = [i for i in done.report.issues if i.code == "date-order"]
    assert [(i.sheet, i.cell, i.severity) for i in order] == [("Employees", "E2", "error")]


def test_without_the_columns_everyone_is_employed_all_month(tmp_path):
    sheets = {"Employees": [["Employee ID", "Name", "Department"], ["E1", "A", "Ops"]],
              "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                        ["E1", dt.datetime(2026, 11, 3), T(9, 0), T(18, 0)]],
              "Settings": [["Key", "Value"], ["month", "2026-11"]]}
    done = opsbook.summarize_attendance([write(tmp_path / "plain.xlsx", sheets)])
    assert len(done.result.daily) == 30
    assert done.result.monthly["work_days"].tolist() == [21]
    assert not [i for i in done.report.issues if i.code == "clock-outside-employment"]
