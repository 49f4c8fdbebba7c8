"""A department two files claim is named on the Conflicts sheet as the items spell it most,
whatever row of a file comes first: before, a file whose first row said SALES (its other
rows Sales) was listed under "SALES", and under "Sales" once its rows were sorted
otherwise. Real workbooks on disk."""

from __future__ import annotations

from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans


def company(folder, sales_rows):
    folder.mkdir()
    plan_book(folder / "a.xlsx", "en", sales_rows, {"year": 2027})
    plan_book(folder / "b.xlsx", "en", [item("B1", "Ops", "Cost", "元", 100, (25,) * 4),
                                        item("B2", "ｓａｌｅｓ", "Visits", "个", 4, (1,) * 4)],
              {"year": 2027, "department": "Ops"})
    return consolidate_plans(folder, departments="Sales,Ops").result


def test_a_department_claimed_twice_is_spelt_alike_in_any_row_order(tmp_path):
    rows = [item("A1", "SALES", "Revenue", "万元", 1000, (250,) * 4),
            item("A2", "Sales", "Leads", "个", 40, (10,) * 4),
            item("A3", "Sales", "Deals", "个", 8, (2,) * 4)]
    first = company(tmp_path / "first", rows)
    again = company(tmp_path / "again", list(reversed(rows)))
    for plan in (first, again):
        twice = plan.conflicts[plan.conflicts["code"].eq("department-twice")]
        assert twice[["department", "source", "value"]].values.tolist() == [
            ["Sales", "a.xlsx", "Sales"], ["Sales", "b.xlsx", "Sales"]]
        assert plan.sources[["source", "department"]].values.tolist() == [
            ["a.xlsx", "Sales"], ["b.xlsx", "Ops"]]
