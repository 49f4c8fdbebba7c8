"""Python and pandas values as the plain cell values a spreadsheet writer takes."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Sequence

import numpy as np
import pandas as pd


def excel_value(value: Any) -> Any:
    """A Python or pandas value as something XlsxWriter writes with the right type (a
    missing or infinite number as None, a blank)."""
    kind = type(value)
    if kind is str or kind is int or value is None:
        return value
    if kind is float:  # NaN and ±inf (no spreadsheet holds them) are blanks
        return value if math.isfinite(value) else None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (pd.Timedelta, dt.timedelta)):
        return pd.Timedelta(value).total_seconds() / 86400
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def excel_rows(frame: pd.DataFrame | Sequence[pd.Series]) -> list[list[Any]]:
    """The rows of a frame (or of columns of one length) as lists of plain cell values
    (:func:`excel_value`), converted column by column (a column of floats or dates at once;
    only mixed columns value by value)."""
    if isinstance(frame, pd.DataFrame):
        length, series = len(frame), [frame.iloc[:, n] for n in range(frame.shape[1])]
    else:
        series = list(frame)
        length = len(series[0]) if series else 0
    columns = [_excel_column(s) for s in series]
    return list(map(list, zip(*columns))) if columns else [[] for _ in range(length)]


def _excel_column(column: pd.Series) -> list[Any]:
    dtype = column.dtype
    if isinstance(dtype, pd.StringDtype):  # pandas' text (its default): str or missing
        return column.to_numpy(dtype=object, na_value=None).tolist()
    if not isinstance(dtype, np.dtype):  # pandas' other types (nullable, categories)
        return _excel_values(column.to_numpy(dtype=object).tolist())
    if dtype.kind == "f":
        values = column.to_numpy()
        out = values.astype(object)
        out[~np.isfinite(values)] = None  # NaN and ±inf: blanks
        return out.tolist()
    if dtype.kind in "iub":
        return column.to_numpy().tolist()
    if dtype.kind == "M":  # each distinct date made a datetime once; NaT a blank
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        return np.array([*uniques.to_pydatetime(), None], dtype=object)[codes].tolist()
    return _excel_values(column.to_numpy(dtype=object).tolist())


#: The types a spreadsheet writer takes as they are (:func:`excel_value` gives them back).
_PLAIN = frozenset({str, int, type(None)})


def _excel_values(values: list[Any]) -> list[Any]:
    """:func:`excel_value` of each of ``values``: text, whole numbers and None (most of a
    column of text) are passed as they are, without a call."""
    return [v if type(v) in _PLAIN else excel_value(v) for v in values]
