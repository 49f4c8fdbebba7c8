"""Calibration of lenient and strict raters (setting ``calibration``)."""

from __future__ import annotations

import numpy as np

from opsbook.appraisal.ratings import Ratings

#: Raters who scored fewer distinct employees than this are left as they are.
MIN_EMPLOYEES = 3


def zscore(ratings: Ratings, scale_min: float, scale_max: float) -> np.ndarray:
    """Each rater's scores moved to the mean and spread of all score rows.

    For a rater r who scored at least 3 distinct employees with a spread above 0:
    ``s' = M + (s - m_r) / sd_r * SD``, clipped to [scale_min, scale_max], where m_r, sd_r are
    the mean and population standard deviation of r's score rows and M, SD those of all score
    rows (every role, this cycle). Other raters' scores are left as they are. Returns the
    scores in the order of ``ratings``.
    """
    score, rater = ratings.score, ratings.rater
    n_raters = len(ratings.rater_ids)
    if score.size == 0:
        return score.copy()
    count = np.bincount(rater, minlength=n_raters)
    mean = np.bincount(rater, score, minlength=n_raters) / np.maximum(count, 1)
    spread = np.sqrt(np.bincount(rater, (score - mean[rater]) ** 2, minlength=n_raters)
                     / np.maximum(count, 1))
    pairs = np.unique(rater.astype(np.int64) * max(ratings.n_emp, 1) + ratings.emp)
    employees = np.bincount(pairs // max(ratings.n_emp, 1), minlength=n_raters)
    calibrated = (employees >= MIN_EMPLOYEES) & (spread > 1e-9)
    safe = np.where(calibrated, spread, 1.0)
    moved = score.mean() + (score - mean[rater]) / safe[rater] * score.std()
    return np.where(calibrated[rater], np.clip(moved, scale_min, scale_max), score)
