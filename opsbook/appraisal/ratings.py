"""The Scores sheet as integer-coded arrays, so the arithmetic runs in numpy, not per row."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from opsbook.appraisal import findings
from opsbook.appraisal.schema import ROLES as ROLE_CHOICES
from opsbook.core.issues import Issue

#: Rater roles in the order used by every (employee, indicator, role) array.
ROLES = tuple(c.value for c in ROLE_CHOICES)
SUPERIOR, PEER, SELF = range(3)

SCORE_COLUMNS = ("employee_id", "rater_id", "rater_role", "indicator_id", "score")


@dataclass
class Ratings:
    """The usable score rows: codes into the employee, indicator and rater ids, and the score."""

    emp: np.ndarray
    ind: np.ndarray
    role: np.ndarray
    rater: np.ndarray
    score: np.ndarray
    row: np.ndarray
    rater_ids: pd.Index
    n_emp: int
    n_ind: int

    def raters_per_employee(self, role: int) -> np.ndarray:
        """How many distinct raters of ``role`` scored each employee."""
        mask = self.role == role
        n_raters = max(len(self.rater_ids), 1)
        pairs = np.unique(self.emp[mask].astype(np.int64) * n_raters + self.rater[mask])
        return np.bincount(pairs // n_raters, minlength=self.n_emp)

    def cell(self) -> np.ndarray:
        """The flat (employee, indicator) cell of each row."""
        return self.emp.astype(np.int64) * self.n_ind + self.ind


def ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` element-wise, NaN where ``den`` is 0 (a mean of nothing)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def unique_ids(values: pd.Series) -> pd.Index:
    """The distinct non-blank ids, in order of first appearance."""
    return pd.Index(pd.unique(values.dropna()))


def prepare(
    scores: pd.DataFrame | None, emp_ids: pd.Index, ind_ids: pd.Index
) -> tuple[Ratings, list[Issue]]:
    """Code the score rows, leaving out unusable ones and reporting self-ratings in another
    role, ``self`` ratings by someone else, and duplicate ratings (the last of a duplicate
    group is counted)."""
    frame = _columns(scores)
    emp = emp_ids.get_indexer(frame["employee_id"])
    ind = ind_ids.get_indexer(frame["indicator_id"])
    role = pd.Index(ROLES).get_indexer(frame["rater_role"])
    value = pd.to_numeric(frame["score"], errors="coerce").to_numpy(dtype=float)
    usable = (emp >= 0) & (ind >= 0) & (role >= 0) & np.isfinite(value)
    usable &= frame["rater_id"].notna().to_numpy()
    issues: list[Issue] = []

    same = (frame["rater_id"] == frame["employee_id"]).to_numpy()
    own = usable & same & (role != SELF)
    issues += findings.self_rated_as_other(frame[own])
    other = usable & ~same & (role == SELF)  # someone else's rating is no self-rating
    issues += findings.self_role_by_other(frame[other])
    usable &= ~(own | other)

    rater, rater_ids = pd.factorize(frame["rater_id"].where(usable))
    at = np.flatnonzero(usable)
    key = ((emp[at].astype(np.int64) * len(ind_ids) + ind[at]) * 3 + role[at]) * max(
        len(rater_ids), 1) + rater[at]
    dropped = pd.Series(key).duplicated(keep="last").to_numpy()
    if dropped.any():
        rows = pd.DataFrame({"row": frame.index.to_numpy()[at], "score": value[at]})
        groups = rows.groupby(key)
        kept_row = groups["row"].transform("last").to_numpy()
        differs = (groups["score"].transform("nunique") > 1).to_numpy()
        issues += findings.duplicate_ratings(
            frame.iloc[at[dropped]], kept_row[dropped], differs[dropped])
    usable[at[dropped]] = False

    ratings = Ratings(
        emp=emp[usable], ind=ind[usable], role=role[usable], rater=rater[usable],
        score=value[usable], row=frame.index.to_numpy()[usable], rater_ids=pd.Index(rater_ids),
        n_emp=len(emp_ids), n_ind=len(ind_ids),
    )
    return ratings, issues


def _columns(scores: pd.DataFrame | None) -> pd.DataFrame:
    if scores is None:
        return pd.DataFrame(columns=list(SCORE_COLUMNS), dtype=object)
    return scores.reindex(columns=list(SCORE_COLUMNS))
