"""Tracking against targets to date, with numbers worked out by hand."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import planbooks
import pytest

from opsbook.plan.items import unit_set
from opsbook.plan.settings import PlanSettings
from opsbook.plan.tracking import track

UNITS = unit_set(PlanSettings().additive_units)
Y0, Y1 = planbooks.Y0, planbooks.Y1
PLAN = planbooks.frame(
    # additive, up: quarterly targets 30 a quarter, so 10 a month
    ("A", "销售部", "o", "新签客户数", "个", "up", 120.0, 30.0, 30.0, 30.0, 30.0, None, "", Y0,
     Y1, "high"),
    # a level, down: 40 a month in Q1, 38 in Q2
    ("B", "运营部", "o", "单位订单成本", "元/单", "down", 38.0, 40.0, 38.0, 38.0, 36.0, None, "",
     Y0, Y1, "high"),
    # target 0, down (incidents): none happened
    ("C", "运营部", "o", "安全事故", "次", "down", 0.0, 0.0, 0.0, 0.0, 0.0, None, "", Y0, Y1,
     "high"),
    # target 0, down: one happened
    ("D", "运营部", "o", "客户投诉升级", "次", "down", 0.0, 0.0, 0.0, 0.0, 0.0, None, "", Y0, Y1,
     "high"),
    # annual target only, additive: 1200 a year is 100 a month
    ("E", "销售部", "o", "培训课时", "小时", "up", 1200.0, None, None, None, None, None, "", Y0,
     Y1, "low"),
    # a level with no actual yet
    ("F", "销售部", "o", "客户满意度", "%", "up", 90.0, 90.0, 90.0, 90.0, 90.0, None, "", Y0, Y1,
     "low"),
)
ACTUALS = pd.DataFrame(
    [("A", "2027-01", 10.0), ("A", "2027-02", 8.0), ("A", "2027-03", 12.0),
     ("A", "2027-04", 5.0), ("A", "2027-05", 99.0),            # May is after as-of
     ("B", "2027-01", 44.0), ("B", "2027-02", 40.0), ("B", "2027-04", 38.0),
     ("C", "2027-01", 0.0), ("D", "2027-03", 1.0),
     ("E", "2027-01", 100.0), ("E", "2027-02", 100.0), ("E", "2027-03", 100.0),
     ("E", "2027-04", 100.0),
     ("Z", "2027-01", 5.0), ("A", "2026-12", 3.0)],
    columns=["item_id", "month", "actual"], index=pd.RangeIndex(4, 20, name="row"))


@pytest.fixture(scope="module")
def tracking():
    return track(PLAN, ACTUALS, year=2027, as_of=dt.date(2027, 4, 30), additive_units=UNITS,
                 behind_threshold=0.9)


def row(tracking, item):
    return tracking.items.set_index("item_id").loc[item]


def test_quarterly_targets_spread_over_monthly_actuals(tracking):
    a = row(tracking, "A")
    # Q1 30 + April's third of Q2 (10) = 40; actuals 10 + 8 + 12 + 5 = 35 (May not yet)
    assert (a["target_to_date"], a["actual_to_date"], a["months"]) == (40.0, 35.0, 4)
    assert a["completion"] == pytest.approx(35 / 40) and a["behind"]


def test_down_kpi_is_inverted_and_measured_on_its_level(tracking):
    b = row(tracking, "B")
    # months with actuals: Jan, Feb (Q1 level 40) and Apr (Q2 level 38)
    assert b["target_to_date"] == pytest.approx((40 + 40 + 38) / 3)
    assert b["actual_to_date"] == pytest.approx((44 + 40 + 38) / 3)
    assert b["completion"] == pytest.approx(118 / 122) and not b["behind"]


def test_target_zero(tracking):
    assert row(tracking, "C")["completion"] == 1.0
    d = row(tracking, "D")
    assert (d["target_to_date"], d["actual_to_date"], d["completion"]) == (0.0, 1.0, 0.0)
    assert d["behind"]


def test_annual_target_only_and_an_item_without_actuals(tracking):
    e = row(tracking, "E")
    assert (e["target_to_date"], e["actual_to_date"], e["completion"]) == (400.0, 400.0, 1.0)
    f = row(tracking, "F")
    assert math.isnan(f["completion"]) and not f["behind"] and f["months"] == 0


def test_departments_company_and_behind(tracking):
    d = tracking.departments.set_index("department")
    # 销售部: A 0.875, E 1.0 (F not measured) → 0.9375; 运营部: B 118/122, C 1, D 0
    assert d.loc["销售部", "completion"] == pytest.approx((0.875 + 1.0) / 2)
    assert d.loc["运营部", "completion"] == pytest.approx((118 / 122 + 1 + 0) / 3)
    assert d.loc["销售部", "measured"] == 2 and d.loc["运营部", "behind"] == 1
    assert tracking.company == pytest.approx((0.875 + 1 + 118 / 122 + 1 + 0) / 5)
    assert tracking.behind["item_id"].tolist() == ["A", "D"]


def test_completion_is_capped_at_one_in_roll_ups():
    actuals = pd.DataFrame([("A", "2027-01", 30.0)], columns=["item_id", "month", "actual"])
    t = track(PLAN.iloc[:1], actuals, year=2027, as_of=dt.date(2027, 1, 31),
              additive_units=UNITS)
    assert t.items["completion"].iloc[0] == 3.0 and t.company == 1.0


def test_actuals_that_cannot_be_used_are_reported(tracking):
    found = sorted((i.code, i.row) for i in tracking.issues)
    assert found == [("actual-outside-year", 19), ("actual-unknown-item", 18)]
    assert all(i.severity == "warning" for i in tracking.issues)


def test_monthly_detail(tracking):
    m = tracking.monthly
    a = m[m["item_id"] == "A"]
    assert a["target"].tolist() == [10.0] * 12
    assert a["actual"].iloc[:5].tolist() == [10.0, 8.0, 12.0, 5.0, 99.0]
