"""A date-time typed with a time zone (``2026-11-03T09:00:00Z``, ``…+08:00``), as databases
and web services export them: a cell holds no time zone, and which local day and hour the
text means depends on one, so it is refused with words saying so (never read as if the
zone were not there, which can put an event on another day)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from opsbook.core.cellvalues import Column, Problem
from opsbook.core.parse import clean_text

_ZONED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}[Tt ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*"
                    r"(?:[Zz]|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?)")
#: What to do, after the type-error sentence (English, Chinese).
ZONE_HINT = (" It has a time zone (Z, +08:00), which a cell does not keep: write the local "
             "date and time, such as 2026-11-03 09:00.",
             "其中带有时区（Z、+08:00），单元格不记录时区：请填写当地的日期和时间，"
             "如 2026-11-03 09:00。")


def is_zoned(value: object) -> bool:
    """True for text that is a date-time with a time zone."""
    return type(value) is str and _ZONED.fullmatch(clean_text(value)) is not None


def zoned_apart(col: Column, raw: pd.Series) -> None:
    """The type errors of ``col`` that are date-times with a time zone, as a type error of
    their own whose message says so (:data:`ZONE_HINT`); the others as they were."""
    errors = [p for p in col.problems if p.code == "type-error" and not p.params]
    if not errors:
        return
    values = raw.to_numpy(dtype=object)
    zoned = np.array([is_zoned(values[pos]) for pos in errors[0].positions], dtype=bool)
    if not zoned.any():
        return
    col.problems.remove(errors[0])
    if (~zoned).any():
        col.problems.append(Problem("type-error", "error", errors[0].positions[~zoned]))
    col.problems.append(Problem("type-error", "error", errors[0].positions[zoned],
                                {"hint": ZONE_HINT[0], "hint_zh": ZONE_HINT[1]}))
