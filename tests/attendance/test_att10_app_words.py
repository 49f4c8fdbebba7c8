"""Request statuses as DingTalk and WeCom approvals export them — 审批通过, 已同意, 已通过
(approved), 审批中 (pending), 审批拒绝, 已拒绝 (rejected), 已撤销, 已撤回 (cancelled) — and the
days of a Chinese calendar marked 休 and 班. Before, each was an invalid-choice error and a
month of leave copied from the app was never summarised."""

from __future__ import annotations

import datetime as dt

import pytest
from quirkbooks import write

import opsbook

D, T = dt.datetime, dt.time


@pytest.mark.parametrize(("word", "leave_days", "status"), [
    ("审批通过", 1.0, "leave"), ("已同意", 1.0, "leave"), ("已通过", 1.0, "leave"),
    ("审批中", 0.0, "absent"), ("审批拒绝", 0.0, "absent"), ("已拒绝", 0.0, "absent"),
    ("已撤销", 0.0, "absent"), ("已撤回", 0.0, "absent"),
])
def test_app_status_words(tmp_path, word, leave_days, status):
    book = write(tmp_path / "leave.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["E1", "王五", "运营部"]],
        "打卡记录": [["工号", "日期", "上班打卡", "下班打卡"], ["E1", D(2026, 11, 2), T(9), T(18)]],
        "请假": [["申请编号", "工号", "请假类型", "开始时间", "结束时间", "申请日期", "审批人",
                "审批日期", "状态"],
               ["L1", "E1", "年假", D(2026, 11, 3), D(2026, 11, 3), D(2026, 10, 30), "赵六",
                D(2026, 10, 30), word]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    done = opsbook.summarize_attendance([book])
    assert done.computed and not done.report.issues
    day = done.result.daily.set_index("date").loc["2026-11-03"]
    assert (day["status"], day["leave_days"]) == (status, leave_days)
    # a request not approved is leave taken without approval on a day without clock data
    assert bool(day["flag_leave_unapproved"]) is (leave_days == 0)


def test_calendar_marks(tmp_path):
    """休 over a day off and 班 over a make-up workday, as a Chinese calendar marks them."""
    book = write(tmp_path / "calendar.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["E1", "王五", "运营部"]],
        "节假日": [["日期", "名称", "类型"], [D(2026, 11, 2), "假一", "休"],
                [D(2026, 11, 3), "假二", "法定假日"], [D(2026, 11, 7), "补班", "班"]],
        "打卡记录": [["工号", "日期", "上班打卡", "下班打卡"],
                 ["E1", D(2026, 11, 4), T(9), T(18)], ["E1", D(2026, 11, 7), T(9, 10), T(18)]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    done = opsbook.summarize_attendance([book])
    assert done.computed and not done.report.issues
    daily = done.result.daily.set_index("date")["status"]
    assert daily["2026-11-02":"2026-11-08"].tolist() == [
        "holiday", "holiday", "present", "absent", "absent", "late", "rest"]
    # November 2026 has 21 weekdays: two of them holidays, one Saturday worked
    assert done.result.monthly["work_days"].tolist() == [20]


def test_statutory_leave_words(tmp_path):
    """育儿假 (childcare) and 工伤假 (work injury) are other leave, 陪产护理假 maternity leave."""
    approved = [D(2026, 10, 20), "张三", D(2026, 10, 20), "审批通过"]
    book = write(tmp_path / "leave.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["E1", "王五", "运营部"]],
        "打卡记录": [["工号", "日期", "上班打卡", "下班打卡"], ["E1", D(2026, 11, 9), T(9), T(18)]],
        "请假": [["申请编号", "工号", "请假类型", "开始时间", "结束时间", "申请日期", "审批人",
                "审批日期", "状态"],
               ["Q1", "E1", "育儿假", D(2026, 11, 2), D(2026, 11, 3), *approved],
               ["Q2", "E1", "工伤假", D(2026, 11, 4), D(2026, 11, 4), *approved],
               ["Q3", "E1", "陪产护理假", D(2026, 11, 5), D(2026, 11, 6), *approved]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    done = opsbook.summarize_attendance([book])
    assert done.computed and not done.report.issues
    month = done.result.monthly.iloc[0]
    assert month[["leave_other", "leave_maternity", "leave_days"]].tolist() == [3, 2, 5]
