"""Units compared as names are (width, case, every space and invisible character folded):
"万 元" typed with a space is the additive 万元, so its quarters are checked and its target
summed; "Man Hours" matches an additive_units setting of "manhours". Real workbooks on disk;
the sums worked out by hand."""

from __future__ import annotations

from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans, validate
from opsbook.plan.items import unit_key, unit_set


def test_units_are_one_however_spaced():
    assert unit_key("万 元") == unit_key("万\u200b元") == unit_key("万元") == "万元"
    assert unit_key("ＨＯＵＲＳ") == "hours"
    assert unit_set("万元、Man Hours") == frozenset({"万元", "manhours"})


def test_a_unit_typed_with_a_space_is_summed_and_its_quarters_checked(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    sales = plan_book(folder / "sales.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万 元", 1000, (250, 250, 250, 200)),   # adds up to 950
        item("S2", "销售部", "回款额", "万元", 100, (25, 25, 25, 25)),
        item("S3", "销售部", "培训", "Man Hours", 10, (1, 1, 1, 1)),          # adds up to 4
    ], {"year": 2027, "department": "销售部", "additive_units": "万元,manhours"})

    mismatched = [(i.cell, i.value) for i in validate(sales).errors
                  if i.code == "quarters-mismatch"]
    assert mismatched == [("K4", 950), ("K6", 4)]

    company = consolidate_plans(folder).result
    assert sorted(company.conflicts["item_id"][company.conflicts["code"].eq(
        "quarters-mismatch")]) == ["S1", "S3"]
    totals = company.by_department.iloc[-1]                  # the company's row
    targets = {c: totals[c] for c in company.by_department.columns if c.startswith("target:")}
    assert sorted(targets.values()) == [10, 1100]              # 1000 + 100 万元; 10 hours
    quarters = company.by_quarter.iloc[:4]
    money = next(c for c in targets if targets[c] == 1100)
    assert quarters[money].tolist() == [275, 275, 275, 225]
