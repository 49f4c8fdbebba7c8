"""Plan rules across rows: quarters add up, dates within the year."""

from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.core.rules import date_order, references


def quarters_add_up(book: Book) -> Iterator[Issue]:
    """For additive units, q1 + q2 + q3 + q4 equals the annual target."""
    plan = book["Plan"]
    if plan.empty:
        return
    units = book.settings.units()
    additive = plan["unit"].fillna("").astype(str).str.strip().str.lower().isin(units)
    quarters = plan[["q1", "q2", "q3", "q4"]].astype(float)
    given = quarters.notna().all(axis=1) & plan["target"].notna()
    total = quarters.sum(axis=1)
    target = plan["target"].astype(float)
    bad = additive & given & ~np.isclose(total, target, rtol=1e-9, atol=1e-6)
    for row in plan.index[bad.to_numpy()]:
        yield Issue("quarters-mismatch", value=round(float(total.at[row]), 6),
                    params={"expected": f"{target.at[row]:g}"},
                    **book.where("Plan", "q4", int(row)))


def within_year(book: Book) -> Iterator[Issue]:
    year = book.settings.year
    plan = book["Plan"]
    if year is None or plan.empty:
        return
    for column in ("start", "end"):
        dates = pd.to_datetime(plan[column])
        bad = dates.notna() & (dates.dt.year != year)
        for row in plan.index[bad.to_numpy()]:
            yield Issue("outside-year", value=dates.at[row].date(),
                        params={"expected": year}, **book.where("Plan", column, int(row)))


def dates_in_order(book: Book) -> Iterator[Issue]:
    yield from date_order(book, "Plan", "start", "end")


RULES = (references, quarters_add_up, within_year, dates_in_order)
