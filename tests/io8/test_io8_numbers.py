"""Numbers typed as text are read only when a person can be taken to mean one number:
thousands grouped in threes ("12,00", "1.234,50" and "1 2 3" are refused, never read as 1200,
1.2345 or 123), and never Python's own spellings ("nan", "inf", "1_000", "1e400") — in data
columns and in Settings alike."""

from __future__ import annotations

import math

import openpyxl
import pytest

import opsbook
from opsbook.core.parse import number_as_shown, parse_number


@pytest.mark.parametrize(("text", "number"), [
    ("1,234", 1234.0), ("12,345,678.9", 12345678.9), ("1 234 567", 1234567.0),
    ("1,234.50", 1234.5), ("８５，３００", 85300.0), ("¥ 1,200", 1200.0), ("1,200 元", 1200.0),
    (".5", 0.5), ("-2.5", -2.5), ("1e3", 1000.0), ("1.2 万", 12000.0), ("1,234.5%", 12.345)])
def test_numbers_people_type_are_read(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", [
    "12,00", "1,23", "1.234,50", "1,2,3", "1 2 3", "1,234 567", "nan", "NaN", "inf",
    "-Infinity", "1_000", "1e400", "1e400万", "NaN%", "inf%", ".", "e5", "+"])
def test_what_is_no_number_is_none(text):
    assert parse_number(text) is None
    assert number_as_shown(text) is None


def test_a_number_never_comes_back_infinite():
    for text in ("9" * 400, "9" * 400 + "万"):
        number = parse_number(text)
        assert number is None or math.isfinite(number)


def _tracker(tmp_path, lang="en"):
    path = tmp_path / f"project.{lang}.xlsx"
    opsbook.new_workbook("project", lang, path, sample=True)
    return path


def test_misgrouped_numbers_in_a_tracker_are_errors_at_their_cells(tmp_path):
    path = _tracker(tmp_path)
    book = openpyxl.load_workbook(path)
    tasks = book["Tasks"]
    tasks["J4"], tasks["K4"], tasks["J5"], tasks["K5"] = "12,00", "1.234,50", "nan", "1,234"
    tasks["I6"] = "NaN%"
    book.save(path)
    report = opsbook.validate(path)
    by_cell = {i.cell: i for i in report.issues if i.sheet == "Tasks"}
    for cell, shown in (("J4", "12,00"), ("K4", "1.234,50"), ("J5", "nan")):
        issue = by_cell[cell]
        assert (issue.code, issue.severity) == ("type-error", "error"), cell
        assert issue.message() == (f"'{tasks[cell].offset(-tasks[cell].row + 3).value}' "
                                   f"should be a number, found '{shown}'.")
        assert "应为数字" in issue.message("zh")
    assert by_cell["I6"].code == "type-error"
    grouped = by_cell["K5"]  # a well-grouped number is still read, with its warning
    assert grouped.code == "coerced-value" and "1234" in grouped.message()
    assert not report.valid


def test_nan_and_inf_in_settings_are_not_numbers(tmp_path):
    path = tmp_path / "appraisal.xlsx"
    opsbook.new_workbook("appraisal", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    settings = book["设置"]
    keys = {row[0].value: row[1] for row in settings.iter_rows(min_row=2)}
    keys["weight_superior"].value = "nan"
    keys["weight_peer"].value = "inf"
    keys["weight_self"].value = "10 %"
    book.save(path)
    report = opsbook.validate(path)
    bad = {i.cell: i for i in report.issues if i.code == "invalid-setting"}
    superior, peer = bad[keys["weight_superior"].coordinate], bad[keys["weight_peer"].coordinate]
    assert "'nan', which is not a finite number" in superior.message("en")
    assert "“nan”，不是有限的数字" in superior.message("zh")
    assert "'inf', which is not a finite number" in peer.message("en")
    assert keys["weight_self"].coordinate not in bad  # "10 %" is still 10%


def test_a_ratio_setting_nan_is_not_called_more_than_two(tmp_path):
    path = _tracker(tmp_path)
    book = openpyxl.load_workbook(path)
    book["Settings"]["B3"] = "nan"  # spi_green
    book.save(path)
    issue = next(i for i in opsbook.validate(path).issues if i.code == "invalid-setting")
    assert "more than" not in issue.message("en")
    assert "not a finite number" in issue.message("en")
