"""The small book interface every button handler is written against.

Two adapters implement it: ``opsbook.excel.xlwings_book`` (the workbook open in Excel) and
``opsbook.io.filebook`` (a file on disk, through openpyxl). Handlers read everything first,
compute with the library, then write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from opsbook.core.table import RawSheet

#: The fill of a marked (bad) cell, and of a cell with a warning.
ERROR_FILL = "FFC7CE"
WARNING_FILL = "FFEB9C"
NOTE_PREFIX = "opsbook: "


@dataclass
class SheetOut:
    """A results sheet to write: a title, a header row and rows of plain values.

    ``formats`` gives an Excel number format per column ("" for general); ``links`` maps a
    row offset to (sheet, cell) for a hyperlink in the first column.
    """

    name: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    formats: list[str] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    links: dict[int, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Mark:
    sheet: str
    cell: str
    note: str
    severity: str = "error"


class BookPort(Protocol):
    """What a handler may do with a workbook."""

    name: str

    def sheet_names(self) -> list[str]:
        """The names of the worksheets, in order."""

    def sheets(self) -> list[RawSheet]:
        """Every worksheet's values from A1 (with formula information where known)."""

    def values(self, sheet: str) -> list[list[Any]]:
        """The values of a sheet from A1, one list per row."""

    def clear_marks(self, cells: list[tuple[str, str]]) -> None:
        """Remove the fill and note of earlier marks."""

    def mark(self, marks: list[Mark]) -> None:
        """Fill bad cells and attach a note to each."""

    def write_sheet(self, sheet: SheetOut) -> None:
        """Create or replace a results sheet (placed after the data sheets)."""

    def delete_sheet(self, name: str) -> None:
        """Remove a sheet if it exists."""

    def message(self, text: str) -> None:
        """Tell the user something short (a status cell, a message box, or stdout)."""
