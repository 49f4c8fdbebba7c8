"""Exports whose ID column is the device's or the app's own number (a DingTalk UserId, a
ZKTeco AC-No.) are matched by the row's name; clock data that is all of unknown IDs says so
beside "no clock data"."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from quirkbooks import base, export, write

import opsbook


def people(tmp_path):
    sheets = base("attendance")
    sheets["Employees"] = [sheets["Employees"][0], ["0012", "王五", "运营部"],
                           ["0013", "李娜", "运营部"]]
    sheets["Clock"] = sheets["Clock"][:1]
    return write(tmp_path / "people.xlsx", sheets)


def daily(done, employee, date):
    return done.result.daily.set_index(["employee_id", "date"]).loc[
        (employee, pd.Timestamp(date))]


def test_a_dingtalk_record_without_gonghao_is_matched_by_name_not_user_id(tmp_path):
    log = export(tmp_path / "raw.xlsx", [
        ["原始记录 统计日期：2026-11-02 至 2026-11-02"],
        ["姓名", "部门", "UserId", "考勤日期", "考勤时间", "打卡时间", "打卡结果", "打卡设备"],
        ["王五", "运营部", "manager4721", "2026-11-02", "09:00", "08:57", "正常", "iPhone"],
        ["王五", "运营部", "manager4721", "2026-11-02", "18:00", "18:05", "正常", "iPhone"],
        ["李 娜", "运营部", "0928374", "26-11-02 星期一", "09:00", "09:12", "迟到", "iPhone"],
        ["李 娜", "运营部", "0928374", "26-11-02 星期一", "18:00", "次日 00:30", "正常", "x"]])
    done = opsbook.summarize_attendance([people(tmp_path)], punches=log)
    assert done.computed, done.report.issues
    assert done.result.violations.query("flag == 'unknown_employee'").empty
    assert daily(done, "0012", "2026-11-02")["status"] == "present"
    li = daily(done, "0013", "2026-11-02")
    assert (li["status"], li["late_minutes"], li["check_out"]) == ("late", 12, 86400 + 1800)


def test_a_time_clock_number_that_is_an_employee_id_stays_the_id(tmp_path):
    """AC-No. 12 is employee 0012 whatever name the device keeps (李娜 is 0013)."""
    log = export(tmp_path / "zk.xlsx", [
        ["AC-No.", "Name", "Date/Time"],
        [12, "李娜", dt.datetime(2026, 11, 2, 8, 58)], [12, "李娜", dt.datetime(2026, 11, 2, 18)],
        [77, "李娜", dt.datetime(2026, 11, 3, 9, 0)], [77, "李娜", dt.datetime(2026, 11, 3, 18)],
        [78, "Nobody", dt.datetime(2026, 11, 3, 9, 0)]])
    done = opsbook.summarize_attendance([people(tmp_path)], punches=log)
    assert done.computed, done.report.issues
    assert daily(done, "0012", "2026-11-02")["status"] == "present"
    assert daily(done, "0013", "2026-11-03")["status"] == "present"  # 77: by the name
    unknown = done.result.violations.query("flag == 'unknown_employee'")
    assert unknown["employee_id"].tolist() == ["78"]


def test_clock_data_all_of_unknown_ids_is_told_with_the_ids(tmp_path):
    log = export(tmp_path / "zk.xlsx", [
        ["AC-No.", "Name", "Date/Time"],
        [101, "Wang", dt.datetime(2026, 11, 2, 8, 58)], [102, "Li", dt.datetime(2026, 11, 2, 18)],
        [103, "Zhao", dt.datetime(2026, 11, 3, 9)], [104, "Qian", dt.datetime(2026, 11, 3, 9)]])
    done = opsbook.summarize_attendance([people(tmp_path)], punches=log)
    assert not done.computed and done.exit_code == 1
    codes = {i.code: i for i in done.report.issues}
    assert "no-clock-data" in codes
    told = codes["unknown-clock-ids"]
    assert (told.file, told.sheet, told.cell, told.severity) == (str(log), "Sheet", "A2",
                                                                  "warning")
    assert "(such as 101, 102, 103 …)" in told.message("en")
    assert "（如 101、102、103等）" in told.message("zh")


def test_a_workbook_of_other_rules_with_only_unknown_clock_rows_is_summarised(tmp_path):
    """B (its own shift) lists only E001, whom A lists first, and its one clock row is of an
    ID no one lists: B's rules summarise no one in November, the unknown row is listed, and
    no word of "no clock data" or of all-unknown IDs is said, since A's data is summarised."""
    a, b = base("attendance"), base("attendance")
    a["Employees"] = b["Employees"] = [a["Employees"][0], ["E001", "张伟", "运营部"]]
    a["Clock"] = [a["Clock"][0], ["E001", dt.datetime(2026, 11, 2), dt.time(9), dt.time(18)]]
    b["Clock"] = [b["Clock"][0], ["Z9", dt.datetime(2026, 11, 2), dt.time(9), dt.time(18)]]
    b["Settings"] += [["shift_start", dt.time(10)], ["shift_end", dt.time(19)]]
    done = opsbook.summarize_attendance([write(tmp_path / "a.xlsx", a),
                                         write(tmp_path / "b.xlsx", b)])
    assert done.computed, done.report.issues
    assert not {"no-clock-data", "unknown-clock-ids"} & {i.code for i in done.report.issues}
    assert done.result.monthly["employee_id"].tolist() == ["E001"]
    unknown = done.result.violations.query("flag == 'unknown_employee'")
    assert unknown["employee_id"].tolist() == ["Z9"]
