"""A button reads a cell as it is shown, as the command line does: an ID formatted ``"E"0000``
(1 shows E0001), a weight formatted ``0%`` (0.18 shows 18%), a department merged down.

xlwings' remote engine cannot read number formats or merged cells; the desktop engines (Excel
on Windows and macOS, where the buttons run) answer ``Range.number_format`` with the range's
format code (None when its cells' formats differ), ``Range.merge_cells`` with whether it holds
merged cells (None when some) and ``Range.merge_area`` with the merged range a cell is in.
Those answers are given here from the workbook file, as Excel gives them for the workbook open
in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from books import sample
from remote import filled_cells, notes, remote_book, replay_onto, sheet_values

import opsbook.excel
from opsbook.core.output import ERROR_FILL, NOTE_PREFIX, WARNING_FILL
from opsbook.excel import handlers
from opsbook.excel.xlwings_book import XlwingsBook
from opsbook.io.filebook import FileBook

FILLS = (ERROR_FILL, WARNING_FILL)
#: The sample's Employee IDs on the Scores sheet as numbers shown with the prefix E.
ID_FORMAT = '"E"0000'


@pytest.fixture
def formats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """Number formats read the way a desktop engine reads them, from ``formats["path"]``."""
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")  # to import the engine
    from xlwings.pro import _xlremote

    state: dict[str, Any] = {}

    def number_format(self: Any) -> str | None:
        ws = state["book"][self.sheet.name]
        rows, cols = self.shape
        codes = {ws.cell(self.row + r, self.column + c).number_format
                 for r in range(rows) for c in range(cols)}
        return codes.pop() if len(codes) == 1 else None  # mixed formats: Excel's Null

    def load(path: Path) -> None:
        state["book"] = openpyxl.load_workbook(path)

    def ranges(self: Any) -> list[Any]:
        return list(state["book"][self.sheet.name].merged_cells.ranges)

    def within(area: Any, row: int, col: int) -> bool:
        return area.min_row <= row <= area.max_row and area.min_col <= col <= area.max_col

    def merge_cells(self: Any) -> bool | None:
        rows, cols = self.shape
        cells = [(self.row + r, self.column + c) for r in range(rows) for c in range(cols)]
        inside = [any(within(area, r, c) for area in ranges(self)) for r, c in cells]
        return True if all(inside) else (None if any(inside) else False)

    def merge_area(self: Any) -> Any:
        for area in ranges(self):
            if within(area, self.row, self.column):
                return _xlremote.Range(self.sheet, (area.min_row, area.min_col),
                                       (area.max_row, area.max_col))
        return self

    monkeypatch.setattr(_xlremote.Range, "merge_cells", property(merge_cells))
    monkeypatch.setattr(_xlremote.Range, "merge_area", property(merge_area))
    writes = _xlremote.Range.number_format.fset  # writing a format stays the engine's own
    monkeypatch.setattr(_xlremote.Range, "number_format", property(number_format, writes))
    state["load"] = load
    yield state


def shown_differently(folder: Path) -> tuple[Path, Path]:
    """The English sample appraisal, and a copy whose Scores Employee IDs are numbers
    formatted ``"E"0000`` and whose indicator weights are fractions formatted ``0%``: both
    show the same table."""
    plain = sample(folder, "en")
    book = openpyxl.load_workbook(plain)
    scores, indicators = book["Scores"], book["Indicators"]
    for row in range(4, scores.max_row + 1):
        cell = scores.cell(row, 1)
        if isinstance(cell.value, str) and cell.value.startswith("E"):
            cell.value, cell.number_format = int(cell.value[1:]), ID_FORMAT
    for row in range(4, indicators.max_row + 1):
        cell = indicators.cell(row, 4)
        if isinstance(cell.value, (int, float)):
            cell.value, cell.number_format = cell.value / 100, "0%"
    employees = book["Employees"]  # E0002 and E0003 work in one department: merged down
    assert employees["C5"].value == employees["C6"].value
    employees["C6"] = None
    employees.merge_cells("C5:C6")
    formatted = folder / "formatted.xlsx"
    book.save(formatted)
    return plain, formatted


def calculated_three_ways(path: Path, plain: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Calculate pressed on ``path`` through xlwings (the result: ``button.xlsx`` beside it,
    returned), and the command line's calculation of ``path`` (``command.xlsx``) and of the
    workbook it shows the same as, ``plain`` (``plain.xlsx``); both give the same sheets."""
    with remote_book(path, monkeypatch) as book:
        opsbook.excel.calculate(book)
        actions = book.json()["actions"]
    button = path.parent / "button.xlsx"
    replay_onto(path, actions, button)
    for source, target in ((path, "command.xlsx"), (plain, "plain.xlsx")):
        command = FileBook(source, path.parent / target)
        handlers.calculate(command)
        command.save()
    names = openpyxl.load_workbook(path.parent / "command.xlsx").sheetnames
    assert openpyxl.load_workbook(button).sheetnames == names
    return button


def test_the_adapter_reads_the_formats_the_file_reader_reads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formats: dict[str, Any]) -> None:
    _, path = shown_differently(tmp_path)
    formats["load"](path)
    with remote_book(path, monkeypatch) as book:
        seen = {s.name: s for s in XlwingsBook(book).sheets()}
    expected = {s.name: s for s in FileBook(path).sheets()}
    assert seen["Scores"].padded_cells["A4"] == ("E", 4, "")
    assert "D4" in seen["Indicators"].percent_cells
    assert seen["Employees"].merged == [((4, 2), (5, 2))]  # C5:C6
    for name, theirs in expected.items():
        assert seen[name].percent_cells == theirs.percent_cells, name
        assert seen[name].padded_cells == theirs.padded_cells, name
        assert seen[name].merged == sorted(theirs.merged), name


def test_calculate_reads_formatted_ids_and_weights_as_shown(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formats: dict[str, Any]) -> None:
    plain, path = shown_differently(tmp_path)
    formats["load"](path)
    button = calculated_three_ways(path, plain, monkeypatch)
    names = openpyxl.load_workbook(tmp_path / "command.xlsx").sheetnames
    assert "Results" in names
    for name in ("Issues", "Results", "Departments", "Raters", "Self-rating Gap", "Checks"):
        assert sheet_values(button, name) == sheet_values(tmp_path / "command.xlsx", name)
    issues = sheet_values(button, "Issues")[2:]
    assert [(row[0], row[1]) for row in issues if row[0]] == [("Employees", "C5")]  # merged
    for name in ("Results", "Departments"):  # as shown, the same as the plain sample's
        assert sheet_values(button, name) == sheet_values(tmp_path / "plain.xlsx", name)


def test_an_engine_without_formats_reads_the_values(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _, path = shown_differently(tmp_path)
    with remote_book(path, monkeypatch) as book:  # the remote engine: no formats to read
        seen = {s.name: s for s in XlwingsBook(book).sheets()}
    assert seen["Scores"].padded_cells == {} and seen["Indicators"].percent_cells == set()
    assert seen["Employees"].merged == []
    assert seen["Scores"].rows[3][0] == 1.0


def test_a_mistake_in_a_merged_range_is_marked_on_its_first_cell(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formats: dict[str, Any]) -> None:
    book = openpyxl.load_workbook(sample(tmp_path, "en"))
    scores = book["Scores"]
    scores["E4"], scores["E5"] = 120, None  # a score of 120 given to two rows at once
    scores.merge_cells("E4:E5")
    path = tmp_path / "merged-mistake.xlsx"
    book.save(path)
    formats["load"](path)
    with remote_book(path, monkeypatch, client="Office.js") as xl:
        opsbook.excel.validate(xl)
        actions = xl.json()["actions"]
    button = tmp_path / "button.xlsx"
    replay_onto(path, actions, button)
    command = FileBook(path, tmp_path / "command.xlsx")
    handlers.validate(command)
    command.save()
    assert filled_cells(button, FILLS) == filled_cells(tmp_path / "command.xlsx", FILLS)
    assert {(s, c) for s, c, _ in filled_cells(button, FILLS)} == {("Scores", "E4")}
    assert {(s, c) for s, c, text in notes(button) if text.startswith(NOTE_PREFIX)} \
        == {("Scores", "E4")}
    listed = [(row[0], row[1]) for row in sheet_values(button, "Issues")[2:] if row[0]]
    assert ("Scores", "E4") in listed and ("Scores", "E5") in listed
