"""Characters that show nothing (a zero-width space pasted from a web page or chat, the
byte-order mark a CSV conversion leaves in its first header) are not part of what a cell
says: an ID with one still matches, a header with one is found, a setting's key with one is
known. Before, each gave an error whose message showed two identical-looking values."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook
from opsbook.core.headers import normalize
from opsbook.core.parse import clean_text, parse_number


@pytest.mark.parametrize("text", ["P-101\u200b", "\ufeffP-101", "P-\u2060101", "P-1\u00ad01",
                                  "\u200eP-101\u200f"])
def test_invisible_characters_are_not_read(text):
    assert clean_text(text) == "P-101"


def test_a_header_with_a_byte_order_mark_is_the_header():
    assert normalize("\ufeff项目编号") == normalize("项目编号")


def test_a_minus_sign_from_a_web_page_is_a_minus():
    assert parse_number("\u22121,200") == -1200.0


def test_a_tracker_with_invisible_characters_is_valid(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    tasks = book["任务"]
    tasks["A3"] = "\ufeff项目编号"        # the first header of a sheet made from a CSV file
    tasks["C3"] = "任务\u200b名称"
    tasks["A4"] = "P-101\u200b"           # an ID pasted from a chat
    book["设置"]["A2"] = "\ufeffstatus_date"
    book.save(path)
    report = opsbook.validate(path)
    assert report.valid and not report.issues, [i.message("en") for i in report.issues]
    tasks_read = opsbook.load(path)["任务"]
    assert tasks_read.loc[4, "project_id"] == "P-101"
    assert str(opsbook.load(path).settings.status_date) == "2026-11-20"
