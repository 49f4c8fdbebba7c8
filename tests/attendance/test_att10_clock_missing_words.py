"""A Clock check-in or check-out holding the word an attendance app writes for a missing punch
(缺卡, 未打卡, Missed) is a blank cell, as in the Punches sheet and in exports: before, it was a
type error and a Clock sheet copied from a DingTalk daily report was never summarised. Other
words (出差, a business trip) are still an error at their cell."""

from __future__ import annotations

import datetime as dt

from conftest import run_cli
from quirkbooks import write

import opsbook

D, T = dt.datetime, dt.time


STAFF = {"员工": [["工号", "姓名", "部门"], ["E1", "王五", "运营部"]],
         "设置": [["参数", "值"], ["month", "2026-11"]]}
HEADER = ["工号", "日期", "上班打卡", "下班打卡"]


def test_words_for_no_punch_are_blank(tmp_path):
    book = write(tmp_path / "clock.xlsx", {**STAFF, "打卡记录": [
        HEADER, ["E1", D(2026, 11, 2), "缺卡", T(18)], ["E1", D(2026, 11, 3), T(9, 10), "未打卡"],
        ["E1", D(2026, 11, 4), "缺卡", "缺卡"], ["E1", D(2026, 11, 5), "Missed", T(17)]]})
    done = opsbook.summarize_attendance([book])
    assert done.computed and not done.report.issues
    daily = done.result.daily.set_index("date")
    columns = ["status", "late_minutes", "early_minutes", "flag_single_punch"]
    assert daily.loc["2026-11-02", columns].tolist() == ["present", 0, 0, True]
    assert daily.loc["2026-11-03", columns].tolist() == ["late", 10, 0, True]
    assert daily.loc["2026-11-04", [*columns, "flag_absent"]].tolist() == [
        "absent", 0, 0, False, True]
    assert daily.loc["2026-11-05", columns].tolist() == ["early", 0, 60, True]
    found = done.result.violations
    single = found[found["flag"] == "single_punch"]
    # each points at its missing cell: C2, D3, C5
    assert list(zip(single["field"], single["row"])) == [
        ("check_in", 2), ("check_out", 3), ("check_in", 5)]


def test_other_words_stay_an_error(tmp_path):
    book = write(tmp_path / "clock.xlsx",
                 {**STAFF, "打卡记录": [HEADER, ["E1", D(2026, 11, 2), "出差", T(18)]]})
    said = run_cli("validate", book, "--lang", "zh")
    assert said.returncode == 1
    assert "打卡记录!C2  [type-error] “上班打卡”应为时间，实际为“出差”。" in said.stdout
