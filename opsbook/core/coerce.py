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
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd

from opsbook.core.headers import normalize
from opsbook.core.spec import YES_NO, Field

BLANKS = frozenset({"", "n/a", "na", "#n/a", "-", "--", "—", "–", "无", "none", "null", "/"})
EXCEL_EPOCH = dt.datetime(1899, 12, 30)


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


def _clean_text(value: Any) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def _per_unique(values: np.ndarray, function: Callable[[Any], Any], dtype: Any) -> np.ndarray:
    """``function`` applied once per distinct value (IDs and choices repeat a lot)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.fromiter((function(v) for v in uniques), dtype=dtype, count=len(uniques))
    out = mapped[codes] if len(mapped) else np.empty(len(values), dtype=dtype)
    return out


def blank_mask(raw: pd.Series) -> np.ndarray:
    """True where a cell is empty or holds a token meaning blank (N/A, -, 无)."""
    values = raw.to_numpy(dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    blank_unique = np.fromiter(
        (type(v) is str and v.strip().lower() in BLANKS for v in uniques), bool, len(uniques))
    mask = codes < 0
    if len(uniques):
        mask |= blank_unique[np.maximum(codes, 0)] & (codes >= 0)
    return mask


# --- parsers for one text value; each returns the value or None when it cannot ------------

_DATE_PATTERNS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_TIME = re.compile(r"(\d{1,2})[::](\d{2})(?:[::](\d{2}))?\s*(am|pm)?", re.I)


def parse_date(text: str) -> dt.datetime | None:
    text = _clean_text(text)
    rest = ""
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            rest = text[match.end():].strip().lstrip("T").strip()
            try:
                day = dt.datetime(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
            if not rest:
                return day
            clock = parse_time(rest)
            if clock is None:
                return None
            return day + clock
    return None


def parse_time(text: str) -> dt.timedelta | None:
    match = _TIME.fullmatch(_clean_text(text))
    if not match:
        return None
    hours, minutes, seconds = int(match[1]), int(match[2]), int(match[3] or 0)
    if match[4]:
        hours = hours % 12 + (12 if match[4].lower() == "pm" else 0)
    if minutes > 59 or seconds > 59 or hours > 47:
        return None
    return dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def parse_number(text: str) -> float | None:
    cleaned = _clean_text(text).replace(",", "").replace(" ", "").replace("¥", "").replace("$", "")
    cleaned = cleaned.replace("元", "").replace("￥", "")
    try:
        return float(cleaned.rstrip("%")) / 100 if cleaned.endswith("%") else float(cleaned)
    except ValueError:
        return None


def parse_month(value: Any) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    text = _clean_text(str(value))
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?", text)
    if match and 1 <= int(match[2]) <= 12:
        return f"{int(match[1]):04d}-{int(match[2]):02d}"
    return None


def as_text(value: Any) -> str:
    """A cell as text: 12345.0 → "12345", dates in ISO form."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return _clean_text(str(value))


# --- one reader per type ------------------------------------------------------------------


#: The exact type of a cell value as a small code (``OTHER`` for anything else).
OTHER, STR, FLOAT, INT, BOOL, DATETIME, DATE, TIME, TIMEDELTA = range(9)


class _TypeCodes(dict):
    def __missing__(self, key: type) -> int:
        return OTHER


_TYPE_CODES = _TypeCodes({str: STR, float: FLOAT, int: INT, bool: BOOL, dt.datetime: DATETIME,
                          dt.date: DATE, dt.time: TIME, dt.timedelta: TIMEDELTA})


def _by_type(values: np.ndarray) -> np.ndarray:
    # per value, not per distinct value: True == 1.0 would share a slot
    return np.fromiter(map(_TYPE_CODES.__getitem__, map(type, values)), np.int8, len(values))


def _read(raw: pd.Series, f: Field, blank: np.ndarray,
          native: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
          text_parser: Callable[[str], Any] | None, fill: Any, dtype: Any = object,
          store: Callable[[Any], Any] | None = None) -> Column:
    """Shared skeleton: native values in bulk, text parsed one by one with a warning.

    The output array has ``dtype``; ``store`` turns a value parsed from text into what that
    array holds (the parsed value itself is what the warning shows).
    """
    values = raw.to_numpy(dtype=object)
    kinds = _by_type(values)
    out = np.full(len(values), fill, dtype=dtype)
    ok, converted = native(values, kinds)
    ok &= ~blank
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


def _numeric(values: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = (kinds == FLOAT) | (kinds == INT)
    return ok, values


def read_number(raw: pd.Series, f: Field, blank: np.ndarray) -> Column:
    return _read(raw, f, blank, _numeric, parse_number, np.nan, dtype="float64")


def read_percent(raw: pd.Series, f: Field, blank: np.ndarray) -> Column:
    """Percentages as 0.85, 85 or "85%": numbers above 1 are taken as percent points."""
    col = read_number(raw, f, blank)
    numbers = col.values
    col.values = numbers.where(~(numbers.abs() > 1), numbers / 100)
    for problem in col.problems:  # warnings show the percentage as finally read
        if problem.results is not None:
            problem.results = [f"{v * 100:.15g}%" for v in col.values.iloc[problem.positions]]
    return col


def read_integer(raw: pd.Series, f: Field, blank: np.ndarray) -> Column:
    col = read_number(raw, f, blank)
    numbers = col.values.to_numpy()
    fractional = np.flatnonzero(~np.isnan(numbers) & (numbers != np.round(numbers)))
    if len(fractional):
        col.problems.append(Problem("type-error", "error", fractional))
        numbers = numbers.copy()
        numbers[fractional] = np.nan
        col.values = pd.Series(numbers, index=raw.index)
    return col


def _dates(values: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = (kinds == DATE) | (kinds == DATETIME)
    return ok, values


def _to_datetime64(col: Column, raw: pd.Series) -> Column:
    col.values = pd.Series(pd.to_datetime(col.values, errors="coerce"), index=raw.index)
    return col


def _serial_dates(col: Column, raw: pd.Series, blank: np.ndarray) -> None:
    """Excel serial numbers in a date column: read as dates, with a warning."""
    errors = [p for p in col.problems if p.code == "type-error"]
    if not errors:
        return
    values = raw.to_numpy(dtype=object)
    keep, serial, results = [], [], []
    for pos in errors[0].positions:
        value = values[pos]
        if type(value) in (float, int) and 1 <= value < 2958466:
            day = EXCEL_EPOCH + dt.timedelta(days=float(value))
            col.values.iat[pos] = day
            serial.append(pos)
            results.append(day)
        else:
            keep.append(pos)
    col.problems.remove(errors[0])
    if keep:
        col.problems.append(Problem("type-error", "error", np.array(keep)))
    if serial:
        col.problems.append(Problem("coerced-value", "warning", np.array(serial),
                                    results=results))


def read_date(raw: pd.Series, f: Field, blank: np.ndarray) -> Column:
    col = _read(raw, f, blank, _dates, parse_date, None)
    _serial_dates(col, raw, blank)
    col = _to_datetime64(col, raw)
    if f.type == "date":
        col.values = col.values.dt.normalize()
    return col


def _times(values: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Seconds since midnight, in bulk: no timedelta object per cell."""
    seconds = np.full(len(values), np.nan)
    clock = np.flatnonzero((kinds == TIME) | (kinds == DATETIME))  # a date-time: its time
    if len(clock):  # times repeat (a day has 1,440 minutes): convert each distinct one once
        seconds[clock] = _per_unique(values[clock], _seconds, float)
    spans = np.flatnonzero(kinds == TIMEDELTA)
    if len(spans):
        seconds[spans] = np.fromiter((d.total_seconds() for d in values[spans]), float,
                                     len(spans))
    numeric = np.flatnonzero((kinds == FLOAT) | (kinds == INT))
    if len(numeric):
        fractions = values[numeric].astype(float)
        day = (fractions >= 0) & (fractions < 2)  # a day fraction
        seconds[numeric[day]] = np.round(fractions[day] * 86400)
    return ~np.isnan(seconds), seconds


def _seconds(t: dt.time | dt.datetime) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def read_time(raw: pd.Series, f: Field, blank: np.ndarray) -> Column:
    col = _read(raw, f, blank, _times, parse_time, np.nan, dtype="float64",
                store=dt.timedelta.total_seconds)
    col.values = pd.Series(pd.to_timedelta(col.values.to_numpy(), unit="s"), index=raw.index)
    return col


def _strings(values: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # distinct strings only: as distinct values, True and 1.0 would share a slot
    out = np.empty(len(values), dtype=object)
    text = kinds == STR
    if text.any():
        out[text] = _per_unique(values[text], _clean_text, object)
    others = np.flatnonzero(~text)
    out[others] = [None if v is None else as_text(v) for v in values[others]]
    return np.ones(len(values), dtype=bool), out


def read_text(raw: pd.Series, f: Field, blank: np.ndarray) -> Column:
    return _read(raw, f, blank, _strings, None, None)


def _choice_lookup(f: Field) -> dict[str, str]:
    table = {}
    for c in (f.choices or YES_NO):
        for label in (c.value, c.en, c.zh, *c.aliases):
            if normalize(label):  # "-" normalizes to nothing: it is a blank token then
                table[normalize(label)] = c.value
    return table


def read_choice(raw: pd.Series, f: Field, blank: np.ndarray) -> Column:
    lookup = _choice_lookup(f)
    values = raw.to_numpy(dtype=object)
    out = _per_unique(values, lambda v: lookup.get(normalize(as_text(v))), object)
    out[pd.isna(raw).to_numpy()] = None  # a blank token that is a label ("无", "none") stays
    bad = np.flatnonzero(~blank & pd.isna(out))
    expected = " / ".join(f"{c.en}/{c.zh}" for c in (f.choices or YES_NO))
    problems = [Problem("invalid-choice", "error", bad, {"expected": expected})] if len(bad) else []
    series = pd.Series(out, index=raw.index, dtype=object)
    if f.type == "bool":
        series = series.map({"yes": True, "no": False}).astype("boolean")
    return Column(series, problems)


def read_month(raw: pd.Series, f: Field, blank: np.ndarray) -> Column:
    values = raw.to_numpy(dtype=object)
    out = np.full(len(values), None, dtype=object)
    failed = []
    for pos in np.flatnonzero(~blank):
        month = parse_month(values[pos])
        if month is None:
            failed.append(pos)
        out[pos] = month
    problems = [Problem("type-error", "error", np.array(failed))] if failed else []
    return Column(pd.Series(out, index=raw.index, dtype=object), problems)


READERS: dict[str, Callable[[pd.Series, Field, np.ndarray], Column]] = {
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


def read_column(raw: pd.Series, f: Field) -> tuple[Column, np.ndarray]:
    """A raw column as the field's type; also returns the blank mask."""
    blank = blank_mask(raw)
    column = READERS[f.type](raw, f, blank)
    if f.type in ("choice", "bool"):  # "无" or "-" may be one of the choices
        blank &= column.values.isna().to_numpy()
    return column, blank
