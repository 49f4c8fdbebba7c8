"""The buttons on a workbook whose sheets were renamed and reordered, pressed through xlwings'
own object model (the ``remote`` engine) as the README says, give what ``opsbook calculate``
and ``validate --annotate`` give to the same file; a second press leaves one of each sheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from books import broken, sample
from remote import filled_cells
from test_handlers_remote import FILLS, assert_same_workbook, through_file, through_xlwings

RENAMED = {"员工": "人员名单", "评分": "Q4 打分", "历史考核": "往期"}


def rearranged(path: Path) -> Path:
    book = openpyxl.load_workbook(path)
    for old, new in RENAMED.items():
        book[old].title = new
    book.move_sheet("设置", offset=-(len(book.sheetnames) - 1))
    book.move_sheet("Q4 打分", offset=1)
    book.save(path)
    return path


def test_calculate_twice_on_renamed_and_reordered_sheets(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    path = rearranged(sample(tmp_path, "zh"))
    first = tmp_path / "button.xlsx"
    through_xlwings(path, "calculate", first, monkeypatch)
    through_file(path, "calculate", tmp_path / "command.xlsx")
    assert_same_workbook(first, tmp_path / "command.xlsx", compare_notes=False)
    again = tmp_path / "again.xlsx"
    through_xlwings(first, "calculate", again, monkeypatch)
    names = openpyxl.load_workbook(again).sheetnames
    assert names.count("考核结果") == 1 and names[0] == "设置"
    assert {"人员名单", "Q4 打分", "往期"} <= set(names) and "员工" not in names
    results = openpyxl.load_workbook(again)["考核结果"]
    assert results.max_row == openpyxl.load_workbook(first)["考核结果"].max_row


def test_validate_marks_the_renamed_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = rearranged(broken(tmp_path, "zh"))
    through_xlwings(path, "validate", tmp_path / "button.xlsx", monkeypatch)
    through_file(path, "validate", tmp_path / "command.xlsx")
    assert_same_workbook(tmp_path / "button.xlsx", tmp_path / "command.xlsx",
                         compare_notes=False)
    marked = {sheet for sheet, _cell, _fill in filled_cells(tmp_path / "button.xlsx", FILLS)}
    assert marked == {"Q4 打分"}
