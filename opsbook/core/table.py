"""From a sheet's raw cell values to a typed table: find the header, map columns, coerce.

No file access here: the reader hands over the values as a list of rows from A1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
import pandas as pd

from opsbook.core.cells import a1, letter
from opsbook.core.coerce import EXCEL_EPOCH
from opsbook.core.filler import drop_filler
from opsbook.core.headers import (  # noqa: F401 - match_count, find_header re-exported
    HEADER_SCAN_ROWS,
    MIN_HEADER_FIELDS,
    find_header,
    header_lookup,
    is_chinese,
    match_count,
    missing_column,
    normalize,
    unread_columns,
)
from opsbook.core.issues import Issue
from opsbook.core.merges import merged_data, merged_in_row
from opsbook.core.parse import percent_points
from opsbook.core.spec import Sheet
from opsbook.core.typed import row_numbers, typed_field


@dataclass
class RawSheet:
    """A sheet as read: its name, values from A1, merged ranges, formula cells and the cells
    shown as percentages."""

    name: str
    rows: list[list[Any]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    formulas_without_value: set[str] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)  # A1 → "#DIV/0!"
    #: the day serial number 0 stands for: 1899-12-30, or 1904-01-01 (Excel for Mac)
    epoch: dt.datetime = EXCEL_EPOCH
    #: cells shown as percentages (A1 references): 0.95 there is what the cell shows, 95%
    percent_cells: set[str] = field(default_factory=set)
    #: cells shown with leading zeros (format 00000): A1 reference → (prefix, digits, suffix)
    padded_cells: dict[str, tuple[str, int, str]] = field(default_factory=dict)


@dataclass
class Table:
    """A sheet read against its spec.

    ``frame`` has one column per field found (by field id) plus extra columns under their
    header text; its index is the spreadsheet row number.
    """

    spec: Sheet
    name: str
    header_row: int = 0
    columns: dict[str, int] = field(default_factory=dict)  # field id → 1-based column
    headers: dict[str, str] = field(default_factory=dict)  # field id → header as found
    extras: dict[str, int] = field(default_factory=dict)  # other header → 1-based column
    frame: pd.DataFrame = field(default_factory=pd.DataFrame)
    chinese_headers: int = 0
    english_headers: int = 0
    header_rows: int = 1  # 2 for a two-row header (captions over fields)
    #: Cells of the extra columns whose formula gives no value (A1 → None) or an error (A1
    #: → "#DIV/0!"): blank in ``frame``, for a kind that reads an extra column to say why.
    no_value: dict[str, str | None] = field(default_factory=dict)

    def cell(self, field_id: str, row: int) -> str | None:
        column = self.columns.get(field_id)
        return a1(row, column) if column else None

    def where(self, field_id: str | None, row: int | None = None) -> dict[str, Any]:
        """The location fields of an Issue for a field (and row) of this table."""
        place: dict[str, Any] = {"sheet": self.name, "field": field_id, "row": row}
        if field_id is not None:
            place["column"] = self.headers.get(field_id) or field_id
            if row is not None:
                place["cell"] = self.cell(field_id, row)
        return place


def empty_frame(spec: Sheet) -> pd.DataFrame:
    """A sheet's frame with no rows: one object column per field, index named "row"."""
    frame = pd.DataFrame(columns=[f.id for f in spec.fields], dtype=object)
    frame.index.name = "row"
    return frame


@dataclass
class Layout:
    """A sheet laid out against its spec, before its values are typed: the Table (header
    row, columns found), the data rows that hold anything (padded to the sheet's width) with
    their spreadsheet row numbers, and the issues found so far."""

    table: Table
    raw: RawSheet
    file: str | None
    rows: list[int] = field(default_factory=list)
    data: list[list[Any]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    def column_letter(self, field_id: str) -> str:
        return letter(self.table.columns[field_id])


def _filled(row: list[Any]) -> bool:
    """True when a row holds anything but empty cells ("" from python-calamine, None from
    Excel through xlwings). A sheet may have hundreds of thousands of rows: most are told by
    their first cell, the others counted in C."""
    first = row[0] if row else ""
    return (first != "" and first is not None) or row.count("") + row.count(None) < len(row)


def lay_out(raw: RawSheet, spec: Sheet, *, file: str | None = None) -> Layout:
    """Find a sheet's header and map its columns to the spec's fields; issues for structure.

    A sheet without a header row naming at least two of its fields (or, on a sheet of
    the spec's name, every required one: see :func:`_by_name`) gets one
    ``missing-header`` issue and no data (``header_row`` stays 0); an optional sheet that
    is wholly blank, an ``empty-sheet`` warning instead.
    """
    table = Table(spec=spec, name=raw.name, frame=None)  # type: ignore[arg-type]
    layout = Layout(table, raw, file)
    issues = layout.issues
    rows = raw.rows
    named = _by_name(raw, spec)
    also = frozenset(map(normalize, spec.header_extras)) if named else frozenset()
    found = find_header(rows, spec, raw.merged, min(MIN_HEADER_FIELDS, len(spec.fields)), also)
    if found is None and named:  # a list of holidays: its one required column, Date
        near = find_header(rows, spec, raw.merged, 1, also)
        if near is not None and {f.id for f in spec.fields if f.required} <= set(
                near.fields.values()):
            found = near
    required = [f for f in spec.fields if f.required]
    if found is None and not spec.required and not any(map(_filled, rows)):
        # an optional sheet left blank (clock data given as punches instead): nothing to read
        issues.append(Issue("empty-sheet", "warning", file=file, sheet=raw.name))
        return layout
    if found is None:
        issues.append(_no_header(raw, spec, file))
        _header_too_low(issues[-1], rows, spec)
        return layout
    header_index = found.index
    table.header_row = header_index + 1
    table.header_rows = found.rows
    header = found.texts
    first_data = header_index + found.rows
    data = merged_data(raw, first_data, issues, file)
    width = max(map(len, rows), default=0)
    merged_header = merged_in_row(raw.merged, header_index) if found.rows == 1 else {}
    extras: dict[str, int] = {}
    for col, value in enumerate(header):
        key = normalize(value)
        column = col + 1
        if col in found.fields:
            fid = found.fields[col]
            if fid in table.columns:
                issues.append(Issue("duplicate-column", "warning", file, raw.name,
                                    a1(table.header_row, column), table.header_row,
                                    str(value), fid, str(value),
                                    _same_field(spec, fid, table, str(value))))
                continue
            table.columns[fid] = column
            table.headers[fid] = str(value).strip()
            if is_chinese(value):
                table.chinese_headers += 1
            else:
                table.english_headers += 1
        elif key:
            header = str(value).strip()
            if header in extras:  # a second column of one header: said, as for a field
                issues.append(Issue("duplicate-column", "warning", file, raw.name,
                                    a1(table.header_row, column), table.header_row,
                                    header, None, header))
                continue
            extras[header] = column
        elif any(col < len(r) and r[col] not in ("", None) for r in data):
            cell, merged = a1(table.header_row, column), merged_header.get(col)
            if cell in raw.errors or cell in raw.formulas_without_value:  # not "no header"
                code, merged = ("formula-error", raw.errors[cell]) if cell in raw.errors \
                    else ("formula-no-value", None)
            else:
                code = "merged-header" if merged else "blank-header"
            issues.append(Issue(code, "warning", file, raw.name, cell, table.header_row,
                                value=merged, params={"cell_column": letter(column)}))
    for f in required:
        if f.id not in table.columns:
            issues.append(missing_column(f, extras, table.name, table.header_row, file))
    table.extras = extras
    # data rows: blank ones dropped, spreadsheet numbers kept
    layout.rows = [n for n, row in enumerate(data, start=first_data + 1) if _filled(row)]
    kept = [data[n - first_data - 1] for n in layout.rows] \
        if len(layout.rows) < len(data) else list(data)
    layout.data = [row if len(row) == width else list(row) + [""] * (width - len(row))
                   for row in kept]
    drop_filler(layout)
    unread = [f for f in spec.fields if not f.required and f.id not in table.columns]
    if unread and extras:
        issues.extend(unread_columns(unread, extras, table.name, table.header_row, file,
                                     holds=lambda column: _holds_data(layout.data, column)))
    return layout


def _by_name(raw: RawSheet, spec: Sheet) -> bool:
    """Whether a sheet has one of the spec's names: its header may then name fewer fields
    than :data:`MIN_HEADER_FIELDS` when it names every required one (a Holidays sheet of
    dates alone), and the extra columns of
    :attr:`~opsbook.core.spec.Sheet.header_extras` count as fields to find it (a sheet
    placed by its headers has only its fields to go by)."""
    return normalize(raw.name) in map(normalize, spec.names())


def _same_field(spec: Sheet, fid: str, table: Table, text: str) -> dict[str, str]:
    """The hint of a ``duplicate-column`` whose header is another of a field's headers
    ("Budget (BAC)" beside "Planned Cost"): the field and the column read as it."""
    first = table.headers[fid]
    if normalize(first) == normalize(text):
        return {}
    f = next(f for f in spec.fields if f.id == fid)
    col = letter(table.columns[fid])
    return {"hint": f" (as {f.en}, which column {col} '{first}' already is)",
            "hint_zh": f"（与第 {col} 列“{first}”同为“{f.zh}”）"}


def _no_header(raw: RawSheet, spec: Sheet, file: str | None) -> Issue:
    """``missing-header`` naming the fields no row names: the required ones (with, when one
    row names a single field, that row and field, located there); a sheet of optional
    fields only names those its best row lacks, as many as a header needs."""
    near = find_header(raw.rows, spec, raw.merged, 1)
    named = set(near.fields.values()) if near is not None else set()
    missing = [f for f in spec.fields if f.required and f.id not in named] or \
        [f for f in spec.fields if f.id not in named][:MIN_HEADER_FIELDS]
    lacking = [f"{f.en}/{f.zh}" for f in missing]
    params = {"expected": ", ".join(lacking), "expected_zh": "、".join(lacking)}
    issue = Issue("missing-header", file=file, sheet=raw.name, params=params)
    if near is not None:
        one = next(f for f in spec.fields if f.id in named)
        row = near.index + 1
        issue.cell, issue.row = a1(row, min(near.fields) + 1), row
        params.update(named=f"; row {row} names only {one.en}/{one.zh}",
                      named_zh=f"；第 {row} 行只有“{one.zh}”（{one.en}）一项")
    return issue


#: How far down a sheet a header is looked for, past the rows it is read from, to say where
#: it is when it is too low to be read.
DEEP_ROWS = 1000


def _header_too_low(issue: Issue, rows: list[list[Any]], spec: Sheet) -> None:
    """Locate a ``missing-header`` at the header a sheet has below the rows headers are read
    from (a long title block above it), and say what to do."""
    for start in range(HEADER_SCAN_ROWS, min(len(rows), DEEP_ROWS), HEADER_SCAN_ROWS):
        found = find_header(rows[start:], spec, (), min(MIN_HEADER_FIELDS, len(spec.fields)))
        if found is not None:
            row = start + found.index + 1
            issue.cell, issue.row = a1(row, 1), row
            issue.params.update(
                hint=f" Its header seems to be row {row}: headers are looked for in the first "
                     f"{HEADER_SCAN_ROWS} rows, so delete rows above it.",
                hint_zh=f"表头似乎在第 {row} 行：只在前 {HEADER_SCAN_ROWS} 行中查找表头，"
                        "请删除其上方的部分行。")
            return


def _holds_data(data: list[list[Any]], column: int) -> bool:
    """True when some data row holds a value in the (1-based) column."""
    return any(row[column - 1] not in ("", None) for row in data)


def read_tables(layouts: Sequence[Layout]) -> None:
    """Type the data of laid-out sheets of one spec, all at once: each field's column is read
    over the rows of every sheet together (see :mod:`opsbook.core.typed`), then each sheet's
    ``table.frame`` is its own rows (index: spreadsheet row numbers, one column per field and
    one per extra header) and its ``issues`` gain the problems of its values."""
    found = [lay for lay in layouts if lay.table.header_row]
    for lay in layouts:
        if not lay.table.header_row:
            lay.table.frame = empty_frame(lay.table.spec)
    epochs: dict[Any, list[Layout]] = {}
    for lay in found:
        epochs.setdefault(lay.raw.epoch, []).append(lay)
    for group in epochs.values():
        _read_group(group)


def _read_group(group: list[Layout]) -> None:
    spec = group[0].table.spec
    sizes = [len(lay.rows) for lay in group]
    ends = np.cumsum(sizes)
    total = int(ends[-1]) if sizes else 0
    columns: dict[str, pd.Series] = {}
    for f in spec.fields:
        having = [k for k, lay in enumerate(group) if f.id in lay.table.columns]
        if not having:
            columns[f.id] = pd.Series(None, index=range(total), dtype=object)
            continue
        values = typed_field([group[k] for k in having], f)
        if len(having) < len(group):  # spread over every sheet's rows
            values.index = np.concatenate(
                [np.arange(ends[k] - sizes[k], ends[k]) for k in having]).astype(np.int64)
            values = values.reindex(range(total))
        columns[f.id] = values
    stacked = pd.DataFrame(columns, copy=False)  # each column its own block: no copy
    stacked.index = pd.Index(row_numbers(group), name="row")
    for lay, end, size in zip(group, ends, sizes):
        frame = stacked.iloc[int(end) - size:int(end)]
        missing = {f.id: pd.Series(None, index=frame.index, dtype=object)
                   for f in spec.fields if f.id not in lay.table.columns}
        extras = {text: _extra_column(lay, col, frame.index)
                  for text, col in lay.table.extras.items()}
        if missing or extras:
            frame = frame.assign(**missing, **extras)
        lay.table.frame = frame


def _extra_column(lay: Layout, col: int, rows: pd.Index) -> pd.Series:
    """An extra column's cells as read, a number shown as a percentage as the figure shown
    (90%: 90, as a number field reads it); a formula cell without a value or with an error
    is blank, and noted in ``table.no_value``."""
    raw, mark = lay.raw, letter(col)
    values = [None if r[col - 1] == "" else r[col - 1] for r in lay.data]
    for n, row in enumerate(rows):
        ref = f"{mark}{row}"
        if ref in raw.percent_cells and type(values[n]) in (int, float):
            values[n] = percent_points(values[n])
        if ref in raw.formulas_without_value or ref in raw.errors:
            lay.table.no_value[ref] = raw.errors.get(ref)
            values[n] = None
    return pd.Series(values, index=rows, dtype=object)


def read_table(raw: RawSheet, spec: Sheet, *, file: str | None = None) -> tuple[Table, list[Issue]]:
    """Read one sheet against its spec: the Table with its typed frame, and issues for its
    structure and every bad value (see :func:`lay_out` and :func:`read_tables`)."""
    layout = lay_out(raw, spec, file=file)
    read_tables([layout])
    return layout.table, layout.issues
