"""A Settings value that cannot be known is never taken as blank (the default): a formula
with no calculated value, or an error value, is an error at its cell; a setting given twice
counts once, the first time, and the second is a warning at its key."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook
from opsbook.api import new_workbook


def settings_row(ws, key: str) -> int:
    return next(c.row for c in ws["A"] if str(c.value or "").strip().lower() == key)


@pytest.fixture
def tracker(tmp_path):
    path = tmp_path / "tracker.xlsx"
    new_workbook("project", "en", path, sample=True)
    return path


def test_a_formula_with_no_value_is_an_error_at_its_cell(tracker):
    book = openpyxl.load_workbook(tracker)
    row = settings_row(book["Settings"], "status_date")
    book["Settings"].cell(row=row, column=2, value="=DATE(2026,11,4)")  # never calculated
    book.save(tracker)
    report = opsbook.validate(tracker)
    [issue] = [i for i in report.issues if i.code == "formula-no-value"]
    assert (issue.sheet, issue.cell, issue.severity) == ("Settings", f"B{row}", "error")
    assert issue.field == "status_date"
    assert "没有计算结果" in issue.message("zh")


def test_a_setting_given_twice_counts_the_first_time(tracker):
    book = openpyxl.load_workbook(tracker)
    ws = book["Settings"]
    first = settings_row(ws, "spi_amber")
    ws.append(["spi_amber", 0.5])
    book.save(tracker)
    loaded = opsbook.load(tracker)
    assert loaded.settings.spi_amber == pytest.approx(ws.cell(row=first, column=2).value)
    [issue] = [i for i in opsbook.validate(tracker).issues if i.code == "duplicate-setting"]
    assert (issue.cell, issue.severity) == (f"A{ws.max_row}", "warning")
    assert f"(at B{first})" in issue.message("en")
    assert f"按首次出现的值（B{first}）计算" in issue.message("zh")
