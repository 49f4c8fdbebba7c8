"""Whether a company plan's totals still match its Plan sheet.

``plan consolidate`` writes By Department, By Quarter and Conflicts from the items it
consolidated. A reviewer who revises the company plan by editing its Plan sheet (an item
taken out, a budget, a target, a quarter's target or a date changed) leaves them as they
were; publishing such a plan would publish totals of another plan. The counts, budgets and
targets per additive unit are worked out again from the Plan sheet and compared with what
By Department (per department, annual targets) and By Quarter (per quarter, quarter
targets) show.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from opsbook.core.issues import Issue
from opsbook.core.spelling import one_spelling
from opsbook.plan.items import items_frame, normalized, number_text, unit_key
from opsbook.plan.totals import TARGET, by_department, by_quarter

TOTALS = {"total", "合计"}


@dataclass(frozen=True)
class Totals:
    """What a totals sheet shows: its key column (``key``, with its headers in either
    language), the items and budget headers, and how a unit's summed targets are headed
    (``units``: a pattern whose one group that matches is the unit)."""

    key: str
    headers: dict[str, tuple[str, str]]
    units: re.Pattern[str]
    #: How a unit's targets are said ("annual targets", "年度目标合计").
    targets: tuple[str, str]


_COUNTS = {"items": ("Items", "计划项数"), "budget": ("Budget", "预算")}
#: By Department: per department, each unit's annual targets summed ("年度目标（万元）",
#: "Target (hours)", as ``opsbook.plan.outputs.header`` writes them).
BY_DEPARTMENT = Totals("department", {"department": ("Department", "部门"), **_COUNTS},
                       re.compile(r"年度目标（(.+)）|Target \((.+)\)"),
                       ("annual targets", "年度目标合计"))
#: By Quarter: per quarter, each unit's quarter targets summed ("季度目标合计（万元）").
BY_QUARTER = Totals("quarter", {"quarter": ("Quarter", "季度"), **_COUNTS},
                    re.compile(r"季度目标合计（(.+)）|Sum of Quarter Targets \((.+)\)"),
                    ("quarter targets", "季度目标合计"))


def shown_totals(rows: Sequence[Sequence[Any]], totals: Totals = BY_DEPARTMENT
                 ) -> pd.DataFrame | None:
    """The key (None for the total row), items, budget and ``target:<unit>`` per unit
    column as a totals sheet (``totals``: By Department or By Quarter) shows them (its raw
    rows from A1); None when its header cannot be found."""
    for at, row in enumerate(rows[:10]):
        cells = [str(v).strip() if v is not None else "" for v in row]
        where = {key: next((n for n, c in enumerate(cells) if c in names), None)
                 for key, names in totals.headers.items()}
        if None in where.values():
            continue
        for n, cell in enumerate(cells):
            unit = totals.units.fullmatch(cell)
            if unit is not None:
                where.setdefault(TARGET + (unit.group(1) or unit.group(2)), n)
        body = [r for r in rows[at + 1:] if len(r) > where["budget"]
                and any(v not in (None, "") for v in r)]
        frame = pd.DataFrame({k: [r[n] if n < len(r) else None for r in body]
                              for k, n in where.items()}, dtype=object)
        # the total is the last row (a department may be called Total too)
        key = frame[totals.key]
        total = normalized(key).isin(TOTALS) & (frame.index == len(frame) - 1)
        frame[totals.key] = key.where(~total, None)
        for column in frame.columns[1:]:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
        return frame
    return None


def stale(plan: pd.DataFrame, shown: pd.DataFrame | None, units: frozenset[str],
          sheet: str, year: int | None = None, totals: Totals = BY_DEPARTMENT
          ) -> Issue | None:
    """A ``company-plan-stale`` warning at ``sheet`` when the items, budget or targets of
    an additive unit (``units``) per department (``totals`` By Department) or per quarter
    (By Quarter, in the plan ``year``) of ``plan`` (a Plan frame) differ from ``shown``
    (:func:`shown_totals`); None when they agree or nothing is shown to compare."""
    if shown is None or shown.empty:
        return None
    items = items_frame(plan)
    if totals is BY_QUARTER:
        now = by_quarter(items, units, year).set_index("quarter")
    else:
        items["department"] = one_spelling(items["department"])
        order = list(dict.fromkeys([*shown["department"].dropna().astype(str),
                                    *items["department"].dropna()]))
        now = by_department(items, units, order).set_index("department")
    then = shown.drop_duplicates(totals.key).set_index(totals.key)
    both = now.index.union(then.index, sort=False)
    now, then = now.reindex(both), then.reindex(both)
    counts = (now["items"].fillna(0).to_numpy(float), then["items"].fillna(0).to_numpy(float))
    budgets = (now["budget"].fillna(0).to_numpy(float), then["budget"].fillna(0).to_numpy(float))
    differs = (counts[0] != counts[1]) | ~np.isclose(budgets[0], budgets[1], rtol=1e-9,
                                                     atol=1e-6)
    if differs.any():
        first = int(np.flatnonzero(differs)[0])
        items, shown_items = int(counts[0][first]), int(counts[1][first])
        budget, shown_budget = number_text(budgets[0][first]), number_text(budgets[1][first])
        return _said(both[first], sheet, f"{items} item(s) and a budget of {budget}",
                     f"{shown_items} and {shown_budget}", f" {items} 个计划项、预算 {budget}",
                     f" {shown_items} 个、{shown_budget}")
    said, said_zh = totals.targets
    for unit, (ours, theirs) in _unit_targets(now, then).items():
        apart = ~np.isclose(ours, theirs, rtol=1e-9, atol=1e-6)
        if apart.any():
            first = int(np.flatnonzero(apart)[0])
            target, shown_target = number_text(ours[first]), number_text(theirs[first])
            return _said(both[first], sheet, f"{said} of {target} {unit} in all",
                         f"{shown_target} {unit}", f"{said_zh} {target} {unit}",
                         f" {shown_target} {unit}")
    return None


def _unit_targets(now: pd.DataFrame, then: pd.DataFrame
                  ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Each additive unit's summed targets per row (blank as 0), worked out again and as
    shown, units matched as ``additive_units`` matches them ("Hours" is "hours"); a unit on
    one side only is 0 on the other."""
    def columns(frame: pd.DataFrame) -> dict[str, str]:
        return {unit_key(c[len(TARGET):]): c for c in frame.columns if c.startswith(TARGET)}

    ours, theirs = columns(now), columns(then)
    zero = np.zeros(len(now))
    return {(ours.get(key) or theirs[key])[len(TARGET):]: (
        now[ours[key]].fillna(0).to_numpy(float) if key in ours else zero,
        then[theirs[key]].fillna(0).to_numpy(float) if key in theirs else zero)
        for key in dict.fromkeys([*ours, *theirs])}


def _said(name: object, sheet: str, there: str, here: str, there_zh: str, here_zh: str
          ) -> Issue:
    """The warning for the first department or quarter (``name``; None for the total) whose
    totals differ: what the Plan sheet gives (``there``) and what the sheet shows."""
    named = isinstance(name, str) and name != ""
    return Issue("company-plan-stale", "warning", sheet=sheet, params={
        "where": name if named else "the company total",
        "where_zh": f"“{name}”" if named else "公司合计",
        "there": there, "here": here, "there_zh": there_zh, "here_zh": here_zh})
