"""The file adapter: what clicking a button twice, fixing a cell, or a failed run leaves in a
workbook saved in place, and that a built macro workbook keeps its macros and buttons."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from books import FIXED, MISTAKES, SCORES, broken, built, built_with_mistakes, sample, set_cells
from oletools.olevba import VBA_Parser
from remote import filled_cells, notes, sheet_values

from opsbook.core.output import (
    CONF_SHEET,
    CONTROL_SHEET,
    ERROR_FILL,
    NOTE_PREFIX,
    WARNING_FILL,
    Mark,
    SheetOut,
)
from opsbook.excel import handlers
from opsbook.io.filebook import FileBook

FILLS = (ERROR_FILL, WARNING_FILL)


def click(path: Path, action: str = "validate") -> None:
    """What a button does to a workbook file: the handler through FileBook, saved in place."""
    book = FileBook(path)
    getattr(handlers, action)(book)
    book.save()


def opsbook_notes(path: Path) -> set[tuple[str, str, str]]:
    return {note for note in notes(path) if note[2].startswith(NOTE_PREFIX)}


def issues_sheets(path: Path) -> list[str]:
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    return [name for name in names if name in handlers.ISSUES_SHEET.values()]


@pytest.fixture
def mistakes(tmp_path: Path) -> Path:
    return broken(tmp_path)


def test_validate_marks_each_bad_cell_and_lists_it(mistakes: Path) -> None:
    click(mistakes)
    marked = {(sheet, cell) for sheet, cell, _ in filled_cells(mistakes, FILLS)}
    assert marked == {(SCORES["zh"], ref) for ref, _ in MISTAKES}
    assert {(s, c) for s, c, _ in opsbook_notes(mistakes)} == marked
    listed = {(row[0], row[1]) for row in sheet_values(mistakes, "问题清单")[2:]}
    assert marked <= listed


def test_validate_twice_leaves_one_set_of_marks_and_one_issues_sheet(mistakes: Path) -> None:
    click(mistakes)
    once = (filled_cells(mistakes, FILLS), opsbook_notes(mistakes),
            sheet_values(mistakes, "问题清单"), openpyxl.load_workbook(mistakes).sheetnames)
    click(mistakes)
    twice = (filled_cells(mistakes, FILLS), opsbook_notes(mistakes),
             sheet_values(mistakes, "问题清单"), openpyxl.load_workbook(mistakes).sheetnames)
    assert twice == once
    assert issues_sheets(mistakes) == ["问题清单"]
    for _, _, text in opsbook_notes(mistakes):
        assert text.count(NOTE_PREFIX) == 1


def test_a_fixed_cell_loses_its_mark(mistakes: Path) -> None:
    click(mistakes)
    ref, good = FIXED
    set_cells(mistakes, SCORES["zh"], {ref: good})
    click(mistakes)
    marked = {(sheet, cell) for sheet, cell, _ in filled_cells(mistakes, FILLS)}
    assert (SCORES["zh"], ref) not in marked
    assert marked == {(SCORES["zh"], r) for r, _ in MISTAKES if r != ref}
    assert (SCORES["zh"], ref) not in {(s, c) for s, c, _ in notes(mistakes)}
    listed = {(row[0], row[1]) for row in sheet_values(mistakes, "问题清单")[2:]}
    assert (SCORES["zh"], ref) not in listed


def test_fixing_everything_then_calculating_clears_marks_and_issues(mistakes: Path) -> None:
    click(mistakes)
    source = openpyxl.load_workbook(sample(mistakes.parent))[SCORES["zh"]]
    set_cells(mistakes, SCORES["zh"], {ref: source[ref].value for ref, _ in MISTAKES})
    click(mistakes, "calculate")
    assert filled_cells(mistakes, FILLS) == set()
    assert opsbook_notes(mistakes) == set()
    assert issues_sheets(mistakes) == []
    assert "考核结果" in openpyxl.load_workbook(mistakes).sheetnames


def test_calculate_twice_leaves_one_of_each_results_sheet(tmp_path: Path) -> None:
    path = sample(tmp_path)
    click(path, "calculate")
    once = openpyxl.load_workbook(path).sheetnames
    results = [name for name in once if name in ("考核结果", "部门统计", "评分人统计")]
    assert results == ["考核结果", "部门统计", "评分人统计"]
    values = {name: sheet_values(path, name) for name in results}
    click(path, "calculate")
    assert openpyxl.load_workbook(path).sheetnames == once
    assert {name: sheet_values(path, name) for name in results} == values


def test_a_note_of_the_user_is_kept(mistakes: Path) -> None:
    from openpyxl.comments import Comment

    book = openpyxl.load_workbook(mistakes)
    book[SCORES["zh"]]["E4"].comment = Comment("checked with HR", "user")
    book.save(mistakes)
    click(mistakes)
    click(mistakes)
    assert (SCORES["zh"], "E4", "checked with HR") in notes(mistakes)
    assert (SCORES["zh"], "E4", ERROR_FILL) in filled_cells(mistakes, FILLS)
    set_cells(mistakes, SCORES["zh"], {"E4": 88})
    click(mistakes)
    assert (SCORES["zh"], "E4", "checked with HR") in notes(mistakes)
    assert (SCORES["zh"], "E4", ERROR_FILL) not in filled_cells(mistakes, FILLS)


def test_a_fill_of_the_user_comes_back_when_the_cell_is_fixed(mistakes: Path) -> None:
    from openpyxl.styles import PatternFill

    ref, good = FIXED
    book = openpyxl.load_workbook(mistakes)
    book[SCORES["zh"]][ref].fill = PatternFill("solid", start_color="ADD8E6",
                                               end_color="ADD8E6")
    book.save(mistakes)
    click(mistakes)
    click(mistakes)  # a second run must remember the user's colour, not the mark's
    assert (SCORES["zh"], ref, ERROR_FILL) in filled_cells(mistakes, FILLS)
    set_cells(mistakes, SCORES["zh"], {ref: good})
    click(mistakes)
    fill = openpyxl.load_workbook(mistakes)[SCORES["zh"]][ref].fill
    assert (fill.fill_type, fill.fgColor.rgb[-6:]) == ("solid", "ADD8E6")


# --- a failed run ------------------------------------------------------------------------

def test_a_failing_write_leaves_the_file_as_it_was(mistakes: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    before = mistakes.read_bytes()

    def fail(self: FileBook, out: SheetOut) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(FileBook, "write_sheet", fail)
    book = FileBook(mistakes)
    with pytest.raises(OSError):
        handlers.validate(book)
    assert mistakes.read_bytes() == before


def test_a_failing_save_leaves_the_file_and_no_temporary_file(
        mistakes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = mistakes.read_bytes()
    listing = sorted(p.name for p in mistakes.parent.iterdir())

    def half_written(self: openpyxl.Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"PK\x03\x04 half a zip")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", half_written)
    book = FileBook(mistakes)
    handlers.validate(book)
    with pytest.raises(OSError):
        book.save()
    assert mistakes.read_bytes() == before
    assert sorted(p.name for p in mistakes.parent.iterdir()) == listing


def test_a_failing_calculate_command_leaves_the_file(mistakes: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from opsbook import cli, registry

    path = sample(mistakes.parent)
    before = path.read_bytes()

    def boom(books: object, **options: object) -> list[SheetOut]:
        raise RuntimeError("scoring failed")

    kinds = dict(registry.kinds())
    kinds["appraisal"] = kinds["appraisal"].replace(calculate=boom)
    monkeypatch.setattr(registry, "kinds", lambda: kinds)
    monkeypatch.setattr("sys.argv", ["opsbook", "calculate", str(path)])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    assert "scoring failed" in capsys.readouterr().err
    assert path.read_bytes() == before


# --- the built macro workbooks -----------------------------------------------------------

def vba_modules(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def button_macros(path: Path) -> dict[str, list[str]]:
    """Sheet name → the macros of the buttons drawn on it (from each sheet's VML)."""
    with zipfile.ZipFile(path) as package:
        workbook = package.read("xl/workbook.xml").decode()
        rels = package.read("xl/_rels/workbook.xml.rels").decode()
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*?Target="([^"]+)"', rels)
                       + [(i, t) for t, i in re.findall(r'Target="([^"]+)"[^>]*?Id="(rId\d+)"',
                                                         rels)])
        out = {}
        for name, rid in re.findall(r'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="(rId\d+)"',
                                    workbook):
            part = "xl/" + targets[rid].removeprefix("/xl/")
            sheet_rels = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
            macros: list[str] = []
            if sheet_rels in package.namelist():
                for target in re.findall(r'Target="[^"]*/drawings/([^"/]+\.vml)"',
                                         package.read(sheet_rels).decode()):
                    vml = package.read(f"xl/drawings/{target}").decode()
                    macros += re.findall(r"<x:FmlaMacro>([^<]*)</x:FmlaMacro>", vml)
            out[name] = macros
        return out


@pytest.fixture(scope="module")
def macro_books(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return built_with_mistakes(tmp_path_factory.mktemp("built"), monkeypatch)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_built_workbook_keeps_macros_buttons_and_settings(
        macro_books: list[Path], lang: str, tmp_path: Path) -> None:
    original = built(macro_books, "appraisal", lang)
    path = tmp_path / original.name
    shutil.copyfile(original, path)
    click(path)
    click(path, "calculate")
    assert filled_cells(path, FILLS), "the mistakes were marked"
    assert vba_modules(path) == vba_modules(original)
    control = CONTROL_SHEET[lang]
    assert button_macros(path)[control] == button_macros(original)[control] == [
        "[0]!OpsbookValidate", "[0]!OpsbookCalculate", "[0]!OpsbookReport", "[0]!OpsbookEmail"]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:2] == [control, CONF_SHEET]
    assert book[CONF_SHEET].sheet_state == "hidden"
    assert ([[c.value for c in row] for row in book[CONF_SHEET].iter_rows()]
            == [[c.value for c in row]
                for row in openpyxl.load_workbook(original)[CONF_SHEET].iter_rows()])
    assert not any(cell.comment for row in book[control].iter_rows() for cell in row)
    with zipfile.ZipFile(path) as package:
        assert "xl/vbaProject.bin" in package.namelist()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_handlers_never_read_or_mark_the_control_sheet(
        macro_books: list[Path], lang: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A mark on the Control sheet would make openpyxl replace its VML, dropping the buttons."""
    from opsbook.core.issues import Issue

    path = tmp_path / "book.xlsm"
    shutil.copyfile(built(macro_books, "appraisal", lang), path)
    control = CONTROL_SHEET[lang]
    read: list[str] = []
    from opsbook.api import common

    real_build, real_validate = common.build_book, handlers.validate_book

    def build_book(raw, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.extend(sheet.name for sheet in raw)
        return real_build(raw, *args, **kwargs)

    def validate_book(book):  # type: ignore[no-untyped-def]
        report = real_validate(book)
        report.issues.append(Issue("missing-value", sheet=control, cell="A5", row=5))
        return report

    monkeypatch.setattr(common, "build_book", build_book)
    monkeypatch.setattr(handlers, "validate_book", validate_book)
    marks: list[Mark] = []
    monkeypatch.setattr(FileBook, "mark", lambda self, m: marks.extend(m))
    handlers.validate(FileBook(path))
    assert read and control not in read and CONF_SHEET not in read
    assert marks and all(m.sheet != control for m in marks)


def test_a_calculate_that_cannot_compute_says_the_earlier_results_are_stale(
        tmp_path: Path) -> None:
    """Results of an earlier run no longer match a workbook that now has errors: they stay
    (a sheet of the user's may bear such a name) and the message says they were not
    updated; a second failing run keeps the Issues sheet in place."""
    path = sample(tmp_path, "en", "attendance")
    click(path, "calculate")
    done = openpyxl.load_workbook(path).sheetnames
    assert {"Daily", "Monthly", "Departments", "Violations"} <= set(done)
    book = openpyxl.load_workbook(path)
    for row in book["Settings"].iter_rows():
        if row[0].value == "month":
            row[1].value = "2026-13"
    book.save(path)
    port = FileBook(path)
    handlers.calculate(port)
    port.save()
    assert "an earlier run's results, not updated" in port.messages[-1]
    assert "Daily" in port.messages[-1]
    failed = openpyxl.load_workbook(path).sheetnames
    assert {"Daily", "Monthly", "Departments", "Violations", "Issues"} <= set(failed)
    click(path, "calculate")
    assert openpyxl.load_workbook(path).sheetnames == failed  # Issues where it was


def test_a_failed_calculate_keeps_an_input_sheet_named_as_an_output(tmp_path: Path) -> None:
    """Appraisal writes no History on the button, and History is also the input of earlier
    cycles: a Calculate that cannot compute never removes it."""
    path = sample(tmp_path, "zh", "appraisal")
    before = sheet_values(path, "历史考核")
    set_cells(path, SCORES["zh"], {"E4": "abc"})
    click(path, "calculate")
    assert sheet_values(path, "历史考核") == before
