"""Punch exports of other shapes: a WeCom punch detail (打卡详情: 账号 the app's own id, 应打卡时间
the scheduled time, 实际打卡时间 the punch, 未打卡 for none) and a DingTalk daily report with
three punch pairs (上班1/下班1 … 上班3/下班3), times with seconds, 'Missing' and 未打卡, and a
next-day check-out written 次日 01:30:00."""

from __future__ import annotations

import datetime as dt

from quirkbooks import export, write

import opsbook

D = dt.datetime


def _book(path):
    return write(path, {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"], ["1002", "赵六", "运营部"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})


def test_a_wecom_punch_detail(tmp_path):
    rows = [["打卡详情 统计时间：2026-11-02 至 2026-11-03"],
            ["日期", "姓名", "账号", "部门", "打卡类型", "应打卡时间", "实际打卡时间", "打卡状态",
             "打卡地点"],
            *(["2026/11/0" + day, "王五", "wangwu", "运营部", kind, due, punch, result, "园区"]
              for day, kind, due, punch, result in (
                  ("2 星期一", "上班打卡", "09:00", "09:07", "迟到"),
                  ("2 星期一", "下班打卡", "18:00", "18:06", "正常"),
                  ("3 星期二", "上班打卡", "09:00", "未打卡", "缺卡"),
                  ("3 星期二", "下班打卡", "18:00", "17:40", "早退")))]
    punches = export(tmp_path / "wecom.xlsx", rows)
    done = opsbook.summarize_attendance([_book(tmp_path / "kq.xlsx")], punches=[punches])
    assert done.computed, done.report.issues
    daily = done.result.daily.set_index(["employee_id", "date"])
    # 09:07 is 7 minutes late (the scheduled 09:00 is no punch); 09:07-18:06 is 8.98 h
    assert daily.loc[("1001", "2026-11-02"), ["status", "late_minutes"]].tolist() == ["late", 7]
    assert round(daily.loc[("1001", "2026-11-02"), "hours_worked"], 2) == 8.98
    # 未打卡: a single punch, 17:40, 20 minutes early, and reported
    assert daily.loc[("1001", "2026-11-03"), ["status", "early_minutes"]].tolist() == [
        "early", 20]
    flags = done.result.violations
    single = flags[flags["flag"] == "single_punch"]
    assert single["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-03"]


def test_a_daily_report_with_three_punch_pairs(tmp_path):
    pairs = [x for n in (1, 2, 3) for x in (f"上班{n}", None, f"下班{n}", None)]
    rows = [["每日统计 统计日期：2026-11-02 至 2026-11-03"], ["报表生成时间：2026-11-04 10:00"],
            ["姓名", "部门", "工号", "日期", *pairs], [None] * 4 + ["打卡时间", "打卡结果"] * 6,
            ["王五", "运营部", "1001", "26-11-02 星期一", "08:58:12", "正常", "12:00:03", "正常",
             "13:01:00", "正常", "18:03:59", "正常", "未打卡", "缺卡", "Missing", "缺卡"],
            ["王五", "运营部", "1001", "26-11-03 星期二", "Missing", "缺卡", "12:00", "正常",
             "13:00", "正常", "18:00", "正常", "19:00", "正常", "次日 01:30:00", "正常"]]
    report = tmp_path / "daily.xlsx"
    export(report, rows)
    done = opsbook.summarize_attendance([_book(tmp_path / "kq.xlsx")], punches=[report])
    assert done.computed, done.report.issues
    daily = done.result.daily.set_index(["employee_id", "date"])
    first = daily.loc[("1001", "2026-11-02")]
    assert first["status"] == "present"
    assert round(first["hours_worked"] * 3600) == 18 * 3600 + 3 * 60 + 59 - (8 * 3600 + 58 * 60
                                                                            + 12)
    second = daily.loc[("1001", "2026-11-03")]
    # first punch 12:00 (上班1 missing): 180 minutes late; last 次日 01:30: 7.5 h overtime
    assert (second["status"], second["late_minutes"], second["hours_worked"],
            second["overtime_unapproved"]) == ("late", 180, 13.5, 7.5)
    late = done.result.violations[done.result.violations["flag"] == "late"]
    assert late["value"].tolist() == [180]
