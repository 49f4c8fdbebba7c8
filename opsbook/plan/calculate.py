"""The plan's Calculate step and ``plan track``: tracking against actuals, issues located."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from opsbook.core.book import Book
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import Calculation
from opsbook.core.locate import locate
from opsbook.plan.figures import actuals_in_plan_units
from opsbook.plan.headlines import completion_text, counted
from opsbook.plan.items import id_keys, start_year
from opsbook.plan.months import months_in_plan_year
from opsbook.plan.outputs import tracking_sheets
from opsbook.plan.tracking import Tracking, item_positions, track


def actuals_of(books: Sequence[Book], own: Book | None = None) -> pd.DataFrame:
    """The Actuals rows of several workbooks, each with its ``source`` file and, but for
    ``own`` (the plan tracked), the ``department`` whose item it is: the department of the
    item with its ID in that workbook's Plan sheet, else None. The index is the spreadsheet
    row in its own workbook."""
    frames = [book["Actuals"].assign(source=book.path, department=None if book is own else
                                     departments_of(book, book["Actuals"]["item_id"]))
              for book in books if "Actuals" in book]
    return (pd.concat(frames) if frames else
            pd.DataFrame(columns=["item_id", "month", "actual", "source", "department"]))


def departments_of(book: Book, ids: pd.Series) -> list[object]:
    """For each item ID of ``ids``, the department ``book`` has it in (its first item with
    the ID, compared as ``id_keys`` folds it), else the department its Settings name (运营部's
    workbook reports 运营部's actuals: its row for 销售部's S-02 is about no item of the plan
    tracked), else None (a workbook of no department: the ID alone says which item)."""
    plan = book["Plan"]
    known: dict[str, object] = {}
    if not plan.empty and "department" in plan:
        for key, name in zip(id_keys(plan["item_id"].astype(object)), plan["department"]):
            if key and isinstance(name, str) and name.strip():
                known.setdefault(key, name.strip())
    own = str(getattr(book.settings, "department", "") or "").strip() or None
    return [known.get(key, own) for key in id_keys(ids.astype(object))]


def default_as_of(actuals: pd.DataFrame, year: int, items: pd.DataFrame | None = None
                  ) -> dt.date:
    """The end of the last month of ``year`` with an actual (of one of ``items``, the plan's
    Plan frame, when given, matched as tracking matches them: an actual for an item not in
    the plan is ignored, so it does not move the date either), else the end of ``year`` or
    today, whichever is earlier."""
    if items is not None:
        actuals = actuals[item_positions(items, actuals).notna().to_numpy()]
    actuals = actuals[pd.to_numeric(actuals["actual"], errors="coerce").notna().to_numpy()]
    months = actuals["month"].dropna().astype(str)
    months = months[months.str.startswith(str(year))]
    if not months.empty:
        last = pd.Period(months.max(), freq="M")
        return last.end_time.date()
    return min(dt.date.today(), dt.date(year, 12, 31))


def plan_year(book: Book, today: dt.date) -> int:
    """The plan's year: its setting, else the year most items start in, else this year."""
    return int(book.settings.year or start_year([book["Plan"]]) or today.year)


def read_as_plan(plan: Book, others: Sequence[Book]) -> None:
    """Read the Actuals sheets of ``others`` (workbooks of actuals given to ``plan track``)
    as ``plan``, the plan tracked, reads its own: a month typed without its year ("4月",
    "Apr") in the plan's year, when the workbook names no year of its own; a figure typed
    with its item's unit ("12个", "60万元") in the unit of the item in ``plan``. Each book's
    issues about such cells (the objects a report holds) become ``coerced-value`` warnings,
    in place, so that a sheet of actuals alone is not refused for what the plan reads."""
    year = plan_year(plan, dt.date.today())
    for other in others:
        months_in_plan_year(other, year)
        actuals_in_plan_units(other, plan["Plan"])


def calculate(books: list[Book], *, as_of: dt.date | None = None,
              actuals_from: Sequence[Book] = (), lang: str | None = None) -> Calculation:
    """Track the plan (the first Book, valid) against the actuals of its own Actuals sheet
    and of ``actuals_from`` (department workbooks): Tracking, Tracking by Department, Behind
    Schedule and Monthly Tracking sheets in ``lang`` (default: the plan's language)."""
    if len(books) != 1:
        raise ValueError("a plan is tracked one workbook at a time")
    book = books[0]
    # the plan's own Actuals, then the other workbooks' by path: an actual given twice for
    # a month counts as the last one, whatever order the workbooks were named in
    sources = [book, *sorted(actuals_from, key=lambda b: str(b.path))]
    read_as_plan(book, sources[1:])  # said already by plan track; Python may not have
    actuals = actuals_of(sources, book)
    year = plan_year(book, dt.date.today())
    as_of = as_of or default_as_of(actuals, year, book["Plan"])
    result = track(book["Plan"], actuals, year=year, as_of=as_of,
                   additive_units=frozenset(book.settings.units()),
                   behind_threshold=book.settings.behind_threshold)
    by_path = {b.path: b for b in sources}
    result.issues = [locate(by_path[i.file], i) if i.file in by_path else i
                     for i in result.issues]
    if as_of.year < year:  # every target to date is nothing yet: said, not left blank
        result.issues.append(Issue("as-of-before-year", "warning", file=book.path,
                                   value=as_of, params={"expected": year}))
    if pd.to_numeric(actuals["actual"], errors="coerce").dropna().empty:
        # a company plan has no Actuals sheet: tracked alone, it measures nothing
        result.issues.append(Issue("no-actual-at-all", "warning", file=book.path,
                                   sheet=book.tables["Actuals"].name if "Actuals" in
                                   book.tables else None))
    lang = lang or book.lang
    return Calculation(Report.of(result.issues, lang), result,
                       tracking_sheets(result, lang), headline(result, lang))


def headline(result: Tracking, lang: str) -> str:
    """One line: company completion and how many items are behind, as of the date."""
    company = completion_text(result.company, result.threshold)  # as its cell shows it
    behind, items = len(result.behind), len(result.items)
    if lang == "zh":
        return (f"截至 {result.as_of.isoformat()}，公司完成率 {company}，{items} 项中 {behind} 项"
                "进度滞后")
    return (f"as of {result.as_of.isoformat()}: company completion {company}, {behind} of "
            f"{counted(items, 'item')} behind schedule")
