"""How raters score: leniency against the other raters, straight-lining, self-rating gaps."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.appraisal.ratings import SELF, Ratings, ratio

RATER_COLUMNS = ["rater_id", "ratings", "employees", "mean_given", "leniency", "leniency_z",
                 "same_score_everywhere"]
SELF_GAP_COLUMNS = ["employee_id", "self_mean", "others_mean", "gap"]


def rater_stats(ratings: Ratings) -> pd.DataFrame:
    """One row per rater of others (superior and peer rows; self-ratings are in ``self_gap``).

    leniency: the mean, over the rater's rows, of (score − mean of the other raters' scores of
    the same employee and indicator); rows nobody else scored are skipped. leniency_z: leniency
    as a z-score across raters (population spread). same_score_everywhere: every employee the
    rater scored got one score on all indicators, and at least one got two or more indicators.
    """
    keep = ratings.role != SELF
    rater, emp, score = ratings.rater[keep], ratings.emp[keep], ratings.score[keep]
    cell = ratings.cell()[keep]
    n = len(ratings.rater_ids)
    n_cells = max(ratings.n_emp * ratings.n_ind, 1)
    cell_sum = np.bincount(cell, score, minlength=n_cells)
    cell_count = np.bincount(cell, minlength=n_cells)
    others = ratio(cell_sum[cell] - score, cell_count[cell] - 1)
    diff = score - others
    compared = ~np.isnan(diff)

    count = np.bincount(rater, minlength=n)
    leniency = ratio(np.bincount(rater[compared], diff[compared], minlength=n),
                      np.bincount(rater[compared], minlength=n))
    z = np.full(n, np.nan)
    if np.isfinite(leniency).sum() > 1 and np.nanstd(leniency) > 1e-12:
        z = (leniency - np.nanmean(leniency)) / np.nanstd(leniency)

    pair = rater.astype(np.int64) * max(ratings.n_emp, 1) + emp
    per_pair = pd.Series(score).groupby(pair).agg(["min", "max", "size"])
    pair_rater = (per_pair.index.to_numpy() // max(ratings.n_emp, 1)).astype(np.int64)
    varied = np.bincount(pair_rater, (per_pair["min"] != per_pair["max"]).to_numpy(),
                         minlength=n)
    widest = np.zeros(n, dtype=np.int64)
    np.maximum.at(widest, pair_rater, per_pair["size"].to_numpy())

    frame = pd.DataFrame({
        "rater_id": ratings.rater_ids.to_numpy(dtype=object),
        "ratings": count,
        "employees": np.bincount(pair_rater, minlength=n),
        "mean_given": ratio(np.bincount(rater, score, minlength=n), count),
        "leniency": leniency,
        "leniency_z": z,
        "same_score_everywhere": (varied == 0) & (widest >= 2),
    })
    frame = frame.loc[frame["ratings"] > 0, RATER_COLUMNS]
    return frame.sort_values("rater_id", kind="stable").reset_index(drop=True)


def self_gap(ratings: Ratings, emp_ids: pd.Index) -> pd.DataFrame:
    """Per employee with a self-rating: the self mean, the others' mean and the gap, over the
    indicators both rated (over all self-rated indicators when no one else rated any)."""
    is_self = ratings.role == SELF
    if not is_self.any():
        return pd.DataFrame(columns=SELF_GAP_COLUMNS)
    shape = (ratings.n_emp, ratings.n_ind)
    cell, score = ratings.cell(), ratings.score
    own = _cell_mean(cell[is_self], score[is_self], shape)
    rest = _cell_mean(cell[~is_self], score[~is_self], shape)
    both = ~np.isnan(own) & ~np.isnan(rest)
    rated = ~np.isnan(own)
    n_both = both.sum(axis=1)
    self_mean = np.where(n_both > 0, ratio(np.where(both, own, 0).sum(axis=1), n_both),
                         ratio(np.where(rated, own, 0).sum(axis=1), rated.sum(axis=1)))
    others_mean = ratio(np.where(both, rest, 0).sum(axis=1), n_both)
    frame = pd.DataFrame({
        "employee_id": emp_ids.to_numpy(dtype=object),
        "self_mean": self_mean, "others_mean": others_mean, "gap": self_mean - others_mean,
    })
    return frame[rated.any(axis=1)].reset_index(drop=True)


def _cell_mean(cell: np.ndarray, score: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    size = shape[0] * shape[1]
    total = np.bincount(cell, score, minlength=size)
    return ratio(total, np.bincount(cell, minlength=size)).reshape(shape)
