"""Grade bands: the total's grade, bonus coefficient and outcome."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.appraisal.settings import DEFAULT_GRADES

GRADE_COLUMNS = ["grade", "min_score", "bonus_coefficient", "outcome"]

#: Totals are rounded to this many decimals, so that 79.99999999999999 from float arithmetic
#: reaches a band at 80 and equal scores tie in the ranks.
DECIMALS = 9


def grade_table(grades: pd.DataFrame | None) -> pd.DataFrame:
    """The usable bands sorted by minimum score, lowest first; the defaults when none is given."""
    table = None if grades is None else grades.reindex(columns=GRADE_COLUMNS)
    if table is not None:
        table = table.assign(min_score=pd.to_numeric(table["min_score"], errors="coerce"))
        table = table[table["grade"].notna() & table["min_score"].notna()]
    if table is None or table.empty:
        table = pd.DataFrame(list(DEFAULT_GRADES), columns=GRADE_COLUMNS)
    table = table.assign(
        grade=table["grade"].astype(str).str.strip(),
        bonus_coefficient=pd.to_numeric(table["bonus_coefficient"], errors="coerce"),
        outcome=table["outcome"].fillna("none").astype(str),
    )
    return table.sort_values("min_score", kind="stable").reset_index(drop=True)


def assign(total: np.ndarray, table: pd.DataFrame) -> tuple[pd.Series, np.ndarray, pd.Series]:
    """Grade, bonus coefficient and outcome of each total: the highest band whose minimum the
    total reaches (a total exactly on the edge reaches it). No band, no grade."""
    rounded = np.round(np.asarray(total, dtype=float), DECIMALS)
    at = np.searchsorted(table["min_score"].to_numpy(dtype=float), rounded, side="right") - 1
    ok = (at >= 0) & ~np.isnan(rounded)
    at = np.where(ok, at, 0)
    grade = pd.Series(np.where(ok, table["grade"].to_numpy(dtype=object)[at], None), dtype=object)
    coefficient = np.where(ok, table["bonus_coefficient"].to_numpy(dtype=float)[at], np.nan)
    outcome = pd.Series(np.where(ok, table["outcome"].to_numpy(dtype=object)[at], None),
                        dtype=object)
    return grade, coefficient, outcome


def outcome_of(grades: pd.Series, table: pd.DataFrame) -> pd.Series:
    """The outcome of grades given as text (as in History); unknown grades give None."""
    lookup = dict(zip(table["grade"].str.casefold(), table["outcome"], strict=True))
    found = grades.astype("string").str.strip().str.casefold().map(lookup).astype(object)
    return found.where(found.notna(), None)
