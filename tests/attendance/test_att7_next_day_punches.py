"""Next-day punches in exports written as the Clock sheet reads them: the marker after the
time (``00:30（次日）``), in brackets before it (``（次日）00:30``), 翌日 and ``+1``, and a
time past 24 (``25:30``). Before, only ``次日 01:30`` was read: ``（次日）00:30`` in a
DingTalk daily report was 00:30 of the day itself — the day's check-in, and the real
check-in its check-out (an early exit of 7 hours)."""

from __future__ import annotations

import pytest
from quirkbooks import export, write

import opsbook
from opsbook.attendance.punch_cells import parse_punches

NEXT = 86400.0


@pytest.mark.parametrize(("cell", "seconds"), [
    ("次日 01:30", [NEXT + 5400]),
    ("（次日）00:30", [NEXT + 1800]),
    ("00:30（次日）", [NEXT + 1800]),
    ("01:30 次日", [NEXT + 5400]),
    ("翌日1:30", [NEXT + 5400]),
    ("01:30 +1", [NEXT + 5400]),
    ("25:30", [NEXT + 5400]),
    # a marker between two times is the second one's
    ("18:03 次日 01:30", [64980, NEXT + 5400]),
    ("18:03 (次日) 01:30", [64980, NEXT + 5400]),
    ("08:58 12:01 18:03", [32280, 43260, 64980]),
    ("下午 6:03", [64980]),
])
def test_next_day_punch_cells(cell, seconds):
    assert [s for _day, s in parse_punches(cell)] == seconds


def test_a_daily_report_with_the_marker_after_the_time(tmp_path):
    book = write(tmp_path / "staff.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"], ["1002", "李四", "运营部"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    report = export(tmp_path / "daily.xlsx", [
        ["每日统计 统计日期：2026-11-01 至 2026-11-30"],
        ["姓名", "部门", "工号", "日期", "上班1", None, "下班1", None],
        [None, None, None, None, "打卡时间", "打卡结果", "打卡时间", "打卡结果"],
        ["王五", "运营部", "1001", "26-11-02 星期一", "09:10", "迟到", "（次日）00:30", "正常"],
        ["李四", "运营部", "1002", "26-11-02 星期一", "08:55", "正常", "01:15(次日)", "正常"]])
    done = opsbook.summarize_attendance([book], punches=[report])
    assert done.computed, done.report.issues
    day = done.result.daily.set_index("employee_id")
    day = day[day["date"] == "2026-11-02"]
    # 09:10 → 00:30 the next morning: 15h20 worked, 10 minutes late, 6.5 h past 18:00
    assert day.loc["1001", ["status", "late_minutes", "early_minutes"]].tolist() == [
        "late", 10, 0]
    assert day.loc["1001", "hours_worked"] == pytest.approx(15 + 20 / 60)
    assert day.loc["1001", "overtime_unapproved"] == pytest.approx(6.5)
    assert day.loc["1002", ["status", "check_out"]].tolist() == ["present", NEXT + 4500]
