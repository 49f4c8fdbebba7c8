"""xlwings' ``remote`` engine for the tests: a workbook file as the request an xlwings client
sends, and the actions of the response replayed onto an openpyxl copy of the file.

The request is what xlwings' VBA client (``addin/Remote.bas``) sends for a workbook:
``client``, ``version``, ``book`` (name, active sheet index, selection), ``names`` and, for
every worksheet (hidden ones too), ``name``, ``values`` from A1 to the last used cell (``""``
for empty cells, dates as ISO strings ending in ``Z``), ``pictures`` and ``tables``. With
``client="Office.js"`` each sheet also lists the addresses of its ``notes``, as the Office.js
client does, and the engine then writes notes.

The replayer applies the actions the way Excel would: a text starting with an apostrophe is
stored without it, an ISO date written as text becomes a date, an empty string clears a cell.
It knows only the actions opsbook emits and refuses any other, so a new action shows up as a
failing test rather than as a silently wrong workbook.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from opsbook.io.filebook import close_workbook

EPOCH = dt.datetime(1899, 12, 30)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def iso(value: dt.datetime) -> str:
    """A date as the clients send it: ISO 8601 in UTC with milliseconds, ``Z`` at the end."""
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def client_value(value: Any) -> Any:
    """A cell value (as openpyxl reads it) as an xlwings client puts it in the request."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return iso(value)
    if isinstance(value, dt.date):
        return iso(dt.datetime(value.year, value.month, value.day))
    if isinstance(value, dt.time):
        return iso(dt.datetime.combine(EPOCH.date(), value))
    if isinstance(value, dt.timedelta):
        return iso(EPOCH + value)
    return value


def payload(path: Path, *, client: str = "VBA", active: int = 0) -> dict[str, Any]:
    """The request an xlwings client sends for the workbook file at ``path``."""
    import xlwings

    book = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in book.worksheets:
        if ws.max_row == 1 and ws.max_column == 1 and ws["A1"].value is None:
            values: list[list[Any]] = [[]]
        else:
            values = [[client_value(v) for v in row]
                      for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row,
                                              max_col=ws.max_column, values_only=True)]
        sheet: dict[str, Any] = {"name": ws.title, "values": values, "pictures": [],
                                 "tables": []}
        if client == "Office.js":
            sheet["notes"] = [{"address": cell.coordinate} for row in ws.iter_rows()
                              for cell in row if cell.comment is not None]
            sheet["visibility"] = "Visible" if ws.sheet_state == "visible" else "Hidden"
        sheets.append(sheet)
    return {
        "client": client,
        "version": xlwings.__version__,
        "book": {"name": path.name, "active_sheet_index": active, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }


@contextmanager
def remote_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """xlwings' remote engine, available for the duration (licence key set only meanwhile).

    xlwings registers the engine when it is first imported with the key set; when it was
    imported before without it, the engine is registered here and removed afterwards.
    """
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")
    import xlwings as xw

    added = None
    if "remote" not in xw.engines.engines_by_name:
        from xlwings.pro import _xlremote

        added = xw.main.Engine(impl=_xlremote.engine)
        xw.engines.add(added)
    try:
        yield
    finally:
        if added is not None:
            xw.engines.engines.remove(added)
            del xw.engines.engines_by_name["remote"]


@contextmanager
def remote_book(path: Path, monkeypatch: pytest.MonkeyPatch, **options: Any) -> Iterator[Any]:
    """An ``xw.Book`` on the remote engine, made from the file's request; closed afterwards."""
    import xlwings as xw

    with remote_engine(monkeypatch):
        book = xw.Book(json=payload(path, **options))
        try:
            yield book
        finally:
            book.close()


# --- replaying the response ---------------------------------------------------------------

def excel_value(value: Any) -> Any:
    """What a cell holds after Excel is given ``value`` as a cell value."""
    if isinstance(value, str):
        if value == "":
            return None
        if value.startswith("'"):
            return value[1:]
        if _ISO_DATE.fullmatch(value):
            return dt.datetime.fromisoformat(value)
        if _ISO_DATETIME.fullmatch(value):
            return dt.datetime.fromisoformat(value)
    return value


def _cells(ws: Any, action: dict[str, Any]) -> Iterator[Any]:
    for r in range(action["row_count"]):
        for c in range(action["column_count"]):
            yield ws.cell(row=action["start_row"] + 1 + r,
                          column=action["start_column"] + 1 + c)


def _font(cell: Any, name: str, value: Any) -> None:
    font = copy.copy(cell.font)
    setattr(font, name, value)
    cell.font = font


def replay(actions: list[dict[str, Any]], book: Any) -> list[str]:
    """Apply the actions to an openpyxl workbook; returns the names of the actions applied."""
    applied = []
    for action in actions:
        func, args = action["func"], action["args"]
        position = action["sheet_position"]
        ws = book.worksheets[position] if position is not None else None
        if func == "addSheet":
            book.create_sheet(args[1], args[0])
        elif func == "sheetDelete":
            book.remove(ws)
        elif func == "activateSheet":
            book.active = args[0]
        elif func in ("setScreenUpdating", "alert"):
            pass  # nothing to see in a file (an alert is a message box)
        elif func == "setValues":
            for r, row in enumerate(action["values"]):
                for c, value in enumerate(row):
                    ws.cell(row=action["start_row"] + 1 + r,
                            column=action["start_column"] + 1 + c).value = excel_value(value)
        elif func == "setRangeColor":
            color = args[0]
            fill = (PatternFill(fill_type=None) if color is None else
                    PatternFill("solid", start_color=color.lstrip("#").upper(),
                                end_color=color.lstrip("#").upper()))
            for cell in _cells(ws, action):
                cell.fill = fill
        elif func == "setNumberFormat":
            for cell in _cells(ws, action):
                cell.number_format = args[0]
        elif func == "setFontProperty":
            name, value = args
            if name == "color":
                value = value.lstrip("#").upper()
            for cell in _cells(ws, action):
                _font(cell, {"bold": "b", "italic": "i", "size": "sz"}.get(name, name), value)
        elif func == "setColumnWidth":
            for c in range(action["column_count"]):
                letter = get_column_letter(action["start_column"] + 1 + c)
                ws.column_dimensions[letter].width = args[0]
        elif func == "freezePaneAtRange":
            ws.freeze_panes = args[0]
        elif func == "addHyperlink":
            for cell in _cells(ws, action):
                cell.hyperlink = args[0]
                if args[1] is not None:
                    cell.value = args[1]
        elif func in ("addNote", "setNoteText"):
            ws[args[0].replace("$", "")].comment = Comment(args[1], "opsbook")
        elif func == "deleteNote":
            ws[args[0].replace("$", "")].comment = None
        else:
            raise AssertionError(f"the replayer does not know the action {func!r}")
        applied.append(func)
    return applied


def replay_onto(path: Path, actions: list[dict[str, Any]], target: Path) -> list[str]:
    """Replay ``actions`` onto a copy of the workbook at ``path``, saved as ``target``."""
    book = openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm")
    try:
        applied = replay(actions, book)
        book.save(target)
    finally:
        close_workbook(book)  # a macro workbook's parts are held in an open zip
    return applied


# --- what to compare ----------------------------------------------------------------------

def sheet_values(path: Path, name: str) -> list[tuple[Any, ...]]:
    """A sheet's values, rows with trailing empty cells trimmed."""
    ws = openpyxl.load_workbook(path)[name]
    rows = []
    for row in ws.iter_rows(values_only=True):
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        rows.append(tuple(row))
    while rows and not rows[-1]:
        rows.pop()
    return rows


def filled_cells(path: Path, colors: tuple[str, ...]) -> set[tuple[str, str, str]]:
    """(sheet, cell, colour) of every cell filled in one of ``colors``."""
    out = set()
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                fill = cell.fill
                if fill is not None and fill.fill_type == "solid":
                    rgb = str(fill.start_color.rgb)[-6:].upper()
                    if rgb in colors:
                        out.add((ws.title, cell.coordinate, rgb))
    return out


def notes(path: Path) -> set[tuple[str, str, str]]:
    """(sheet, cell, text) of every note."""
    return {(ws.title, cell.coordinate, cell.comment.text)
            for ws in openpyxl.load_workbook(path).worksheets
            for row in ws.iter_rows() for cell in row if cell.comment is not None}
