"""A single punch whose side is told by its time (a punch log's, or a Clock row's two equal
times) on a day with half a day of approved leave: told against the middle of the half to be
worked, not of the whole shift (09:00–18:00, so the halves meet at 13:30)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from quirkbooks import export, write

import opsbook

D = dt.datetime
LEAVE_HEADER = ["申请编号", "工号", "请假类型", "开始时间", "结束时间", "半天", "申请日期",
                "审批人", "审批日期", "状态"]


def _leave(request, who, day, half):
    return [request, who, "事假", day, day, half, D(2026, 10, 20), "李四", D(2026, 10, 21),
            "已批准"]


def _done(tmp_path, punches=None, clock=None, export_file=None):
    sheets = {"员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"],
                     ["1002", "赵六", "运营部"]],
              "请假": [LEAVE_HEADER, _leave("L1", "1001", D(2026, 11, 2), "下午"),
                     _leave("L2", "1001", D(2026, 11, 3), "上午"),
                     _leave("L3", "1002", D(2026, 11, 3), "上午")],
              "设置": [["参数", "值"], ["month", "2026-11"]]}
    if punches:
        sheets["打卡明细"] = [["工号", "打卡时间"], *punches]
    if clock:
        sheets["打卡记录"] = [["工号", "日期", "上班打卡", "下班打卡"], *clock]
    done = opsbook.summarize_attendance([write(tmp_path / "kq.xlsx", sheets)],
                                        punches=[export_file] if export_file else None)
    assert done.computed, done.report.issues
    return done


def _summary(tmp_path, **given):
    return _done(tmp_path, **given).result


def _day(result, who, day):
    daily = result.daily.set_index(["employee_id", "date"])
    return daily.loc[(who, f"2026-11-{day:02d}"),
                     ["status", "late_minutes", "early_minutes", "flag_single_punch"]].tolist()


def _found(result, who, day):
    v = result.violations
    v = v[(v["employee_id"] == who) & (v["date"] == f"2026-11-{day:02d}")]
    return sorted(zip(v["flag"], v["field"], v["row"], v["value"].fillna(-1)))


def test_one_punch_at_the_end_of_the_morning_worked_is_a_check_out(tmp_path):
    # afternoon off: the morning 09:00-13:30 is worked, its middle 11:15; 13:05 ends it,
    # 25 minutes early (it was a check-in 245 minutes late against the whole shift's 13:30)
    result = _summary(tmp_path, punches=[["1001", D(2026, 11, 2, 13, 5)],
                                         ["1001", D(2026, 11, 3, 14, 0)],
                                         ["1001", D(2026, 11, 4, 13, 40)]])
    assert _day(result, "1001", 2) == ["early", 0, 25, True]
    assert _found(result, "1001", 2) == [("early", "check_out", 2, 25),
                                         ("single_punch", "check_in", 2, -1)]
    # morning off: 13:30-18:00 is worked, its middle 15:45; 14:00 starts it, 30 minutes late
    assert _day(result, "1001", 3) == ["late", 30, 0, True]
    assert _found(result, "1001", 3) == [("late", "check_in", 3, 30),
                                         ("single_punch", "check_out", 3, -1)]
    # no leave: 13:40 is after the shift's middle, a check-out 260 minutes early, as before
    assert _day(result, "1001", 4) == ["early", 0, 260, True]


def test_a_clock_row_with_two_equal_times_and_one_typed_check_in(tmp_path):
    result = _summary(tmp_path, clock=[["1002", D(2026, 11, 3), dt.time(14, 0), dt.time(14, 0)],
                                       ["1002", D(2026, 11, 4), dt.time(14, 0), None]])
    # 14:00 twice on a morning off is one punch, a check-in 30 minutes late
    assert _day(result, "1002", 3) == ["late", 30, 0, True]
    assert _found(result, "1002", 3) == [("late", "check_in", 2, 30),
                                         ("single_punch", "check_out", 2, -1)]
    # a time typed in Check In stays a check-in, whatever its time
    assert _day(result, "1002", 4) == ["late", 300, 0, True]


def test_a_daily_reports_single_punch_keeps_its_cell(tmp_path):
    header = ["姓名", "部门", "工号", "日期", "上班1打卡时间", "上班1打卡结果", "下班1打卡时间",
              "下班1打卡结果"]
    report = export(tmp_path / "daily.xlsx", [
        header, ["王五", "运营部", "1001", "26-11-02 星期一", "13:05", "正常", "缺卡", "缺卡"],
        ["王五", "运营部", "1001", "26-11-03 星期二", "缺卡", "缺卡", "14:00", "正常"]])
    done = _done(tmp_path, export_file=report)
    found = done.result.violations
    found = found[found["flag"].isin(["late", "early"])]
    assert found[["flag", "field", "row", "value"]].values.tolist() == [
        ["early", "check_out", 2, 25.0], ["late", "check_in", 3, 30.0]]
    # as written: the 13:05 under 上班1 (column E) ends the morning worked, early at its own
    # cell E2; the 14:00 under 下班1 (G) starts the afternoon worked, late at G3
    sheet = next(s for s in done.sheets if s.name == "违规记录")
    kind, cell, file = (sheet.headers.index(h) for h in ("类型代码", "单元格", "文件"))
    assert [(r[kind], r[cell], Path(r[file]).name) for r in sheet.rows
            if r[kind] in ("late", "early")] == [
        ("early", "E2", "daily.xlsx"), ("late", "G3", "daily.xlsx")]
