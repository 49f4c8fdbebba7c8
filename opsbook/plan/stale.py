"""Whether a company plan's totals still match its Plan sheet.

``plan consolidate`` writes By Department, By Quarter and Conflicts from the items it
consolidated. A reviewer who revises the company plan by editing its Plan sheet (an item
taken out, a budget changed) leaves them as they were; publishing such a plan would publish
totals of another plan. The counts and budgets per department are worked out again from the
Plan sheet and compared with what By Department shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from opsbook.core.issues import Issue
from opsbook.plan.items import canonical, items_frame, normalized, number_text
from opsbook.plan.totals import by_department

#: The By Department columns compared, with their headers in either language.
COMPARED = {"department": ("Department", "部门"), "items": ("Items", "计划项数"),
            "budget": ("Budget", "预算")}
TOTALS = {"total", "合计"}


def shown_totals(rows: Sequence[Sequence[Any]]) -> pd.DataFrame | None:
    """department (None for the total row), items and budget as a By Department sheet shows
    them (its raw rows from A1); None when its header cannot be found."""
    for at, row in enumerate(rows[:10]):
        cells = [str(v).strip() if v is not None else "" for v in row]
        where = {key: next((n for n, c in enumerate(cells) if c in names), None)
                 for key, names in COMPARED.items()}
        if None in where.values():
            continue
        body = [r for r in rows[at + 1:] if len(r) > max(where.values())
                and any(v not in (None, "") for v in r)]
        frame = pd.DataFrame({k: [r[n] for r in body] for k, n in where.items()}, dtype=object)
        # the total is the last row (a department may be called Total too)
        total = normalized(frame["department"]).isin(TOTALS) & (frame.index == len(frame) - 1)
        frame["department"] = frame["department"].where(~total, None)
        for column in ("items", "budget"):
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
        return frame
    return None


def stale(plan: pd.DataFrame, shown: pd.DataFrame | None, units: frozenset[str],
          sheet: str) -> Issue | None:
    """A ``company-plan-stale`` warning at ``sheet`` when the items or budget per department
    of ``plan`` (a Plan frame) differ from ``shown`` (:func:`shown_totals`); None when they
    agree or nothing is shown to compare."""
    if shown is None or shown.empty:
        return None
    items = items_frame(plan)
    items["department"] = canonical(items["department"])
    order = list(dict.fromkeys([*shown["department"].dropna().astype(str),
                                *items["department"].dropna()]))
    now = by_department(items, units, order).set_index("department")
    then = shown.drop_duplicates("department").set_index("department")
    both = now.index.union(then.index, sort=False)
    now, then = now.reindex(both), then.reindex(both)
    counts = (now["items"].fillna(0).to_numpy(float), then["items"].fillna(0).to_numpy(float))
    budgets = (now["budget"].fillna(0).to_numpy(float), then["budget"].fillna(0).to_numpy(float))
    differs = (counts[0] != counts[1]) | ~np.isclose(budgets[0], budgets[1], rtol=1e-9,
                                                     atol=1e-6)
    if not differs.any():
        return None
    first = int(np.flatnonzero(differs)[0])
    name = both[first]
    named = isinstance(name, str) and name != ""
    return Issue("company-plan-stale", "warning", sheet=sheet, params={
        "where": name if named else "the company total",
        "where_zh": f"“{name}”" if named else "公司合计",
        "items": int(counts[0][first]), "shown": int(counts[1][first]),
        "budget": number_text(budgets[0][first]),
        "shown_budget": number_text(budgets[1][first])})
