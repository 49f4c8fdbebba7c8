"""A table's rows as worksheet XML, built a column at a time, inside an XlsxWriter workbook.

XlsxWriter keeps each cell as a Python object and writes it through a dozen calls when the
workbook closes, about 10 µs a cell: a results sheet of 15,000 rows × 19 columns spent more
time there than the command spent reading and computing. :class:`BlockSheet` is an XlsxWriter
worksheet that takes the rows of a table as one block instead. Each distinct value of a
column is turned into its cell XML once (shared string, number, date serial, boolean or
formatted blank, exactly as XlsxWriter's ``write_*`` methods would write it), and the rows
are joined a chunk at a time when the workbook closes. Everything else (title, header,
hyperlinks, notes, validation lists, charts, print setup) is written with XlsxWriter's own
methods; a cell written that way inside the block wins over the block's.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter
import xlsxwriter.packager
import xlsxwriter.workbook
from xlsxwriter.format import Format
from xlsxwriter.sharedstrings import SharedStrings
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from opsbook.core.values import excel_value

#: Rows joined into XML at a time when the workbook closes (bounds the memory it takes).
CHUNK_ROWS = 2048
#: Excel's longest string, in UTF-16 code units.
MAX_STRING = 32767


#: zlib level the results workbooks are zipped at: its fastest. A year of attendance (165 MB
#: of sheet XML) is compressed in 0.7 s instead of 3.4 s at XlsxWriter's level (zlib's
#: default, 6), for a file a third larger (23 MB instead of 17.5 MB).
ZIP_LEVEL = 1
_ZIP_FILE = xlsxwriter.workbook.ZipFile
_SHARED_STRINGS = xlsxwriter.packager.SharedStrings
_STORING = threading.Lock()
#: Text that XlsxWriter writes through its own escapes: control characters and U+FFFE,
#: U+FFFF (not allowed in XML), text that looks like one of their ``_xHHHH_`` escapes, rich
#: strings.
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|<r>")


class _TableOfStrings(SharedStrings):
    """XlsxWriter's shared strings part with the strings written in one go.

    XlsxWriter writes each string through two regular expressions and three calls (a fifth
    of writing a year's attendance summary, 85,000 strings). When no string needs more
    than ``&``, ``<`` and ``>`` escaped (none of :data:`_SPECIAL`), each is escaped and
    wrapped here, with ``xml:space`` where it begins or ends with white space, exactly as
    XlsxWriter would; otherwise XlsxWriter writes them all. Either way the part is byte for
    byte XlsxWriter's own.
    """

    def _write_sst_strings(self) -> None:
        strings = self.string_table.string_array
        if _SPECIAL.search("".join(strings)):
            super()._write_sst_strings()
            return
        self.fh.write("".join(
            ('<si><t xml:space="preserve">' if text[:1].isspace() or text[-1:].isspace()
             else "<si><t>")
            + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            + "</t></si>" for text in strings))


class ResultsWorkbook(xlsxwriter.Workbook):
    """An XlsxWriter workbook for results, zipped at :data:`ZIP_LEVEL`; text is written
    as text (never turned into numbers, formulas or links).

    XlsxWriter has no setting for the level, so the zip class it uses is given the level
    while this workbook is stored, and its shared strings are written by
    :class:`_TableOfStrings`. Results workbooks are stored one at a time; a plain XlsxWriter
    workbook stored by another thread in that moment is zipped at the same level, with the
    same bytes inside. XlsxWriter is pinned below 4 in ``pyproject.toml`` for this and for
    :class:`BlockSheet`.
    """

    def __init__(self, path: str | Path):
        super().__init__(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                     "strings_to_urls": False})

    def _store_workbook(self) -> None:
        with _STORING:
            xlsxwriter.workbook.ZipFile = functools.partial(_ZIP_FILE, compresslevel=ZIP_LEVEL)
            xlsxwriter.packager.SharedStrings = _TableOfStrings
            try:
                super()._store_workbook()
            finally:
                xlsxwriter.workbook.ZipFile = _ZIP_FILE
                xlsxwriter.packager.SharedStrings = _SHARED_STRINGS


class _Absent:
    """Stands for a cell beyond the end of a short row: nothing is written there."""


ABSENT = _Absent()
#: The ending of a cell that is not written, and of a formatted blank.
ABSENT_END, BLANK = "", "/>"
#: A column of these types holds shared strings in every cell but its blanks and absent ones.
_TEXTS = frozenset({str, type(None), _Absent})
#: Types whose equal values are written alike, so that a column of them is written through a
#: table of its distinct values.
_ALIKE = frozenset({str, int, float, type(None), dt.datetime, dt.date, pd.Timestamp,
                    type(pd.NaT), _Absent})
#: A column of these types holds numbers in every cell but its blanks and absent ones.
_NUMBERS = frozenset({int, float, type(None), _Absent})


class BlockSheet(Worksheet):
    """An XlsxWriter worksheet with one block of rows written a column at a time.

    Use it through ``workbook.add_worksheet(name, worksheet_class=BlockSheet)``, then
    :meth:`write_block` once; the other ``write_*`` methods work as usual.
    """

    def __init__(self) -> None:
        super().__init__()
        self._block: _Block | None = None

    def write_block(self, first_row: int, rows: list[list[Any]], formats: list[Format],
                    cell_formats: dict[tuple[int, int], Format] | None = None) -> None:
        """Write ``rows`` (lists of plain values, 0-based) from sheet row ``first_row`` on.

        ``formats`` gives each column's format; ``cell_formats`` maps (row offset, column)
        to the format of one cell instead (a fill), and a cell named there beyond the end of
        its row is written as a formatted blank. Values are written as :func:`write_cell`
        writes them: strings as shared strings, numbers, dates as date serials, None (and
        NaN) as formatted blanks, booleans; anything else as its text. Raises TypeError for
        an infinite number, as XlsxWriter does.
        """
        if self._block is not None:
            raise ValueError("a BlockSheet takes one block")
        cell_formats = cell_formats or {}
        if not rows:
            return
        values = max(map(len, rows))
        if values > len(formats):
            raise ValueError(f"rows of {values} values but formats for {len(formats)} columns")
        width = max(len(formats), 1 + max((c for _, c in cell_formats), default=-1))
        block = self._block = _Block(self, first_row, rows, width, formats, cell_formats)
        if block.rows_used:  # the sheet's dimension covers the cells written, as XlsxWriter's
            self._check_dimensions(first_row + block.rows_used[0], block.min_col)
            self._check_dimensions(first_row + block.rows_used[1], block.max_col)

    # -- XlsxWriter's hooks: the rows when the sheet's XML is written, chart caches --------

    def _write_rows(self) -> None:
        block = self._block
        if block is None:
            super()._write_rows()
            return
        first, last = block.first, block.first + block.size - 1
        low, high = self.dim_rowmin, self.dim_rowmax
        try:
            if low < first:
                self.dim_rowmax = first - 1
                super()._write_rows()
            for start in range(0, block.size, CHUNK_ROWS):
                self.fh.write(block.xml(start, min(block.size, start + CHUNK_ROWS)))
            if high > last:
                self.dim_rowmin, self.dim_rowmax = last + 1, high
                super()._write_rows()
        finally:
            self.dim_rowmin, self.dim_rowmax = low, high

    def _get_range_data(self, row_start: int, col_start: int, row_end: int,
                        col_end: int) -> Any:
        block = self._block
        if block is None or self.constant_memory:
            return super()._get_range_data(row_start, col_start, row_end, col_end)
        data: list[Any] = []
        for row in range(row_start, row_end + 1):
            for col in range(col_start, col_end + 1):
                if block.holds(row, col):
                    data.extend(block.cached(row - block.first, col))
                else:
                    data.extend(super()._get_range_data(row, col, row, col))
        return data

    def _cell_xml(self, row: int, col: int) -> str:
        """The XML of a cell written with XlsxWriter's own methods."""
        buffer, self.fh = self.fh, io.StringIO()
        try:
            self._write_cell(row, col, self.table[row][col])
            return self.fh.getvalue()
        finally:
            self.fh = buffer


class _Block:
    """The rows of a BlockSheet and each column's cell endings, ready to be joined."""

    def __init__(self, sheet: BlockSheet, first: int, rows: list[list[Any]], width: int,
                 formats: list[Format], cell_formats: dict[tuple[int, int], Format]):
        self.sheet, self.first, self.rows, self.size = sheet, first, rows, len(rows)
        values = max(map(len, rows))  # columns past the longest row hold fills at most
        even = rows if all(len(row) == values for row in rows) else [
            list(row) + [ABSENT] * (values - len(row)) for row in rows]
        # a column at a time: zip(*rows) makes an iterator per row, which on a sheet of
        # 180,000 rows costs more than the rest of this method in garbage collection
        columns = [[row[c] for row in even] for c in range(values)]
        self.strings: dict[str, str] = {}
        self.string_cells = 0
        self.ends = [self._ends(column) for column in columns]
        sheet.str_table.count += self.string_cells - len(self.strings)
        self.heads = [f'<c r="{xl_col_to_name(c)}' for c in range(width)]
        self.styles = [f'" s="{fmt._get_xf_index()}"' for fmt in formats]
        self.fills: dict[tuple[int, int], int] = {}
        self.fills_by_row: dict[int, list[tuple[int, int]]] = {}
        xf_of: dict[int, int] = {}
        for (r, c), fmt in cell_formats.items():
            if 0 <= r < self.size:
                xf = xf_of.get(id(fmt))
                if xf is None:
                    xf = xf_of[id(fmt)] = fmt._get_xf_index()
                self.fills[r, c] = xf
                self.fills_by_row.setdefault(r, []).append((c, xf))
        for cells in self.fills_by_row.values():
            cells.sort()
        used = [c for c, ends in enumerate(self.ends) if any(ends)]
        used += [c for _, c in self.fills]
        self.min_col, self.max_col = (min(used), max(used)) if used else (0, 0)
        rows_used = [r for r, row in enumerate(rows) if row] + list(self.fills_by_row)
        #: The first and last row offsets with a cell, or None for a block without cells.
        self.rows_used = (min(rows_used), max(rows_used)) if rows_used else None

    # -- cell endings: everything after the style, by value ---------------------------------

    def _ends(self, column: list[Any]) -> list[str]:
        kinds = set(map(type, column))
        if not kinds <= _ALIKE:  # e.g. True == 1, Decimal("1") == 1: each value on its own
            ends = [self._end(v) for v in column]
        else:
            try:
                distinct = dict.fromkeys(column)
                if kinds <= _TEXTS:  # the new strings take their indices in one pass
                    strings = self.strings
                    self._share([v for v in distinct if type(v) is str and v not in strings])
                    table = {v: strings.get(v) or (ABSENT_END if v is ABSENT else BLANK)
                             for v in distinct}
                else:
                    end = _number_end if kinds <= _NUMBERS else self._end
                    table = {v: end(v) for v in distinct}
                ends = list(map(table.__getitem__, column))
            except TypeError:  # an unhashable value
                ends = [self._end(v) for v in column]
        if kinds <= _TEXTS:
            self.string_cells += len(column) - column.count(None) - column.count(ABSENT)
        else:
            self.string_cells += sum(n for end, n in Counter(ends).items()
                                     if end.startswith(' t="s"'))
        return ends

    def _end(self, value: Any) -> str:
        """What follows ``<c r=".." s=".."`` for this value (as ``write_cell`` writes it)."""
        if value is ABSENT:
            return ABSENT_END
        value = excel_value(value)
        kind = type(value)
        if kind is str:
            return self._string(value)
        if kind is float or kind is int:
            return _number(value)
        if value is None:
            return BLANK
        if isinstance(value, dt.datetime):
            return _number(self.sheet._convert_date_time(value))
        if isinstance(value, dt.date):
            day = dt.datetime(value.year, value.month, value.day)
            return _number(self.sheet._convert_date_time(day))
        if isinstance(value, bool):
            return f' t="b"><v>{1 if value else 0}</v></c>'
        if isinstance(value, (int, float)):
            return _number(value)
        return self._string(str(value))

    def _string(self, text: str) -> str:
        end = self.strings.get(text)
        if end is None:
            self._share([text])
            end = self.strings[text]
        return end

    def _share(self, texts: list[str]) -> None:
        """Give each of ``texts`` (distinct, none yet in :attr:`strings`) its shared string
        and cell ending, as XlsxWriter's ``_get_shared_string_index`` would (one count per
        text here; the block's count of string cells is set when its columns are done).
        Text beyond Excel's longest string is cut there."""
        table = self.sheet.str_table
        index_of = table.string_table
        shown = [text if len(text) <= MAX_STRING // 2 else _clipped(text) for text in texts]
        fresh = [text for text in dict.fromkeys(shown) if text not in index_of]
        index_of.update(zip(fresh, range(table.unique_count, table.unique_count + len(fresh))))
        table.unique_count += len(fresh)
        table.count += len(texts)
        self.strings.update(zip(texts, [f' t="s"><v>{index_of[text]}</v></c>'
                                        for text in shown]))

    # -- the XML of a run of rows --------------------------------------------------------

    def xml(self, start: int, stop: int) -> str:
        """``<row>`` elements of rows ``start`` to ``stop - 1`` (offsets in the block)."""
        numbers = [str(self.first + 1 + r) for r in range(start, stop)]
        columns = [[f"{head}{n}{style}{e}" if e else "" for n, e in zip(numbers, ends[start:stop])]
                   for head, style, ends in zip(self.heads, self.styles, self.ends)]
        beyond: dict[int, list[str]] = {}  # fills past the longest row: blanks, in column order
        for r in range(start, stop):
            for c, xf in self.fills_by_row.get(r, ()):
                end = self.ends[c][r] if c < len(self.ends) else ABSENT_END
                cell = f'{self.heads[c]}{numbers[r - start]}" s="{xf}"{end or BLANK}'
                if c < len(columns):
                    columns[c][r - start] = cell
                else:
                    beyond.setdefault(r - start, []).append(cell)
        rows = list(map("".join, zip(*columns))) if columns else [""] * (stop - start)
        for i, cells in beyond.items():
            rows[i] += "".join(cells)
        table = self.sheet.table
        for r in range(start, stop):  # cells written with write_* (links) replace the block's
            row = self.first + r
            if row in table and table[row]:
                rows[r - start] = self._merged(r, columns, beyond.get(r - start, []), start)
        text = "".join(f'<row r="{n}">{cells}</row>' for n, cells in zip(numbers, rows) if cells)
        if "INF</v>" in text:
            raise TypeError("NAN/INF not supported in write_number() without "
                            "'nan_inf_to_errors' Workbook() option")
        return text

    def _merged(self, r: int, columns: list[list[str]], beyond: list[str], start: int) -> str:
        """The cells of row offset ``r``, those written with ``write_*`` in place of the
        block's, in column order."""
        row = self.first + r
        cells = {c: column[r - start] for c, column in enumerate(columns)}
        cells.update(zip((c for c, _ in self.fills_by_row.get(r, ()) if c >= len(columns)),
                         beyond))
        cells.update((c, self.sheet._cell_xml(row, c)) for c in self.sheet.table[row])
        return "".join(cells[c] for c in sorted(cells))

    # -- chart caches --------------------------------------------------------------------

    def holds(self, row: int, col: int) -> bool:
        """Whether the block writes this cell (not a cell written with ``write_*``)."""
        table = self.sheet.table
        return (self.first <= row < self.first + self.size
                and not (row in table and col in table[row]))

    def cached(self, r: int, col: int) -> list[Any]:
        """The value a chart caches for cell (row offset, column), as XlsxWriter gives it."""
        row = self.rows[r]
        value = excel_value(row[col]) if col < len(row) else ABSENT
        if value is ABSENT:
            return [""] if (r, col) in self.fills else [None]
        if value is None:
            return [""]
        if isinstance(value, dt.datetime):
            return [f"{self.sheet._convert_date_time(value):.16g}"]
        if isinstance(value, dt.date):
            day = dt.datetime(value.year, value.month, value.day)
            return [f"{self.sheet._convert_date_time(day):.16g}"]
        if isinstance(value, bool):
            return []
        if isinstance(value, (int, float)):
            return [f"{value:.16g}"]
        return [str(value)]



def _clipped(text: str) -> str:
    """``text`` cut to Excel's longest string (:data:`MAX_STRING` UTF-16 code units)."""
    if len(text.encode("utf-16-le")) // 2 <= MAX_STRING:
        return text
    return text.encode("utf-16-le")[:MAX_STRING * 2].decode("utf-16-le", "ignore")


def _number(value: float) -> str:
    return f"><v>{value:.16G}</v></c>"


_INFINITE = (math.inf, -math.inf)


def _number_end(value: float | int | None | _Absent) -> str:
    """:meth:`_Block._end` of a value of a column of numbers (NaN and ±inf are blanks)."""
    if value is None or value != value or value in _INFINITE:
        return BLANK
    return ABSENT_END if value is ABSENT else f"><v>{value:.16G}</v></c>"
