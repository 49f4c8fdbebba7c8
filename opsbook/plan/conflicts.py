"""Conflicts in a company plan: what to follow up with the departments, item by item.

Every function takes the company plan's items (``opsbook.plan.items.FIELDS`` plus ``source``,
``source_row`` and ``kpi_key``) and returns rows of :data:`COLUMNS`, one per item involved.
None of them drops an item: a conflict is listed, the plan keeps everything.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from opsbook.plan.items import QUARTERS, additive, normalized

COLUMNS = ["code", "item_id", "department", "kpi", "source", "source_row", "field", "value",
           "expected", "other"]
#: Conflict codes in the order the Conflicts sheet lists them.
ORDER = ("duplicate-item", "duplicate-kpi", "quarters-mismatch", "outside-year", "date-order",
         "out-of-range", "department-twice", "missing-department")


def empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})


def _rows(items: pd.DataFrame, mask: np.ndarray, code: str, field: str,
          value: pd.Series | None = None, expected: pd.Series | str | None = None,
          other: pd.Series | None = None) -> pd.DataFrame:
    hit = items[mask]
    out = pd.DataFrame({
        "code": code, "item_id": hit["item_id"], "department": hit["department"],
        "kpi": hit["kpi"], "source": hit["source"], "source_row": hit["source_row"],
        "field": field,
        "value": hit[field] if value is None else value[mask],
        "expected": None if expected is None else (
            expected if isinstance(expected, str) else expected[mask]),
        "other": None if other is None else other[mask],
    })
    return out.astype(object)


def _occurrences(items: pd.DataFrame, key: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Rows whose key is shared with another item, and for each the list of all holders."""
    shared = key.ne("") & key.duplicated(keep=False)
    place = (items["source"].astype(str) + ": " + items["department"].fillna("").astype(str)
             + " " + items["item_id"].fillna("").astype(str))
    holders = place[shared].groupby(key[shared]).agg("; ".join)
    return shared.to_numpy(), key.map(holders)


def duplicate_items(items: pd.DataFrame) -> pd.DataFrame:
    """The same item_id on more than one item, in one department or across departments."""
    mask, other = _occurrences(items, items["item_id"].fillna("").astype(str))
    return _rows(items, mask, "duplicate-item", "item_id", other=other)


def duplicate_kpis(items: pd.DataFrame) -> pd.DataFrame:
    """The same KPI on more than one item, after folding case, spaces and full-width forms."""
    mask, other = _occurrences(items, items["kpi_key"])
    return _rows(items, mask, "duplicate-kpi", "kpi", other=other)


def quarters_mismatch(items: pd.DataFrame, units: frozenset[str]) -> pd.DataFrame:
    """Additive items whose four quarter targets do not add up to the annual target (the
    same test as the plan's validation rule: all four quarters and the target given)."""
    quarters = items[list(QUARTERS)].to_numpy(dtype=float)
    target = items["target"].to_numpy(dtype=float)
    total = quarters.sum(axis=1)
    given = ~np.isnan(quarters).any(axis=1) & ~np.isnan(target)
    bad = additive(items["unit"], units) & given
    bad[bad] = ~np.isclose(total[bad], target[bad], rtol=1e-9, atol=1e-6)
    expected = pd.Series([f"{t:g}" for t in target], index=items.index, dtype=object)
    return _rows(items, bad, "quarters-mismatch", "q4",
                 value=pd.Series(np.round(total, 6), index=items.index), expected=expected)


def outside_year(items: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """Start or end dates in another year than the plan's."""
    if year is None:
        return empty()
    parts = []
    for column in ("start", "end"):
        dates = items[column]
        bad = (dates.notna() & dates.dt.year.ne(year)).to_numpy()
        parts.append(_rows(items, bad, "outside-year", column, expected=str(year)))
    return pd.concat(parts)


def date_order(items: pd.DataFrame) -> pd.DataFrame:
    """An end date before the start date."""
    bad = (items["end"] < items["start"]).fillna(False).to_numpy(dtype=bool)
    return _rows(items, bad, "date-order", "end")


def negative_budget(items: pd.DataFrame) -> pd.DataFrame:
    bad = (items["budget"] < 0).to_numpy()
    return _rows(items, bad, "out-of-range", "budget", expected="at least 0")


def departments_twice(claims: pd.DataFrame) -> pd.DataFrame:
    """Departments claimed by more than one file; ``claims`` has department and source."""
    key = normalized(claims["department"])
    files = claims.groupby(key)["source"].transform("nunique")
    hit = claims[(files > 1).to_numpy() & key.ne("").to_numpy()]
    others = hit.groupby(normalized(hit["department"]))["source"].agg(
        lambda s: "; ".join(sorted(set(s))))
    return pd.DataFrame({
        "code": "department-twice", "item_id": None, "department": hit["department"],
        "kpi": None, "source": hit["source"], "source_row": None, "field": "department",
        "value": hit["department"], "expected": None,
        "other": normalized(hit["department"]).map(others),
    }, columns=COLUMNS).astype(object)


def missing_departments(expected: Sequence[str], present: pd.Series) -> pd.DataFrame:
    """Departments expected (``--departments``) that sent no item and claimed no file."""
    if not len(expected):
        return empty()
    wanted = pd.Series(list(expected), dtype=object)
    gone = wanted[~normalized(wanted).isin(set(normalized(present)))]
    return pd.DataFrame({
        "code": "missing-department", "item_id": None, "department": gone, "kpi": None,
        "source": None, "source_row": None, "field": "department", "value": gone,
        "expected": None, "other": None,
    }, columns=COLUMNS).astype(object)
