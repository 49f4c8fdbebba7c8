"""A Punches sheet with a Name (姓名) column and no ID column was refused as a missing header
(a header must name two fields, and Name is read as an extra column): a sheet found by its
name (Punches, 打卡明细 …) now counts its Name column to find the header, and its punches
are matched by name. A sheet of IDs and names under another name is still not taken for
the Punches sheet by its headers."""

from __future__ import annotations

import datetime as dt

from quirkbooks import write

import opsbook
from opsbook.attendance.schema import PUNCHES
from opsbook.core.table import RawSheet, lay_out

EMPLOYEES = [["工号", "姓名", "部门"], ["1001", "王五", "运营部"], ["1002", "赵六", "运营部"]]


def test_a_punches_sheet_of_names(tmp_path):
    path = write(tmp_path / "kq.xlsx", {
        "员工": EMPLOYEES,
        "打卡明细": [["姓名", "打卡时间"], ["王五", "2026-11-02 08:58"],
                     ["王五", "2026-11-02 18:03"], ["赵六", "2026-11-02 09:20"],
                     ["赵六", "2026-11-02 18:00"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    done = opsbook.summarize_attendance([path])
    assert [i.code for i in done.report.issues] == []
    day = done.result.daily.set_index(["employee_id", "date"]).sort_index()
    # 09:20 is 20 minutes late; 08:58 to 18:03 is 9 h 5 min
    assert day.loc[("1002", "2026-11-02"), ["status", "late_minutes"]].tolist() == ["late", 20]
    assert round(day.loc[("1001", "2026-11-02"), "hours_worked"] * 60) == 9 * 60 + 5


def test_a_name_alone_is_no_header():
    raw = RawSheet("Punches", [["姓名", "部门"], ["王五", "运营部"]])
    issues = lay_out(raw, PUNCHES).issues
    assert [i.code for i in issues] == ["missing-header"]
    assert "Punch Time/打卡时间" in issues[0].message("en")
    assert "Punch Time/打卡时间" in issues[0].message("zh")


def test_a_roster_of_ids_and_names_is_not_taken_for_punches(tmp_path):
    path = write(tmp_path / "kq.xlsx", {
        "员工": EMPLOYEES,
        "名单": [["工号", "姓名"], ["1001", "王五"], ["1002", "赵六"]],
        "考勤": [["工号", "日期", "上班打卡", "下班打卡"],
                 ["1001", dt.date(2026, 11, 2), dt.time(9), dt.time(18)]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    book = opsbook.load(path)
    assert "Punches" not in book.tables
    assert [(i.code, i.sheet) for i in book.issues] == [("sheet-found-by-headers", "考勤")]


def test_a_sheet_of_names_and_times_under_another_name_is_not_punches(tmp_path):
    path = write(tmp_path / "kq.xlsx", {
        "员工": EMPLOYEES,
        "考勤": [["工号", "日期", "上班打卡", "下班打卡"],
                 ["1001", dt.date(2026, 11, 2), dt.time(9), dt.time(18)]],
        "备忘": [["姓名", "时间"], ["王五", "2026-11-02 08:58"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    assert "Punches" not in opsbook.load(path).tables


def test_a_holidays_sheet_of_dates_alone(tmp_path):
    # the same mechanism: a sheet found by its name whose header names every required
    # field (a Holidays sheet's Date) is read, though it names fewer than two
    path = write(tmp_path / "kq.xlsx", {
        "员工": EMPLOYEES[:2],
        "节假日": [["2026 年节假日"], ["日期"], [dt.date(2026, 11, 3)]],
        "打卡记录": [["工号", "日期", "上班打卡", "下班打卡"],
                     ["1001", dt.date(2026, 11, 2), dt.time(9), dt.time(18)]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    book = opsbook.load(path)
    assert [i.code for i in book.issues] == []
    assert book["Holidays"]["date"].tolist() == [dt.datetime(2026, 11, 3)]
    daily = opsbook.summarize_attendance([path]).result.daily.set_index("date")
    assert daily.loc["2026-11-03", "day_type"] == "holiday"


def test_a_punches_sheet_of_times_alone_says_what_it_lacks(tmp_path):
    path = write(tmp_path / "kq.xlsx", {
        "员工": EMPLOYEES[:2],
        "打卡明细": [["打卡时间"], ["2026-11-02 09:00"], ["2026-11-02 18:00"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    issues = opsbook.summarize_attendance([path]).report.errors
    assert [(i.code, i.sheet) for i in issues] == [("no-punch-columns", "打卡明细")]
    assert "Employee ID" in issues[0].message("en") and "工号或姓名" in issues[0].message("zh")
