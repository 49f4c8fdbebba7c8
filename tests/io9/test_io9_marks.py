"""Yes/no columns read the marks phones and WPS write: ✅ and ❌, ✕ ✖ and an empty box ☐,
and a mark followed by the emoji variation selector (✔️ is ✔ and U+FE0F), as ✔ and ×
are read; the selector shows nothing and is dropped from text as zero-width spaces are."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook
from opsbook.core.parse import clean_text


@pytest.mark.parametrize(("mark", "meant"), [
    ("✅", True), ("✔\ufe0f", True), ("☑\ufe0f", True), ("√\ufe0f", True),
    ("❌", False), ("✕", False), ("✖", False), ("☐", False), ("✖\ufe0f", False)])
def test_a_closing_flag_reads_the_mark(tmp_path, mark, meant):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Projects"]
    column = next(c.column_letter for c in sheet[3] if c.value == "Accepted")
    sheet[f"{column}4"] = mark
    book.save(path)
    issues = [i for i in opsbook.validate(path).issues if i.cell == f"{column}4"]
    assert issues == []
    projects = opsbook.load(path)["Projects"]
    assert bool(projects["accepted"].iloc[0]) is meant


def test_an_unknown_mark_is_still_an_error_that_lists_the_choices(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["项目"]
    column = next(c.column_letter for c in sheet[3] if c.value == "已验收")
    sheet[f"{column}4"] = "○"
    book.save(path)
    issue = next(i for i in opsbook.validate(path).issues if i.cell == f"{column}4")
    assert (issue.sheet, issue.code, issue.severity) == ("项目", "invalid-choice", "error")
    assert "“○”" in issue.message("zh") and "是、否" in issue.message("zh")


def test_the_variation_selector_is_dropped_from_text():
    assert clean_text("OK\ufe0f ") == "OK"
