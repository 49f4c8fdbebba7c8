"""Reading a Scores sheet in wide form: one row per rater, one column per indicator."""

from __future__ import annotations

from opsbook.appraisal.wide import wide_to_long
from opsbook.core.book import Book
from opsbook.core.coerce import read_column
from opsbook.core.headers import normalize
from opsbook.core.spec import number

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
    matched = {header: names[normalize(header)] for header in table.extras
               if normalize(header) in names}
    if not matched:
        return
    frame = table.frame
    wide = frame[["employee_id", "rater_id", "rater_role", "comment"]].copy()
    for header, indicator in matched.items():
        spec = number("score", header, header)
        column, _blank = read_column(frame[header], spec)
        wide[indicator] = column.values
        letter_col = table.extras[header]
        for problem in column.problems:
            for pos in problem.positions:
                row = int(frame.index[pos])
                book.issues.append(_issue(book, problem.code, problem.severity, header,
                                          letter_col, row, frame[header].iat[pos]))
    book.issues = [i for i in book.issues if not (
        i.code == "missing-column" and i.sheet == table.name and i.field in _LONG_ONLY)]
    long = wide_to_long(wide, indicators)
    table.frame = long
    table.columns = {**table.columns, "score": min(table.extras[h] for h in matched)}
    table.extras = {**table.extras, "indicators_wide": 0}
    for header, indicator in matched.items():
        table.extras[f"score:{indicator}"] = table.extras[header]


def score_cell(book: Book, row: int, indicator: str) -> str | None:
    """The cell of one score, in long or wide form."""
    table = book.tables["Scores"]
    column = table.extras.get(f"score:{indicator}") or table.columns.get("score")
    from opsbook.core.cells import a1

    return a1(row, column) if column else None


def _issue(book: Book, code: str, severity: str, header: str, column: int, row: int, value):
    from opsbook.core.cells import a1
    from opsbook.core.issues import Issue
    from opsbook.core.messages import TYPE_NAMES

    names = TYPE_NAMES["number"]
    return Issue(code, severity, book.path, book.tables["Scores"].name, a1(row, column), row,
                 header, "score", value, {"expected": names[0], "expected_zh": names[1]})

