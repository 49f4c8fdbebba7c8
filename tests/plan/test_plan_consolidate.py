"""Consolidation of three small department plans, every number worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import planbooks
import pytest

from opsbook.plan.consolidate import consolidate


@pytest.fixture(scope="module")
def company():
    return consolidate(planbooks.plans(), departments=planbooks.EXPECTED)


def test_every_item_is_kept_with_its_department_and_source(company):
    items = company.items
    assert len(items) == 8
    assert items["item_id"].tolist() == ["S-01", "S-02", "S-03", "M-01", "O-01", "O-03", "O-04",
                                         "S-02"]
    assert items["department"].tolist() == ["销售部"] * 3 + ["运营部"] * 5
    assert items["source"].tolist() == ["sales.xlsx"] * 3 + ["ops2.xlsx"] + ["ops.xlsx"] * 4
    assert items["source_row"].tolist() == [4, 5, 6, 4, 4, 6, 7, 5]


def test_one_conflict_of_every_kind(company):
    c = company.conflicts
    found = sorted(zip(c["code"], c["item_id"].fillna("-"), c["source"].fillna("-")))
    assert found == sorted([
        ("duplicate-item", "S-02", "sales.xlsx"), ("duplicate-item", "S-02", "ops.xlsx"),
        ("duplicate-kpi", "O-03", "ops.xlsx"), ("duplicate-kpi", "M-01", "ops2.xlsx"),
        ("quarters-mismatch", "S-02", "sales.xlsx"),
        ("outside-year", "O-01", "ops.xlsx"),
        ("date-order", "O-04", "ops.xlsx"),
        ("out-of-range", "O-04", "ops.xlsx"),
        ("department-twice", "-", "ops.xlsx"), ("department-twice", "-", "ops2.xlsx"),
        ("missing-department", "-", "-"),
    ])
    quarters = c[c["code"] == "quarters-mismatch"].iloc[0]
    assert (quarters["value"], quarters["expected"], quarters["source_row"]) == (35.0, "40", 5)
    assert c.loc[c["code"] == "missing-department", "department"].tolist() == ["财务部"]
    assert c.loc[c["code"] == "department-twice", "other"].iloc[0] == "ops.xlsx; ops2.xlsx"
    outside = c[c["code"] == "outside-year"].iloc[0]
    assert (outside["field"], outside["value"]) == ("end", pd.Timestamp("2028-01-31"))


def test_conflict_issues_point_at_the_department_cells(company):
    by_code = {(i.code, i.file, i.row, i.field) for i in company.issues}
    assert ("quarters-mismatch", "sales.xlsx", 5, "q4") in by_code
    assert ("outside-year", "ops.xlsx", 4, "end") in by_code
    assert ("duplicate-kpi", "ops2.xlsx", 4, "kpi") in by_code
    severities = {i.code: i.severity for i in company.issues}
    assert severities["duplicate-kpi"] == "warning"
    assert severities["duplicate-item"] == "error"
    message = next(i for i in company.issues if i.code == "quarters-mismatch").message("zh")
    assert message == "四个季度目标合计 35，与年度目标 40 不一致。"
    twice = next(i for i in company.issues if i.code == "duplicate-item")
    assert twice.message("en") == ("Item ID S-02 is used by more than one plan item "
                                   "(sales.xlsx: 销售部 S-02; ops.xlsx: 运营部 S-02).")


def test_totals_by_department(company):
    d = company.by_department.set_index(company.by_department["department"].fillna("total"))
    assert d.index.tolist() == ["销售部", "运营部", "财务部", "total"]
    assert d["items"].tolist() == [3, 5, 0, 8]
    assert d.loc["销售部", "budget"] == 125000
    assert d.loc["运营部", "budget"] == 30000 + 10000 + 12000 - 500 + 8000
    assert d.loc["total", "budget"] == 184500
    assert d.loc["销售部", "high_priority"] == 1 and d.loc["运营部", "high_priority"] == 1
    # only additive units are summed, one column each; %, 元/单 are not added up
    assert [c for c in d.columns if c.startswith("target:")] == [
        "target:万元", "target:个", "target:小时", "target:件"]
    assert d.loc["销售部", "target:个"] == 40 and d.loc["运营部", "target:个"] == 8
    assert d.loc["运营部", "target:小时"] == 160 and d.loc["total", "target:个"] == 48
    assert d.loc["total", "target:万元"] == 1000 and d.loc["total", "target:件"] == 50


def test_totals_by_quarter(company):
    q = company.by_quarter
    assert q["quarter"].tolist() == ["Q1", "Q2", "Q3", "Q4", None]
    # S-03 runs April–September: it counts in Q2 and Q3, its 5,000 spread over six months
    assert q["items"].tolist() == [7, 8, 8, 7, 8]
    assert q["budget"].tolist() == [44875, 47375, 47375, 44875, 184500]
    assert q["target:万元"].tolist() == [200, 250, 250, 300, 1000]
    assert q["target:个"].tolist() == [12, 12, 12, 7, 43]
    assert q["target:小时"].tolist() == [40, 40, 40, 40, 160]


def test_settings_record_year_status_and_every_source(company):
    s = company.settings
    assert (s.year, s.version, s.status, s.department) == (2027, "1", "draft", "")
    assert s.sources() == {"source_1": f"ops.xlsx sha256:{'b' * 64}",
                           "source_2": f"ops2.xlsx sha256:{'c' * 64}",
                           "source_3": f"sales.xlsx sha256:{'a' * 64}"}


def test_review_has_one_row_per_item_without_decisions(company):
    review = company.review
    assert review["item_id"].tolist() == company.items["item_id"].tolist()
    assert review["decision"].isna().all()


def test_year_defaults_to_the_most_common_and_nothing_to_consolidate_is_empty():
    plans = planbooks.plans()
    other = plans[2].__class__(plans[2].items, "old.xlsx", "d" * 64, "", 2026)
    assert consolidate([*plans, other]).settings.year == 2027
    empty = consolidate([], departments=["销售部"])
    assert empty.items.empty and empty.conflicts["code"].tolist() == ["missing-department"]
    assert math.isnan(empty.by_department.loc[0, "budget"])
