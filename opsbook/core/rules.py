"""Rule helpers shared by the kinds' cross-sheet checks, over a group of books at once."""

from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from opsbook.core.group import BOOK, ROW, Group, over_books
from opsbook.core.issues import Issue
from opsbook.core.typed import repeated


@over_books
def references(group: Group) -> Iterator[tuple[int, Issue]]:
    """unknown-reference for every value of a ``ref`` field missing from the sheet it names
    in the same book (an error, or what the field's ``ref_severity`` says); not checked in
    a book that lacks that sheet or column (its own error says so)."""
    for spec in group.books[0].kind.sheets:
        for f in spec.fields:
            if not f.ref:
                continue
            sheet_id, field_id = f.ref.split(".")
            frame = group.frame(spec.id)
            if frame.empty:
                continue
            target = group.frame(sheet_id)
            known = target[[BOOK, field_id]].dropna()
            values = frame[f.id]
            # a book whose target column is missing has that said once (missing-column),
            # not again at every row that refers to it
            checked = group.has_column(spec.id, f.id) & group.per_row(
                spec.id, [sheet_id in b.tables and field_id in b.tables[sheet_id].columns
                          for b in group.books]).astype(bool)
            bad = checked & values.notna().to_numpy()
            if len(known):  # (book, value) pairs: a value is known only in its own book
                pairs = pd.MultiIndex.from_arrays([frame[BOOK], values])
                bad &= ~pairs.isin(pd.MultiIndex.from_frame(known))
            for pos in np.flatnonzero(bad):
                k, place = group.where(frame, pos, spec.id, f.id)
                table = group.books[k].tables[sheet_id]
                expected = f"{table.name}!{table.headers.get(field_id, field_id)}"
                yield k, Issue("unknown-reference", f.ref_severity, value=values.iat[pos],
                               params={"expected": expected}, **place)


def date_order(group: Group, sheet_id: str, start: str,
               finish: str) -> Iterator[tuple[int, Issue]]:
    """date-order where ``finish`` is before ``start`` on the same row."""
    frame = group.frame(sheet_id)
    if frame.empty:
        return
    later = pd.to_datetime(frame[finish], errors="coerce")
    bad = (later < pd.to_datetime(frame[start], errors="coerce")).to_numpy(dtype=bool)
    for pos in np.flatnonzero(bad):
        k, place = group.where(frame, pos, sheet_id, finish)
        other = group.books[k].tables[sheet_id].headers.get(start, start)
        stamp = later.iat[pos]  # with its time of day when it has one (a half-day leave)
        value = stamp.date() if stamp == stamp.normalize() else stamp.to_pydatetime()
        yield k, Issue("date-order", value=value, params={"other": other}, **place)


def repeats(group: Group, sheet_id: str, field_id: str,
            key: tuple[str, ...] = ()) -> Iterator[tuple[int, Issue]]:
    """duplicate-key for every repeat of a value (with the ``key`` columns: of a composite
    key) within its own book, naming the row of the first."""
    frame = group.frame(sheet_id)
    if frame.empty or field_id not in frame:
        return
    present = np.flatnonzero(frame[field_id].notna().to_numpy())
    keys = frame[[BOOK, field_id, *key]].iloc[present]
    for n, first in zip(*repeated(keys, frame[ROW].to_numpy()[present])):
        k, place = group.where(frame, present[n], sheet_id, field_id)
        yield k, Issue("duplicate-key", value=frame[field_id].iat[present[n]],
                       params={"other": int(first)}, **place)


def numbers(frame: pd.DataFrame, column: str) -> np.ndarray:
    return pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)
