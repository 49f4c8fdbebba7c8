"""What people's workbooks broke (issue 8): sheets and headers as a person sees them, dates and
numbers as the workbook means them. Each quirk is a real workbook (see ``realquirks.py``)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from test_quirks import assert_reads

import opsbook


def found(path) -> list[tuple]:
    """(code, severity, sheet, cell) of every issue validation finds."""
    return [(i.code, i.severity, i.sheet, i.cell) for i in opsbook.validate(path).issues]


# --- sheets and headers -----------------------------------------------------------------


def test_header_row_deleted_is_one_missing_header_and_no_data_checks(quirk_book):
    path = quirk_book("header-row-deleted")
    report = opsbook.validate(path)
    about_scores = [i for i in report.issues if i.sheet == "评分"]
    assert [(i.code, i.severity) for i in about_scores] == [("missing-header", "error")]
    assert "工号" in about_scores[0].message("zh")
    assert not any(i.code in ("type-error", "missing-value", "missing-column")
                   for i in report.issues)
    assert "Scores" not in opsbook.load(path).tables


def test_sheet_found_by_headers_under_another_name_is_warned_by_name(quirk_book):
    path = quirk_book("sheet-renamed")
    assert found(path) == [("sheet-found-by-headers", "warning", "Sheet1", None)]
    issue = opsbook.validate(path).issues[0]
    assert "'Sheet1'" in issue.message("en") and "Clock" in issue.message("en")
    assert_reads(opsbook.load(path)["Clock"], "attendance", "Clock", [2, 3, 4, 5])


def test_backup_copy_of_a_sheet_is_an_error_naming_both(quirk_book):
    path = quirk_book("backup-copy-sheet")
    book = opsbook.load(path)
    assert book.kind.id == "attendance"
    assert "Clock" not in book.tables  # neither copy is read: opsbook does not guess
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.severity) == ("ambiguous-sheet", "error")
    assert "'Sheet1', 'Sheet2'" in issue.message("en")
    assert "“Sheet1”、“Sheet2”" in issue.message("zh")


def test_two_sheets_named_as_the_same_sheet_are_an_error(quirk_book):
    path = quirk_book("two-named-sheets")
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.severity, issue.value) == ("ambiguous-sheet", "error",
                                                         "'Scores', '评分'")


def test_two_row_header_with_merged_down_cells_and_a_group_caption(quirk_book):
    book = opsbook.load(quirk_book("two-row-header"))
    table = book.tables["Clock"]
    assert (table.header_row, table.header_rows) == (1, 2)
    assert table.columns == {"employee_id": 1, "date": 2, "check_in": 3, "check_out": 4}
    assert table.headers["check_in"] == "打卡时间 上班打卡"
    assert_reads(book["Clock"], "attendance", "Clock", [3, 4, 5, 6])
    assert opsbook.validate(book).issues == []


def test_merged_ids_read_as_their_value_in_every_covered_cell(quirk_book):
    path = quirk_book("merged-ids")
    book = opsbook.load(path)
    assert book["Scores"]["employee_id"].tolist() == ["E002"] * 4 + ["E003"] * 3
    assert found(path) == [("merged-cells", "info", "Scores", "A2"),
                           ("merged-cells", "info", "Scores", "A6")]
    assert "A2:A5" in opsbook.validate(path).issues[0].message("en")


def test_missing_column_is_said_together_with_the_column_that_looks_like_it(quirk_book):
    path = quirk_book("lookalike-column")
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.sheet, issue.cell, issue.value) == (
        "missing-column", "Clock", "A1", "Employe ID")
    message = issue.message("en")
    assert "Employee ID" in message and "'Employe ID'" in message and "rename" in message
    assert "“Employe ID”" in issue.message("zh")


# --- dates and numbers ------------------------------------------------------------------


def test_1904_date_system_serials_use_the_workbooks_epoch(quirk_book):
    path = quirk_book("date1904-serials")
    book = opsbook.load(path)
    assert book["Clock"]["date"].tolist() == [pd.Timestamp("2026-11-02")] * 3 + [
        pd.Timestamp("2026-11-03")]
    warned = opsbook.validate(path).issues
    assert [(i.code, i.cell) for i in warned] == [("coerced-value", f"B{r}") for r in (2, 3, 4, 5)]
    assert "2026-11-02" in warned[0].message("en") and "2022" not in warned[0].message("en")


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_1904_date_system_in_xls_and_ods(tmp_path, libreoffice_books, suffix):
    path = Path(shutil.copy(libreoffice_books[f"date1904-serials{suffix}"], tmp_path))
    book = opsbook.load(path)
    assert book["Clock"]["date"].tolist() == [pd.Timestamp("2026-11-02")] * 3 + [
        pd.Timestamp("2026-11-03")]


def test_weight_formatted_as_a_date_takes_the_number_with_a_warning(quirk_book):
    path = quirk_book("weight-formatted-as-date")
    assert opsbook.load(path)["Indicators"]["weight"].tolist() == [60.0, 25.0, 15.0]
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.severity, issue.sheet, issue.cell) == (
        "number-formatted-as-date", "warning", "Indicators", "D2")
    assert "the number 60 " in issue.message("en")


def test_datetimes_in_a_date_column_warn_with_the_date_kept(quirk_book):
    path = quirk_book("datetimes-in-date-column")
    assert opsbook.load(path)["Clock"]["date"].tolist()[:2] == [pd.Timestamp("2026-11-02")] * 2
    warned = opsbook.validate(path).issues
    assert [(i.code, i.severity, i.cell) for i in warned] == [
        ("value-truncated", "warning", "B2"), ("value-truncated", "warning", "B3")]
    for issue in warned:
        message = issue.message("en")
        assert "only 2026-11-02 was kept" in message
    assert "09:07:00" in warned[1].message("en")  # the value as typed, not what was kept


def test_a_date_time_in_a_time_column_keeps_the_time_with_a_warning(quirk_book, tmp_path):
    import quirkbooks

    sheets = quirkbooks.base("attendance")
    sheets["Clock"][4][2] = dt.datetime(2026, 11, 3, 8, 59)
    path = quirkbooks.write(tmp_path / "datetime-in-time-column.xlsx", sheets)
    assert opsbook.load(path)["Clock"]["check_in"].tolist()[3] == pd.Timedelta("08:59:00")
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.cell) == ("value-truncated", "C5")
    assert "only 08:59 was kept" in issue.message("en")
