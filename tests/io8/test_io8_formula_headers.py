"""A header cell that is a formula with no calculated value (a workbook written by a program
and never opened in Excel) is said to be one, at its cell, not called a column "with data but
no header"."""

from __future__ import annotations

import openpyxl

import opsbook


def test_a_header_formula_without_a_value_is_said_at_its_cell(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["任务"]["C3"] = '="任务名称"'  # openpyxl saves no calculated value
    book.save(path)
    issues = [i for i in opsbook.validate(path).issues if i.sheet == "任务"]
    header = next(i for i in issues if i.cell == "C3")
    assert (header.code, header.severity) == ("formula-no-value", "warning")
    assert "公式没有计算结果" in header.message("zh")
    assert "no calculated value" in header.message("en")
    assert not [i for i in issues if i.code == "blank-header"]
    assert [i.code for i in issues if i.severity == "error"] == ["missing-column"]


def test_a_header_below_a_long_title_block_is_located_and_said(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    tasks = book["Tasks"]
    tasks.insert_rows(1, 35)  # 35 lines of notes above the title: the header is row 38
    for row in range(1, 36):
        tasks.cell(row, 1, f"Note {row}")
    book.save(path)
    issue = next(i for i in opsbook.validate(path).issues if i.code == "missing-header")
    assert (issue.sheet, issue.cell) == ("Tasks", "A38")
    assert issue.message("en").endswith(
        "Its header seems to be row 38: headers are looked for in the first 30 rows, so "
        "delete rows above it.")
    zh = issue.message("zh")
    assert "Project ID/项目编号、WBS/任务编号、Task/任务名称" in zh and ", " not in zh
    assert zh.endswith("表头似乎在第 38 行：只在前 30 行中查找表头，请删除其上方的部分行。")


def test_a_sheet_with_no_header_anywhere_is_said_as_before(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["Tasks"].delete_rows(3)  # the header row gone
    book.save(path)
    issue = next(i for i in opsbook.validate(path).issues if i.code == "missing-header")
    assert issue.cell is None and "seems to be row" not in issue.message("en")
