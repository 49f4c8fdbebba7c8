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
from opsbook.core.coerce import EXCEL_EPOCH, read_column
from opsbook.core.headers import (  # noqa: F401 - match_count, find_header re-exported
    MIN_HEADER_FIELDS,
    find_header,
    header_lookup,
    is_chinese,
    match_count,
    missing_column,
    normalize,
)
from opsbook.core.issues import Issue
from opsbook.core.merges import merged_data, merged_in_row
from opsbook.core.messages import TYPE_NAMES
from opsbook.core.spec import Field, Sheet


@dataclass
class RawSheet:
    """A sheet as read: its name, values from A1, merged ranges and formula cells."""

    name: str
    rows: list[list[Any]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    formulas_without_value: set[str] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)  # A1 → "#DIV/0!"
    #: the day serial number 0 stands for: 1899-12-30, or 1904-01-01 (Excel for Mac)
    epoch: dt.datetime = EXCEL_EPOCH


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
    frame = pd.DataFrame({f.id: pd.Series(dtype=object) for f in spec.fields})
    frame.index.name = "row"
    return frame


def read_table(raw: RawSheet, spec: Sheet, *, file: str | None = None) -> tuple[Table, list[Issue]]:
    """Read one sheet against its spec; issues for structure and every bad value.

    A sheet without a header row naming at least two of its fields gets one
    ``missing-header`` issue and no data checks (``header_row`` stays 0).
    """
    table = Table(spec=spec, name=raw.name, frame=empty_frame(spec))
    issues: list[Issue] = []
    rows = raw.rows
    found = find_header(rows, spec, raw.merged, min(MIN_HEADER_FIELDS, len(spec.fields)))
    required = [f for f in spec.fields if f.required]
    if found is None:
        expected = ", ".join(f"{f.en}/{f.zh}" for f in (required or spec.fields)[:3])
        issues.append(Issue("missing-header", file=file, sheet=raw.name,
                            params={"expected": expected}))
        return table, issues
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
                                    str(value), fid, str(value)))
                continue
            table.columns[fid] = column
            table.headers[fid] = str(value).strip()
            if is_chinese(value):
                table.chinese_headers += 1
            else:
                table.english_headers += 1
        elif key:
            extras.setdefault(str(value).strip(), column)
        elif any(col < len(r) and r[col] not in ("", None) for r in data):
            merged = merged_header.get(col)
            code = "merged-header" if merged else "blank-header"
            issues.append(Issue(code, "warning", file, raw.name, a1(table.header_row, column),
                                table.header_row, value=merged,
                                params={"cell_column": letter(column)}))
    for f in required:
        if f.id not in table.columns:
            issues.append(missing_column(f, extras, table.name, table.header_row, file))
    # data rows: drop blank ones, keep spreadsheet numbers as the index
    if min(map(len, data), default=width) != width:
        data = [list(r) + [""] * (width - len(r)) for r in data]
    numbers = np.arange(len(data), dtype=int) + first_data + 1
    raw_frame = pd.DataFrame(data, index=pd.Index(numbers, name="row"), columns=range(width),
                             dtype=object)
    filled = (raw_frame.ne("") & raw_frame.notna()).any(axis=1) if width else raw_frame.index < 0
    raw_frame = raw_frame[filled]
    if raw_frame.empty:
        raw_frame = pd.DataFrame(index=pd.Index([], name="row", dtype=int),
                                 columns=range(width), dtype=object)
    columns = {}
    for f in spec.fields:
        if f.id in table.columns:
            raw_col = raw_frame[table.columns[f.id] - 1]
            column, more = _typed_column(raw_col, f, table, raw, file)
            columns[f.id] = column
            issues.extend(more)
        else:
            columns[f.id] = pd.Series(None, index=raw_frame.index, dtype=object)
    for header_text, column in extras.items():
        columns[header_text] = raw_frame[column - 1].replace({"": None})
    table.frame = pd.DataFrame(columns, index=raw_frame.index)
    table.extras = extras
    return table, issues


def _typed_column(raw_col: pd.Series, f: Field, table: Table, raw: RawSheet,
                  file: str | None) -> tuple[pd.Series, list[Issue]]:
    column, blank = read_column(raw_col, f, raw.epoch)
    issues: list[Issue] = []
    rows = raw_col.index.to_numpy()
    col_letter = letter(table.columns[f.id])
    header = table.headers[f.id]
    names = TYPE_NAMES.get(f.type, TYPE_NAMES["text"])
    params = {"expected": names[0], "expected_zh": names[1]}

    def issue(code: str, severity: str, pos: int, **extra: Any) -> Issue:
        row = int(rows[pos])
        return Issue(code, severity, file, raw.name, f"{col_letter}{row}", row, header, f.id,
                     raw_col.iat[pos], {**params, **extra})

    for problem in column.problems:
        for n, pos in enumerate(problem.positions):
            extra = dict(problem.params)
            if problem.results is not None:
                extra["result"] = _show_result(problem.results[n])
            issues.append(issue(problem.code, problem.severity, pos, **extra))
    # formula cells with no cached value: reported once, not as missing
    no_value = np.zeros(len(rows), dtype=bool)
    if raw.formulas_without_value or raw.errors:
        for pos, row in enumerate(rows):
            ref = f"{col_letter}{row}"
            if ref in raw.formulas_without_value:
                no_value[pos] = True
                issues.append(issue("formula-no-value", "error", pos))
            elif ref in raw.errors:
                no_value[pos] = True
                issues.append(Issue("formula-error", "error", file, raw.name, ref, int(row),
                                    header, f.id, raw.errors[ref]))
    if f.required:
        for pos in np.flatnonzero(blank & ~no_value):
            issues.append(issue("missing-value", "error", pos))
    values = column.values
    if f.min is not None or f.max is not None:
        numbers = pd.to_numeric(values, errors="coerce")
        bad = pd.Series(False, index=values.index)
        if f.min is not None:
            bad |= (numbers <= f.min) if f.min_exclusive else (numbers < f.min)
        if f.max is not None:
            bad |= numbers > f.max
        range_params = {"expected": f.range_text("en"), "expected_zh": f.range_text("zh")}
        for pos in np.flatnonzero(bad.to_numpy()):
            issues.append(issue("out-of-range", "error", pos, **range_params))
    if f.unique:
        issues.extend(duplicate_issues(values, f.id, table, file))
    if f.default is not None and blank.any():  # a blank choice takes its documented default
        values = values.mask(pd.Series(blank & ~no_value, index=values.index), f.default)
    return values, issues


def _show_result(value: Any) -> str:
    if hasattr(value, "total_seconds"):
        seconds = int(value.total_seconds())
        text = f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
        return text + f":{seconds % 60:02d}" if seconds % 60 else text
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text.replace("T", " ")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    return str(value)


def duplicate_issues(values: pd.Series, field_id: str, table: Table, file: str | None,
                     key: Sequence[pd.Series] | None = None) -> list[Issue]:
    """duplicate-key for every repeat of a value (or of a composite key), naming the first."""
    frame = pd.DataFrame({"v": values, **{f"k{i}": k for i, k in enumerate(key or [])}})
    frame = frame[values.notna()]
    dup = frame.duplicated(keep="first")
    if not dup.any():
        return []
    first = frame.reset_index().groupby(list(frame.columns), sort=False)["row"].transform("first")
    first.index = frame.index
    issues = []
    for row in frame.index[dup.to_numpy()]:
        issues.append(Issue("duplicate-key", file=file, value=values.at[row],
                            params={"other": int(first.at[row])},
                            **table.where(field_id, int(row))))
    return issues
