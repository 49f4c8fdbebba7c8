"""Real workbooks, one quirk each: read as the person meant it, or reported at its cell."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from quirkbooks import BASE, HEADER_VARIANTS

import opsbook
from opsbook.registry import get


def expected_frame(kind: str, sheet: str) -> pd.DataFrame:
    """The base rows of a sheet as the reader should type them, by field id."""
    spec = get(kind).sheet(sheet)
    rows = BASE[kind][sheet]
    by_header = {f.en: f for f in spec.fields}
    columns = {}
    for col, header in enumerate(rows[0]):
        f = by_header[header]
        values = [row[col] for row in rows[1:]]
        if f.type in ("date", "datetime"):
            columns[f.id] = pd.to_datetime(pd.Series(values))
        elif f.type == "time":
            columns[f.id] = pd.to_timedelta(pd.Series(
                [None if v is None else f"{v.hour}:{v.minute}:{v.second}" for v in values]))
        elif f.type in ("number", "percent", "integer"):
            columns[f.id] = pd.Series(values, dtype="float64")
        else:
            columns[f.id] = pd.Series(values, dtype=object)
    return pd.DataFrame(columns)


def assert_reads(frame: pd.DataFrame, kind: str, sheet: str, rows: list[int]) -> None:
    """``frame`` holds the base values of the sheet, at spreadsheet ``rows``."""
    expected = expected_frame(kind, sheet)
    assert list(frame.index) == rows
    actual = frame[list(expected.columns)].reset_index(drop=True)
    pd.testing.assert_frame_equal(actual, expected, check_dtype=False)


def issues(path, **kw) -> list[tuple]:
    """(code, severity, sheet, cell) of every issue validation finds."""
    return [(i.code, i.severity, i.sheet, i.cell) for i in opsbook.validate(path, **kw).issues]


# --- where the header is and how it is spelled --------------------------------------------


@pytest.mark.parametrize("name", sorted(HEADER_VARIANTS))
def test_headers_in_any_language_and_spelling_read_the_same(quirk_book, name):
    book = opsbook.load(quirk_book(name))
    assert book.kind.id == "attendance"
    assert_reads(book["Clock"], "attendance", "Clock", [2, 3, 4, 5])
    assert_reads(book["Employees"], "attendance", "Employees", [2, 3, 4])
    assert opsbook.validate(book).issues == []


@pytest.mark.parametrize("name", ["chinese-headers", "traditional-headers"])
def test_chinese_headers_make_a_chinese_book(quirk_book, name):
    book = opsbook.load(quirk_book(name))
    assert book.lang == "zh"
    assert book.tables["Clock"].headers["check_in"] == "上班打卡"


def test_title_block_above_the_header(quirk_book):
    book = opsbook.load(quirk_book("title-block"))
    assert book.tables["Clock"].header_row == 4
    assert_reads(book["Clock"], "attendance", "Clock", [5, 6, 7, 8])
    assert opsbook.validate(book).issues == []


def test_merged_title_cells(quirk_book):
    book = opsbook.load(quirk_book("merged-title"))
    assert book.tables["Clock"].header_row == 3
    assert book.tables["Employees"].header_row == 2
    assert_reads(book["Clock"], "attendance", "Clock", [4, 5, 6, 7])
    assert_reads(book["Employees"], "attendance", "Employees", [3, 4, 5])
    assert opsbook.validate(book).issues == []


def test_merged_header_cells_are_reported_and_the_rest_is_read(quirk_book):
    path = quirk_book("merged-header")
    book = opsbook.load(path)
    assert_reads(book["Employees"], "attendance", "Employees", [2, 3, 4])
    found = opsbook.validate(book).issues
    assert [(i.code, i.severity, i.sheet, i.cell, i.value) for i in found] == [
        ("merged-header", "warning", "Employees", "C1", "B1:C1")]
    assert "B1:C1" in found[0].message("en")


def test_grouped_header_above_the_real_one(quirk_book):
    book = opsbook.load(quirk_book("grouped-header"))
    assert book.tables["Clock"].header_row == 2
    assert_reads(book["Clock"], "attendance", "Clock", [3, 4, 5, 6])


def test_columns_in_any_order(quirk_book):
    book = opsbook.load(quirk_book("shuffled-columns"))
    assert book.tables["Clock"].columns == {"check_out": 1, "check_in": 2, "date": 3,
                                            "employee_id": 4}
    assert_reads(book["Clock"], "attendance", "Clock", [2, 3, 4, 5])
    assert_reads(book["Employees"], "attendance", "Employees", [2, 3, 4])
    assert opsbook.validate(book).issues == []


def test_extra_columns_are_kept_and_ignored(quirk_book):
    book = opsbook.load(quirk_book("extra-columns"))
    clock = book["Clock"]
    assert_reads(clock, "attendance", "Clock", [2, 3, 4, 5])
    assert clock["Remarks"].tolist() == ["外勤", None, "补卡", None]
    assert clock["Badge No."].tolist() == ["x"] * 4
    assert opsbook.validate(book).issues == []


def test_blank_rows_between_data_keep_spreadsheet_row_numbers(quirk_book):
    book = opsbook.load(quirk_book("blank-rows"))
    assert_reads(book["Clock"], "attendance", "Clock", [3, 4, 7, 9])
    assert opsbook.validate(book).issues == []


# --- how values are typed -----------------------------------------------------------------


def coerced(path) -> dict[str, opsbook.Issue]:
    """The coerced-value warnings by cell."""
    found = opsbook.validate(path).issues
    assert all(i.code == "coerced-value" and i.severity == "warning" for i in found), found
    return {i.cell: i for i in found}


def test_dates_typed_as_text_are_read_with_a_warning(quirk_book):
    path = quirk_book("dates-as-text")
    warned = coerced(path)
    assert sorted(warned) == ["B2", "B3", "B4"]
    assert warned["B4"].value == "2026年11月2日"
    assert "2026-11-02" in warned["B4"].message("en")
    assert "2026-11-02" in warned["B4"].message("zh")
    assert_reads(opsbook.load(path)["Clock"], "attendance", "Clock", [2, 3, 4, 5])


def test_dates_as_serial_numbers(quirk_book):
    path = quirk_book("dates-as-serials")
    warned = coerced(path)
    assert sorted(warned) == ["B2", "B5"]
    assert_reads(opsbook.load(path)["Clock"], "attendance", "Clock", [2, 3, 4, 5])


def test_times_typed_as_text(quirk_book):
    path = quirk_book("times-as-text")
    warned = coerced(path)
    assert sorted(warned) == ["C2", "C3", "D5"]
    assert "09:07:30" in warned["C3"].message("en")
    clock = opsbook.load(path)["Clock"]
    assert clock.at[2, "check_in"] == pd.Timedelta(hours=8, minutes=52)
    assert clock.at[3, "check_in"] == pd.Timedelta(hours=9, minutes=7, seconds=30)
    assert clock.at[5, "check_out"] == pd.Timedelta(hours=17, minutes=58)


def test_numbers_as_text_with_separators_and_full_width_digits(quirk_book):
    path = quirk_book("numbers-as-text")
    warned = coerced(path)
    assert sorted((i.sheet, cell) for cell, i in warned.items()) == [
        ("Employees", "F2"), ("Employees", "F3"), ("Employees", "F4"), ("Scores", "E2")]
    assert "12000" in warned["F2"].message("en")
    book = opsbook.load(path)
    assert book["Employees"]["bonus_base"].tolist() == [12000.0, 8000.0, 8000.5]
    assert book["Scores"].at[2, "score"] == 88.0


def test_percentages_as_text_fraction_or_points(quirk_book):
    path = quirk_book("percentages")
    warned = coerced(path)
    assert sorted(warned) == ["F2", "F4"]
    assert "30%" in warned["F4"].message("en")
    tasks = opsbook.load(path)["Tasks"]
    assert tasks["percent_complete"].tolist() == pytest.approx([1.0, 0.6, 0.3, 0.0])


def test_na_dash_and_wu_mean_blank(quirk_book):
    path = quirk_book("blank-tokens")
    clock = opsbook.load(path)["Clock"]
    assert clock.loc[[4, 6], ["check_in", "check_out"]].isna().all().all()
    assert pd.isna(clock.at[7, "employee_id"])
    found = opsbook.validate(path).issues
    assert [(i.code, i.sheet, i.cell, i.row, i.value) for i in found] == [
        ("missing-value", "Clock", "A7", 7, "N/A")]


def test_formula_without_cached_value_is_an_error_not_zero(quirk_book):
    path = quirk_book("formula-no-value")
    weights = opsbook.load(path)["Indicators"]["weight"]
    assert weights.isna().tolist() == [True, True, False]
    found = [i for i in opsbook.validate(path).issues if i.cell in ("D2", "D3")]
    assert [(i.code, i.severity, i.sheet, i.cell) for i in found] == [
        ("formula-no-value", "error", "Indicators", "D2"),
        ("formula-no-value", "error", "Indicators", "D3")]


@pytest.mark.slow
def test_formulas_recalculated_by_libreoffice(libreoffice_books):
    path = libreoffice_books["formulas.xlsx"]
    book = opsbook.load(path)
    assert book["Indicators"]["weight"].tolist() == [60.0, 25.0, 15.0]
    assert issues(path) == [("formula-error", "error", "Scores", "E3")]
    assert opsbook.validate(path).issues[0].value == "#DIV/0!"


def test_error_cells(quirk_book):
    path = quirk_book("error-cells")
    found = opsbook.validate(path).issues
    assert [(i.code, i.sheet, i.cell, i.value) for i in found] == [
        ("formula-error", "Employees", "F3", "#N/A"),
        ("formula-error", "Scores", "E3", "#DIV/0!")]
    assert "#DIV/0!" in found[1].message("en")


def test_wrong_type_is_located_to_its_cell(quirk_book):
    path = quirk_book("wrong-type")
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.severity, issue.sheet, issue.cell, issue.row, issue.column,
            issue.field, issue.value) == (
        "type-error", "error", "Scores", "E4", 4, "Score", "score", "ninety")
    assert issue.message("en") == "'Score' should be a number, found 'ninety'."
    assert "数字" in issue.message("zh")


def test_date_cell_out_of_any_calendar_does_not_stop_the_read(quirk_book):
    path = quirk_book("date-out-of-range")
    assert issues(path) == [("type-error", "error", "Clock", "B3")]
    clock = opsbook.load(path)["Clock"]
    assert pd.isna(clock.at[3, "date"]) and clock.at[3, "employee_id"] == "E002"


def test_booleans_and_numbers_in_a_text_column_stay_apart(quirk_book):
    employees = opsbook.load(quirk_book("booleans-in-text"))["Employees"]
    assert employees["position"].tolist() == ["1", "True", "2.5"]


def test_choices_that_look_like_blank_tokens(quirk_book):
    path = quirk_book("choices-that-look-blank")
    grades = opsbook.load(path)["Grades"]
    # blank cells take the field's documented default, "none"
    assert grades["outcome"].tolist() == ["commend", "none", "none", "none", "improve"]
    assert opsbook.validate(path).issues == []


# --- structure ----------------------------------------------------------------------------


def test_missing_required_column(quirk_book):
    (issue,) = opsbook.validate(quirk_book("missing-column")).issues
    assert (issue.code, issue.severity, issue.sheet, issue.field, issue.row) == (
        "missing-column", "error", "Clock", "date", 1)
    assert issue.column == "Date / 日期"


def test_missing_required_sheet(quirk_book):
    (issue,) = opsbook.validate(quirk_book("missing-sheet")).issues
    assert (issue.code, issue.severity, issue.sheet) == ("missing-sheet", "error", "Tasks / 任务")


def test_empty_sheet(quirk_book):
    assert issues(quirk_book("empty-sheet")) == [("empty-sheet", "warning", "Tasks", None)]


# --- rules between rows and sheets --------------------------------------------------------


def test_duplicate_ids(quirk_book):
    (issue,) = opsbook.validate(quirk_book("duplicate-ids")).issues
    assert (issue.code, issue.sheet, issue.cell, issue.value) == (
        "duplicate-key", "Employees", "A5", "E002")
    assert "row 3" in issue.message("en")


def test_unknown_reference(quirk_book):
    (issue,) = opsbook.validate(quirk_book("unknown-reference")).issues
    assert (issue.code, issue.sheet, issue.cell, issue.value) == (
        "unknown-reference", "Clock", "A6", "E999")


def test_weights_not_adding_up_to_100(quirk_book):
    (issue,) = opsbook.validate(quirk_book("weights-not-100")).issues
    assert (issue.code, issue.sheet, issue.field) == ("weights-sum", "Indicators", "weight")
    assert "95" in issue.message("en")


def test_overlapping_grade_bands(quirk_book):
    (issue,) = opsbook.validate(quirk_book("overlapping-grades")).issues
    assert (issue.code, issue.sheet, issue.cell) == ("overlapping-bands", "Grades", "B4")
    assert "80" in issue.message("en")


def test_finish_before_start(quirk_book):
    (issue,) = opsbook.validate(quirk_book("finish-before-start")).issues
    assert (issue.code, issue.sheet, issue.cell, issue.row) == ("date-order", "Tasks", "E3", 3)
    assert "2026-07-20" in issue.message("en")


def test_quarters_not_adding_up(quirk_book):
    (issue,) = opsbook.validate(quirk_book("quarters-mismatch")).issues
    assert (issue.code, issue.sheet, issue.row) == ("quarters-mismatch", "Plan", 2)
    assert "1100" in issue.message("en") and "1200" in issue.message("en")


@pytest.mark.parametrize("kind", sorted(BASE))
def test_the_base_workbooks_are_valid(quirk_book, kind):
    book = opsbook.load(quirk_book(f"valid-{kind}"))
    assert book.kind.id == kind
    assert opsbook.validate(book).issues == []
    for sheet in BASE[kind]:
        if sheet != "Settings":
            rows = list(range(2, len(BASE[kind][sheet]) + 1))
            assert_reads(book[sheet], kind, sheet, rows)


def test_issue_values_are_shown_as_typed():
    """Dates read into datetime columns are shown as dates, not as midnight date-times."""
    issue = opsbook.Issue("duplicate-key", value=pd.Timestamp("2026-10-01"), column="Date")
    assert "'2026-10-01'" in issue.message("en")
    assert opsbook.Issue("type-error", value=dt.datetime(2026, 1, 1, 8, 30)).to_dict()[
        "value"] == "2026-01-01T08:30:00"
    assert opsbook.Issue("type-error", value=np.nan).to_dict()["value"] is None
