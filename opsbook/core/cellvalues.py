"""A column of raw cell values: the types a reader gives, blank cells, the problems found,
and the skeleton every type's reader shares (native values in bulk, text parsed one by one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd

from opsbook.core.parse import clean_text
from opsbook.core.spec import Field

#: Tokens that mean blank, compared as :func:`blank_token` reads a cell (full-width forms and
#: invisible characters as :func:`~opsbook.core.parse.clean_text` takes them: "－", "Ｎ/Ａ").
BLANKS = frozenset({"", "n/a", "na", "#n/a", "-", "--", "—", "——", "–", "无", "無", "none",
                    "null", "/"})


#: The length of the longest of :data:`BLANKS`.
_LONGEST_BLANK = max(map(len, BLANKS))


def blank_token(value: Any) -> bool:
    """True when a cell is text meaning blank (:data:`BLANKS`): "N/A", "-", "——" (a Chinese
    dash), "无", in full width or with an invisible character left in too."""
    return type(value) is str and clean_text(value).lower() in BLANKS
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
#: Day 0 of Excel for Mac's 1904 date system (``date1904`` in a workbook).
EXCEL_EPOCH_1904 = dt.datetime(1904, 1, 1)


@dataclass
class Problem:
    """Cells of one column with the same problem; ``positions`` index the column."""

    code: str
    severity: str
    positions: np.ndarray
    params: dict[str, Any] = field(default_factory=dict)
    results: list[Any] | None = None


@dataclass
class Column:
    values: pd.Series
    problems: list[Problem]


#: The size pandas' hash table starts at when a column is factorized; it grows with the
#: distinct values. Left to itself pandas sizes it by the length of the column: 9 MB for the
#: 178,000 ids (500 of them) of a year of attendance at every column typed, which was the
#: peak of reading the file; from 1,024 it takes 2.9 MB and is a little faster.
DISTINCT_HINT = 1024


def distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(values, use_na_sentinel=True)`` with a table the size of the distinct
    values (see :data:`DISTINCT_HINT`): (codes, -1 for None and NaN; distinct values)."""
    return pd.factorize(values, use_na_sentinel=True, size_hint=DISTINCT_HINT)


def per_unique(values: np.ndarray, function: Callable[[Any], Any], dtype: Any) -> np.ndarray:
    """``function`` applied once per distinct value (IDs and choices repeat a lot)."""
    codes, uniques = distinct(values)
    mapped = np.fromiter((function(v) for v in uniques), dtype=dtype, count=len(uniques))
    out = mapped[codes] if len(mapped) else np.empty(len(values), dtype=dtype)
    return out


@dataclass
class Distinct:
    """A column's distinct values (:func:`distinct`: ``codes`` per cell, -1 for None and
    NaN) and, for each, its text as :func:`~opsbook.core.parse.clean_text` reads it (None
    for a value that is no text): every text is cleaned once, for the blank test and the
    text readers alike."""

    codes: np.ndarray
    uniques: np.ndarray
    texts: np.ndarray

    @classmethod
    def of(cls, values: np.ndarray) -> Distinct:
        codes, uniques = distinct(values)
        texts = np.fromiter((clean_text(v) if type(v) is str else None for v in uniques),
                            dtype=object, count=len(uniques))
        return cls(codes, uniques, texts)


def blank_mask(raw: pd.Series, seen: Distinct | None = None) -> np.ndarray:
    """True where a cell is empty or holds a token meaning blank (N/A, -, 无), as
    :func:`blank_token` reads it; ``seen``: the column's :class:`Distinct`, when made."""
    seen = seen if seen is not None else Distinct.of(raw.to_numpy(dtype=object))
    codes = seen.codes
    blank_unique = np.fromiter(  # lower case never makes a text shorter
        (text is not None and len(text) <= _LONGEST_BLANK and text.lower() in BLANKS
         for text in seen.texts), bool, len(seen.texts))
    mask = codes < 0
    if len(blank_unique):
        mask |= blank_unique[np.maximum(codes, 0)] & (codes >= 0)
    return mask



#: The exact type of a cell value as a small code (``OTHER`` for anything else).
OTHER, STR, FLOAT, INT, BOOL, DATETIME, DATE, TIME, TIMEDELTA = range(9)


class _TypeCodes(dict):
    def __missing__(self, key: type) -> int:
        return OTHER


_TYPE_CODES = _TypeCodes({str: STR, float: FLOAT, int: INT, bool: BOOL, dt.datetime: DATETIME,
                          dt.date: DATE, dt.time: TIME, dt.timedelta: TIMEDELTA})


def type_codes(values: np.ndarray) -> np.ndarray:
    # per value, not per distinct value: True == 1.0 would share a slot
    return np.fromiter(map(_TYPE_CODES.__getitem__, map(type, values)), np.int8, len(values))


def read_cells(raw: pd.Series, f: Field, blank: np.ndarray,
          native: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
          text_parser: Callable[[str], Any] | None, fill: Any, dtype: Any = object,
          store: Callable[[Any], Any] | None = None) -> Column:
    """Shared skeleton: native values in bulk, text parsed one by one with a warning.

    The output array has ``dtype``; ``store`` turns a value parsed from text into what that
    array holds (the parsed value itself is what the warning shows).
    """
    values = raw.to_numpy(dtype=object)
    kinds = type_codes(values)
    ok, converted = native(values, kinds)
    ok &= ~blank
    if ok.all() and converted.dtype == np.dtype(dtype):  # every cell native: no copy
        out = converted
    else:
        out = np.full(len(values), fill, dtype=dtype)
        out[ok] = converted[ok]
    problems = []
    todo = ~blank & ~ok
    coerced, failed, results = [], [], []
    if text_parser is not None:
        for pos in np.flatnonzero(todo & (kinds == STR)):
            parsed = text_parser(values[pos])
            if parsed is None:
                failed.append(pos)
            else:
                out[pos] = parsed if store is None else store(parsed)
                coerced.append(pos)
                results.append(parsed)
        failed.extend(np.flatnonzero(todo & (kinds != STR)))
    else:
        failed = list(np.flatnonzero(todo))
    if coerced:
        problems.append(Problem("coerced-value", "warning", np.array(coerced),
                                results=results))
    if failed:
        problems.append(Problem("type-error", "error", np.array(sorted(failed))))
    return Column(pd.Series(out, index=raw.index, dtype=out.dtype), problems)
