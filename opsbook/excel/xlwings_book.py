"""The xlwings adapter of the book interface: a workbook open in Excel, as an ``xw.Book``.

It works on the desktop engines (Excel on Windows and macOS, where the buttons run it) and on
xlwings' ``remote`` engine (what the tests run it on). Values are read from A1 the way the
file reader gives them (empty cells as ``""``, dates as ``date``/``datetime``, times as
``time``, error cells as ``""`` plus the error code; the number cells shown as percentages or
with leading zeros, from their number formats; merged ranges: see ``xlwings_read``), so a
handler sees the same book through either adapter. What an engine cannot do is skipped, never
failed: where notes cannot be written, a mark is the fill and its row on the Issues sheet;
cosmetic steps (fonts, widths, frozen panes) that an engine lacks are left out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from opsbook.core.cells import a1, split
from opsbook.core.output import (
    CONF_SHEET,
    CONTROL_SHEET,
    ERROR_FILL,
    NOTE_PREFIX,
    STATUS_CELL,
    TITLE_COLOR,
    WARNING_FILL,
    Mark,
    SheetOut,
    by_cell,
    note_text,
    worst,
)
from opsbook.core.table import RawSheet
from opsbook.excel.xlwings_read import date_system, read_sheet

_TITLE_COLOR = f"#{TITLE_COLOR}"
_WHITE = "#FFFFFF"
_FILLS = {"error": "#" + ERROR_FILL, "warning": "#" + WARNING_FILL}
_MESSAGE_LIMIT = 250


def _own_color(cell: Any) -> str | None:
    """A cell's fill as RRGGBB, unless it is none, opsbook's own, or cannot be read (the
    remote engine cannot read colours back)."""
    try:
        color = cell.color
    except Exception:  # engines without colour reading
        return None
    if not (isinstance(color, tuple) and len(color) == 3):
        return None
    rgb = "".join(f"{int(c):02X}" for c in color)
    return None if rgb in (ERROR_FILL, WARNING_FILL) else rgb


def _rgb(color: str) -> tuple[int, int, int]:
    """'#1F4E78' → (31, 78, 120): the colour form every engine accepts."""
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def write_value(value: Any) -> Any:
    """A value to write into a cell: text is quoted so that Excel keeps it as text.

    Excel turns a text such as ``0012``, ``1/2`` or ``=A1`` written through its object model
    into a number, a date or a formula; a leading apostrophe keeps it as typed (and is not
    part of the value).
    """
    if isinstance(value, str) and value:
        return "'" + value
    return value


class XlwingsBook:
    """An ``xw.Book`` behind the BookPort interface.

    Reads are made once per sheet and kept, so a handler's reads all see the workbook as it
    was before its writes (the remote engine could not show writes anyway).
    """

    def __init__(self, book: Any):
        self.book = book
        self.name: str = book.name
        self.messages: list[str] = []
        #: Whether this engine writes notes; found out on the first mark.
        self.notes = True
        self._values: dict[str, RawSheet] = {}
        #: the day serial number 0 stands for in this workbook (see RawSheet.epoch)
        self.epoch = date_system(book)

    # reading ---------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def sheets(self) -> list[RawSheet]:
        return [self._read(name) for name in self.sheet_names() if name != CONF_SHEET]

    def values(self, sheet: str) -> list[list[Any]]:
        return self._read(sheet).rows if sheet in self.sheet_names() else []

    def _read(self, name: str) -> RawSheet:
        if name not in self._values:
            self._values[name] = read_sheet(self.book.sheets[name])
            self._values[name].epoch = self.epoch
        return self._values[name]

    # writing ---------------------------------------------------------------------------
    def clear_marks(self, cells: list[tuple[str, str, str | None]]) -> None:
        names = set(self.sheet_names())
        for sheet, ref, before in cells:
            if sheet not in names:
                continue
            cell = self.book.sheets[sheet].range(self._writable(sheet, ref)[0])
            cell.color = _rgb(before) if before else None
            self._drop_note(cell)

    def mark(self, marks: list[Mark]) -> dict[tuple[str, str], str | None]:
        before: dict[tuple[str, str], str | None] = {}
        placed: list[Mark] = []  # a mark inside a merged range goes on its top-left cell
        given: dict[tuple[str, str], list[str]] = {}  # a cell marked → the cells it marks
        for m in marks:
            ref, inside = self._writable(m.sheet, m.cell)
            placed.append(Mark(m.sheet, ref, f"{m.note} ({m.cell})" if inside else m.note,
                               m.severity))
            given.setdefault((m.sheet, ref), []).append(m.cell)
        for (sheet, ref), group in by_cell(placed).items():
            cell = self.book.sheets[sheet].range(ref)
            color = _own_color(cell)
            before.update({(sheet, mine): color for mine in given[(sheet, ref)]})
            cell.color = _rgb(_FILLS[worst(group)])
            if self.notes:
                self._put_note(cell, note_text(group))
        return before

    def _writable(self, sheet: str, ref: str) -> tuple[str, bool]:
        """``ref``, or the top-left cell of the merged range it lies in (and whether it did:
        only that cell of a merged range holds a fill and a note), as read."""
        raw = self._values.get(sheet)
        if raw is None and sheet in self.sheet_names():
            raw = self._read(sheet)
        row, col = split(ref)
        for (r0, c0), (r1, c1) in raw.merged if raw else []:
            if r0 < row <= r1 + 1 and c0 < col <= c1 + 1 and (row, col) != (r0 + 1, c0 + 1):
                return a1(r0 + 1, c0 + 1), True
        return ref, False

    def delete_sheet(self, name: str) -> None:
        for sheet in self.book.sheets:
            if sheet.name.casefold() == name.casefold():
                sheet.delete()
                return

    def write_sheet(self, out: SheetOut) -> None:
        sheets = self.book.sheets
        names = [sheet.name.casefold() for sheet in sheets]
        if out.name.casefold() in names:
            position = names.index(out.name.casefold())  # 0-based
            sheets[position].delete()
            if position:
                ws = sheets.add(out.name, after=sheets[position - 1])
            else:
                ws = sheets.add(out.name, before=sheets[0])
        else:
            ws = sheets.add(out.name, after=sheets[len(sheets) - 1])
        _fill_sheet(ws, out)

    def message(self, text: str) -> None:
        """Show ``text`` in the status cell of the Control sheet, or, in a workbook without
        one (the add-in's tab on any workbook), in a message box (kept in ``messages`` too)."""
        self.messages.append(text)
        for name in CONTROL_SHEET.values():
            if name in self.sheet_names():
                stamp = dt.datetime.now().strftime("%H:%M")
                line = text if len(text) <= _MESSAGE_LIMIT else text[:_MESSAGE_LIMIT - 1] + "…"
                self.book.sheets[name].range(STATUS_CELL).value = write_value(
                    f"[{stamp}] {line}")
                return
        self.book.app.alert(text, title="opsbook")

    # notes -----------------------------------------------------------------------------
    def _put_note(self, cell: Any, text: str) -> None:
        try:
            note = cell.note
            if note is None:
                cell.add_note(text)
            elif (_note_text(note) or "").startswith(NOTE_PREFIX):
                note.text = text
            # else: the user's note (or one that cannot be read) stays as it is
        except NotImplementedError:
            self.notes = False

    def _drop_note(self, cell: Any) -> None:
        with contextlib.suppress(NotImplementedError):
            note = cell.note
            if note is not None and (_note_text(note) or "").startswith(NOTE_PREFIX):
                note.delete()


def _note_text(note: Any) -> str | None:
    """A note's text, or None where the engine cannot read it."""
    try:
        return str(note.text)
    except NotImplementedError:
        return None


def _fill_sheet(ws: Any, out: SheetOut) -> None:
    """Title, header row and rows of a results sheet, then its formats and links."""
    width = max([len(out.headers), *(len(row) for row in out.rows)])
    ws.range("A1").value = write_value(out.title)
    table = [list(out.headers) + [None] * (width - len(out.headers))]
    table += [list(row) + [None] * (width - len(row)) for row in out.rows]
    ws.range((2, 1)).value = [[write_value(v) for v in row] for row in table]
    for col, fmt in enumerate(out.formats, start=1):
        if fmt and out.rows:
            ws.range((3, col), (2 + len(out.rows), col)).number_format = fmt
    for offset, (sheet, ref) in sorted(out.links.items()):
        cell = ws.range((3 + offset, 1))
        text = out.rows[offset][0] if out.rows[offset] else sheet
        with _optional():
            cell.add_hyperlink(f"#'{sheet}'!{ref}", str(text), f"{sheet}!{ref}")
    with _optional():
        title = ws.range("A1").font
        title.bold, title.size, title.color = True, 14, _rgb(_TITLE_COLOR)
    with _optional():
        header = ws.range((2, 1), (2, max(1, len(out.headers))))
        header.color = _rgb(_TITLE_COLOR)
        header.font.bold, header.font.color = True, _rgb(_WHITE)
    for (r, col), fill in out.fills.items():
        with _optional():
            ws.range((3 + r, col + 1)).color = _rgb(f"#{fill}")
    after = 3 + len(out.rows)
    if not out.rows and out.empty:
        ws.range((3, 1)).value = out.empty
        after += 1
    for n, line in enumerate(out.notes):
        ws.range((after + 1 + n, 1)).value = write_value(line)
    for col, chars in enumerate(out.widths, start=1):
        with _optional():
            ws.range((1, col)).column_width = chars
    with _optional():
        ws.freeze_panes.freeze_at(ws.range((3, out.key_columns + 1)).address.replace("$", ""))


def _optional() -> contextlib.AbstractContextManager[None]:
    """Run a cosmetic step; an engine that cannot do it (whatever it raises) leaves it out."""
    return contextlib.suppress(Exception)
