"""A column that other sheets refer to, when missing, is said once (missing-column), not again
at every row that refers to it."""

from __future__ import annotations

import openpyxl

from opsbook.api import new_workbook, validate


def test_a_missing_item_id_column_is_one_error_not_one_per_actual(tmp_path):
    path = tmp_path / "plan.xlsx"
    new_workbook("plan", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    header = book["Plan"]["A3"]
    assert header.value == "Item ID"
    header.value = None
    book.save(path)
    report = validate(path)
    codes = [i.code for i in report.issues]
    assert codes.count("missing-column") == 1 and "unknown-reference" not in codes
    missing = next(i for i in report.issues if i.code == "missing-column")
    assert "Item ID" in missing.message("en") and "编号" in missing.message("zh")
