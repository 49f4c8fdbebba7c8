"""Merged cells in a sheet's data area and header row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from opsbook.core.cells import a1
from opsbook.core.issues import Issue
from opsbook.core.parse import padded_text, percent_text

if TYPE_CHECKING:
    from opsbook.core.table import RawSheet


def merged_data(raw: RawSheet, first: int, issues: list[Issue],
                 file: str | None) -> list[list[Any]]:
    """The data rows (from 0-based row ``first``), each merged range reading as its value in
    every cell it covers, as the user sees it (shown as a percentage in each, when its first
    cell is); an info note for each such range."""
    data = raw.rows[first:]
    copied: set[int] = set()
    for (r0, c0), (r1, c1) in sorted(raw.merged):
        if r0 < first or r0 >= len(raw.rows) or (r0 == r1 and c0 == c1):
            continue
        value = raw.rows[r0][c0] if c0 < len(raw.rows[r0]) else ""
        if value in ("", None):
            continue
        for r in range(r0 - first, min(r1 - first, len(data) - 1) + 1):
            if r not in copied:
                data = data if copied else list(data)
                data[r] = list(data[r])
                copied.add(r)
            row = data[r]
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            row[c0:c1 + 1] = [value] * (c1 + 1 - c0)
        ref = f"{a1(r0 + 1, c0 + 1)}:{a1(r1 + 1, c1 + 1)}"
        top = a1(r0 + 1, c0 + 1)
        if top in raw.percent_cells:  # every cell it covers shows the percentage
            raw.percent_cells = raw.percent_cells | {
                a1(r + 1, c + 1) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
            value = percent_text(value) if isinstance(value, (int, float)) else value
        if top in raw.padded_cells:  # and the leading zeros (00002) its top cell shows
            code = raw.padded_cells[top]
            raw.padded_cells = {**raw.padded_cells, **{
                a1(r + 1, c + 1): code for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}}
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = padded_text(value, code) or value
        issues.append(Issue("merged-cells", "info", file, raw.name, top,
                            r0 + 1, value=value, params={"range": ref}))
    return data


def merged_in_row(merged, row_index: int) -> dict[int, str]:
    """Columns (0-based) covered by a merged range in the header row, after its first cell."""
    covered: dict[int, str] = {}
    for (r0, c0), (r1, c1) in merged:
        if r0 <= row_index <= r1 and c1 > c0:
            ref = f"{a1(r0 + 1, c0 + 1)}:{a1(r1 + 1, c1 + 1)}"
            for c in range(c0 + 1, c1 + 1):
                covered[c] = ref
    return covered
