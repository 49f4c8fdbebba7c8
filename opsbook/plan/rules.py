"""Plan rules across rows: quarters add up, dates within the year."""

from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from opsbook.core.group import BOOK, Group, over_books
from opsbook.core.issues import Issue
from opsbook.core.rules import date_order, references
from opsbook.plan.items import number_text, quarters_given, unit_key


@over_books
def quarters_add_up(group: Group) -> Iterator[tuple[int, Issue]]:
    """For additive units (each book's ``additive_units``), q1 + q2 + q3 + q4 equals the
    annual target; a blank quarter beside quarters given counts as 0 (``quarters_given``)."""
    plan = group.frame("Plan")
    if plan.empty:
        return
    units = [(k, unit) for k, book in enumerate(group.books) for unit in book.settings.units()]
    unit = plan["unit"].fillna("").map(unit_key)
    additive = pd.MultiIndex.from_arrays([plan[BOOK], unit]).isin(
        pd.MultiIndex.from_tuples(units)) if units else np.zeros(len(plan), dtype=bool)
    quarters = plan[["q1", "q2", "q3", "q4"]].astype(float)
    target = plan["target"].astype(float)
    given = quarters_given(quarters.to_numpy(), target.to_numpy())
    total = quarters.sum(axis=1).to_numpy()
    bad = additive & given & ~np.isclose(total, target.to_numpy(), rtol=1e-9, atol=1e-6)
    for pos in np.flatnonzero(bad):
        k, place = group.where(plan, pos, "Plan", "q4")
        yield k, Issue("quarters-mismatch", value=round(float(total[pos]), 6),
                       params={"expected": number_text(target.iat[pos])}, **place)


@over_books
def within_year(group: Group) -> Iterator[tuple[int, Issue]]:
    """Start and end dates within the plan's year (each book's ``year`` setting)."""
    plan = group.frame("Plan")
    if plan.empty:
        return
    years = group.per_row("Plan", [book.settings.year for book in group.books])
    year = pd.to_numeric(pd.Series(years, dtype=object), errors="coerce").to_numpy()
    for column in ("start", "end"):
        dates = pd.to_datetime(plan[column], errors="coerce")
        bad = dates.notna().to_numpy() & ~np.isnan(year) & \
            (dates.dt.year.to_numpy(dtype=float, na_value=np.nan) != year)
        for pos in np.flatnonzero(bad):
            k, place = group.where(plan, pos, "Plan", column)
            yield k, Issue("outside-year", value=dates.iat[pos].date(),
                           params={"expected": years[pos]}, **place)


@over_books
def dates_in_order(group: Group) -> Iterator[tuple[int, Issue]]:
    yield from date_order(group, "Plan", "start", "end")


RULES = (references, quarters_add_up, within_year, dates_in_order)
