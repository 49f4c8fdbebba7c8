"""`validate --annotate` marks bad cells in a copy; Validate twice leaves one set of marks."""

from __future__ import annotations

import shutil

import openpyxl
import quirkbooks
from conftest import run_cli, sha256

import opsbook
from opsbook.core.output import ERROR_FILL, NOTE_PREFIX, WARNING_FILL
from opsbook.excel import handlers
from opsbook.io.filebook import FileBook


def broken(path):
    """An appraisal workbook with errors in three cells and a warning in a fourth."""
    sheets = quirkbooks.base("appraisal")
    sheets["Scores"][3][4] = "ninety"        # E4 type-error
    sheets["Scores"][5][3] = "K9"            # D6 unknown-reference
    sheets["Employees"].append(["E002", "李娜", "运营部", "运营专员", "E001", 8000])  # A5 twice
    sheets["Employees"][1][5] = "12,000"     # F2 coerced-value (warning)
    return quirkbooks.write(path, sheets)


MARKED = {("Scores", "E4"): "error", ("Scores", "D6"): "error", ("Employees", "A5"): "error",
          ("Employees", "F2"): "warning"}


def marks(path) -> dict[tuple[str, str], tuple[str, str]]:
    """(sheet, cell) → (fill colour, note) of every cell with a fill or a note."""
    wb = openpyxl.load_workbook(path)
    found = {}
    for ws in wb.worksheets:
        if ws.title in handlers.ISSUES_SHEET.values():
            continue
        for row in ws.iter_rows():
            for cell in row:
                fill = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
                if fill or cell.comment:
                    found[ws.title, cell.coordinate] = (
                        str(fill)[-6:] if fill else None,
                        cell.comment.text if cell.comment else None)
    return found


def link_target(cell) -> tuple[str, str]:
    """The (sheet, cell) a hyperlink to a place in the same workbook points at."""
    link = cell.hyperlink
    place = link.location or link.target.removeprefix("#")
    sheet, ref = place.rsplit("!", 1)
    return sheet.strip("'"), ref.replace("$", "")


def test_annotate_marks_bad_cells_in_a_copy(tmp_path):
    source = broken(tmp_path / "scores.xlsx")
    target = tmp_path / "scores-checked.xlsx"
    before = sha256(source)

    done = run_cli("validate", source, "--annotate", target)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert sha256(source) == before
    found = marks(target)
    assert set(found) == set(MARKED)
    for place, severity in MARKED.items():
        fill, note = found[place]
        assert fill == (ERROR_FILL if severity == "error" else WARNING_FILL), place
        assert note.startswith(NOTE_PREFIX)
    assert "ninety" in found["Scores", "E4"][1]

    report = opsbook.validate(source)
    ws = openpyxl.load_workbook(target)["Issues"]
    rows = [row for row in ws.iter_rows(min_row=3) if row[0].value]
    assert len(rows) == len(report.issues) == 4
    for row, issue in zip(rows, report.issues):
        assert (row[0].value, row[1].value, row[6].value) == (issue.sheet, issue.cell, issue.code)
        assert link_target(row[0]) == (issue.sheet, issue.cell)


def test_validate_twice_leaves_one_set_of_marks_and_a_fixed_cell_loses_its_mark(tmp_path):
    path = broken(tmp_path / "scores.xlsx")

    for _ in range(2):
        book = FileBook(path)
        handlers.validate(book)
        book.save()
    wb = openpyxl.load_workbook(path)
    assert [name for name in wb.sheetnames if name.startswith("Issues")] == ["Issues"]
    once = marks(path)
    assert set(once) == set(MARKED)
    for _fill, note in once.values():
        assert note.count(NOTE_PREFIX) == 1

    wb["Scores"]["E4"] = 90  # the user fixes one cell and validates again
    wb.save(path)
    book = FileBook(path)
    report = handlers.validate(book)
    book.save()

    after = marks(path)
    assert ("Scores", "E4") not in after
    assert set(after) == set(MARKED) - {("Scores", "E4")}
    assert after == {place: once[place] for place in after}
    assert len(report.issues) == 3
    issues_sheet = openpyxl.load_workbook(path)["Issues"]
    assert [r[1].value for r in issues_sheet.iter_rows(min_row=3) if r[0].value] == [
        i.cell for i in report.issues]


def test_annotate_keeps_the_users_own_fills_elsewhere(tmp_path):
    source = broken(tmp_path / "scores.xlsx")
    wb = openpyxl.load_workbook(source)
    wb["Employees"]["B2"].fill = openpyxl.styles.PatternFill("solid", fgColor="FFDDEEFF")
    wb.save(source)
    target = tmp_path / "checked.xlsx"
    assert run_cli("validate", source, "--annotate", target).returncode == 1
    assert marks(target)["Employees", "B2"] == ("DDEEFF", None)


def test_annotating_a_valid_workbook_marks_nothing(tmp_path):
    source = quirkbooks.build("valid-appraisal", tmp_path / "valid-appraisal.xlsx")
    target = tmp_path / "checked.xlsx"
    done = run_cli("validate", source, "--annotate", target)
    assert done.returncode == 0
    assert marks(target) == {}
    shutil.copy(target, tmp_path / "again.xlsx")
    assert opsbook.validate(tmp_path / "again.xlsx").issues == []
