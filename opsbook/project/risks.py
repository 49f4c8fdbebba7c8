"""Risks ranked by probability × impact, and the 5 × 5 heat map of open risks."""

from __future__ import annotations

import numpy as np
import pandas as pd

KEY = ["source", "project_id"]
LEVELS = ("low", "medium", "high")
#: A score at or above this is high; at or above MEDIUM, medium (scores run 1 … 25).
HIGH, MEDIUM = 15, 5
COLUMNS = ["rank", "source", "project_id", "project_name", "risk_id", "description",
           "probability", "impact", "score", "level", "owner", "mitigation", "status", "open"]


def number_order(ids: pd.Series) -> pd.Series:
    """A sort key of IDs (risk IDs, project IDs, WBS codes) in the order people number
    them: each run of digits compared as a number, so R-2 comes before R-10, P-9 before
    P-10 and WBS 1.2 before 1.10 (as text, "1.10" < "1.2")."""
    return ids.astype(str).str.replace(r"\d+", lambda m: m.group().zfill(12), regex=True)


def level(score: pd.Series) -> np.ndarray:
    """``high`` at 15 and above, ``medium`` from 5 to 12, ``low`` up to 4, ``""`` unscored."""
    out = np.select([score >= HIGH, score >= MEDIUM, score >= 1], list(reversed(LEVELS)), "")
    return out.astype(object)


def rank(risk_rows: pd.DataFrame, projects: pd.DataFrame) -> pd.DataFrame:
    """Risks with their score (probability × impact) and level; open risks first, ranked
    1, 2, … by score (ties by probability, then impact, then risk id, its numbers compared
    as numbers: R-2 before R-10); closed ones after, without a rank. Columns
    ``COLUMNS``."""
    names = projects[[*KEY, "name"]].rename(columns={"name": "project_name"})
    r = risk_rows.merge(names, on=KEY, how="left")
    r["score"] = r["probability"] * r["impact"]
    r["level"] = level(r["score"])
    r["open"] = r["status"].fillna("open").ne("closed")
    r["order"] = number_order(r["risk_id"])  # ties by risk id as people number them
    r = r.sort_values(["open", "score", "probability", "impact", "order"],
                      ascending=[False, False, False, False, True], na_position="last")
    r["rank"] = np.where(r["open"], np.arange(1, len(r) + 1), np.nan)
    return r.reindex(columns=COLUMNS).reset_index(drop=True)


def per_project(ranked: pd.DataFrame) -> pd.DataFrame:
    """Per project: ``open_risks`` and ``top_risk_score`` (the highest open score)."""
    live = ranked[ranked["open"]]
    return live.groupby(KEY).agg(open_risks=("risk_id", "size"),
                                 top_risk_score=("score", "max")).reset_index()


def heat(ranked: pd.DataFrame) -> pd.DataFrame:
    """Counts of open risks by probability (rows 5 … 1) and impact (columns 1 … 5)."""
    live = ranked[ranked["open"]].dropna(subset=["probability", "impact"])
    grid = pd.crosstab(live["probability"].astype(int), live["impact"].astype(int))
    return grid.reindex(index=[5, 4, 3, 2, 1], columns=[1, 2, 3, 4, 5], fill_value=0)
