"""Scores in wide form (one row per rater, one column per indicator, headed by its ID or name)
turned into the long form scoring uses; indicator headers are matched by ``normalize``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.appraisal.schema import SCORE_UNITS
from opsbook.core.book import Book
from opsbook.core.cells import letter
from opsbook.core.coerce import read_column, with_units
from opsbook.core.headers import header_field, normalize
from opsbook.core.parse import number_as_shown
from opsbook.core.spec import number
from opsbook.core.typed import show_result

KEYS = ["employee_id", "rater_id", "rater_role"]
LONG_COLUMNS = KEYS + ["indicator_id", "score", "comment"]


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
                    by_text[normalize(key)] = ind
    columns = {col: by_text[normalize(col)] for col in scores.columns
               if col not in LONG_COLUMNS and normalize(col) in by_text}
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


_LONG_ONLY = {"indicator_id", "score"}


def long_scores(book: Book) -> None:
    """Turn a wide Scores sheet into the long form in place; values are checked as numbers.

    A sheet is wide when it has no indicator and score columns but has columns named after
    indicators (by id or name). Each score keeps its own cell for messages.
    """
    table = book.tables.get("Scores")
    if table is None or "indicators_wide" in table.extras or _LONG_ONLY & set(table.columns):
        return
    indicators = book["Indicators"]
    names = {normalize(v): iid for iid, name in zip(indicators["indicator_id"],
                                                    indicators["name"])
             for v in (iid, name) if isinstance(v, str)}
    matched: dict[str, object] = {}
    for header in table.extras:  # "K1", "业绩", or with a note: "业绩（分）", "K1 / 业绩"
        indicator = header_field(header, names)
        if indicator is None:
            continue
        if indicator in matched.values():  # its ID and its name both head a column
            book.issues.append(_column_issue(book, "duplicate-column", header))
            continue
        matched[header] = indicator
    if not matched:
        return
    for header in table.extras:
        if header not in matched and _numbers_in(table.frame, header) \
                and header_field(header, names) is None:
            book.issues.append(_column_issue(book, "unknown-indicator-column", header))
    frame = table.frame
    wide = frame[["employee_id", "rater_id", "rater_role", "comment"]].copy()
    for header, indicator in matched.items():
        spec = number("score", header, header, units=SCORE_UNITS)
        column, _blank = read_column(frame[header], spec)
        wide[indicator] = column.values
        letter_col = table.extras[header]
        for ref, error in table.no_value.items():  # a formula's score: never silently blank
            if ref.rstrip("0123456789") == letter(letter_col):
                row = int(ref[len(letter(letter_col)):])
                book.issues.append(_issue(book, "formula-error" if error else "formula-no-value",
                                          "error", header, letter_col, row, error))
        for problem in column.problems:
            for n, pos in enumerate(problem.positions):
                row = int(frame.index[pos])
                extra = dict(problem.params)  # what it was read as ('88.5' as 88.5), said
                if problem.results is not None:
                    extra["result"] = show_result(problem.results[n])
                    extra["result_zh"] = show_result(problem.results[n], "zh")
                book.issues.append(_issue(book, problem.code, problem.severity, header,
                                          letter_col, row, frame[header].iat[pos], extra))
    book.issues = [i for i in book.issues if not (
        i.code == "missing-column" and i.sheet == table.name and i.field in _LONG_ONLY)]
    long = wide_to_long(wide, indicators)
    table.frame = long
    table.columns = {**table.columns, "score": min(table.extras[h] for h in matched)}
    table.extras = {**table.extras, "indicators_wide": 0}
    for header, indicator in matched.items():
        table.extras[f"score:{indicator}"] = table.extras[header]


def score_header(book: Book, indicator: str) -> str | None:
    """The header of one indicator's column in a wide Scores sheet; None in long form."""
    table = book.tables["Scores"]
    column = table.extras.get(f"score:{indicator}")
    if column is None:
        return None
    return next((h for h, c in table.extras.items() if c == column
                 and not h.startswith("score:") and h != "indicators_wide"), None)


def _numbers_in(frame: pd.DataFrame, header: str) -> bool:
    """Whether an extra column holds at least one number, typed or as text read as a score
    cell reads it ("85", "85%", full-width "８５", "1,200", "85分")."""
    values = frame[header] if header in frame else pd.Series(dtype=object)
    read = with_units(number_as_shown, SCORE_UNITS)
    return any(read(v) is not None if isinstance(v, str)
               else isinstance(v, (int, float)) and not isinstance(v, bool) and v == v
               for v in values)


def _column_issue(book: Book, code: str, header: str):
    """A warning about one column of the Scores sheet, at its header cell."""
    from opsbook.core.cells import a1
    from opsbook.core.issues import Issue

    table = book.tables["Scores"]
    row = table.header_row
    return Issue(code, "warning", book.path, table.name, a1(row, table.extras[header]), row,
                 header, None, header)


def score_cell(book: Book, row: int, indicator: str) -> str | None:
    """The cell of one score, in long or wide form."""
    table = book.tables["Scores"]
    column = table.extras.get(f"score:{indicator}") or table.columns.get("score")
    from opsbook.core.cells import a1

    return a1(row, column) if column else None


def _issue(book: Book, code: str, severity: str, header: str, column: int, row: int, value,
           extra: dict | None = None):
    from opsbook.core.cells import a1
    from opsbook.core.issues import Issue
    from opsbook.core.messages import TYPE_NAMES

    names = TYPE_NAMES["number"]
    return Issue(code, severity, book.path, book.tables["Scores"].name, a1(row, column), row,
                 header, "score", value,
                 {"expected": names[0], "expected_zh": names[1], **(extra or {})})

