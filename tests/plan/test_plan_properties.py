"""Consolidating the same department plans in any order gives the same company plan."""

from __future__ import annotations

import pandas as pd
import planbooks
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from opsbook.plan.consolidate import DepartmentPlan, consolidate

DEPARTMENTS = ["销售部", "运营部", "市场部"]
UNITS = ["万元", "个", "%", "小时", "元/单"]


@st.composite
def department_plan(draw, n: int) -> DepartmentPlan:
    """A small plan whose IDs and KPIs come from small pools, so that they clash often."""
    rows = draw(st.integers(1, 4))
    department = draw(st.sampled_from(DEPARTMENTS))
    records = []
    for _ in range(rows):
        quarters = draw(st.lists(st.integers(0, 50).map(float), min_size=4, max_size=4))
        target = sum(quarters) + draw(st.sampled_from([0.0, 0.0, 5.0]))
        month = draw(st.integers(1, 12))
        records.append((
            draw(st.sampled_from(["A", "B", "C", "D", "E"])), department, "objective",
            draw(st.sampled_from(["Sales", "sales ", "ＳＡＬＥＳ", "Cost", "Hours"])),
            draw(st.sampled_from(UNITS)), draw(st.sampled_from(["up", "down"])), target,
            *quarters, float(draw(st.integers(-1, 9))) * 1000, "owner",
            pd.Timestamp(f"{draw(st.sampled_from([2027, 2027, 2028]))}-{month:02d}-01"),
            pd.Timestamp("2027-12-31"), draw(st.sampled_from(["high", "low"]))))
    claim = draw(st.sampled_from(["", department]))
    return DepartmentPlan(planbooks.frame(*records), f"plan{n}.xlsx", f"{n:064d}", claim, 2027)


@st.composite
def plans_and_order(draw):
    count = draw(st.integers(1, 5))
    plans = [draw(department_plan(n)) for n in range(count)]
    return plans, draw(st.permutations(plans))


@settings(max_examples=25, deadline=None)
@given(plans_and_order())
def test_any_order_gives_the_same_company_plan(case):
    plans, shuffled = case
    expected = ["财务部", "运营部"]
    a = consolidate(plans, departments=expected)
    b = consolidate(shuffled, departments=expected)
    for name in ("items", "by_department", "by_quarter", "conflicts", "review", "sources"):
        assert_frame_equal(getattr(a, name), getattr(b, name), check_dtype=False)
    assert a.settings == b.settings
    assert [i.to_dict() for i in a.issues] == [i.to_dict() for i in b.issues]
    assert len(a.items) == sum(len(p.items) for p in plans)
