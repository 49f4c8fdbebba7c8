"""One field's column typed across the data rows of one or many sheets at once.

Reading a folder of small workbooks of one kind, the same field is typed once over the rows
of every file (stacked) rather than once per file: the cost of a column no longer grows with
the number of files. Every problem is told in its own file, sheet, cell and row.
"""

from __future__ import annotations

import itertools
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pandas as pd

from opsbook.core.coerce import EXCEL_EPOCH, read_column
from opsbook.core.issues import Issue
from opsbook.core.messages import TYPE_HINTS, TYPE_NAMES
from opsbook.core.parse import padded_text, percent_points, percent_text
from opsbook.core.spec import REACH, Field

if TYPE_CHECKING:
    from opsbook.core.table import Layout


def row_numbers(parts: Sequence[Layout]) -> np.ndarray:
    """The spreadsheet row numbers of the data rows of laid-out sheets, one after another."""
    return np.concatenate([np.asarray(p.rows, dtype=np.int64) for p in parts]) if parts \
        else np.empty(0, dtype=np.int64)


class _Stack:
    """The raw values of one field over several laid-out sheets, and where each came from."""

    def __init__(self, parts: Sequence[Layout], f: Field):
        self.parts, self.f = parts, f
        sizes = [len(p.rows) for p in parts]
        # one column of each sheet's rows, taken in C, straight into the array
        self.values = np.fromiter(
            itertools.chain.from_iterable(
                map(itemgetter(part.table.columns[f.id] - 1), part.data) for part in parts),
            dtype=object, count=sum(sizes))
        self.owner = np.repeat(np.arange(len(parts), dtype=np.int32), sizes)
        self.rows = row_numbers(parts)
        names = TYPE_NAMES.get(f.type, TYPE_NAMES["text"])
        hint = TYPE_HINTS.get(f.type, ("", ""))
        self.params = {"expected": names[0], "expected_zh": names[1], "hint": hint[0],
                       "hint_zh": hint[1]}
        self.shown: np.ndarray | None = None  # the cells shown as percentages, once known

    def where(self, pos: int) -> tuple[Layout, int, str]:
        part = self.parts[self.owner[pos]]
        row = int(self.rows[pos])
        return part, row, f"{part.column_letter(self.f.id)}{row}"

    def tell(self, code: str, severity: str, pos: int, **extra: Any) -> None:
        """An issue at one stacked position, added to the issues of the sheet it is in."""
        part, row, cell = self.where(pos)
        part.issues.append(Issue(code, severity, part.file, part.raw.name, cell, row,
                                 part.table.headers[self.f.id], self.f.id, self.shows(pos),
                                 {**self.params, **extra}))

    def shows(self, pos: int) -> Any:
        """The value at a position as its cell shows it (0.95 in a cell shown as a
        percentage is "95%")."""
        value = self.values[pos]
        if (self.shown is not None and self.shown[pos] and isinstance(value, (int, float))
                and not isinstance(value, bool)):
            return percent_text(value)
        return value


def typed_field(parts: Sequence[Layout], f: Field) -> pd.Series:
    """The field's values over the data rows of ``parts`` (laid-out sheets that all have the
    field and share a date system), in order, typed as :func:`read_column` says, with a
    RangeIndex. Each bad value is added to its own sheet's ``issues``: type errors and
    coercions, formula cells without a value or with an error, missing required values,
    values out of range and repeated keys; a blank choice takes its default."""
    stack = _Stack(parts, f)
    epoch = parts[0].raw.epoch if parts else EXCEL_EPOCH
    shown = stack.shown = _shown_as_percent(stack) if f.type in NUMERIC else None
    raw = stack.values
    if shown is not None and f.type != "percent" and not f.fraction:
        raw = _as_shown(raw, shown)
    if f.type in ("id", "text"):
        raw = _padded_as_shown(stack)
    column, blank = read_column(pd.Series(raw, dtype=object), f, epoch, shown)
    values = column.values
    outside = _out_of_range(values, f)
    if shown is not None and f.type == "integer":  # a level or a count shown as "5%":
        _shown_whole(stack, shown, values, outside)  # read as 5, and said
    for problem in column.problems:
        for n, pos in enumerate(problem.positions):
            if problem.severity == "warning" and outside[pos]:
                continue  # "60%" read as 60, then out of 1–5: one verdict, the error
            extra = dict(problem.params)
            if problem.results is not None:
                extra["result"] = show_result(problem.results[n])
                extra["result_zh"] = show_result(problem.results[n], "zh")
            stack.tell(problem.code, problem.severity, pos, **extra)
    no_value = _formula_cells(stack)
    if f.required:
        for pos in np.flatnonzero(blank & ~no_value):
            stack.tell("missing-value", "error", pos)
    if outside.any():
        range_params = {"expected": f.range_text("en"), "expected_zh": f.range_text("zh")}
        for pos in np.flatnonzero(outside):
            stack.tell("out-of-range", "error", pos, **range_params)
    if f.type in NUMERIC:
        values = _within_reach(stack, values)
    if f.unique:
        _repeats(stack, values)
    if f.default is not None and blank.any():  # a blank choice takes its documented default
        values = values.mask(pd.Series(blank & ~no_value, index=values.index), f.default)
    return values


def _out_of_range(values: pd.Series, f: Field) -> np.ndarray:
    """Per value, whether it lies outside the field's own range (bool array; all False for a
    field without one)."""
    if f.min is None and f.max is None:
        return np.zeros(len(values), dtype=bool)
    numbers = pd.to_numeric(values, errors="coerce")
    bad = pd.Series(False, index=values.index)
    if f.min is not None:
        bad |= (numbers <= f.min) if f.min_exclusive else (numbers < f.min)
    if f.max is not None:
        bad |= numbers > f.max
    return bad.to_numpy()


#: The field types read as numbers (a cell may hold one smaller than :data:`REACH`: beyond
#: it sums stop being exact or finite).
NUMERIC = ("number", "integer", "percent")


def _within_reach(stack: _Stack, values: pd.Series) -> pd.Series:
    """``values`` with each number of :data:`REACH` or more in size an ``out-of-range``
    error and left blank, so that no sum of them overflows."""
    numbers = pd.to_numeric(values, errors="coerce")
    huge = np.flatnonzero((numbers.abs() >= REACH).to_numpy())
    f = stack.f
    for pos in huge:
        n = numbers.iloc[pos]
        if (f.max is not None and n > f.max) or (f.min is not None and n < f.min):
            continue  # already out of the field's own range, and said so
        stack.tell("out-of-range", "error", pos, expected="a number of at most 15 digits",
                   expected_zh="不超过 15 位数的数字")
    if len(huge):
        values = values.copy()
        values.iloc[huge] = np.nan
    return values


def _shown_as_percent(stack: _Stack) -> np.ndarray | None:
    """The stacked cells shown as percentages (see :attr:`RawSheet.percent_cells`), or None
    when no sheet has any."""
    if not any(part.raw.percent_cells for part in stack.parts):
        return None
    shown = np.zeros(len(stack.values), dtype=bool)
    for k, part in enumerate(stack.parts):
        cells = part.raw.percent_cells
        if not cells:
            continue
        letter = part.column_letter(stack.f.id)
        rows = [int(ref[len(letter):]) for ref in cells
                if ref.startswith(letter) and ref[len(letter):].isdigit()]
        mine = stack.owner == k
        shown[mine] = np.isin(stack.rows[mine], rows)
    return shown if shown.any() else None


def _as_shown(values: np.ndarray, shown: np.ndarray) -> np.ndarray:
    """A number field's raw values with each number in a cell shown as a percentage read as
    the percentage it shows (0.95 shown as 95% is 95): what the user sees is what is read."""
    values = values.copy()
    for pos in np.flatnonzero(shown):
        v = values[pos]
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            values[pos] = percent_points(v)
    return values


def _shown_whole(stack: _Stack, shown: np.ndarray, values: pd.Series,
                 outside: np.ndarray) -> None:
    """A ``coerced-value`` warning at each number of a whole-number field read as the
    percentage its cell shows (0.05 shown as 5% is 5): a level or a count is no percentage,
    so the figure taken is said, not taken silently (out of range, the error says it)."""
    for pos in np.flatnonzero(shown & ~outside):
        raw = stack.values[pos]
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) \
                and not pd.isna(values.iloc[pos]):
            stack.tell("coerced-value", "warning", pos,
                       result=show_result(values.iloc[pos]),
                       result_zh=show_result(values.iloc[pos], "zh"))


def _padded_as_shown(stack: _Stack) -> np.ndarray:
    """An id or text field's raw values with each whole number in a cell shown with
    leading zeros read as the text it shows (2 in a cell formatted 00000 is "00002", as an
    employee number typed as text elsewhere is): see :attr:`RawSheet.padded_cells`."""
    values = stack.values
    for k, part in enumerate(stack.parts):
        if not part.raw.padded_cells:
            continue
        letter = part.column_letter(stack.f.id)
        codes = {int(ref[len(letter):]): code for ref, code in part.raw.padded_cells.items()
                 if ref.startswith(letter) and ref[len(letter):].isdigit()}
        for pos in np.flatnonzero(stack.owner == k):
            code, v = codes.get(int(stack.rows[pos])), values[pos]
            if code and isinstance(v, (int, float)) and not isinstance(v, bool):
                values = values.copy() if values is stack.values else values
                values[pos] = padded_text(v, code) or v
    return values


def _formula_cells(stack: _Stack) -> np.ndarray:
    """Formula cells with no cached value or an error value: reported once, not as missing."""
    no_value = np.zeros(len(stack.values), dtype=bool)
    for k, part in enumerate(stack.parts):
        raw = part.raw
        if not (raw.formulas_without_value or raw.errors):
            continue
        for pos in np.flatnonzero(stack.owner == k):
            _, row, ref = stack.where(pos)
            if ref in raw.formulas_without_value:
                no_value[pos] = True
                stack.tell("formula-no-value", "error", pos)
            elif ref in raw.errors:
                no_value[pos] = True
                part.issues.append(Issue("formula-error", "error", part.file, raw.name, ref,
                                         row, part.table.headers[stack.f.id], stack.f.id,
                                         raw.errors[ref]))
    return no_value


def _repeats(stack: _Stack, values: pd.Series) -> None:
    """duplicate-key for every repeat of a value within its own sheet, naming the first."""
    present = np.flatnonzero(values.notna().to_numpy())
    keys = pd.DataFrame({"v": values.to_numpy()[present], "o": stack.owner[present]})
    for n, first in zip(*repeated(keys, stack.rows[present])):
        pos = present[n]
        part, row, _ = stack.where(pos)
        part.issues.append(Issue("duplicate-key", file=part.file, value=values.iat[pos],
                                 params={"other": int(first)},
                                 **part.table.where(stack.f.id, row)))


def repeated(keys: pd.DataFrame, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the rows of ``keys`` that repeat an earlier one (every column equal,
    blanks included), and for each the spreadsheet row (from ``rows``) of the first."""
    dup = keys.duplicated(keep="first").to_numpy()
    if not dup.any():
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    first = pd.Series(rows).groupby([keys[c].to_numpy() for c in keys], sort=False,
                                    dropna=False).transform("first").to_numpy()
    at = np.flatnonzero(dup)
    return at, first[at]


def show_result(value: Any, lang: str = "en") -> str:
    """A value as read, as a warning in ``lang`` ("en" or "zh") shows it: hh:mm (a time of
    the next day, 24 h or more, as "01:30 the next day" / "次日 01:30"), an ISO date, a
    number without .0."""
    if hasattr(value, "total_seconds"):
        seconds = int(value.total_seconds())
        later, seconds = divmod(seconds, 86400) if seconds >= 86400 else (0, seconds)
        text = f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
        text = text + f":{seconds % 60:02d}" if seconds % 60 else text
        if later == 1:
            return f"次日 {text}" if lang == "zh" else f"{text} the next day"
        return f"{later * 24 + seconds // 3600:02d}{text[2:]}" if later else text
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text.replace("T", " ")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    return str(value)
