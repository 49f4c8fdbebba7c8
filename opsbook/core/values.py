"""Python and pandas values as the plain cell values a spreadsheet writer takes."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd


def excel_value(value: Any) -> Any:
    """A Python or pandas value as something XlsxWriter writes with the right type."""
    kind = type(value)
    if kind is str or kind is int or value is None:
        return value
    if kind is float:
        return None if value != value else value
    if isinstance(value, float) and math.isnan(value):
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
