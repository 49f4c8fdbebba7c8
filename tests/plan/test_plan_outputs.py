"""The sheets of tracking and diff, in both languages."""

from __future__ import annotations

import datetime as dt

import planbooks
from test_plan_tracking import ACTUALS, PLAN, UNITS

from opsbook.core.output import ERROR_FILL
from opsbook.plan.diff import diff
from opsbook.plan.outputs import OUTPUTS, diff_sheets, tracking_sheets
from opsbook.plan.tracking import track


def test_tracking_sheets():
    t = track(PLAN, ACTUALS, year=2027, as_of=dt.date(2027, 4, 30), additive_units=UNITS)
    zh = tracking_sheets(t, "zh")
    assert [s.name for s in zh] == ["执行跟踪", "部门完成情况", "进度滞后", "月度明细"]
    items = zh[0]
    assert items.headers[:3] == ["编号", "部门", "关键指标"] and "完成率" in items.headers
    completion = items.headers.index("完成率")
    assert items.formats[completion] == "0.0%"
    # A (row 0) and D (row 3) are behind: their completion cells are red
    assert items.fills == {(0, completion): ERROR_FILL, (3, completion): ERROR_FILL}
    assert items.rows[1][items.headers.index("方向")] == "越低越好"
    depts = zh[1]
    assert depts.rows[-1][0] == "合计" and depts.rows[-1][1] == 6
    assert [r[0] for r in zh[2].rows] == ["A", "D"]
    en = tracking_sheets(t, "en")
    assert [s.name for s in en] == [o.en for o in OUTPUTS if o.id in (
        "tracking", "tracking_departments", "behind", "monthly")]
    assert en[0].title.startswith("Tracking as of 2027-04-30 (company completion ")


def test_diff_sheets():
    new = planbooks.OPS.iloc[[0, 2, 3]].copy()
    new.loc[4, "budget"] = 35000.0
    en = diff_sheets(diff(planbooks.OPS, new), "en")
    assert [s.name for s in en] == ["Added Items", "Removed Items", "Changed Items"]
    assert en[0].rows == [] and en[0].empty == "None."
    assert [r[0] for r in en[1].rows] == ["S-02"]
    assert en[2].headers == ["Item ID", "Department", "Field", "Old Value", "New Value"]
    assert en[2].rows == [["O-01", "运营部", "Budget", 30000.0, 35000.0]]
    zh = diff_sheets(diff(planbooks.OPS, new), "zh")
    assert zh[2].rows[0][2] == "预算" and zh[1].title == "删除 1 项"


def test_the_plan_workbooks_own_sheets_are_never_outputs():
    from opsbook import registry

    written = registry.output_sheets()
    assert {"执行跟踪", "Tracking", "按部门", "冲突", "变更明细"} <= written
    assert not {"设置", "Settings", "计划", "Plan", "审核意见", "Review"} & written
