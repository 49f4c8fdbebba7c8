"""Frames become the cell values a writer takes the same way column by column as value by
value: no NaN, NaT or NA in a cell, dates as datetimes, durations as day fractions."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from opsbook.core.values import excel_rows, excel_value

floats = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=False, width=64))
days = st.one_of(st.none(), st.datetimes(min_value=dt.datetime(1900, 3, 1),
                                         max_value=dt.datetime(2100, 1, 1)))
mixed = st.one_of(st.none(), st.text(max_size=5), st.integers(-10, 10), st.booleans(),
                  st.floats(allow_infinity=False))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(floats, days, mixed, st.integers(-5, 5), st.booleans(),
                          st.one_of(st.none(), st.booleans()),
                          st.one_of(st.none(), st.text(max_size=5))), max_size=12))
def test_column_by_column_is_value_by_value(rows):
    frame = pd.DataFrame({
        "float": pd.Series([r[0] for r in rows], dtype="float64"),
        "date": pd.to_datetime(pd.Series([r[1] for r in rows], dtype=object)),
        "mixed": pd.Series([r[2] for r in rows], dtype=object),
        "int": pd.Series([r[3] for r in rows], dtype="int64"),
        "bool": pd.Series([r[4] for r in rows], dtype=bool),
        "nullable": pd.Series([r[5] for r in rows], dtype="boolean"),
        "span": pd.to_timedelta(pd.Series([r[3] for r in rows], dtype="int64"), unit="h"),
        "text": pd.Series([r[6] for r in rows], dtype="str"),  # pandas' own text type
        "string": pd.Series([r[6] for r in rows], dtype="string"),
    })
    expected = [[excel_value(v) for v in row] for row in frame.itertuples(index=False)]
    got = excel_rows(frame)
    assert got == expected
    assert [[type(v) for v in row] for row in got] == [[type(v) for v in row] for row in expected]
    for row in got:
        assert not any(isinstance(v, float) and np.isnan(v) for v in row)
        assert all(v is None or type(v) is dt.datetime for v in row[1:2])
