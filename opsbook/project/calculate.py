"""The project status on read trackers: one Book (the Calculate button) or many (a command)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from opsbook.core.book import Book
from opsbook.core.issues import Report
from opsbook.core.kind import Calculation
from opsbook.project.compute import ProjectResult
from opsbook.project.deviations import UNCOVERED
from opsbook.project.outputs import sheets
from opsbook.project.status import status_of_books
from opsbook.project.tables import origin, way


def calculate(books: list[Book], *, as_of: dt.date | None = None, today: dt.date | None = None,
              lang: str | None = None, left_out: Sequence[str] = ()) -> Calculation:
    """Earned value, RAG, deviations, gates, risks and Gantt of every project in the books.

    ``as_of`` (the command line's status date) wins over each book's Settings; with neither
    the status is as of ``today`` (default: the machine's date), said in the sheets' titles
    and by an info issue. A project id found in two books is a located error at the one
    whose name comes later (the other counted, whatever order the books are given in).
    Sheets are in ``lang``, by default the first book's language. ``left_out`` names
    the trackers of the run left out for their errors: the headline and sheets say so.
    """
    lang = lang or books[0].lang
    result, issues = status_of_books(books, as_of=as_of, today=today)
    result.left_out = list(left_out)
    return Calculation(Report.of(issues, lang), result, sheets(result, lang),
                       headline(result, lang))


def headline(result: ProjectResult, lang: str) -> str:
    """One line: how many projects in each RAG colour, deviations without an action, and the
    status date with where it came from."""
    s = result.status
    counts = s["rag"].value_counts()
    uncovered = int(result.deviations["state"].isin(UNCOVERED).sum())
    dates = result.counted.drop_duplicates("status_date")
    if len(dates) == 1:
        day = dates["status_date"].iloc[0].strftime("%Y-%m-%d")
        # the same day may come from Settings in one file and be today in another
        said = origin(result.counted, lang)
        one = way(result.counted).nunique() == 1
        when = ((f"状态日期 {day}（{said}）" if one else f"状态日期 {day}：{said}")
                if lang == "zh" else f"as of {day} ({said})" if one else f"as of {day}: {said}")
    else:
        when = "各文件状态日期不同" if lang == "zh" else "status dates differ by file"
    left = len(result.left_out)
    if lang == "zh":
        return (f"{len(s)} 个项目：绿 {counts.get('green', 0)}，黄 {counts.get('amber', 0)}，"
                f"红 {counts.get('red', 0)}；{uncovered} 项偏差无纠正措施；{when}"
                + (f"；{left} 个文件有错误未计入" if left else ""))
    return (f"{len(s)} project(s): {counts.get('green', 0)} green, {counts.get('amber', 0)} "
            f"amber, {counts.get('red', 0)} red; {uncovered} deviation(s) without a corrective "
            f"action; {when}" + (f"; {left} file(s) with errors left out" if left else ""))
