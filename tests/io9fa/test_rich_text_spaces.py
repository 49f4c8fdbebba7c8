"""Writing into a user's workbook keeps the spaces of rich text: openpyxl writes a run of a
space as ``<t> </t>``, which every reader reads as nothing ("test3 aaa" came back
"test3aaa" after calculate in place)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import python_calamine
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

import opsbook
from opsbook.io.formula_values import save_keeping_values


def _rich(*runs: str) -> CellRichText:
    return CellRichText(*[TextBlock(InlineFont(b=n % 2 == 0), run) for n, run in enumerate(runs)])


def _values(path: Path, sheet: str) -> list[list]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(sheet).to_python()


def test_runs_of_spaces_are_kept_when_openpyxl_saves(tmp_path):
    source = tmp_path / "in.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active["A1"] = _rich("test3", " ", "aaa")
    book.active["A2"] = _rich("lead", " trailing ")
    book.active["A3"] = "plain"
    book.save(source)
    loaded = openpyxl.load_workbook(source, rich_text=True)
    save_keeping_values(loaded, tmp_path / "out.xlsx", source)
    assert _values(tmp_path / "out.xlsx", "Notes") == [["test3 aaa"], ["lead trailing "],
                                                        ["plain"]]


def test_calculate_in_place_keeps_the_spaces_of_a_rich_text_name(tmp_path):
    plan = opsbook.new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)
    book = openpyxl.load_workbook(plan, rich_text=True)
    sheet = book["Plan"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Item ID") + 1
    column = next(c for c in range(1, sheet.max_column + 1)
                  if sheet.cell(row - 1, c).value == "KPI")
    sheet.cell(row, column).value = _rich("Net", " ", "revenue")
    # saved as Excel saves it: the run of a space marked to be kept (openpyxl alone would not)
    save_keeping_values(book, plan, tmp_path / "unused.xlsx")
    before = _values(plan, "Plan")
    result, _ = opsbook.calculate(plan)
    assert result.exit_code == 0
    after = _values(plan, "Plan")
    assert after == before and "Net revenue" in [v for r in after for v in r]
