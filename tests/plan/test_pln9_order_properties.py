"""Consolidating the same plans in any order gives the same company plan, with odd cases
drawn together: department names and item IDs spelt in other cases, widths and spaces,
plans of other years or none, of both languages, with their own additive units, empty
plans, blank quarters, targets and dates, negative budgets, expected departments spelt
unlike the plans'."""

from __future__ import annotations

import pandas as pd
import planbooks
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from opsbook.plan.consolidate import DepartmentPlan, consolidate
from opsbook.plan.items import normalized

DEPARTMENTS = ["Sales", "SALES", "ｓａｌｅｓ", " Sales ", "Ops", "OPS", "ops ", "销售部", "销售部 "]
UNITS = ["万元", "万元 ", "个", "%", "％", "小时", "Hours", "hours", "元/单", None]
IDS = ["a-01", "A-01", "Ａ－01", "A 01", "B", "b"]
DATES = [pd.NaT, pd.Timestamp("2027-03-05"), pd.Timestamp("2028-01-01"),
         pd.Timestamp("2026-12-31")]
AMOUNTS = [None, 0.0, 1.0, 2.5, 10.0]


@st.composite
def department_plan(draw, n: int) -> DepartmentPlan:
    records = []
    for _ in range(draw(st.integers(0, 4))):
        records.append((
            draw(st.sampled_from(IDS)), draw(st.sampled_from(DEPARTMENTS)), "objective",
            draw(st.sampled_from(["Sales", "sales ", "ＳＡＬＥＳ", "Cost"])),
            draw(st.sampled_from(UNITS)), draw(st.sampled_from(["up", "down", None])),
            draw(st.sampled_from([None, 0.0, 10.0, 13.5])),
            *(draw(st.sampled_from(AMOUNTS)) for _ in range(4)),
            draw(st.sampled_from([None, -1.0, 0.0, 100.0])), None,
            draw(st.sampled_from(DATES)),
            draw(st.sampled_from([pd.NaT, pd.Timestamp("2027-02-01"),
                                  pd.Timestamp("2027-12-31")])),
            draw(st.sampled_from(["high", "low", None]))))
    return DepartmentPlan(planbooks.frame(*records), f"p{n}.xlsx", f"{n:064d}",
                          draw(st.sampled_from(["", "Sales", "SALES", "Ops", "销售部"])),
                          draw(st.sampled_from([2027, 2028, None])),
                          draw(st.sampled_from(["", "元,万元", "hours；个", "％,%"])),
                          draw(st.sampled_from(["zh", "en"])))


@st.composite
def plans_and_order(draw):
    plans = [draw(department_plan(n)) for n in range(draw(st.integers(1, 5)))]
    expected = draw(st.sampled_from([[], ["sales", "财务部"], ["OPS", "Sales", "ＬＥＧＡＬ",
                                                                "legal"]]))
    return plans, draw(st.permutations(plans)), expected


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(plans_and_order())
def test_odd_plans_in_any_order_give_the_same_company_plan(case):
    plans, shuffled, expected = case
    a = consolidate(plans, departments=expected)
    b = consolidate(shuffled, departments=expected)
    for name in ("items", "by_department", "by_quarter", "conflicts", "review", "sources"):
        assert_frame_equal(getattr(a, name), getattr(b, name), check_dtype=False)
    assert a.settings == b.settings and (a.lang, a.units) == (b.lang, b.units)
    assert [i.to_dict() for i in a.issues] == [i.to_dict() for i in b.issues]
    assert len(a.items) == sum(len(p.items) for p in plans)
    # expected departments spelt alike are one: each is a By Department row once
    assert not normalized(a.by_department["department"].dropna()).duplicated().any()
