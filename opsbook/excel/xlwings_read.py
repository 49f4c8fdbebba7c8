"""Reading a workbook open in Excel through xlwings, the way the file reader reads a file.

Values from A1 (empty cells as ``""``, dates as ``date``/``datetime``, times as ``time``,
error cells as ``""`` plus the error code), the number cells shown as percentages or with
leading zeros (from their number formats), the merged ranges, and the workbook's date system.
What an engine cannot tell (the remote one: formats, merged cells, the date system) is read
as absent, never failed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from opsbook.core.cells import a1
from opsbook.core.cellvalues import EXCEL_EPOCH, EXCEL_EPOCH_1904
from opsbook.core.table import RawSheet
from opsbook.io.numformats import padded_code, shows_percent

#: Excel's error values, as xlwings gives them with ``err_to_str=True``.
ERROR_VALUES = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
                          "#DATA!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!",
                          "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})
_DAY_ONE = dt.datetime(1900, 1, 1)


def cell_value(value: Any) -> Any:
    """A value as Excel handed it over, in the form python-calamine gives for a file."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dt.datetime):
        if value < _DAY_ONE:  # a time of day, or a duration, stored before day 1
            span = value - EXCEL_EPOCH
            if span < dt.timedelta(days=1):
                return (dt.datetime.min + span).time()
            return span
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date()
    return value


def book_flag(book: Any, windows: str, mac: str) -> bool | None:
    """A workbook's yes/no property as Excel gives it: ``windows`` on Windows (COM,
    ``Workbook.ReadOnly``), ``mac`` on macOS (AppleScript, ``read_only``); None where the
    engine cannot say (the remote one)."""
    try:
        api = book.api
    except Exception:
        return None
    for read in (lambda: getattr(api, windows), lambda: getattr(api, mac).get()):
        try:
            value = read()
        except Exception:
            continue
        if isinstance(value, bool):
            return value
    return None


def date_system(book: Any) -> dt.datetime:
    """The day serial number 0 stands for in the open workbook: 1904-01-01 in the 1904 date
    system (old workbooks of Excel for Mac), else 1899-12-30, also where the engine cannot
    say (the remote one). A number typed into a date field counts its days from it."""
    if book_flag(book, "Date1904", "date_1904") is True:
        return EXCEL_EPOCH_1904
    return EXCEL_EPOCH


def read_sheet(sheet: Any) -> RawSheet:
    """A sheet's values from A1 to its last used cell, and its error cells."""
    last = sheet.used_range.last_cell
    block = sheet.range((1, 1), (last.row, last.column))
    rows = block.options(ndim=2, err_to_str=True).value or []
    errors: dict[str, str] = {}
    out: list[list[Any]] = []
    for r, row in enumerate(rows, start=1):
        values = []
        for c, value in enumerate(row, start=1):
            if isinstance(value, str) and value in ERROR_VALUES:
                errors[a1(r, c)] = value
                value = ""
            values.append(cell_value(value))
        out.append(values)
    while out and all(v == "" for v in out[-1]):
        out.pop()
    percents, padded = shown_formats(sheet, out)
    return RawSheet(sheet.name, out, merged_ranges(sheet, len(out), max(map(len, out),
                                                                         default=0)),
                    errors=errors, percent_cells=percents, padded_cells=padded)


def merged_ranges(sheet: Any, rows: int, cols: int,
                  ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The merged ranges of a sheet's first ``rows`` × ``cols`` cells, as the file reader
    gives them: ((first row, first column), (last row, last column)), 0-based, sorted.

    A block is asked whether it holds merged cells (one request when none does) and halved
    only where it does and is not inside one merged range. An engine that cannot tell (the
    remote one) gives none.
    """
    found: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    pending = [(1, 1, rows, cols)] if rows and cols else []
    try:
        while pending:
            r0, c0, r1, c1 = pending.pop()
            block = sheet.range((r0, c0), (r1, c1))
            if block.merge_cells is False:
                continue
            area = sheet.range((r0, c0)).merge_area
            top, left = area.row, area.column
            bottom, right = top + area.shape[0] - 1, left + area.shape[1] - 1
            if area.shape != (1, 1):
                found.add(((top - 1, left - 1), (bottom - 1, right - 1)))
            if top <= r0 and left <= c0 and bottom >= r1 and right >= c1:
                continue  # the whole block lies in that one range
            if r0 == r1 and c0 == c1:
                continue
            if r1 - r0 >= c1 - c0:
                middle = (r0 + r1) // 2
                pending += [(r0, c0, middle, c1), (middle + 1, c0, r1, c1)]
            else:
                middle = (c0 + c1) // 2
                pending += [(r0, c0, r1, middle), (r0, middle + 1, r1, c1)]
    except Exception:  # an engine that cannot read merged cells: none are read
        return []
    return sorted(found)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def shown_formats(sheet: Any, rows: list[list[Any]],
                  ) -> tuple[set[str], dict[str, tuple[str, int, str]]]:
    """The number cells of ``rows`` (values from A1) shown as percentages, and those shown
    with leading zeros with their (prefix, digits, suffix), from the cells' number formats
    as the file reader finds them in a file (see :attr:`RawSheet.percent_cells` and
    :attr:`RawSheet.padded_cells`).

    Formats are asked for a column's run of number cells at once, and a run is halved only
    where its cells' formats differ (Excel then answers None), so a column of one format
    costs one request. An engine that cannot read formats (the remote one) gives none.
    """
    percents: set[str] = set()
    padded: dict[str, tuple[str, int, str]] = {}
    width = max((len(row) for row in rows), default=0)
    try:
        for col in range(1, width + 1):
            numbers = [r for r, row in enumerate(rows, start=1)
                       if col <= len(row) and _is_number(row[col - 1])]
            for first, last, code in _format_runs(sheet, col, numbers):
                pad = padded_code(code)
                for r in numbers[first:last]:
                    if shows_percent(code):
                        percents.add(a1(r, col))
                    elif pad is not None:
                        padded[a1(r, col)] = pad
    except Exception:  # an engine without number formats: read as the values are
        return set(), {}
    return percents, padded


def _format_runs(sheet: Any, col: int, numbers: list[int]) -> list[tuple[int, int, str]]:
    """Runs of ``numbers`` (row numbers, ascending) of one number format in column ``col``:
    (first index, index after the last, format code)."""
    runs: list[tuple[int, int, str]] = []
    pending = [(0, len(numbers))] if numbers else []
    while pending:
        first, last = pending.pop()
        code = sheet.range((numbers[first], col), (numbers[last - 1], col)).number_format
        if isinstance(code, str):
            runs.append((first, last, code))
        elif last - first > 1:  # formats differ inside: each half on its own
            middle = (first + last) // 2
            pending += [(first, middle), (middle, last)]
    return runs
