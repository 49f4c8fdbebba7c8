"""Plan items as frames: the field order, defaults, additive units and normalised KPI text."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd

from opsbook.core.parse import folded

QUARTERS = ("q1", "q2", "q3", "q4")
#: The fields of a Plan row, in the order of the standard workbook.
FIELDS = ("item_id", "department", "objective", "kpi", "unit", "direction", "target",
          *QUARTERS, "budget", "owner", "start", "end", "priority")
NUMBERS = ("target", *QUARTERS, "budget")
TEXTS = ("item_id", "department", "objective", "kpi", "unit", "owner")
DEFAULTS = {"direction": "up", "priority": "medium"}


def start_year(plans: Iterable[pd.DataFrame]) -> int | None:
    """The year most items of ``plans`` (Plan frames) start in, the earliest on a tie: a
    plan's year when no ``year`` setting gives it. None when no item has a start date."""
    starts = [pd.to_datetime(p["start"], errors="coerce") for p in plans if "start" in p]
    found = pd.concat(starts).dropna() if starts else pd.Series(dtype="datetime64[ns]")
    return int(found.dt.year.mode().min()) if not found.empty else None


def items_frame(plan: pd.DataFrame) -> pd.DataFrame:
    """The plan fields of a Plan frame, typed: numbers as float, dates as datetime64, text
    stripped (``None`` where blank), blank choices at their defaults. Extra columns dropped;
    a missing field comes back empty. The index is kept."""
    out = pd.DataFrame(index=plan.index)
    for name in FIELDS:
        column = plan[name] if name in plan.columns else pd.Series(None, index=plan.index,
                                                                   dtype=object)
        if name in NUMBERS:
            out[name] = pd.to_numeric(column, errors="coerce").astype(float)
        elif name in ("start", "end"):
            out[name] = pd.to_datetime(column, errors="coerce").astype("datetime64[ns]")
        else:
            text = stripped(column)
            out[name] = text.fillna(DEFAULTS[name]) if name in DEFAULTS else text
    return out


def number_text(value: float) -> str:
    """A number as a person reads it: every digit a spreadsheet keeps (15 significant), no
    trailing zeros, and no exponent from 0.0001 up to 1e15 (1234567.5, not 1.23457e+06)."""
    return f"{value:.15g}"


def quarters_given(quarters: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Items whose quarters are to add up to the annual target: the target and at least one
    quarter given. A blank quarter beside quarters given is a quarter planned at 0 (Q1–Q3
    filled and Q4 left blank do not add up to a larger target); four blank quarters are no
    quarterly plan."""
    quarters = np.asarray(quarters, dtype=float)
    return ~np.isnan(quarters).all(axis=1) & ~np.isnan(np.asarray(target, dtype=float))


def per_value(column: pd.Series, function: Callable[[Any], Any]) -> pd.Series:
    """``function`` applied once per distinct non-blank value (plan columns repeat a lot);
    blanks stay None."""
    codes, uniques = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=True)
    mapped = np.array([function(v) for v in uniques] + [None], dtype=object)
    return pd.Series(mapped[codes], index=column.index, dtype=object)


def stripped(column: pd.Series) -> pd.Series:
    """Text cells as plan text: each distinct value as text (``str``), stripped; None where
    blank (None, NaN, only spaces). Same index, object dtype."""
    codes, uniques = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=True)
    texts = [(v if type(v) is str else str(v)).strip() or None for v in uniques.tolist()]
    return pd.Series(np.array([*texts, None], dtype=object)[codes], index=column.index,
                     dtype=object)


#: What separates the units of the ``additive_units`` setting: commas (also full-width),
#: the Chinese enumeration comma and semicolons ("元、万元、件" is three units).
UNIT_SEPARATORS = re.compile(r"[,，、;；]")


def unit_key(unit: Any) -> str:
    """A unit as units are compared, as names are (:func:`~opsbook.core.parse.folded`):
    full-width folded (NFKC), no spaces of any kind nor invisible characters, case folded
    ("万 元" and "万元", "Man Hours" and "manhours" are one unit)."""
    return folded(unit)


def unit_set(text: str | Iterable[str]) -> frozenset[str]:
    """Additive units from a setting ("元,万元,件", "元、万元、件") or an iterable, as
    :func:`unit_key` gives them."""
    if isinstance(text, str):
        return _units_of(text)
    return frozenset(unit_key(u) for u in text if u and u.strip())


@functools.lru_cache(maxsize=256)  # 200 plans declare the same few settings
def _units_of(text: str) -> frozenset[str]:
    return frozenset(unit_key(u) for u in UNIT_SEPARATORS.split(text) if u and u.strip())


def additive(units: pd.Series, additive_units: frozenset[str]) -> np.ndarray:
    """True where an item's unit is additive (its quarters add up to the annual target)."""
    codes, uniques = pd.factorize(units.to_numpy(dtype=object), use_na_sentinel=True)
    known = np.array([unit_key(u) in additive_units for u in uniques] + [False])
    return known[codes]


def normalized(text: pd.Series) -> pd.Series:
    """Text compared the way people mean it: full-width folded (NFKC), case folded, no spaces.

    "ＫＰＩ 销售额", "kpi销售额" and "KPI  销售额" all give "kpi销售额".
    """
    return per_value(text, _key).fillna("")


def id_keys(ids: pd.Series) -> pd.Series:
    """Item IDs as they are matched (consolidation, diff, status, tracking), the way KPIs
    and departments are: full-width folded, case folded, no spaces ("a-01", "A-01" and
    "Ａ－01" are one ID). Blanks give "". An ID is always shown as it was typed."""
    return normalized(ids)


@functools.lru_cache(maxsize=1 << 16)  # the same IDs are matched by several rules of a run
def _key(value: Any) -> str:
    """One text as :func:`normalized` compares it."""
    return folded(value)

