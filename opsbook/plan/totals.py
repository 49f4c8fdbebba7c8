"""Totals of a company plan by department and by quarter.

Counts are plan items; targets are summed only for additive units (amounts, counts, hours:
``additive_units``), one column per unit, since a rate or a level cannot be added up; budgets
are summed. By quarter, an item counts in the quarters its dates touch within the plan year
(blank dates: the whole year) and its budget is spread evenly over those months, so the four
quarters add up to the year.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from opsbook.core.spelling import one_spelling
from opsbook.plan.items import QUARTERS, additive

#: Column name prefix of a unit's summed target ("target:万元").
TARGET = "target:"


def unit_names(items: pd.DataFrame, units: frozenset[str]) -> pd.Series:
    """Each item's additive unit as the plans spell it most ("hours", "Hours" and "HOURS" are
    one unit, as ``additive_units`` matches them); None where the unit is not additive."""
    unit = items["unit"].where(additive(items["unit"], units))
    codes, uniques = pd.factorize(unit.to_numpy(dtype=object), use_na_sentinel=True)
    stripped = np.array([str(u).strip() for u in uniques] + [None], dtype=object)[codes]
    return one_spelling(pd.Series(stripped, index=items.index, dtype=object))


def summed_units(items: pd.DataFrame, units: frozenset[str]) -> list[str]:
    """The additive units used by the items, in order of first use."""
    return list(dict.fromkeys(unit_names(items, units).dropna()))


def by_department(items: pd.DataFrame, units: frozenset[str],
                  departments: Sequence[str]) -> pd.DataFrame:
    """department, items, high_priority, budget, one ``target:<unit>`` per additive unit;
    departments in ``departments`` order, then a company total (department None)."""
    named = unit_names(items, units)
    unit_order = list(dict.fromkeys(named.dropna()))
    key = pd.Categorical(items["department"], categories=list(departments))
    grouped = items.groupby(key, observed=False)
    out = pd.DataFrame({
        "items": grouped.size(),
        "high_priority": items["priority"].eq("high").groupby(key, observed=False).sum(),
        "budget": grouped["budget"].sum(min_count=1).round(9),
    })
    if unit_order:
        sub = items[named.notna()]
        sums = (sub["target"].groupby([pd.Categorical(sub["department"],
                                                      categories=list(departments)),
                                       named[named.notna()]], observed=False)
                .sum(min_count=1).round(9).unstack())  # 0.1 + 0.2 is 0.3 here
        for unit in unit_order:
            out[TARGET + unit] = sums[unit].reindex(out.index)
    out.index.name = "department"
    out = out.reset_index()
    out["department"] = out["department"].astype(object)
    total = {c: np.round(out[c].sum(min_count=1), 9) for c in out.columns if c != "department"}
    total.update(items=int(out["items"].sum()), high_priority=int(out["high_priority"].sum()))
    out.loc[len(out)] = {"department": None, **total}  # counts are 0, never blank
    out["items"] = out["items"].astype(int)
    out["high_priority"] = out["high_priority"].astype(int)
    return out


def active_months(items: pd.DataFrame, year: int | None) -> np.ndarray:
    """(items, 12) booleans: the months of the plan year each item runs in; an item with no
    month in the year (blank or wrong dates) counts as running all year."""
    n = len(items)
    if year is None:
        return np.ones((n, 12), dtype=bool)
    start, end = items["start"], items["end"]
    first = np.where(start.isna(), 1, np.where(start.dt.year < year, 1,
                     np.where(start.dt.year > year, 13, start.dt.month.fillna(1))))
    last = np.where(end.isna(), 12, np.where(end.dt.year > year, 12,
                    np.where(end.dt.year < year, 0, end.dt.month.fillna(12))))
    months = np.arange(1, 13)
    active = (months >= first.astype(int)[:, None]) & (months <= last.astype(int)[:, None])
    active[~active.any(axis=1)] = True
    return active


def by_quarter(items: pd.DataFrame, units: frozenset[str], year: int | None) -> pd.DataFrame:
    """quarter (Q1 … Q4, then None for the year), items, budget, ``target:<unit>`` columns."""
    active = active_months(items, year)
    per_month = items["budget"].to_numpy(dtype=float)[:, None] * active / active.sum(axis=1,
                                                                                         keepdims=True)
    quarter_active = active.reshape(len(items), 4, 3).any(axis=2)
    budget_known = ~np.isnan(items["budget"].to_numpy(dtype=float))
    quarter_budget = np.nansum(per_month.reshape(len(items), 4, 3), axis=2)
    out = pd.DataFrame({
        "quarter": [q.upper() for q in QUARTERS],
        "items": quarter_active.sum(axis=0).astype(int),
        # to 9 decimals: a budget of 50,000 from February is 9,090.909090909 in Q1, and four
        # quarters of 25,000 are not 25,000.000000000004
        "budget": quarter_budget.sum(axis=0).round(9) if budget_known.any() else np.nan,
    })
    named = unit_names(items, units)
    for unit in dict.fromkeys(named.dropna()):
        rows = named.eq(unit).to_numpy()
        values = items.loc[rows, list(QUARTERS)]
        # a blank quarter beside quarters given is planned at 0 (as the quarters are added up)
        values = values.mask(values.isna() & values.notna().any(axis=1).to_numpy()[:, None], 0.0)
        out[TARGET + unit] = values.sum(min_count=1).round(9).to_numpy()
    total = {c: np.round(out[c].sum(min_count=1), 9) for c in out.columns
             if c not in ("quarter", "items")}
    # the year's budget is the items' budgets added up, as By Department's total, not the
    # sum of four quarters each carrying its share of a division (99,999.99999999999)
    total["budget"] = np.round(items["budget"].sum(min_count=1), 9)
    out.loc[len(out)] = {"quarter": None, "items": len(items), **total}
    out["items"] = out["items"].astype(int)
    out["quarter"] = out["quarter"].astype(object).where(out["quarter"].notna(), None)
    return out
