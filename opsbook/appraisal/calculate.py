"""The appraisal computation on a read workbook: history merged, issues located, sheets made."""

from __future__ import annotations

import pandas as pd

from opsbook.appraisal.compute import AppraisalResult, score
from opsbook.appraisal.history import ids_as_employees, in_cycle_order, one_row_per_cycle
from opsbook.appraisal.outputs import grade_counts, history_sheet, sheets
from opsbook.appraisal.ratings import unique_ids
from opsbook.core.book import Book
from opsbook.core.issues import Report
from opsbook.core.kind import Calculation
from opsbook.core.locate import locate


def score_book(book: Book, history: pd.DataFrame | None = None) -> AppraisalResult:
    """Score a read appraisal Book; earlier cycles come from its History sheet and ``history``
    (rows of employee_id, cycle, total, grade, outcome; a later row wins for the same
    employee and cycle)."""
    past = [frame for frame in (book["History"], history)
            if frame is not None and not frame.empty]
    merged, said = None, []
    if past:  # an ID in another letter case is the employee's (said): then one row a cycle
        merged, said = ids_as_employees(pd.concat(past),
                                        unique_ids(book["Employees"]["employee_id"]))
        merged = one_row_per_cycle(merged)
    result = score(book["Employees"], book["Indicators"], book["Scores"], book["Grades"],
                   merged, book.settings, lang=book.lang)
    said = [issue if issue.file else locate(book, issue) for issue in said]  # another file's
    result.issues = [*said, *(locate(book, issue) for issue in result.issues)]
    if merged is not None:
        result.history_rows = in_cycle_order(
            one_row_per_cycle(pd.concat([merged, result.history_rows])))
    return result


def _named_cycles(book: Book, result: AppraisalResult) -> pd.DataFrame:
    """The History rows to write: without a ``cycle`` setting this cycle's rows have no
    cycle, and a History row without one is refused when read back (``--history``); they
    are left out, and the blank setting is said (a warning) in ``result.issues``."""
    rows = result.history_rows
    if book.settings.cycle:
        return rows
    result.issues.append(locate(book, book.setting_issue(
        "cycle", None,
        "is blank, so this cycle's results are not added to the History sheet (a cycle "
        "without a name cannot be ordered among the others). Set it (e.g. 2026Q4) and score "
        "again to pass the results on to the next cycle.",
        "为空，本期结果未写入“历史考核”（没有名称的周期无法与其他周期排序）。请填写考核周期"
        "（如 2026Q4）后重新计算，以便下期作为历史考核使用。", severity="warning")))
    named = rows["cycle"].astype("string").str.strip().fillna("") != ""
    return rows[named.to_numpy(dtype=bool)]


def calculate(books: list[Book], *, history: pd.DataFrame | None = None,
              with_history: bool = False) -> Calculation:
    """Score one cycle (exactly one valid Book): results, statistics and checks as sheets in
    the book's language; ``with_history`` adds the History sheet for the next cycle.

    Raises ValueError for more than one book (each cycle is scored on its own).
    """
    if len(books) != 1:
        raise ValueError("an appraisal cycle is scored from one workbook at a time")
    book = books[0]
    result = score_book(book, history)
    out = sheets(result, book.lang, book.settings.cycle)
    if with_history:
        out.append(history_sheet(_named_cycles(book, result), book.lang,
                                 result.grade_minimums))
    grades = ("、" if book.lang == "zh" else ", ").join(
        f"{g} {n}" for g, n in grade_counts(result))
    escalated = int(result.results["escalate"].fillna(False).astype(bool).sum())
    n = len(result.results)
    headline = (f"{n} 人，等级 {grades}；按规定处理 {escalated} 人" if book.lang == "zh"
                else f"{n} employees, grades {grades}; {escalated} to escalate")
    return Calculation(Report.of(result.issues, book.lang), result, out, headline)
