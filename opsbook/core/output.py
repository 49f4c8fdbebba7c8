"""The output model: what a step writes, as plain data, and the book interface it goes through.

A computation describes its output as :class:`SheetOut` values (tables with their formats,
fills, notes and charts). ``opsbook.io`` writes them to files, ``opsbook.excel`` writes them
through xlwings and ``opsbook.reports`` renders them; none of these decides what they hold.
Button handlers are written once against :class:`BookPort`, which two adapters implement:
``opsbook.excel.xlwings_book`` (the workbook open in Excel) and ``opsbook.io.filebook`` (a
file on disk). Handlers read everything first, compute with the library, then write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from opsbook.core.table import RawSheet

#: The colour of titles and of header rows, in every sheet opsbook writes (RRGGBB).
TITLE_COLOR = "1F4E78"
#: The fill of a marked (bad) cell, and of a cell with a warning.
ERROR_FILL = "FFC7CE"
WARNING_FILL = "FFEB9C"
#: How a note written by opsbook starts; a note that does not is the user's and is kept.
NOTE_PREFIX = "opsbook: "

#: The sheet with the buttons, by workbook language; handlers never read or mark it.
CONTROL_SHEET = {"zh": "操作面板", "en": "Control"}
#: The sheet validation adds to list every issue, linked to its cell.
ISSUES_SHEET = {"en": "Issues", "zh": "问题清单"}
#: The cell of the Control sheet where a button run reports how it went.
STATUS_CELL = "A3"
#: The hidden sheet with xlwings' settings (interpreter, conda environment …).
CONF_SHEET = "xlwings.conf"
#: The names opsbook gives its sheet beside a user's sheet of the same name ("Status
#: (opsbook)", "Status (opsbook 2)"; see ``opsbook.excel.placing``).
_BESIDE = re.compile(r".* \(opsbook(?: [0-9]+)?\)")


def is_own_name(name: str) -> bool:
    """Whether ``name`` is one opsbook gives its sheet beside a user's ("Status (opsbook)")."""
    return _BESIDE.fullmatch(name) is not None


@dataclass(frozen=True)
class Chart:
    """A native chart drawn from a SheetOut's own columns.

    ``type`` is ``column``, ``bar``, ``line``, ``pie`` or ``scatter``; ``categories`` is the
    column index of the labels (the x values of a scatter), ``values`` the column indices of
    the series (each series named by its header). ``anchor`` is the A1 cell of the chart's
    top-left corner, by default right of the table.
    """

    type: str
    title: str
    categories: int
    values: tuple[int, ...]
    x_title: str = ""
    y_title: str = ""
    anchor: str | None = None


@dataclass
class SheetOut:
    """A results sheet to write: a title, a header row and rows of plain values.

    ``formats`` gives an Excel number format per column ("" for general); ``links`` maps a
    row offset to (sheet, cell) for a hyperlink in the first column. ``fills`` maps (row
    offset, column index) to an RRGGBB fill: rule colouring (a red grade) and grids drawn in
    cells (a Gantt chart, a heat map). ``key_columns`` columns (ID, name) stay frozen on
    screen and repeat on every printed page; ``empty`` is the line shown when there are no
    rows ("no findings"); ``notes`` are lines written under the table. ``choices`` maps a
    column index to the values of a drop-down list on its cells (for sheets people fill in).
    ``filter_columns`` limits the filter to the table's own leading columns.
    """

    name: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    formats: list[str] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    links: dict[int, tuple[str, str]] = field(default_factory=dict)
    fills: dict[tuple[int, int], str] = field(default_factory=dict)
    charts: list[Chart] = field(default_factory=list)
    key_columns: int = 0
    empty: str = ""
    notes: list[str] = field(default_factory=list)
    choices: dict[int, list[str]] = field(default_factory=dict)
    #: How many leading columns the filter buttons cover (None: every column): a grid
    #: beside the table (the risk heat map) is then not sorted along with it.
    filter_columns: int | None = None


@dataclass
class Mark:
    """A cell to mark: where, its note (starting with NOTE_PREFIX), error or warning."""

    sheet: str
    cell: str
    note: str
    severity: str = "error"


def by_cell(marks: list[Mark]) -> dict[tuple[str, str], list[Mark]]:
    """The marks grouped by (sheet, cell), in order of first appearance."""
    cells: dict[tuple[str, str], list[Mark]] = {}
    for m in marks:
        cells.setdefault((m.sheet, m.cell), []).append(m)
    return cells


def worst(marks: list[Mark]) -> str:
    """The severity a cell with these marks is filled for: error over warning."""
    return "error" if any(m.severity == "error" for m in marks) else "warning"


def note_text(marks: list[Mark]) -> str:
    """One note for all marks of a cell: the prefix once, then one line per mark."""
    return "\n".join(m.note if n == 0 else m.note.removeprefix(NOTE_PREFIX)
                     for n, m in enumerate(marks))


class BookPort(Protocol):
    """What a handler may do with a workbook."""

    name: str

    def sheet_names(self) -> list[str]:
        """The names of the worksheets, in order."""

    def sheets(self) -> list[RawSheet]:
        """Every worksheet's values from A1 (with formula information where known)."""

    def values(self, sheet: str) -> list[list[Any]]:
        """The values of a sheet from A1, one list per row."""

    def clear_marks(self, cells: list[tuple[str, str, str | None]]) -> None:
        """Remove earlier marks from these (sheet, A1, fill before) cells: give back the
        cell's own fill (an RRGGBB colour, or none), and drop the note if it is opsbook's.
        Cells on sheets that no longer exist are skipped."""

    def mark(self, marks: list[Mark]) -> dict[tuple[str, str], str | None]:
        """Fill bad cells and attach a note to each (one note per cell, the marks' notes
        joined); a cell that already has a note of the user's keeps it. Returns the solid
        fill (RRGGBB) each marked cell had before, where there was one and it can be read."""

    def write_sheet(self, sheet: SheetOut) -> None:
        """Write a results sheet: a new one goes last, one that exists is replaced where it
        is (title in A1, headers in row 2, rows from row 3)."""

    def delete_sheet(self, name: str) -> None:
        """Remove a sheet if it exists."""

    def message(self, text: str) -> None:
        """Tell the user one line: the Control sheet's status cell in Excel, stdout for the
        command line."""
