"""Appraisal scoring: role-weighted indicator scores, totals, grades, bonus and escalation.

Per employee and indicator, each role's scores are averaged (peers together) and combined
with the role weights re-balanced over the roles counted there; a missing role is never a 0,
and fewer than ``min_peers`` peers are not counted. The total is the indicator-weighted mean
over the indicators scored (weights normalised by their sum), rounded to 9 decimals so band
edges and ties are exact. ``calibration = "zscore"`` first rescales each rater's scores
(``calibration.zscore``). Pure pandas and numpy on the reader's frames; no file is touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from opsbook.appraisal import findings
from opsbook.appraisal.calibration import zscore
from opsbook.appraisal.grading import DECIMALS, assign, grade_table
from opsbook.appraisal.history import earlier_failures, missing_cycles
from opsbook.appraisal.notes import (
    NoteFacts,
    below_lowest_grade,
    employee_notes,
    without_bonus_base,
)
from opsbook.appraisal.rater_stats import rater_stats, self_gap
from opsbook.appraisal.ratings import PEER, ROLES, Ratings, prepare, ratio, unique_ids
from opsbook.appraisal.settings import AppraisalSettings
from opsbook.appraisal.wide import wide_to_long
from opsbook.core.issues import Issue
from opsbook.core.spelling import one_spelling

GROUPS = ("results", "ability", "attitude")

RESULT_COLUMNS = [
    "employee_id", "name", "department", "results_score", "ability_score", "attitude_score",
    "total_raw", "total", "grade", "rank", "department_rank", "bonus_coefficient", "bonus",
    "outcome", "consecutive_failures", "escalate", "raters_superior", "raters_peer",
    "raters_self", "notes",
]
EMPLOYEE_COLUMNS = ["employee_id", "name", "department", "bonus_base"]
HISTORY_ROW_COLUMNS = ["employee_id", "cycle", "total", "grade", "outcome"]
INDICATOR_SCORE_COLUMNS = ["employee_id", "indicator_id", "superior", "peer", "self", "score"]


@dataclass
class AppraisalResult:
    """Everything one scoring run produces; the frames have a plain 0..n-1 index."""

    results: pd.DataFrame
    departments: pd.DataFrame
    raters: pd.DataFrame
    self_gap: pd.DataFrame
    indicator_scores: pd.DataFrame
    history_rows: pd.DataFrame
    issues: list[Issue] = field(default_factory=list)
    #: The cycle scored (the ``cycle`` setting), also when nobody in it could be scored.
    cycle: str | None = None
    #: The ratings counted, self-ratings included (``raters`` lists raters of others only),
    #: and how many people gave them.
    rating_count: int | None = None
    rater_count: int | None = None
    #: The minimum score of each grade band in use, lowest first (how totals are shown).
    grade_minimums: tuple[float, ...] = ()


@dataclass
class _Combined:
    role_mean: np.ndarray   # (employees, indicators, roles), NaN where the role is not counted
    score: np.ndarray       # (employees, indicators), NaN where no role is counted


def role_shares(counted: np.ndarray, role_weights: np.ndarray) -> np.ndarray:
    """The role weights re-balanced over the roles counted (the last axis): they add up to 1
    wherever a role with a weight is counted, and are all 0 where none is."""
    weight = np.where(counted, role_weights, 0.0)
    total = weight.sum(axis=-1, keepdims=True)
    return np.where(total > 0, weight / np.where(total > 0, total, 1.0), 0.0)


def combine(ratings: Ratings, score: np.ndarray, role_weights: np.ndarray,
            peers_counted: np.ndarray) -> _Combined:
    """Per employee and indicator: each role's mean, combined with the role weights
    re-balanced over the roles counted there (a missing role is never a 0)."""
    shape = (ratings.n_emp, ratings.n_ind, len(ROLES))
    size = shape[0] * shape[1] * shape[2]
    slot = ratings.cell() * len(ROLES) + ratings.role
    count = np.bincount(slot, minlength=size).reshape(shape)
    mean = ratio(np.bincount(slot, score, minlength=size).reshape(shape), count)
    counted = count > 0
    counted[:, :, PEER] &= peers_counted[:, None]
    shares = role_shares(counted, role_weights)
    value = (np.where(counted, mean, 0.0) * shares).sum(axis=2)
    value = np.where(shares.sum(axis=2) > 0, value, np.nan)
    return _Combined(np.where(counted, mean, np.nan), value)


def weighted_totals(scores: np.ndarray, weights: np.ndarray,
                    groups: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """The total and each group's share of it: indicator weights re-balanced over the
    indicators the employee has a score for, so the group subtotals add up to the total."""
    have = ~np.isnan(scores)
    present = np.where(have, weights, 0.0).sum(axis=1)
    part = np.where(have, scores, 0.0) * weights
    total = np.round(ratio(part.sum(axis=1), present), DECIMALS)
    subtotals = [np.round(ratio(part[:, groups == g].sum(axis=1), present), DECIMALS)
                 for g in range(len(GROUPS))]
    return total, subtotals


def _indicator_weights(indicators: pd.DataFrame, ids: pd.Index) -> tuple[np.ndarray, np.ndarray]:
    first = indicators.drop_duplicates("indicator_id").set_index("indicator_id").reindex(ids)
    weight = pd.to_numeric(first.get("weight"), errors="coerce").fillna(0).clip(lower=0)
    weight = weight.to_numpy(dtype=float) if len(ids) else np.zeros(0)
    if weight.sum() <= 0:
        weight = np.ones(len(ids))
    group = pd.Index(GROUPS).get_indexer(first.get("group", pd.Series(index=ids, dtype=object)))
    return weight / max(weight.sum(), 1e-300), group


def _take(values: np.ndarray, at: np.ndarray) -> np.ndarray:
    """``values[at]``, blank (NaN, 0, False or None by dtype) where ``at`` is -1."""
    values = np.asarray(values)
    blank = {"f": np.nan, "i": 0, "u": 0, "b": False}.get(values.dtype.kind)
    if len(values) == 0:
        return np.full(len(at), blank, dtype=values.dtype if blank is not None else object)
    return np.where(at >= 0, values[np.maximum(at, 0)], blank)


def score(
    employees: pd.DataFrame,
    indicators: pd.DataFrame,
    scores: pd.DataFrame | None,
    grades: pd.DataFrame | None = None,
    history: pd.DataFrame | None = None,
    settings: AppraisalSettings | None = None,
    *,
    lang: str = "en",
) -> AppraisalResult:
    """Score one appraisal cycle by the rules of the standard workbook (WORKBOOKS.md).

    Frames are as the reader gives them; ``grades`` and ``history`` may be None or empty.
    Notes are written in ``lang`` ("en" or "zh"); issue messages are rendered by the caller.
    """
    settings = settings or AppraisalSettings()
    staff = employees.reindex(columns=EMPLOYEE_COLUMNS)
    staff = staff.assign(department=one_spelling(staff["department"]))
    emp_ids = unique_ids(staff["employee_id"])
    ind_ids = unique_ids(indicators["indicator_id"])
    ind_weight, ind_group = _indicator_weights(indicators, ind_ids)
    table = grade_table(grades)
    ratings, issues = prepare(scores, emp_ids, ind_ids)

    role_weights = np.array([settings.weight_superior, settings.weight_peer,
                             settings.weight_self], dtype=float)
    counts = np.stack([ratings.raters_per_employee(r) for r in range(len(ROLES))], axis=1)
    peers_counted = counts[:, PEER] >= max(settings.min_peers, 1)
    dropped = (counts[:, PEER] > 0) & ~peers_counted
    raw = final = combine(ratings, ratings.score, role_weights, peers_counted)
    if settings.calibration == "zscore":
        calibrated = zscore(ratings, settings.scale_min, settings.scale_max)
        final = combine(ratings, calibrated, role_weights, peers_counted)
    total, subtotals = weighted_totals(final.score, ind_weight, ind_group)
    total_raw = (weighted_totals(raw.score, ind_weight, ind_group)[0] if final is not raw
                 else total)

    grade, coefficient, outcome = assign(total, table)
    improve = (outcome == "improve").to_numpy()
    consecutive = np.where(improve, 1 + earlier_failures(history, table, settings.cycle,
                                                         emp_ids), 0)
    escalate = improve & (consecutive >= settings.consecutive_failure_limit)
    facts = NoteFacts(
        any_rating=counts.sum(axis=1) > 0, raw_present=counts > 0,
        role_indicators=(~np.isnan(final.role_mean)).sum(axis=1),
        n_scored=(~np.isnan(final.score)).sum(axis=1), peer_count=counts[:, PEER],
        dropped=dropped, missing=np.isnan(final.score), consecutive=consecutive,
        escalate=escalate)

    per_employee = {
        **{f"{g}_score": subtotals[i] for i, g in enumerate(GROUPS)},
        "total_raw": total_raw, "total": total, "grade": grade.to_numpy(dtype=object),
        "bonus_coefficient": coefficient, "outcome": outcome.to_numpy(dtype=object),
        "consecutive_failures": consecutive, "escalate": escalate,
        **{f"raters_{role}": counts[:, r] for r, role in enumerate(ROLES)},
        "notes": employee_notes(facts, ind_ids, role_weights, settings.min_peers,
                                settings.consecutive_failure_limit, lang),
    }
    if len(table):
        below = ~np.isnan(total) & grade.isna().to_numpy()
        per_employee["notes"] = below_lowest_grade(
            per_employee["notes"], below, str(table["grade"].iloc[0]),
            float(table["min_score"].iloc[0]), lang)
    at = emp_ids.get_indexer(staff["employee_id"])
    results = _results_frame(staff, at, per_employee, lang)

    issues += findings.no_scores(staff, (at >= 0) & ~_take(facts.any_rating, at))
    issues += findings.not_graded(staff, results["total"].to_numpy(dtype=float),
                                  results["grade"].to_numpy(dtype=object),
                                  (at >= 0) & _take(facts.any_rating, at), table,
                                  settings.scale_min)
    issues += findings.peers_below_minimum(staff, _take(counts[:, PEER], at), _take(dropped, at),
                                         settings.min_peers)
    issues += findings.forced_distribution(results["grade"], settings.max_shares(),
                                         table["grade"].tolist())
    issues += findings.bonus_over_budget(results["bonus"], settings.bonus_budget)
    issues += missing_cycles(history, table, settings.cycle, emp_ids, improve)
    return AppraisalResult(
        results=results,
        departments=department_summary(results, table["grade"].tolist()[::-1]),
        raters=rater_stats(ratings),
        self_gap=self_gap(ratings, emp_ids),
        indicator_scores=_indicator_scores(final, emp_ids, ind_ids),
        history_rows=_history_rows(emp_ids, total, grade, outcome, settings.cycle),
        issues=issues,
        cycle=str(settings.cycle) if settings.cycle else None,
        rating_count=int(len(ratings.score)),
        rater_count=int(len(np.unique(ratings.rater))),
        grade_minimums=tuple(table["min_score"].astype(float)),
    )


def _results_frame(staff: pd.DataFrame, at: np.ndarray,
                   per_employee: dict[str, np.ndarray], lang: str = "en") -> pd.DataFrame:
    """One row per row of Employees, in its order, with bonus and ranks (a graded employee
    without a bonus base noted in ``lang``)."""
    results = pd.DataFrame({key: staff[key].to_numpy(dtype=object)
                            for key in ("employee_id", "name", "department")})
    for key, values in per_employee.items():
        results[key] = _take(values, at)
    results["notes"] = results["notes"].fillna("")
    base = pd.to_numeric(staff["bonus_base"], errors="coerce").to_numpy(dtype=float)
    coefficient = results["bonus_coefficient"].to_numpy(dtype=float)
    results["bonus"] = base * coefficient
    results["notes"] = without_bonus_base(results["notes"].to_numpy(dtype=object),
                                          np.isnan(base) & ~np.isnan(coefficient), lang)
    results["rank"] = results["total"].rank(method="min", ascending=False).astype("Int64")
    results["department_rank"] = (
        results.groupby("department", dropna=False, sort=False)["total"]
        .rank(method="min", ascending=False).astype("Int64"))
    return results[RESULT_COLUMNS]


def department_summary(results: pd.DataFrame, grades: list[str]) -> pd.DataFrame:
    """Per department: headcount, how many were scored, the spread of totals and grade counts."""
    by = results.groupby("department", dropna=False, sort=False)
    summary = by["total"].agg(["count", "mean", "std", "min", "max"])
    summary.insert(0, "headcount", by.size())
    summary = summary.rename(columns={"count": "scored"})
    counts = (results.groupby(["department", "grade"], dropna=False, sort=False).size()
              .unstack(fill_value=0).reindex(index=summary.index, columns=grades, fill_value=0))
    summary = pd.concat([summary, counts.fillna(0).astype(np.int64)], axis=1)
    summary.columns.name = None
    return summary.rename_axis("department").reset_index()


def _indicator_scores(final: _Combined, emp_ids: pd.Index, ind_ids: pd.Index) -> pd.DataFrame:
    emp, ind = np.nonzero(~np.isnan(final.score))
    frame = pd.DataFrame({
        "employee_id": emp_ids.to_numpy(dtype=object)[emp],
        "indicator_id": ind_ids.to_numpy(dtype=object)[ind],
        **{role: final.role_mean[emp, ind, r] for r, role in enumerate(ROLES)},
        "score": final.score[emp, ind],
    })
    return frame[INDICATOR_SCORE_COLUMNS]


def _history_rows(emp_ids: pd.Index, total: np.ndarray, grade: pd.Series, outcome: pd.Series,
                  cycle: str) -> pd.DataFrame:
    scored = ~np.isnan(total)
    return pd.DataFrame({
        "employee_id": emp_ids.to_numpy(dtype=object)[scored],
        "cycle": cycle,
        "total": total[scored],
        "grade": grade.to_numpy(dtype=object)[scored],
        "outcome": outcome.to_numpy(dtype=object)[scored],
    }, columns=HISTORY_ROW_COLUMNS)


__all__ = ["AppraisalResult", "score", "wide_to_long", "combine", "role_shares",
           "weighted_totals", "department_summary", "RESULT_COLUMNS"]
