"""A department's workbook reports its own department's actuals: a row of 运营部's workbook
for S-02, an item only 销售部 plans, is about no item of the company plan tracked
(``actual-unknown-item``, naming 运营部, the row not counted), as ``validate`` calls it an
``unknown-reference``; before, it was counted for 销售部's S-02 without a word. A workbook
naming no department still matches by ID alone. Real workbooks on disk."""

from __future__ import annotations

from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans, track_plan
from opsbook.api import write_output


def plans(folder, department_of_ops="运营部"):
    sales = plan_book(folder / "plans" / "sales.xlsx", "zh",
                      [item("S-02", "销售部", "新客户", "个", 12, (3, 3, 3, 3))],
                      {"year": 2027, "department": "销售部"})
    ops = plan_book(folder / "ops.xlsx", "zh",
                    [item("O-02", "运营部", "新客户2", "个", 12, (3, 3, 3, 3))],
                    {"year": 2027, "department": department_of_ops},
                    actuals=[("S-02", "2027-03", 100), ("O-02", "2027-01", 1),
                             ("O-02", "2027-02", 1), ("O-02", "2027-03", 1)])
    company = folder / "company.xlsx"
    write_output(company, consolidate_plans([sales, ops], output=company).sheets)
    return company, ops


def test_a_row_for_another_department_s_item_is_not_counted(tmp_path):
    company, ops = plans(tmp_path)
    done = track_plan(company, [ops], as_of="2027-03-31")
    items = done.result.items.set_index("item_id")
    assert items.loc["S-02", "months"] == 0 and items.loc["S-02", "completion"] == 0
    assert items.loc["O-02", "completion"] == 1
    [said] = [i for i in done.report.issues if i.code == "actual-unknown-item"]
    assert (said.file, said.cell) == (str(ops), "A4") and "运营部" in said.message("zh")


def test_a_workbook_of_no_department_matches_by_id_alone(tmp_path):
    company, ops = plans(tmp_path, department_of_ops="")
    done = track_plan(company, [ops], as_of="2027-03-31")
    items = done.result.items.set_index("item_id")
    assert items.loc["S-02", "actual_to_date"] == 100
    assert not [i for i in done.report.issues if i.code == "actual-unknown-item"]
