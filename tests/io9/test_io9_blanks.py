"""A token meaning blank is read as a person reads it: "——" (the Chinese dash people put
in an empty cell), full-width "－" and "Ｎ/Ａ", traditional "無", and "N/A" with a zero-width
space pasted in are blank, as "-", "N/A" and "无" are — never a type error in an optional
date column, and a row of them alone is no data row."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook
from opsbook.core.cellvalues import blank_token

TOKENS = ["——", "－", "Ｎ/Ａ", "無", "N/A\u200b", "／", " 无\u3000"]


@pytest.mark.parametrize("token", TOKENS)
def test_each_spelling_is_a_blank_token(token):
    assert blank_token(token)


@pytest.mark.parametrize("text", ["E0001", "—x", "0", "no", "否"])
def test_values_are_not(text):
    assert not blank_token(text)


def test_an_optional_date_column_takes_them_as_blank(tmp_path):
    path = tmp_path / "attendance.xlsx"
    opsbook.new_workbook("attendance", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Employees"]
    assert sheet["E3"].value == "Left On"
    for row, token in enumerate(TOKENS, start=4):
        sheet[f"E{row}"] = token
    book.save(path)
    report = opsbook.validate(path)
    assert [i for i in report.issues if i.sheet == "Employees"] == []
    left = opsbook.load(path)["Employees"]["left_on"]
    assert left.iloc[:len(TOKENS)].isna().all()
