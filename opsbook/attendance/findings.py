"""Findings: one row per violation or data problem, located by source, sheet, field and row.

Every step of the computation returns its findings in this shape; ``violations`` puts them
together. ``source`` is the position of the input (workbook or punch export) a row came from,
``sheet`` the sheet id (``Clock``, ``Leave``, ``Overtime``, ``Punches``, ``Employees``),
``field`` the field id of the cell, ``row`` the spreadsheet row (``-1`` when there is none).
``value`` is the number the finding is about (minutes, hours, days), NaN when none;
``request_id`` the leave or overtime request concerned, ``other`` a second one (an overlap).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

FINDING_COLUMNS = ["employee_id", "date", "flag", "value", "request_id", "other", "source",
                   "sheet", "field", "row"]


def findings(employee_id: Any, date: Any, flag: str, *, value: Any = np.nan,
             request_id: Any = None, other: Any = None, source: Any = 0,
             sheet: Any = "Clock", field: Any = None, row: Any = -1) -> pd.DataFrame:
    """A findings frame from columns (arrays or Series) and scalars broadcast over them."""
    frame = pd.DataFrame({"employee_id": np.asarray(employee_id, dtype=object)})
    n = len(frame)

    def column(value: Any, dtype: Any = object) -> np.ndarray:
        if isinstance(value, (pd.Series, pd.Index)):
            value = value.to_numpy()
        if isinstance(value, np.ndarray):
            return value.astype(dtype) if dtype is not object else value.astype(object)
        return np.full(n, value, dtype=dtype)

    frame["date"] = pd.to_datetime(column(date) if n else np.array([], dtype="datetime64[ns]"))
    frame["flag"] = flag
    frame["value"] = column(value, float)
    frame["request_id"] = column(request_id)
    frame["other"] = column(other)
    frame["source"] = column(source, np.int64)
    frame["sheet"] = column(sheet)
    frame["field"] = column(field)
    frame["row"] = column(row, np.int64)
    return frame[FINDING_COLUMNS]


def empty() -> pd.DataFrame:
    return findings([], [], "late")


def combine(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """All findings, in a fixed order (employee, date, flag, source, row) whatever the input
    order was."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return empty()
    frame = pd.concat(parts, ignore_index=True)
    return frame.sort_values(["employee_id", "date", "flag", "source", "sheet", "row"],
                             kind="mergesort", na_position="first").reset_index(drop=True)
