"""A Settings sheet keyed by another common name of a setting — 年度 for the plan's 计划年度,
统计月份 for attendance's 考勤月份, 统计日期 for a project's 状态日期, 考评周期 for an
appraisal's 考核周期 — was an ``unknown-setting`` and the value was not read. Each such name
is now read as the setting (in any width or spacing, as keys are); a name that is none
is still said."""

from __future__ import annotations

import datetime as dt

import pytest
from quirkbooks import write

import opsbook
from opsbook.appraisal.settings import AppraisalSettings
from opsbook.attendance.settings import AttendanceSettings
from opsbook.core.settings import setting
from opsbook.plan.settings import PlanSettings
from opsbook.project.settings import ProjectSettings


@pytest.mark.parametrize(("model", "typed", "key"), [
    (PlanSettings, "年度", "year"), (PlanSettings, "年度：", "year"),
    (PlanSettings, "年　度", "year"), (PlanSettings, "Plan Year", "year"),
    (PlanSettings, "计划状态", "status"), (PlanSettings, "计划年度", "year"),
    (AttendanceSettings, "统计月份", "month"), (AttendanceSettings, "考勤月", "month"),
    (ProjectSettings, "统计日期", "status_date"), (ProjectSettings, "As of", "status_date"),
    (ProjectSettings, "货币", "currency"), (AppraisalSettings, "考评周期", "cycle"),
    (PlanSettings, "年度目标", None), (AttendanceSettings, "统计日期", None)])
def test_a_setting_under_another_name(model, typed, key):
    assert model.key_for(typed) == key


def test_a_kind_gives_a_setting_more_names():
    class Settings(opsbook.core.settings.SettingsModel):
        region: str = setting("", "Region.", "区域。", "区域", aliases=("大区", "sales region"))

    assert [Settings.key_for(t) for t in ("大区", "Sales Region", "区域", "地区")] == [
        "region", "region", "region", None]


def test_a_plan_year_keyed_nian_du(tmp_path):
    path = write(tmp_path / "plan.xlsx", {
        "计划": [["编号", "部门", "目标", "关键指标", "单位", "年度目标值", "负责人"],
                 ["OPS-01", "运营部", "提升销售额", "销售额", "万元", 1200, "张伟"]],
        "设置": [["参数", "值"], ["年度", "2027年"], ["部门", "运营部"]]})
    book = opsbook.load(path)
    assert book.settings.year == 2027
    assert [i.code for i in book.issues if i.code.endswith("setting")] == []


def test_an_attendance_month_keyed_tong_ji_yue_fen(tmp_path):
    path = write(tmp_path / "kq.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
        "打卡记录": [["工号", "日期", "上班打卡", "下班打卡"],
                     ["1001", dt.date(2026, 10, 30), dt.time(9), dt.time(18)],
                     ["1001", dt.date(2026, 11, 2), dt.time(9), dt.time(18)]],
        "设置": [["参数", "值"], ["统计月份", "2026年11月"]]})
    assert opsbook.load(path).settings.month == "2026-11"
    done = opsbook.summarize_attendance([path])
    assert not [i for i in done.report.issues if i.code == "unknown-setting"]
    assert sorted(set(done.result.daily["date"].dt.strftime("%Y-%m"))) == ["2026-11"]


def test_a_name_that_is_none_is_still_said(tmp_path):
    path = write(tmp_path / "plan.xlsx", {
        "Plan": [["Item ID", "Department", "Objective", "KPI", "Unit", "Annual Target"],
                 ["OPS-01", "运营部", "提升销售额", "销售额", "万元", 1200]],
        "Settings": [["Key", "Value"], ["年度计划", 2027]]})
    issues = [i for i in opsbook.load(path).issues if i.code == "unknown-setting"]
    assert [(i.sheet, i.cell, i.value) for i in issues] == [("Settings", "A2", "年度计划")]
    assert "年度计划" in issues[0].message("en") and "年度计划" in issues[0].message("zh")


@pytest.mark.parametrize("sheet", ["配置", "参数设置", "基本设置", "參數設置"])
def test_a_settings_sheet_under_another_name(tmp_path, sheet):
    path = write(tmp_path / "plan.xlsx", {
        "计划": [["编号", "部门", "目标", "关键指标", "单位", "年度目标值"],
                 ["OPS-01", "运营部", "提升销售额", "销售额", "万元", 1200]],
        sheet: [["参数", "值"], ["年度", 2027]]})
    book = opsbook.load(path)
    assert book.settings.year == 2027
    assert [i.code for i in book.issues] == []
    assert book.setting_where("version")["sheet"] == sheet


def test_attendance_settings_without_their_unit_in_the_name(tmp_path):
    path = write(tmp_path / "kq.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
        "打卡记录": [["工号", "日期", "上班打卡", "下班打卡"],
                     ["1001", dt.date(2026, 11, 2), dt.time(9, 20), dt.time(18)]],
        "设置": [["参数", "值"], ["考勤月份", "2026-11"], ["上班", "9:00"],
                 ["迟到宽限", "15分钟"], ["下班时刻", "6:00 下午"]]})
    settings = opsbook.load(path).settings
    assert (settings.shift_start, settings.late_grace_minutes, settings.shift_end) == (
        dt.time(9), 15, dt.time(18))
    daily = opsbook.summarize_attendance([path]).result.daily.set_index("date")
    # 09:20 is 20 minutes after 09:00, beyond 15 minutes' grace: late by 20
    assert daily.loc["2026-11-02", ["status", "late_minutes"]].tolist() == ["late", 20]
