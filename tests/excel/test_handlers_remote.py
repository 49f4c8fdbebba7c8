"""The button handlers through xlwings' own object model (its ``remote`` engine), compared with
what the command line makes of the same file through the file adapter.

A workbook file becomes the request an xlwings client sends; the handler runs on
``xw.Book(json=request)`` through the xlwings adapter; the actions of the response are replayed
onto a copy of the file; the result must equal ``opsbook validate FILE --annotate OUT`` or
``opsbook calculate FILE -o OUT``: the same sheets, the same values on the sheets written, the
same cells filled (and, for a client that writes notes, the same notes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from books import FIXED, MISTAKES, SCORES, broken, built, built_with_mistakes, sample, set_cells
from remote import (
    filled_cells,
    notes,
    payload,
    remote_book,
    remote_engine,
    replay_onto,
    sheet_values,
)

import opsbook.excel
from opsbook.core.output import (
    CONF_SHEET,
    CONTROL_SHEET,
    ERROR_FILL,
    NOTE_PREFIX,
    STATUS_CELL,
    WARNING_FILL,
)
from opsbook.excel import handlers
from opsbook.excel.xlwings_book import XlwingsBook
from opsbook.io.filebook import FileBook

FILLS = (ERROR_FILL, WARNING_FILL)
#: Every action the handlers may emit; the replayer knows each of them.
ACTIONS = {"addSheet", "sheetDelete", "activateSheet", "setScreenUpdating", "setValues",
           "setRangeColor", "setNumberFormat", "setFontProperty", "setColumnWidth",
           "freezePaneAtRange", "addHyperlink", "addNote", "setNoteText", "deleteNote",
           "alert"}  # a workbook without a Control sheet hears the outcome in a message box


def through_xlwings(path: Path, action: str, target: Path, monkeypatch: pytest.MonkeyPatch,
                    **options: Any) -> list[dict[str, Any]]:
    """Press the button on the workbook at ``path`` through xlwings; the result at ``target``."""
    with remote_book(path, monkeypatch, **options) as book:
        getattr(opsbook.excel, action)(book)
        actions = book.json()["actions"]
    assert {a["func"] for a in actions} <= ACTIONS
    replay_onto(path, actions, target)
    return actions


def through_file(path: Path, action: str, target: Path) -> None:
    """What the command line does: the same handler through FileBook, into a copy."""
    book = FileBook(path, target)
    getattr(handlers, action)(book)
    book.save()


def opsbook_notes(path: Path) -> set[tuple[str, str, str]]:
    return {note for note in notes(path) if note[2].startswith(NOTE_PREFIX)}


def assert_same_workbook(button: Path, command: Path, *, compare_notes: bool) -> None:
    """The same sheets in the same order, the same values on every sheet the handlers write
    (the Control sheet's status cell aside), the same cells filled, maybe the same notes."""
    names = openpyxl.load_workbook(command).sheetnames
    assert openpyxl.load_workbook(button).sheetnames == names
    for name in names:
        if name in handlers.OUTPUT_SHEETS and name not in CONTROL_SHEET.values():
            assert sheet_values(button, name) == sheet_values(command, name), name
    assert filled_cells(button, FILLS) == filled_cells(command, FILLS)
    if compare_notes:
        assert opsbook_notes(button) == opsbook_notes(command)


# --- the request ---------------------------------------------------------------------------

def test_the_request_has_the_keys_the_vba_client_sends(tmp_path: Path) -> None:
    import xlwings

    remote_bas = (Path(xlwings.__file__).parent / "addin" / "Remote.bas").read_text("utf-8")
    request = payload(sample(tmp_path))
    for key in ("client", "version", "book", "names", "sheets"):
        assert f'payload.Add "{key}"' in remote_bas
    assert set(request) == {"client", "version", "book", "names", "sheets"}
    for key in ("name", "active_sheet_index", "selection"):
        assert f'bookPayload.Add "{key}"' in remote_bas
    assert set(request["book"]) == {"name", "active_sheet_index", "selection"}
    for key in ("name", "values", "pictures", "tables"):
        assert f'sheetDict.Add "{key}"' in remote_bas
    assert all(set(s) == {"name", "values", "pictures", "tables"} for s in request["sheets"])
    assert request["version"] == xlwings.__version__


def quirks(folder: Path) -> Path:
    """A workbook with every kind of value a reader meets, and an empty sheet."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "值"
    ws.append(["text", "0012", 1, 2.5, True, None, "#N/A"])
    ws.append([dt.datetime(2026, 3, 1), dt.datetime(2026, 3, 1, 9, 30), dt.time(8, 59),
               dt.timedelta(hours=25, minutes=30), "2026-03-01", "=not a formula", ""])
    ws["D2"].number_format = "[h]:mm"
    ws["F2"].data_type = "s"  # text that only looks like a formula
    ws["G1"].data_type = "e"
    ws["C5"] = "far away"
    book.create_sheet("空")
    path = folder / "cell-types.xlsx"
    book.save(path)
    return path


def test_the_adapter_reads_what_the_file_reader_reads(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    for path in (quirks(tmp_path), sample(tmp_path, "en")):
        with remote_book(path, monkeypatch) as book:
            seen = XlwingsBook(book).sheets()
        expected = FileBook(path).sheets()
        assert [s.name for s in seen] == [s.name for s in expected]
        for mine, theirs in zip(seen, expected, strict=True):
            assert mine.rows == _trimmed(theirs.rows), mine.name
            assert mine.errors == theirs.errors, mine.name


def _trimmed(rows: list[list[Any]]) -> list[list[Any]]:
    rows = [list(row) for row in rows]
    while rows and all(v == "" for v in rows[-1]):
        rows.pop()
    return rows


# --- the same workbook as the command line --------------------------------------------------

@pytest.mark.parametrize("client", ["VBA", "Office.js"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_validate_gives_the_annotated_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           client: str, lang: str) -> None:
    path = broken(tmp_path, lang)
    through_xlwings(path, "validate", tmp_path / "button.xlsx", monkeypatch, client=client)
    through_file(path, "validate", tmp_path / "command.xlsx")
    assert_same_workbook(tmp_path / "button.xlsx", tmp_path / "command.xlsx",
                         compare_notes=client == "Office.js")
    if client == "VBA":  # that client gives the engine no way to write notes
        assert opsbook_notes(tmp_path / "button.xlsx") == set()
    marked = {(s, c) for s, c, _ in filled_cells(tmp_path / "button.xlsx", FILLS)}
    assert marked == {(SCORES[lang], ref) for ref, _ in MISTAKES}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calculate_gives_what_the_calculate_command_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    path = sample(tmp_path, lang)
    actions = through_xlwings(path, "calculate", tmp_path / "button.xlsx", monkeypatch)
    through_file(path, "calculate", tmp_path / "command.xlsx")
    assert_same_workbook(tmp_path / "button.xlsx", tmp_path / "command.xlsx", compare_notes=False)
    names = openpyxl.load_workbook(tmp_path / "button.xlsx").sheetnames
    assert ("考核结果" if lang == "zh" else "Results") in names
    assert "setNumberFormat" in {a["func"] for a in actions}


def test_calculate_with_mistakes_validates_instead(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = broken(tmp_path)
    through_xlwings(path, "calculate", tmp_path / "button.xlsx", monkeypatch)
    through_file(path, "calculate", tmp_path / "command.xlsx")
    assert_same_workbook(tmp_path / "button.xlsx", tmp_path / "command.xlsx", compare_notes=False)
    assert "考核结果" not in openpyxl.load_workbook(tmp_path / "button.xlsx").sheetnames


@pytest.mark.parametrize("client", ["VBA", "Office.js"])
def test_validating_again_after_a_fix_clears_its_mark(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, client: str) -> None:
    first = tmp_path / "validated.xlsx"
    through_file(broken(tmp_path), "validate", first)
    ref, good = FIXED
    set_cells(first, SCORES["zh"], {ref: good})
    through_xlwings(first, "validate", tmp_path / "button.xlsx", monkeypatch, client=client)
    through_file(first, "validate", tmp_path / "command.xlsx")
    # The request says which cells have notes, not what they say, and the remote engine
    # leaves a note it cannot read: notes are compared on the desktop engines only.
    assert_same_workbook(tmp_path / "button.xlsx", tmp_path / "command.xlsx",
                         compare_notes=False)
    marked = {(s, c) for s, c, _ in filled_cells(tmp_path / "button.xlsx", FILLS)}
    assert marked == {(SCORES["zh"], r) for r, _ in MISTAKES if r != ref}


# --- the buttons of a built workbook -------------------------------------------------------

@pytest.fixture(scope="module")
def macro_books(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return built_with_mistakes(tmp_path_factory.mktemp("built"), monkeypatch)


def _status(actions: list[dict[str, Any]], book_path: Path, lang: str) -> list[str]:
    """The texts written into the status cell of the Control sheet."""
    position = openpyxl.load_workbook(book_path, read_only=True).sheetnames.index(
        CONTROL_SHEET[lang])
    return [a["values"][0][0] for a in actions
            if a["func"] == "setValues" and a["sheet_position"] == position
            and (a["start_row"], a["start_column"]) == (int(STATUS_CELL[1:]) - 1, 0)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_button_reports_in_the_status_cell_and_leaves_control_alone(
        macro_books: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        lang: str) -> None:
    path = built(macro_books, "appraisal", lang)
    actions = through_xlwings(path, "validate", tmp_path / "button.xlsm", monkeypatch)
    through_file(path, "validate", tmp_path / "command.xlsm")
    assert_same_workbook(tmp_path / "button.xlsm", tmp_path / "command.xlsm", compare_notes=False)
    (status,) = _status(actions, path, lang)
    assert ("2 个错误" if lang == "zh" else "2 error(s)") in status
    control = 0
    assert not [a for a in actions if a["sheet_position"] == control
                and a["func"] in ("setRangeColor", "addNote", "setNoteText", "deleteNote")]
    last_active = [a["args"][0] for a in actions if a["func"] == "activateSheet"][-1]
    assert last_active == control, "the user stays on the Control sheet"
    book = openpyxl.load_workbook(tmp_path / "button.xlsm")
    assert book[CONF_SHEET].sheet_state == "hidden"


def test_the_entry_points_take_the_calling_workbook(macro_books: list[Path],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import xlwings as xw

    path = built(macro_books, "appraisal", "en")
    with remote_book(path, monkeypatch) as book:
        book.set_mock_caller()
        try:
            report = opsbook.excel.validate()
        finally:
            del xw.Book._mock_caller
        actions = book.json()["actions"]
    assert report is not None and len(report.errors) == 2
    assert {"Issues"} <= {a["args"][1] for a in actions if a["func"] == "addSheet"}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("action", ["validate", "calculate"])
def test_a_failure_lands_in_the_workbook_in_its_language(
        macro_books: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        lang: str, action: str) -> None:
    from opsbook.excel import buttons

    def broken_check(book: object) -> None:
        raise RuntimeError("the rules could not be read")

    path = built(macro_books, "appraisal", lang)
    # Validate once for real first, so that the failed run has earlier marks to carry over.
    first = tmp_path / f"first{path.suffix}"
    through_file(path, "validate", first)
    monkeypatch.setattr(handlers, "validate_book", broken_check)
    monkeypatch.setattr(buttons, "ERROR_LOG", tmp_path / "last-error.txt")
    with remote_book(first, monkeypatch) as book:
        assert getattr(opsbook.excel, action)(book) is None
        actions = book.json()["actions"]
    (status,) = _status(actions, first, lang)
    colon = "：" if lang == "zh" else ": "
    assert f"RuntimeError{colon}the rules could not be read" in status
    assert ("未完成" if lang == "zh" else "did not finish") in status
    assert "Traceback" in (tmp_path / "last-error.txt").read_text(encoding="utf-8")
    written = [v for a in actions if a["func"] == "setValues" for row in a["values"]
               for v in row if isinstance(v, str)]
    assert not any("Traceback" in v or 'File "' in v for v in written)
    replay_onto(first, actions, tmp_path / f"after{path.suffix}")
    issues = handlers.ISSUES_SHEET[lang]
    after = sheet_values(tmp_path / f"after{path.suffix}", issues)
    if action == "validate":
        assert after[2][6:8] == ("run-failed", "错误" if lang == "zh" else "error")
        # The marks of the first run are still listed, so the next run clears them.
        assert {row[:2] for row in after[3:]} == {
            row[:2] for row in sheet_values(first, issues)[2:]}
    else:
        assert after == sheet_values(first, issues)


# --- the licence ----------------------------------------------------------------------------

def test_the_licence_key_is_set_only_inside_these_tests() -> None:
    import os

    before = os.environ.get("XLWINGS_LICENSE_KEY")
    with pytest.MonkeyPatch.context() as monkeypatch, remote_engine(monkeypatch):
        assert os.environ["XLWINGS_LICENSE_KEY"] == "noncommercial"
    assert os.environ.get("XLWINGS_LICENSE_KEY") == before
