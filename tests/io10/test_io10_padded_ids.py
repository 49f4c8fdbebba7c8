"""An ID is read as its cell shows it: an employee number kept as a number in a cell
formatted ``00000`` shows 00002 and is "00002", the same employee as "00002" typed as text
on another sheet (before: 2, and every score of theirs was an unknown-reference error). A
format with text around the zeros (``"E"000``) shows E002. Number fields keep their
number; .xls/.ods keep the plain rule (their formats are not read)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import quirkbooks

import opsbook

ID_COLUMNS = ("Employee ID", "Rater ID", "Manager ID")


def _with_ids(make: Callable[[str, int, int], Any]) -> dict[str, list[list[Any]]]:
    """The base appraisal with each ID E00n of its Employees and Scores sheets replaced by
    ``make(sheet, column, n)``."""
    sheets = quirkbooks.base("appraisal")
    for name in ("Employees", "Scores"):
        rows = sheets[name]
        for row in rows[1:]:
            for c, header in enumerate(rows[0]):
                if header in ID_COLUMNS and row[c]:
                    row[c] = make(name, c, int(row[c][1:]))
    return sheets


def _appraisal(path: Path, employees: str, scores: str) -> Path:
    """The base appraisal with the Employees sheet's IDs as numbers (E002 → 2) in cells
    formatted ``employees``; the Scores sheet's IDs written as ``scores`` formats them."""
    quirkbooks.write(path, _with_ids(
        lambda sheet, _column, n: n if sheet == "Employees" else scores.format(n)))
    book = openpyxl.load_workbook(path)
    for row in book["Employees"].iter_rows(min_row=2):
        for cell in (row[0], row[4], row[5]):
            cell.number_format = employees if cell.column != 6 else "000000"
    book.save(path)
    return path


def test_an_employee_number_formatted_with_leading_zeros_is_what_it_shows(tmp_path):
    path = _appraisal(tmp_path / "scores.xlsx", "00000", "{:05d}")
    report = opsbook.validate(path)
    assert report.valid and report.issues == [], [i.message("en") for i in report.issues]
    employees = opsbook.load(path)["Employees"]
    assert list(employees["employee_id"]) == ["00001", "00002", "00003"]
    assert list(employees["manager_id"].fillna("")) == ["", "00001", "00001"]
    assert list(employees["bonus_base"]) == [12000, 8000, 8000]  # a number stays one
    scored = opsbook.score_appraisal(path).result.results.set_index("employee_id")
    base = opsbook.score_appraisal(quirkbooks.write(
        tmp_path / "base.xlsx", quirkbooks.base("appraisal"))).result.results
    assert scored.loc["00002", "total"] == base.set_index("employee_id").loc["E002", "total"]
    assert scored.loc["00002", "grade"] == "A" and scored.loc["00003", "grade"] == "B"


def test_text_around_the_zeros_is_shown_too(tmp_path):
    path = _appraisal(tmp_path / "scores.xlsx", '"E"000', "E{:03d}")
    report = opsbook.validate(path)
    assert report.valid and report.issues == [], [i.message("en") for i in report.issues]
    assert list(opsbook.load(path)["Employees"]["employee_id"]) == ["E001", "E002", "E003"]


def test_without_the_format_the_numbers_are_still_no_padded_ids(tmp_path):
    """The fault the format explains: 2 is not "00002" when nothing shows it so."""
    path = _appraisal(tmp_path / "scores.xlsx", "0", "{:05d}")
    report = opsbook.validate(path)
    codes = {(i.code, i.sheet) for i in report.issues}
    assert ("unknown-reference", "Scores") in codes and not report.valid


def test_clock_rows_of_an_employee_number_shown_as_001(tmp_path):
    sheets = quirkbooks.base("attendance")
    for row in sheets["Employees"][1:]:
        row[0] = row[0].replace("E", "")  # "001", typed as text
    for row in sheets["Clock"][1:]:
        row[0] = int(row[0][1:])  # 1, in a cell formatted 000
    path = quirkbooks.write(tmp_path / "attendance.xlsx", sheets)
    book = openpyxl.load_workbook(path)
    for row in book["Clock"].iter_rows(min_row=2):
        row[0].number_format = "000"
    book.save(path)
    report = opsbook.validate(path)
    assert report.valid and not [i for i in report.issues if i.severity == "error"]
    assert set(opsbook.load(path)["Clock"]["employee_id"]) == {"001", "002", "003"}


def test_a_merged_id_shows_its_zeros_in_every_cell_it_covers(tmp_path):
    # E002 is "00002" typed, but in the Scores sheet's first column 2, shown as 00002
    sheets = _with_ids(lambda sheet, column, n: f"{n:05d}" if sheet == "Employees" or column
                       else n)
    path = quirkbooks.write(tmp_path / "merged.xlsx", sheets)
    book = openpyxl.load_workbook(path)
    scores = book["Scores"]
    for row in range(2, scores.max_row + 1):
        scores.cell(row, 1).number_format = "00000"
    scores.merge_cells("A2:A4")  # E002's three superior scores, the ID typed once
    book.save(path)
    report = opsbook.validate(path)
    assert report.valid, [i.message("en") for i in report.issues]
    (note,) = [i for i in report.issues if i.code == "merged-cells"]
    assert "each cell of the range is read as '00002', as it shows" in note.message("en")
    assert "都读作“00002”" in note.message("zh")
    assert opsbook.load(path)["Scores"]["employee_id"].tolist()[:3] == ["00002"] * 3
