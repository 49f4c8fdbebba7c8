"""Scores in wide form (one column per indicator) turned into the long form scoring uses."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

KEYS = ["employee_id", "rater_id", "rater_role"]
LONG_COLUMNS = KEYS + ["indicator_id", "score", "comment"]


def _clean(text: object) -> str:
    return re.sub(r"\s+", "", str(text)).casefold()


def wide_to_long(scores: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per (employee, rater, role) with a column per indicator → one row per score.

    An indicator column is named by its indicator_id or its name (case and spaces ignored).
    Blank cells are not ratings and give no row. Each long row keeps the spreadsheet row of
    its source as index; a ``comment`` column, if any, is repeated on every row of its source.
    """
    by_text: dict[str, object] = {}
    for column in ("name", "indicator_id"):  # ids win over names when they clash
        if column in indicators:
            for key, ind in zip(indicators[column], indicators["indicator_id"], strict=True):
                if pd.notna(key) and pd.notna(ind):
                    by_text[_clean(key)] = ind
    columns = {col: by_text[_clean(col)] for col in scores.columns
               if col not in LONG_COLUMNS and _clean(col) in by_text}
    index_name = scores.index.name or "row"
    if not columns:
        return pd.DataFrame(columns=LONG_COLUMNS, index=pd.Index([], name=index_name))
    frame = scores.reindex(columns=KEYS + ["comment"] + list(columns))
    values = frame[list(columns)].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    n_rows, n_cols = values.shape
    filled = ~np.isnan(values).ravel()
    at = np.repeat(np.arange(n_rows), n_cols)[filled]
    long = pd.DataFrame(
        {key: frame[key].to_numpy(dtype=object)[at] for key in KEYS}
        | {"indicator_id": np.tile(np.array(list(columns.values()), dtype=object),
                                   n_rows)[filled],
           "score": values.ravel()[filled],
           "comment": frame["comment"].to_numpy(dtype=object)[at]},
        index=pd.Index(scores.index.to_numpy()[at], name=index_name),
    )
    return long[LONG_COLUMNS]
