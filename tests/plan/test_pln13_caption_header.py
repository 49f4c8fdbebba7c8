"""A two-row header whose first-row cells are merged down is read as one, also when its
caption over several columns is itself a field's name (编号 and 月份 merged down, 实际值 over
数值 and 备注): the caption names its field once, over the first column its own header does
not name otherwise, and the row under it is no data row."""

from __future__ import annotations

import openpyxl
from planbooks import write

from opsbook import track_plan
from opsbook.core.headers import find_header
from opsbook.plan.schema import ACTUALS


def _actuals(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "执行情况"
    sheet.append(["编号", "月份", "实际值", None])
    sheet.append([None, None, "数值", "备注"])
    for cells in ("A1:A2", "B1:B2", "C1:D1"):
        sheet.merge_cells(cells)
    sheet.append(["S-01", "2027-01", 80, "一月"])
    sheet.append(["S-01", "2027-02", 90, None])
    book.save(path)
    return path


def test_the_caption_names_its_field_over_one_column():
    rows = [["编号", "月份", "实际值", None], [None, None, "数值", "备注"],
            ["S-01", "2027-01", 80, "x"]]
    merged = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3))]
    header = find_header(rows, ACTUALS, merged)
    assert header.index == 0 and header.rows == 2
    assert header.fields == {0: "item_id", 1: "month", 2: "actual"}
    assert header.texts[3] == "实际值 备注"  # an extra column, not the actual a second time


def test_actuals_under_such_a_header_are_tracked(tmp_path):
    plans = write(tmp_path / "plans")
    book = openpyxl.load_workbook(plans["sales"])
    book["计划"]["K5"] = 10  # S-02's quarters add up to its 40: a plan without errors
    book.save(plans["sales"])
    done = track_plan(plans["sales"], [_actuals(tmp_path / "actuals.xlsx")], as_of="2027-02-28")
    told = [(i.code, i.cell) for i in done.report.issues if "actuals.xlsx" in (i.file or "")]
    assert not [code for code, _ in told if code in ("missing-value", "type-error",
                                                     "duplicate-column")], told
    monthly = done.result.monthly.set_index(["item_id", "month"])["actual"]
    assert monthly[("S-01", "2027-01")] == 80 and monthly[("S-01", "2027-02")] == 90
