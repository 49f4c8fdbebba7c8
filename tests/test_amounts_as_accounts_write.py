"""Amounts as finance and ledgers write them: a currency word (RMB 5000, 人民币5000元整,
5000 CNY, €100), a negative in brackets ((1,200), full-width （1,200）) or with a trailing
minus (1200-, as SAP exports it) — read as the number they say, with the warning every
number typed as text gets; what is still no number stays a located error."""

from __future__ import annotations

import openpyxl
import pytest

from opsbook.api import load, new_workbook
from opsbook.core.parse import number_as_shown, parse_number


@pytest.mark.parametrize(("text", "number"), [
    ("RMB 5000", 5000.0), ("rmb5,000", 5000.0), ("5000 CNY", 5000.0), ("人民币5000元", 5000.0),
    ("5000元整", 5000.0), ("€100", 100.0), ("£1,000.50", 1000.5), ("US$ 12", 12.0),
    ("(500)", -500.0), ("（1,200）", -1200.0), ("50000-", -50000.0), ("(1.2万)", -12000.0)])
def test_an_amount_as_accounts_write_it(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["RMB", "()", "-", "--5", "(-5)", "(12", "12)", "5-3", "a-",
                                  "整"])
def test_what_is_still_no_number(text):
    assert parse_number(text) is None


def test_a_bracketed_percentage_as_shown():
    assert (number_as_shown("(85%)"), parse_number("(85%)")) == (-85.0, -0.85)


def test_a_negative_budget_in_brackets_is_read_and_refused_at_its_cell(tmp_path):
    path = tmp_path / "plan.xlsx"
    new_workbook("plan", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["计划"]
    header = next(r for r in range(1, 10) if any(str(c.value).startswith("预算")
                                                 for c in sheet[r] if c.value))
    column = next(c.column for c in sheet[header] if str(c.value).startswith("预算"))
    sheet.cell(header + 1, column, "人民币5,000元整")
    sheet.cell(header + 2, column, "(300)")
    book.save(path)
    loaded = load(path)
    plan = loaded.tables["Plan"].frame
    assert (plan.loc[header + 1, "budget"], plan.loc[header + 2, "budget"]) == (5000.0, -300.0)
    said = {(i.row, i.code) for i in loaded.issues if i.field == "budget"}
    # one verdict a cell: the negative amount read, then refused as below 0
    assert said == {(header + 1, "coerced-value"), (header + 2, "out-of-range")}
