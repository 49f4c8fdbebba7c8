"""Conflicts in a company plan: what to follow up with the departments, item by item.

Every function takes the company plan's items (``opsbook.plan.items.FIELDS`` plus ``source``,
``source_row`` and ``kpi_key``) and returns rows of :data:`COLUMNS`, one per item involved.
None of them drops an item: a conflict is listed, the plan keeps everything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from opsbook.plan.items import (
    QUARTERS,
    additive,
    id_keys,
    normalized,
    number_text,
    quarters_given,
    unit_key,
)

COLUMNS = ["code", "item_id", "department", "kpi", "source", "source_row", "field", "value",
           "expected", "other", "other_zh", "params"]
#: What a department's file says of a cell of its Plan sheet that could not be read, in a
#: field an item can do without (a budget typed "abc"): the item is kept, the cell listed.
UNREAD = ("type-error", "invalid-choice", "formula-no-value", "formula-error")
#: Conflict codes in the order the Conflicts sheet lists them.
ORDER = ("duplicate-item", "duplicate-kpi", "quarters-mismatch", "unit-not-additive",
         "outside-year", "date-order", "out-of-range", *UNREAD, "department-twice",
         "missing-department", "plan-left-out")


_EMPTY = pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})


def empty() -> pd.DataFrame:
    """No conflict: :data:`COLUMNS`, object dtype, no rows (a copy: the caller's own)."""
    return _EMPTY.copy()


def _rows(items: pd.DataFrame, mask: np.ndarray, code: str, field: str,
          value: pd.Series | None = None, expected: pd.Series | str | None = None,
          other: tuple[pd.Series, pd.Series] | None = None) -> pd.DataFrame:
    """A row of :data:`COLUMNS` per item of ``mask`` (booleans, one per item), its
    ``field`` as the value unless ``value`` is given; none (an :func:`empty` frame on the
    items' index) when no item is hit, the usual case."""
    if not np.asarray(mask).any():
        return empty().set_axis(items.index.take(np.flatnonzero(np.asarray(mask))))
    hit = items[mask]
    out = pd.DataFrame({
        "code": code, "item_id": hit["item_id"], "department": hit["department"],
        "kpi": hit["kpi"], "source": hit["source"], "source_row": hit["source_row"],
        "field": field,
        "value": hit[field] if value is None else value[mask],
        "expected": None if expected is None else (
            expected if isinstance(expected, str) else expected[mask]),
        "other": None if other is None else other[0][mask],
        "other_zh": None if other is None else other[1][mask],
    })
    return out.astype(object)


def _occurrences(items: pd.DataFrame, key: pd.Series
                 ) -> tuple[np.ndarray, tuple[pd.Series, pd.Series]]:
    """Rows whose key is shared with another item, and for each every holder, in English
    and in Chinese ("ops.xlsx: 运营部 S-02; …" / "ops.xlsx：运营部 S-02；…"); a holder that
    would read the same as another (one file, one department, one ID) is told with its row
    ("a.xlsx row 3: …" / "a.xlsx 第 3 行：…")."""
    shared = key.ne("") & key.duplicated(keep=False)
    if not shared.any():
        nothing = pd.Series(None, index=items.index, dtype=object)
        return shared.to_numpy(), (nothing, nothing)
    hit = items[shared]
    source = hit["source"].astype(str)
    who = (hit["department"].fillna("").astype(str) + " "
           + hit["item_id"].fillna("").astype(str))
    same = (source + "\x1f" + who).duplicated(keep=False).to_numpy()
    row = hit["source_row"].astype(str)
    en = source + np.where(same, " row " + row, "") + ": " + who
    zh = source + np.where(same, " 第 " + row + " 行", "") + "：" + who
    groups = key[shared]
    holders_en = en.groupby(groups).agg(lambda s: _few(s.tolist(), "; ", "; and {n} more"))
    holders_zh = zh.groupby(groups).agg(lambda s: _few(s.tolist(), "；", "；等另 {n} 处"))
    return shared.to_numpy(), (key.map(holders_en), key.map(holders_zh))


#: How many places a conflict's message names before "and N more".
FEW = 5


def _few(places: list[str], sep: str, more: str) -> str:
    """The first :data:`FEW` of ``places`` joined by ``sep``, then ``more`` with the number
    left (a plan copied 150 times names five files, not 150, in each of its issues)."""
    rest = len(places) - FEW
    return sep.join(places[:FEW]) + (more.format(n=rest) if rest > 0 else "")


def duplicate_items(items: pd.DataFrame) -> pd.DataFrame:
    """The same item_id on more than one item, in one department or across departments
    (compared as :func:`~opsbook.plan.items.id_keys` does: "a-01" is A-01; ``id_key``, when
    the items have it, holds those keys already)."""
    keys = items["id_key"] if "id_key" in items else id_keys(items["item_id"])
    mask, other = _occurrences(items, keys)
    return _rows(items, mask, "duplicate-item", "item_id", other=other)


def duplicate_kpis(items: pd.DataFrame) -> pd.DataFrame:
    """The same KPI on more than one item, after folding case, spaces and full-width forms."""
    mask, other = _occurrences(items, items["kpi_key"])
    return _rows(items, mask, "duplicate-kpi", "kpi", other=other)


def quarters_mismatch(items: pd.DataFrame, units: frozenset[str]) -> pd.DataFrame:
    """Additive items whose four quarter targets do not add up to the annual target (the
    same test as the plan's validation rule: the target and a quarter given, a blank
    quarter beside them counting as 0)."""
    quarters = items[list(QUARTERS)].to_numpy(dtype=float)
    target = items["target"].to_numpy(dtype=float)
    total = np.nansum(quarters, axis=1)
    given = quarters_given(quarters, target)
    bad = additive(items["unit"], units) & given
    bad[bad] = ~np.isclose(total[bad], target[bad], rtol=1e-9, atol=1e-6)
    expected = np.full(len(items), None, dtype=object)  # the target as read, where wrong
    expected[bad] = [number_text(t) for t in target[bad]]
    expected = pd.Series(expected, index=items.index, dtype=object)
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
    """Departments claimed by more than one file; ``claims`` has department, source and
    source_row (the first Plan row of a department its items claim; None for a claim of
    the file's Settings)."""
    key = normalized(claims["department"])
    files = claims.groupby(key)["source"].transform("nunique")
    hit = claims[(files > 1).to_numpy() & key.ne("").to_numpy()]
    if hit.empty:  # the usual case: each department sent once
        return empty().set_axis(hit.index)
    grouped = hit.groupby(normalized(hit["department"]))["source"]
    en = grouped.agg(lambda s: "; ".join(sorted(set(s))))
    zh = grouped.agg(lambda s: "；".join(sorted(set(s))))
    keys = normalized(hit["department"])
    return pd.DataFrame({
        "code": "department-twice", "item_id": None, "department": hit["department"],
        "kpi": None, "source": hit["source"], "source_row": hit["source_row"],
        "field": "department", "value": hit["department"], "expected": None,
        "other": keys.map(en), "other_zh": keys.map(zh),
    }, columns=COLUMNS).astype(object)


def units_not_additive(items: pd.DataFrame, declared: Mapping[str, frozenset[str]],
                       units: frozenset[str]) -> pd.DataFrame:
    """Units a file's items use that its own ``additive_units`` leave out (a level, such as
    an average response time in 小时) while the company plan sums them, another file
    declaring them additive (``declared``: source → its additive units; ``units``: the
    company's). One row per file and unit, at its Settings, naming the files that declare
    it: the company plan adds up and checks the quarters of what this file meant as a
    level."""
    if items.empty or not declared or all(units <= own for own in declared.values()):
        return empty()  # every file declares every unit the company sums (the usual case)
    key_of = {u: unit_key(u) for u in pd.unique(items["unit"]) if isinstance(u, str)}
    # per file, in one pass: its first item's department; each unit key as first met, with
    # the unit as last typed
    departments: dict[str, Any] = {}
    typed_as: dict[str, dict[str, Any]] = {}
    for source, unit, department in zip(items["source"].tolist(), items["unit"].tolist(),
                                        items["department"].tolist()):
        if source in declared:
            departments.setdefault(source, department)
            typed_as.setdefault(source, {})[key_of.get(unit, "")] = unit
    rows = []
    for source, own in sorted(declared.items()):
        for key, typed in typed_as.get(source, {}).items():
            if not key or key in own or key not in units:
                continue
            others = sorted(s for s, theirs in declared.items() if key in theirs)
            rows.append({"code": "unit-not-additive", "item_id": None,
                         "department": departments[source], "kpi": None,
                         "source": source, "source_row": None, "field": "additive_units",
                         "value": str(typed).strip(), "expected": None,
                         "other": ", ".join(others), "other_zh": "、".join(others)})
    return pd.DataFrame(rows, columns=COLUMNS).astype(object) if rows else empty()


def wrong_years(plans: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """Department plans whose ``year`` setting is not the plan year (``plans`` has source,
    department and year): told at that setting, whatever their dates say."""
    if year is None or plans.empty:
        return empty()
    years = pd.to_numeric(plans["year"], errors="coerce")
    hit = plans[(years.notna() & years.ne(year)).to_numpy()]
    if hit.empty:  # the usual case: every plan of the plan year
        return empty().set_axis(hit.index)
    return pd.DataFrame({
        "code": "outside-year", "item_id": None, "department": hit["department"],
        "kpi": None, "source": hit["source"], "source_row": None, "field": "year",
        "value": hit["year"], "expected": str(year), "other": None, "other_zh": None,
    }, columns=COLUMNS).astype(object)


def missing_departments(expected: Sequence[str], present: pd.Series,
                        left_out: Mapping[str, Sequence[str]] | None = None,
                        claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Departments expected (``--departments``) that sent no item (``present``: the items'
    departments): one whose plan was left out (``left_out``: department → files) is told
    with its files, and so is one whose files claim it (``claims``: department and source
    of each claim) but hold no item, an empty plan."""
    if not len(expected):
        return empty()
    wanted = pd.Series(list(expected), dtype=object)
    gone = wanted[~normalized(wanted).isin(set(normalized(present)))]
    files = dict(zip(normalized(pd.Series(list(left_out or {}), dtype=object)),
                     (left_out or {}).values()))
    empty_plans: dict[str, list[str]] = {}
    if claims is not None and not claims.empty:
        for key, source in zip(normalized(claims["department"]), claims["source"]):
            empty_plans.setdefault(key, []).append(source)
    other, other_zh = [], []
    for key in normalized(gone):
        sent, held = files.get(key), empty_plans.get(key)
        other.append(f" that could be read ({', '.join(sent)}: left out)" if sent else
                     f" with items ({', '.join(held)} held none)" if held else None)
        other_zh.append(f"（{'、'.join(sent)} 无法作为计划读取，未纳入）" if sent else
                        f"（{'、'.join(held)} 中没有计划项）" if held else None)
    return pd.DataFrame({
        "code": "missing-department", "item_id": None, "department": gone, "kpi": None,
        "source": None, "source_row": None, "field": "department", "value": gone,
        "expected": None,
        "other": pd.Series(other, index=gone.index, dtype=object),
        "other_zh": pd.Series(other_zh, index=gone.index, dtype=object),
    }, columns=COLUMNS).astype(object)


def unread_values(items: pd.DataFrame, unread: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """A row per cell a department's file could not read (``unread``: by source file, the
    Issues its reading said, each of :data:`UNREAD`, at its spreadsheet row and field) of an
    item kept in the company plan: the value as typed, and the Issue's params, so that the
    company plan says what its reading said and the cell is not silently blank."""
    at = {(source, row): n for n, (source, row)
          in enumerate(zip(items["source"], items["source_row"]))}
    rows = []
    for source, issues in unread.items():
        for issue in issues:
            n = at.get((source, issue.row))
            if n is None:
                continue
            item = items.iloc[n]
            rows.append({"code": issue.code, "item_id": item["item_id"],
                         "department": item["department"], "kpi": item["kpi"],
                         "source": source, "source_row": issue.row, "field": issue.field,
                         "value": issue.value, "params": dict(issue.params)})
    return pd.DataFrame(rows, columns=COLUMNS).astype(object) if rows else empty()


def left_out_files(files: Sequence[tuple[str, ...]]) -> pd.DataFrame:
    """A row per file that was sent but left out (``files``: its name and why, in English
    and in Chinese, and the departments it is for, "" when it does not say), so that the
    company plan itself says which plans it lacks, and whose, not only the run that made
    it."""
    if not len(files):
        return empty()
    rows = sorted(set(files))
    return pd.DataFrame({
        "code": "plan-left-out", "item_id": None,
        "department": [r[3] if len(r) > 3 and r[3] else None for r in rows], "kpi": None,
        "source": [r[0] for r in rows], "source_row": None, "field": None, "value": None,
        "expected": None, "other": [r[1] for r in rows], "other_zh": [r[2] for r in rows],
    }, columns=COLUMNS).astype(object)
