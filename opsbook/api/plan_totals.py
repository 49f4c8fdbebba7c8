"""Whether a company plan's By Department and By Quarter sheets still match its Plan sheet,
read from the file (``plan status`` tells a revised company plan whose totals are out of
date)."""

from __future__ import annotations

from pathlib import Path

from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.io.read import read_raw
from opsbook.plan.intake import company_plan_sheet
from opsbook.plan.schema import OUTPUTS
from opsbook.plan.stale import BY_QUARTER, shown_totals, stale

#: The names of the By Quarter sheet, folded as sheet names are matched.
_QUARTERS = {name.casefold() for o in OUTPUTS if o.id == "by_quarter" for name in (o.en, o.zh)}


def stale_totals(path: Path, book: Book) -> list[Issue]:
    """A ``company-plan-stale`` warning, at the By Department sheet of the company plan
    ``book`` read from ``path``, when its items, budgets or annual targets per department
    are no longer the Plan sheet's, else at its By Quarter sheet when its items, budgets or
    quarter targets per quarter are not; nothing for a department's plan or a company plan
    that agrees."""
    sheet = company_plan_sheet(book)
    if sheet is None:
        return []
    raws = read_raw(Path(path))[0]
    raw = next((s for s in raws if s.name == sheet), None)
    units = frozenset(book.settings.units())
    issue = stale(book["Plan"], shown_totals(raw.rows) if raw is not None else None,
                  units, sheet)
    quarters = next((s for s in raws if s.name.strip().casefold() in _QUARTERS), None)
    if issue is None and quarters is not None:
        issue = stale(book["Plan"], shown_totals(quarters.rows, BY_QUARTER), units,
                      quarters.name, book.settings.year, BY_QUARTER)
    if issue is None:
        return []
    issue.file = str(path)
    return [issue]
