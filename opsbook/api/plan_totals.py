"""Whether a company plan's By Department sheet still matches its Plan sheet, read from the
file (``plan status`` tells a revised company plan whose totals are out of date)."""

from __future__ import annotations

from pathlib import Path

from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.io.read import read_raw
from opsbook.plan.intake import company_plan_sheet
from opsbook.plan.stale import shown_totals, stale


def stale_totals(path: Path, book: Book) -> list[Issue]:
    """A ``company-plan-stale`` warning, at the By Department sheet of the company plan
    ``book`` read from ``path``, when its items or budgets per department are no longer the
    Plan sheet's; nothing for a department's plan or a company plan that agrees."""
    sheet = company_plan_sheet(book)
    if sheet is None:
        return []
    raw = next((s for s in read_raw(Path(path))[0] if s.name == sheet), None)
    issue = stale(book["Plan"], shown_totals(raw.rows) if raw is not None else None,
                  frozenset(book.settings.units()), sheet)
    if issue is None:
        return []
    issue.file = str(path)
    return [issue]
