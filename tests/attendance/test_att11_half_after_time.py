"""上午/下午 written after the time in a punch cell (``6:03 下午``, as Excel shows a time in the
format "h:mm 上午/下午") and ``p.m.`` with its dots were read as the morning's 06:03 in a punch
export — a check-out at 18:03 became 06:03, a day of work a single punch — while the Clock
sheet reads ``6:03 p.m.`` as 18:03. They are now 18:03, and ``上午 8:58 下午 6:03`` stays two
punches."""

from __future__ import annotations

import pytest
from quirkbooks import export, write

import opsbook
from opsbook.attendance.punch_cells import parse_punches


@pytest.mark.parametrize(("cell", "hours"), [
    ("6:03 下午", [18.05]), ("06:03下午", [18.05]), ("12:30 下午", [12.5]),
    ("8:58 上午", [8 + 58 / 60]), ("6:03 p.m.", [18.05]), ("6:03 P.M.", [18.05]),
    ("12:05 a.m.", [5 / 60]), ("上午 8:58 下午 6:03", [8 + 58 / 60, 18.05]),
    ("8:58 下午 18:03", [8 + 58 / 60, 18.05]), ("6:03 下午(次日)", [42.05])])
def test_the_half_of_the_day_after_the_time(cell, hours):
    assert [round(s / 3600, 6) for _d, s in parse_punches(cell)] == [round(h, 6) for h in hours]


def test_an_export_with_the_half_after_the_time(tmp_path):
    book = write(tmp_path / "kq.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    punches = export(tmp_path / "export.xlsx", [
        ["工号", "姓名", "打卡时间"], ["1001", "王五", "2026-11-02 8:58 上午"],
        ["1001", "王五", "2026-11-02 5:50 下午"], ["1001", "王五", "2026-11-03 9:00 a.m."],
        ["1001", "王五", "2026-11-03 6:30 p.m."]])
    done = opsbook.summarize_attendance([book], punches=[punches])
    daily = done.result.daily.set_index("date")
    # 08:58 to 17:50: 10 minutes early; 09:00 to 18:30: on time, 0.5 h of overtime
    assert daily.loc["2026-11-02", ["status", "early_minutes"]].tolist() == ["early", 10]
    assert daily.loc["2026-11-03", ["status", "hours_worked", "overtime_unapproved"]].tolist(
        ) == ["present", 9.5, 0.5]
    assert not daily.loc["2026-11-02":"2026-11-03", "flag_single_punch"].any()
