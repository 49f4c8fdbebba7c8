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


def by_department(items: pd.DataFrame, units: frozenset[str], departments: Sequence[str],
                  *, named: pd.Series | None = None) -> pd.DataFrame:
    """department, items, high_priority, budget, one ``target:<unit>`` per additive unit;
    departments in ``departments`` order, then a company total (department None).
    ``named``: :func:`unit_names` of ``items``, when the caller has it already."""
    named = unit_names(items, units) if named is None else named
    listed = list(departments)
    key = pd.Categorical(items["department"], categories=listed)
    codes = np.asarray(key.codes, dtype=np.intp)  # -1: a department not listed
    at = codes >= 0
    high = at & items["priority"].eq("high").to_numpy(dtype=bool)
    out = pd.DataFrame({
        "items": np.bincount(codes[at], minlength=len(listed)),
        "high_priority": np.bincount(codes[high], minlength=len(listed)),
        # added up as pandas' groupby adds (compensated), to 9 decimals: 0.1 + 0.2 is 0.3
        "budget": items["budget"].groupby(key, observed=False).sum(min_count=1).round(9)
        .to_numpy(),
    })
    # one group per department and unit, each added up over its items in their order
    unit_codes, unit_order = pd.factorize(named.to_numpy(dtype=object), use_na_sentinel=True)
    if len(unit_order):
        k = len(unit_order)
        slot = np.where(at & (unit_codes >= 0), codes * k + unit_codes, -1)
        sums = (items["target"].groupby(slot).sum(min_count=1).round(9)
                .reindex(range(len(listed) * k)).to_numpy().reshape(len(listed), k))
        for n, unit in enumerate(unit_order):
            out[TARGET + unit] = sums[:, n]
    total = {c: np.round(out[c].sum(min_count=1), 9) for c in out.columns}
    total.update(items=int(out["items"].sum()), high_priority=int(out["high_priority"].sum()))
    index = pd.RangeIndex(len(listed) + 1) if listed else pd.Index([0])  # as pandas adds it
    return pd.DataFrame({  # counts are 0, never blank
        "department": pd.Series([*pd.Index(listed).astype(object), None], index=index,
                                dtype=object),
        **{c: np.append(out[c].to_numpy(), total[c]) for c in out.columns},
    }, index=index)


def active_months(items: pd.DataFrame, year: int | None) -> np.ndarray:
    """(items, 12) booleans: the months of the plan year each item runs in; an item with no
    month in the year (blank or wrong dates) counts as running all year."""
    n = len(items)
    if year is None:
        return np.ones((n, 12), dtype=bool)
    start, end = items["start"], items["end"]
    starts, ends = start.dt.year, end.dt.year
    first = np.where(start.isna(), 1, np.where(starts < year, 1,
                     np.where(starts > year, 13, start.dt.month.fillna(1))))
    last = np.where(end.isna(), 12, np.where(ends > year, 12,
                    np.where(ends < year, 0, end.dt.month.fillna(12))))
    months = np.arange(1, 13)
    active = (months >= first.astype(int)[:, None]) & (months <= last.astype(int)[:, None])
    active[~active.any(axis=1)] = True
    return active


def by_quarter(items: pd.DataFrame, units: frozenset[str], year: int | None, *,
               named: pd.Series | None = None) -> pd.DataFrame:
    """quarter (Q1 … Q4, then None for the year), items, budget, ``target:<unit>`` columns.
    ``named``: :func:`unit_names` of ``items``, when the caller has it already."""
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
    named = unit_names(items, units) if named is None else named
    # a blank quarter beside quarters given is planned at 0 (as the quarters are added up)
    quarters = items[list(QUARTERS)].to_numpy(dtype=float)
    blank = np.isnan(quarters)
    quarters = np.where(blank & ~blank.all(axis=1)[:, None], 0.0, quarters)
    unit_of = named.to_numpy(dtype=object)
    for unit in dict.fromkeys(named.dropna()):
        out[TARGET + unit] = column_sums(quarters[unit_of == unit]).round(9)
    total = {c: np.round(out[c].sum(min_count=1), 9) for c in out.columns
             if c not in ("quarter", "items")}
    # the year's budget is the items' budgets added up, as By Department's total, not the
    # sum of four quarters each carrying its share of a division (99,999.99999999999)
    total["budget"] = np.round(items["budget"].sum(min_count=1), 9)
    total["items"] = len(items)
    return pd.DataFrame({
        "quarter": pd.Series([q.upper() for q in QUARTERS] + [None], dtype=object),
        **{c: np.append(out[c].to_numpy(), total[c]) for c in out.columns if c != "quarter"},
    })


def column_sums(values: np.ndarray) -> np.ndarray:
    """The sum of each column of ``values`` (rows, columns; float) as ``DataFrame.sum(
    min_count=1)`` gives it: blanks (NaN) count as 0, a column with nothing but blanks is
    NaN, and each column is added up by itself, in numpy's (pairwise) order, so that the
    sums are those of the frame to the last bit."""
    columns = np.ascontiguousarray(np.asarray(values, dtype=float).T)
    known = ~np.isnan(columns)
    sums = np.where(known, columns, 0.0).sum(axis=1)
    return np.where(known.any(axis=1), sums, np.nan)
