"""Reading a column of raw cell values as its field's type, vectorised.

Raw values are what a reader gives (python-calamine): ``str``, ``float``, ``int``, ``bool``,
``date``, ``datetime``, ``time``, ``timedelta``; ``""`` or ``None`` for empty. Each column
comes back as a typed Series plus its problems: values that could not be read
(``type-error``, an error) and values read in a way a person might not have meant
(``coerced-value``, a warning: dates typed as text, numbers with thousands separators …).

Types in the frame: text, id, choice and month → ``str`` or ``None``; number, integer and
percent → ``float`` (percent as a fraction); date and datetime → ``datetime64``; time →
``timedelta64`` since midnight; bool → pandas ``boolean``.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Callable

import numpy as np
import pandas as pd

from opsbook.core.cellvalues import (  # noqa: F401 - BLANKS, EXCEL_EPOCH re-exported
    BLANKS,
    EXCEL_EPOCH,
    FLOAT,
    INT,
    STR,
    Column,
    Distinct,
    Problem,
    blank_mask,
    per_unique,
    read_cells,
)
from opsbook.core.dates import (  # noqa: F401 - re-exported: the parsers of one text value
    dated_numbers,
    parse_date,
    parse_month,
    parse_time,
    read_date,
    read_time,
)
from opsbook.core.headers import choice_key
from opsbook.core.parse import (  # noqa: F401 - re-exported: the parsers of one text value
    as_text,
    clean_text,
    number_as_shown,
    parse_number,
)
from opsbook.core.spec import YES_NO, Field


def _numeric(values: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = (kinds == FLOAT) | (kinds == INT)
    return ok, values


def read_number(raw: pd.Series, f: Field, blank: np.ndarray,
                epoch: dt.datetime = EXCEL_EPOCH,
                parse: Callable[[str], float | None] = number_as_shown) -> Column:
    """Numbers, and numbers typed as text (``parse``: by default as shown, "85%" is 85),
    with one of the field's :attr:`~opsbook.core.spec.Field.units` after them ("85分")."""
    if f.units:
        parse = with_units(parse, f.units)
    col = read_cells(raw, f, blank, _numeric, parse, np.nan, dtype="float64")
    dated_numbers(col, raw, epoch)
    return col


def with_units(parse: Callable[[str], float | None], units: tuple[str, ...]
                ) -> Callable[[str], float | None]:
    """``parse``, and for a text it cannot read, the same text without one of ``units`` at
    its end ("85分", "85 分", "72 Points": ``units`` in lower case); a unit alone is no
    number."""
    def parsed(text: str) -> float | None:
        value = parse(text)
        if value is not None:
            return value
        cleaned = clean_text(text).strip()
        for unit in units:
            figure = cleaned[:-len(unit)].strip() if cleaned.lower().endswith(unit) else ""
            if figure:
                return parse(figure)
        return None
    return parsed


_FIRST_MARCH_1900 = dt.datetime(1900, 3, 1)


def read_percent(raw: pd.Series, f: Field, blank: np.ndarray,
                 epoch: dt.datetime = EXCEL_EPOCH, shown: np.ndarray | None = None) -> Column:
    """Percentages as 0.85, 85 or "85%": numbers above 1 are taken as percent points, a
    text with a percent sign is the percentage it says ("150%" is 1.5, out of a 0–100 %
    range, never 1.5 %), and so is a number in a cell shown as a percentage (``shown``, a
    mask: 1.5 formatted ``0%`` shows 150%)."""
    col = read_number(raw, f, blank, epoch, parse=parse_number)  # "85%" as 0.85
    numbers = col.values
    cells = raw.to_numpy(dtype=object)
    signed = np.fromiter((type(v) is str and ("%" in v or "％" in v) for v in cells),
                         dtype=bool, count=len(raw))
    if shown is not None:  # a number shown as a percentage; text shows as typed ("50": 50%)
        signed |= shown & np.fromiter((type(v) is not str for v in cells), dtype=bool,
                                      count=len(raw))
    col.values = numbers.where(~(numbers.abs() > 1) | signed, numbers / 100)
    for problem in col.problems:  # warnings show the percentage as finally read
        if problem.results is not None:
            problem.results = [f"{v * 100:.15g}%" for v in col.values.iloc[problem.positions]]
    return col


def read_integer(raw: pd.Series, f: Field, blank: np.ndarray,
                 epoch: dt.datetime = EXCEL_EPOCH) -> Column:
    col = read_number(raw, f, blank, epoch)
    numbers = col.values.to_numpy()
    fractional = np.flatnonzero(~np.isnan(numbers) & (numbers != np.round(numbers)))
    if len(fractional):
        for problem in col.problems:  # "3.5" read as a number, then refused: one message
            keep = ~np.isin(problem.positions, fractional)
            if problem.severity != "error" and not keep.all():
                problem.positions = problem.positions[keep]
                if problem.results is not None:
                    problem.results = [r for r, k in zip(problem.results, keep) if k]
        col.problems = [q for q in col.problems if len(q.positions)]
        col.problems.append(Problem("type-error", "error", fractional))
        numbers = numbers.copy()
        numbers[fractional] = np.nan
        col.values = pd.Series(numbers, index=raw.index)
    return col


def _strings(seen: Distinct, values: np.ndarray, kinds: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray]:
    """Every cell as text: a text cell as cleaned once per distinct text (``seen``, when
    every cell is text), any other value as :func:`as_text` writes it."""
    text = kinds == STR
    if text.all():  # the common case: no copy of the column to take its text
        return np.ones(len(values), dtype=bool), seen.texts[seen.codes]
    out = np.empty(len(values), dtype=object)
    if text.any():  # distinct texts alone: as distinct values, "a" and np.str_("a") are one
        out[text] = per_unique(values[text], clean_text, object)
    others = np.flatnonzero(~text)
    out[others] = [None if v is None else as_text(v) for v in values[others]]
    return np.ones(len(values), dtype=bool), out


def read_text(raw: pd.Series, f: Field, blank: np.ndarray, epoch: Any = None,
              seen: Distinct | None = None) -> Column:
    """Any cell as text (:func:`_strings`); ``seen``: the column's :class:`Distinct`, when
    made (see :func:`read_column`)."""
    seen = seen if seen is not None else Distinct.of(raw.to_numpy(dtype=object))
    return read_cells(raw, f, blank, functools.partial(_strings, seen), None, None)


def _choice_lookup(f: Field) -> dict[str, str]:
    table = {}
    for c in (f.choices or YES_NO):
        for label in (c.value, c.en, c.zh, *c.aliases):
            if choice_key(label):  # "-" normalizes to nothing: it is a blank token then
                table[choice_key(label)] = c.value
    return table


def read_choice(raw: pd.Series, f: Field, blank: np.ndarray, epoch: Any = None) -> Column:
    lookup = _choice_lookup(f)
    values = raw.to_numpy(dtype=object)
    out = per_unique(values, lambda v: lookup.get(choice_key(as_text(v))), object)
    out[pd.isna(raw).to_numpy()] = None  # a blank token that is a label ("无", "none") stays
    bad = np.flatnonzero(~blank & pd.isna(out))
    expected = " / ".join(f"{c.en}/{c.zh}" for c in (f.choices or YES_NO))
    problems = [Problem("invalid-choice", "error", bad, {"expected": expected})] if len(bad) else []
    series = pd.Series(out, index=raw.index, dtype=object)
    if f.type == "bool":
        series = series.map({"yes": True, "no": False}).astype("boolean")
    return Column(series, problems)


def read_month(raw: pd.Series, f: Field, blank: np.ndarray, epoch: Any = None) -> Column:
    """Months as ``YYYY-MM`` text, read by :func:`parse_month`: a date cell is its month,
    text such as ``2026-11``, ``2026年11月`` or ``Nov 2026`` is read as is; a number
    (``202611``) is read with a ``coerced-value`` warning showing the month; anything else
    is a ``type-error``."""
    values = raw.to_numpy(dtype=object)
    out = np.full(len(values), None, dtype=object)
    failed, numbers = [], []
    for pos in np.flatnonzero(~blank):
        month = parse_month(values[pos])
        if month is None:
            failed.append(pos)
        elif type(values[pos]) in (int, float):
            numbers.append(pos)
        out[pos] = month
    problems = [Problem("type-error", "error", np.array(failed))] if failed else []
    if numbers:
        problems.append(Problem("coerced-value", "warning", np.array(numbers),
                                results=[out[pos] for pos in numbers]))
    return Column(pd.Series(out, index=raw.index, dtype=object), problems)


READERS: dict[str, Callable[..., Column]] = {
    "text": read_text,
    "id": read_text,
    "number": read_number,
    "integer": read_integer,
    "percent": read_percent,
    "date": read_date,
    "datetime": read_date,
    "time": read_time,
    "bool": read_choice,
    "choice": read_choice,
    "month": read_month,
}


def read_column(raw: pd.Series, f: Field, epoch: dt.datetime = EXCEL_EPOCH,
                shown: np.ndarray | None = None) -> tuple[Column, np.ndarray]:
    """A raw column as the field's type; also returns the blank mask. ``epoch`` is the day
    the workbook's serial number 0 stands for (1904-01-01 in the 1904 date system);
    ``shown`` marks the cells shown as percentages, for a percent field (see
    :func:`read_percent`)."""
    seen = Distinct.of(raw.to_numpy(dtype=object))
    blank = blank_mask(raw, seen)
    if f.type in ("text", "id"):
        column = read_text(raw, f, blank, seen=seen)
    elif f.type == "percent":
        column = read_percent(raw, f, blank, epoch=epoch, shown=shown)
    elif f.type == "number" and f.fraction:  # "120%" is 1.2
        column = read_number(raw, f, blank, epoch, parse=parse_number)
    else:
        column = READERS[f.type](raw, f, blank, epoch=epoch)
    if f.type in ("choice", "bool"):  # "无" or "-" may be one of the choices
        blank &= column.values.isna().to_numpy()
    return column, blank
