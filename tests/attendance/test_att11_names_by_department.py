"""A punch export without IDs (姓名 and 部门 only, as a DingTalk or WeCom export may be) whose
name two employees have: the row's department tells them apart, as an HR officer would (it
was an ambiguous-punch-name error and the punches were left out); a name shared within the
department is still the error, at its cell, in both languages."""

from __future__ import annotations

import datetime as dt

from quirkbooks import export, write

import opsbook

D = dt.date


def test_a_shared_name_is_told_apart_by_the_department(tmp_path):
    book = write(tmp_path / "kq.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "张伟", "运营部"], ["1002", "张伟", "市场部"],
               ["1003", "李娜", "运营部"], ["1004", "李娜", "运营部"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    punches = export(tmp_path / "export.xlsx", [
        ["姓名", "部门", "打卡时间"],
        ["张伟", "运营部", "2026-11-02 09:10 18:00"],    # 1001, 10 minutes late
        ["张 伟", "市场部 ", "2026-11-02 08:55 17:30"],  # 1002, 30 minutes early
        ["李娜", "运营部", "2026-11-02 09:00 18:00"]])   # 1003 or 1004: not told
    done = opsbook.summarize_attendance([book], punches=[punches])
    daily = done.result.daily.set_index(["employee_id", "date"])
    assert daily.loc[("1001", "2026-11-02"), ["status", "late_minutes"]].tolist() == ["late", 10]
    assert daily.loc[("1002", "2026-11-02"), ["status", "early_minutes"]].tolist() == [
        "early", 30]
    assert daily.loc[("1003", "2026-11-02"), "status"] == "absent"
    (error,) = done.report.errors
    assert (error.code, error.sheet, error.cell) == ("ambiguous-punch-name", "Sheet", "A4")
    assert error.message("en") == ("Name '李娜' matches several employees (1003, 1004); the "
                                   "punches are left out. Add the employee ID to the export.")
    assert error.message("zh") == ("姓名“李娜”对应多名员工（1003、1004）；相关打卡未计入。"
                                   "请在导出中包含工号。")
