"""Messages in detail: an end before its start on one day (a half-day leave ending at 09:00
that starts at 10:00) is said with its time, where a date alone would read as no mistake at
all; the Issues sheet counts in words (1 warning, 2 warnings)."""

from __future__ import annotations

import datetime as dt

import openpyxl

import opsbook


def test_an_end_before_its_start_on_one_day_shows_its_time(tmp_path):
    path = tmp_path / "leave.xlsx"
    opsbook.new_workbook("attendance", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    leave = book["Leave"]
    leave["D4"] = dt.datetime(2026, 10, 23, 10, 0)
    leave["E4"] = dt.datetime(2026, 10, 23, 9, 0)
    book.save(path)

    report = opsbook.validate(path)
    found = [i for i in report.issues if i.code == "date-order"]
    assert [i.cell for i in found] == ["E4"]
    assert "2026-10-23 09:00" in found[0].message("en")
    assert "2026-10-23 09:00" in found[0].message("zh")


def test_the_issues_sheet_counts_in_words():
    """The Issues sheet's title says 1 warning, 2 warnings, 0 errors."""
    from opsbook.core.issues import Issue, Report
    from opsbook.core.outsheets import issues_sheet

    one = Report(issues=[Issue("duplicate-setting", "warning")], files=["a.xlsx"])
    two = Report(issues=[Issue("duplicate-setting", "warning")] * 2 + [Issue("missing-value")],
                 files=["a.xlsx"])
    assert issues_sheet(one, "en", "Issues").title.endswith(": 0 errors, 1 warning")
    assert issues_sheet(two, "en", "Issues").title.endswith(": 1 error, 2 warnings")
    assert issues_sheet(one, "zh", "问题清单").title.endswith("：0 个错误，1 个警告")


def test_a_fraction_typed_in_a_whole_number_field_is_one_error(tmp_path):
    """"3.5" typed as text in Probability (1–5, whole) is a type-error, with no warning that
    it was read as a number beside it."""
    path = tmp_path / "risks.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    risks = book["Risks"]
    column = [c.value for c in risks[3]].index("Probability") + 1
    risks.cell(4, column).value = "3.5"
    risks.cell(5, column).value = "4"  # a whole number as text: read, with its warning
    book.save(path)

    at = {(i.cell, i.code) for i in opsbook.validate(path).issues}
    assert ("D4", "type-error") in at and ("D4", "coerced-value") not in at
    assert ("D5", "coerced-value") in at and ("D5", "type-error") not in at


def test_a_percentage_typed_as_text_in_a_percent_cell_is_what_it_says(tmp_path):
    """"50" typed as text in a % Complete cell formatted 0% is 50% (text shows as typed, the
    format applies to numbers only), never 5000%."""
    path = tmp_path / "tasks.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    tasks = book["Tasks"]
    column = [c.value for c in tasks[3]].index("% Complete") + 1
    assert tasks.cell(4, column).number_format == "0%"
    tasks.cell(4, column).value = "50"
    tasks.cell(5, column).value = 0.5  # a number in the same format: 50% as shown
    book.save(path)

    report = opsbook.validate(path)
    [read] = [i for i in report.issues if i.cell == "I4" and i.code == "coerced-value"]
    assert "read as a percentage, 50%" in read.message("en")
    assert not any(i.code == "out-of-range" and i.cell in ("I4", "I5") for i in report.issues)
