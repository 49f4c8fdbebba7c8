"""Attendance rules across rows and sheets: approvals before the start, date order."""

from __future__ import annotations

from typing import Iterator

import pandas as pd

from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.core.rules import date_order, references


def requests_in_order(book: Book) -> Iterator[Issue]:
    yield from date_order(book, "Leave", "start", "end")


def approved_in_advance(book: Book) -> Iterator[Issue]:
    """Leave and overtime are approved before they start; approved requests name an approval."""
    for sheet_id, start in (("Leave", "start"), ("Overtime", "date")):
        if sheet_id not in book:
            continue
        frame = book[sheet_id]
        approved = frame["status"].eq("approved").fillna(False).to_numpy(dtype=bool)
        missing = approved & (frame["approved_on"].isna() | frame["approved_by"].isna()).to_numpy()
        for row in frame.index[missing]:
            yield Issue("not-approved", "warning", value=frame.at[row, "request_id"],
                        **book.where(sheet_id, "approved_on", int(row)))
        begins = pd.to_datetime(frame[start]).dt.normalize()
        late = (frame["approved_on"] > begins).fillna(False).to_numpy(dtype=bool)
        for row in frame.index[late]:
            yield Issue("approval-after-start", "warning",
                        value=frame.at[row, "approved_on"].date(),
                        params={"expected": begins.at[row].date()},
                        **book.where(sheet_id, "approved_on", int(row)))


RULES = (references, requests_in_order, approved_in_advance)
