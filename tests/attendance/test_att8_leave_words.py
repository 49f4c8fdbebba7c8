"""Leave types as Chinese HR systems write them: 调休 (time off in lieu of overtime) and
倒休 are other leave, 产检假 and 哺乳假 maternity leave — read, not refused as an invalid
choice that stops the whole summary."""

from __future__ import annotations

import datetime as dt

from quirkbooks import write

import opsbook

D = dt.datetime


def test_chinese_hr_leave_types_are_read(tmp_path):
    approved = D(2026, 10, 20)
    leave = [["申请编号", "工号", "请假类型", "开始时间", "结束时间", "审批人", "审批日期", "状态"],
             ["Q1", "1001", "调休", D(2026, 11, 2), D(2026, 11, 3), "张三", approved, "已批准"],
             ["Q2", "1001", "倒休", D(2026, 11, 4), D(2026, 11, 4), "张三", approved, "已批准"],
             ["Q3", "1001", "产检假", D(2026, 11, 5), D(2026, 11, 5), "张三", approved, "已批准"],
             ["Q4", "1001", "哺乳假", D(2026, 11, 6), D(2026, 11, 6), "张三", approved, "已批准"]]
    book = write(tmp_path / "leave.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
        "打卡记录": [["工号", "日期", "上班打卡", "下班打卡"],
                 ["1001", D(2026, 11, 9), dt.time(9), dt.time(18)]],
        "请假": leave,
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    done = opsbook.summarize_attendance([book])
    assert done.computed, done.report.issues
    assert not [i for i in done.report.issues if i.code == "invalid-choice"]
    month = done.result.monthly.iloc[0]
    assert (month["leave_other"], month["leave_maternity"], month["leave_days"]) == (3, 2, 5)
    daily = done.result.daily.set_index("date")
    assert daily.loc["2026-11-02", "leave_type"] == "other"
    assert daily.loc["2026-11-06", "leave_type"] == "maternity"
