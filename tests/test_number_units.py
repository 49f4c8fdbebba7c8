"""Numbers typed with a Chinese unit of count (万, 亿) are read as the number they say, with
the warning every number typed as text gets; what is not a number stays a located error."""

from __future__ import annotations

import openpyxl
import pytest

from opsbook.api import load, new_workbook
from opsbook.core.parse import parse_number


@pytest.mark.parametrize(("text", "number"), [
    ("1.2万", 12_000.0), ("1.1万", 11_000.0), ("3亿", 300_000_000.0), ("¥1.5万元", 15_000.0),
    ("１２万", 120_000.0), ("-2万", -20_000.0), ("1,200 元", 1_200.0), ("85%", 0.85)])
def test_a_number_as_people_type_it(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["万", "亿元", "nan万", "inf万", "%万", "一万"])
def test_a_unit_alone_is_no_number(text):
    assert parse_number(text) is None


def test_a_budget_in_wan_is_read_with_a_warning(tmp_path):
    path = tmp_path / "plan.xlsx"
    new_workbook("plan", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["计划"]
    header = next(r for r in range(1, 10) if any(c.value == "预算" or c.value == "预算（元）"
                                                 for c in sheet[r]))
    column = next(c.column for c in sheet[header] if str(c.value).startswith("预算"))
    sheet.cell(header + 1, column, "1.2万")
    sheet.cell(header + 2, column, "一万二")
    book.save(path)
    loaded = load(path)
    plan = loaded.tables["Plan"].frame
    assert plan.loc[header + 1, "budget"] == 12_000.0
    coerced = [i for i in loaded.issues if i.code == "coerced-value" and i.row == header + 1]
    assert coerced and coerced[0].severity == "warning"
    wrong = [i for i in loaded.issues if i.code == "type-error" and i.row == header + 2]
    assert wrong and wrong[0].sheet == "计划"
