"""Totals by department when an additive unit is planned only by items of no department
(consolidated from a frame given in Python): By Department, which lists the departments,
has the unit's column, blank; By Quarter counts the items."""

from __future__ import annotations

import math

from planbooks import SALES, Y0, Y1, frame

from opsbook.plan.consolidate import DepartmentPlan, consolidate


def test_a_unit_only_items_of_no_department_plan():
    odd = frame(("X-01", None, "盘点", "盘点批次", "批", "up", 12.0, 3.0, 3.0, 3.0, 3.0, 100.0,
                 "周芳", Y0, Y1, "low"))
    company = consolidate([DepartmentPlan(SALES, "sales.xlsx", "a" * 64, "销售部", 2027),
                           DepartmentPlan(odd, "odd.xlsx", "b" * 64, "", 2027)],
                          additive_units="万元,个,批")
    departments = company.by_department
    assert departments["department"].tolist() == ["销售部", None]  # and the total row
    assert all(math.isnan(v) for v in departments["target:批"])
    assert departments["target:万元"].tolist() == [1000.0, 1000.0]
    assert company.by_quarter["target:批"].tolist() == [3.0, 3.0, 3.0, 3.0, 12.0]
    assert company.units == ["万元", "个", "批"]
