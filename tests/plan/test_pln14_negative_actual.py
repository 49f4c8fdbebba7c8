"""A negative actual (returns outweighing sales) gives its item a completion below 0, shown
as it is; the department's and the company's completion count that item as 0, as an item
far ahead counts as 100 %: one item does not sink the others (before, a −100 against 30
made the company −450 %). Numbers worked out by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import planbooks
import pytest

from opsbook.plan.items import unit_set
from opsbook.plan.settings import PlanSettings
from opsbook.plan.tracking import track

Y0, Y1 = planbooks.Y0, planbooks.Y1
PLAN = planbooks.frame(
    # 30 a quarter: 10 a month, so 10 due by the end of January
    ("A", "销售部", "o", "新签客户数", "个", "up", 120.0, 30.0, 30.0, 30.0, 30.0, None, "", Y0,
     Y1, "high"),
    ("B", "销售部", "o", "培训课时", "小时", "up", 120.0, 30.0, 30.0, 30.0, 30.0, None, "", Y0,
     Y1, "low"),
    ("C", "运营部", "o", "新签客户数", "个", "up", 120.0, 30.0, 30.0, 30.0, 30.0, None, "", Y0,
     Y1, "low"),
)
ACTUALS = pd.DataFrame([("A", "2027-01", -100.0), ("B", "2027-01", 10.0),
                        ("C", "2027-01", 25.0)], columns=["item_id", "month", "actual"])


def test_a_negative_completion_counts_as_nothing_done_in_the_means():
    done = track(PLAN, ACTUALS, year=2027, as_of=dt.date(2027, 1, 31),
                 additive_units=unit_set(PlanSettings().additive_units))
    items = done.items.set_index("item_id")["completion"]
    assert items.to_dict() == pytest.approx({"A": -10.0, "B": 1.0, "C": 2.5})  # as it is
    departments = done.departments.set_index("department")["completion"].dropna()
    assert departments.to_dict() == pytest.approx({"销售部": (0 + 1) / 2, "运营部": 1.0})
    assert done.company == pytest.approx((0 + 1 + 1) / 3)
    assert set(done.behind["item_id"]) == {"A"}
