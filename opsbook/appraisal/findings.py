"""Findings of an appraisal run (forced distribution, budget, unscored employees …) as Issues
that point to sheet rows."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from opsbook.core.issues import Issue
from opsbook.core.shown import MOST_DECIMALS, half_up

ROLE_ZH = {"superior": "上级", "peer": "同事", "self": "自评"}


def _row(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def self_rated_as_other(rows: pd.DataFrame) -> list[Issue]:
    """Ratings of oneself entered as superior or peer: left out, an error."""
    return [
        Issue("self-rated-as-other", "error", sheet="Scores", row=_row(row), field="rater_role",
              value=rater, params={"role": role, "role_zh": ROLE_ZH.get(role, role)})
        for row, rater, role in zip(rows.index, rows["rater_id"], rows["rater_role"],
                                    strict=True)
    ]


def self_role_by_other(rows: pd.DataFrame) -> list[Issue]:
    """Ratings with the role self by someone other than the employee: left out, an error."""
    return [
        Issue("self-role-by-other", "error", sheet="Scores", row=_row(row), field="rater_role",
              value=rater, params={"employee": employee})
        for row, rater, employee in zip(rows.index, rows["rater_id"], rows["employee_id"],
                                        strict=True)
    ]


def duplicate_ratings(rows: pd.DataFrame, kept: np.ndarray, differs: np.ndarray) -> list[Issue]:
    """The same rater, role, employee and indicator twice: the last row counts. An error when
    the scores differ (which one is meant is unclear), a warning when they are equal."""
    return [
        Issue("duplicate-rating", "error" if diff else "warning", sheet="Scores", row=_row(row),
              field="score", value=value,
              params={"rater": rater, "role": role, "role_zh": ROLE_ZH.get(role, role),
                      "employee": employee,
                      "indicator": indicator, "other": _row(other),
                      "rows": f"{_row(row)}, {_row(other)}",
                      "rows_zh": f"{_row(row)}、{_row(other)}",
                      "detail": f"with different scores: only row {_row(other)} is counted"
                      if diff else "with the same score: it is counted once",
                      "detail_zh": f"分数不同：只计第 {_row(other)} 行" if diff
                      else "分数相同：只计一次"})
        for row, rater, role, employee, indicator, value, other, diff in zip(
            rows.index, rows["rater_id"], rows["rater_role"], rows["employee_id"],
            rows["indicator_id"], rows["score"], kept, differs, strict=True)
    ]


def no_scores(employees: pd.DataFrame, mask: np.ndarray) -> list[Issue]:
    """Employees nobody scored: not graded, a warning (they may have joined late)."""
    rows = employees[mask]
    return [
        Issue("no-scores", "warning", sheet="Employees", row=_row(row), field="employee_id",
              value=emp)
        for row, emp in zip(rows.index, rows["employee_id"], strict=True)
    ]


def not_graded(employees: pd.DataFrame, total: np.ndarray, grade: np.ndarray, rated: np.ndarray,
               table: pd.DataFrame, scale_min: float) -> list[Issue]:
    """Employees who were rated and got no grade: their total below every band
    (``below-lowest-grade``), or no role left to count (``no-rating-counted``); warnings."""
    def number_text(value: float) -> str:
        return f"{value:.2f}".rstrip("0").rstrip(".")

    lowest = table.iloc[0] if len(table) else None
    issues = []
    for row, emp, value, given, any_rating in zip(employees.index, employees["employee_id"],
                                                  total, grade, rated, strict=True):
        if not any_rating or not pd.isna(given):
            continue
        if np.isnan(value):
            issues.append(Issue("no-rating-counted", "warning", sheet="Employees",
                                row=_row(row), field="employee_id", value=emp))
        elif lowest is not None:
            issues.append(Issue(
                "below-lowest-grade", "warning", sheet="Employees", row=_row(row),
                field="employee_id", value=emp,
                params={"total": number_text(float(value)),
                        "grade": lowest["grade"],
                        "minimum": number_text(float(lowest["min_score"])),
                        "scale_min": number_text(float(scale_min))}))
    return issues


def peers_below_minimum(
    employees: pd.DataFrame, count: np.ndarray, mask: np.ndarray, minimum: int
) -> list[Issue]:
    """Employees with some peer ratings, but fewer than ``min_peers``: peers left out."""
    rows = employees[mask]
    return [
        Issue("peers-below-minimum", "warning", sheet="Employees", row=_row(row),
              field="employee_id", value=emp, params={"count": int(n), "minimum": minimum})
        for row, emp, n in zip(rows.index, rows["employee_id"], count[mask], strict=True)
    ]


def forced_distribution(
    grades: pd.Series, caps: dict[str, float], known: list[str]
) -> list[Issue]:
    """Grades given to a larger share of the graded employees than ``max_share_<grade>``
    (``caps``: each such setting key as typed → its share; the grade compared as names
    are, whatever its case, width or spaces)."""
    from opsbook.core.parse import folded

    issues = []
    graded = grades.dropna()
    counts = graded.value_counts()
    lookup = {folded(g): g for g in known}
    for field, cap in caps.items():
        key = field[len("max_share_"):]
        grade = lookup.get(folded(key))
        if grade is None:
            issues.append(Issue(
                "invalid-setting", "warning", sheet="Settings", field=field,
                value=cap, params={"detail": f"there is no grade '{key}' in the Grades table.",
                                   "detail_zh": f"等级表中没有等级“{key}”。"}))
            continue
        count, scored = int(counts.get(grade, 0)), len(graded)
        allowed = math.floor(cap * scored + 1e-9)
        if count > allowed:
            issues.append(Issue(
                "forced-distribution", "warning", sheet="Settings", field=field,
                value=cap, params={"grade": grade, "count": count, "scored": scored,
                                   "share": _share(count / scored, cap),
                                   # the cap as set (12.5%), never rounded to what it is not
                                   "maximum": f"{round(cap * 100, 6):g}%",
                                   "allowed": allowed}))
    return issues


def _share(value: float, cap: float) -> str:
    """A share as a percent to one decimal, half up (10.5%, 66.7%), with more where one
    would round it onto the cap it is over (11 of 105 is 10.5%, not 10%; 201 of 2,001 is
    10.04%, not 10.0%)."""
    edge = half_up(cap, MOST_DECIMALS, scale=100)
    for digits in range(1, MOST_DECIMALS + 1):
        shown = half_up(value, digits, scale=100)
        if shown > edge:
            break
    return f"{shown.normalize():f}%"


def bonus_over_budget(bonus: pd.Series, budget: float | None) -> list[Issue]:
    """The bonuses add up to more than ``bonus_budget``."""
    if budget is None:
        return []
    total = float(np.nansum(bonus.to_numpy(dtype=float)))
    if total <= budget + 1e-6:
        return []
    return [Issue("bonus-over-budget", "warning", sheet="Settings", field="bonus_budget",
                  value=round(total, 2),
                  params={"total": f"{total:,.2f}", "budget": f"{budget:,.2f}",
                          "excess": f"{total - budget:,.2f}"})]
