"""Rule helpers shared by the kinds' cross-sheet checks."""

from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from opsbook.core.book import Book
from opsbook.core.issues import Issue


def references(book: Book) -> Iterator[Issue]:
    """unknown-reference for every value of a ``ref`` field missing from the sheet it names."""
    for table in book.tables.values():
        for f in table.spec.fields:
            if not f.ref or f.id not in table.columns:
                continue
            sheet_id, field_id = f.ref.split(".")
            if sheet_id not in book.tables:
                continue
            target = book.tables[sheet_id]
            known = set(target.frame[field_id].dropna())
            values = table.frame[f.id]
            bad = values.notna() & ~values.isin(known)
            expected = f"{target.name}!{target.headers.get(field_id, field_id)}"
            for row in values.index[bad.to_numpy()]:
                yield Issue("unknown-reference", value=values.at[row],
                            params={"expected": expected},
                            **book.where(table.spec.id, f.id, int(row)))


def date_order(book: Book, sheet_id: str, start: str, finish: str) -> Iterator[Issue]:
    """date-order where ``finish`` is before ``start`` on the same row."""
    if sheet_id not in book.tables:
        return
    table = book.tables[sheet_id]
    frame = table.frame
    bad = (frame[finish] < frame[start]).fillna(False).to_numpy(dtype=bool)
    other = table.headers.get(start, start)
    for row in frame.index[bad]:
        value = frame.at[row, finish]
        yield Issue("date-order", value=value.date() if hasattr(value, "date") else value,
                    params={"other": other}, **book.where(sheet_id, finish, int(row)))


def numbers(frame: pd.DataFrame, column: str) -> np.ndarray:
    return pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)
