"""How many decimals a total is shown with: enough that none looks to be on the other side of
a grade's minimum from where it is (89.995, graded A under an S from 90, is shown 89.995, not
90.00 beside its A)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

#: The most decimals a total is shown with (totals are kept to nine).
MOST_PLACES = 6


def _as_shown(value: float, places: int) -> Decimal:
    """``value`` rounded as a spreadsheet shows it: half away from zero, from the decimal the
    number is written as (89.995 shows as 90.00, though its binary value is a hair below)."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def total_places(totals: Iterable[object], minimums: Iterable[float], places: int = 2) -> int:
    """The fewest decimals, from ``places`` up to :data:`MOST_PLACES`, at which every total
    (a number, blank or text: only numbers count) is shown on the side of each grade minimum
    it is on — none rounded up onto a band it falls short of, none down below one it reaches."""
    values = pd.to_numeric(pd.Series(list(totals), dtype=object), errors="coerce")
    values = values.dropna().to_numpy(dtype=float)
    need = places
    for edge in (float(m) for m in minimums):
        line = Decimal(repr(edge))
        for value in values[np.abs(values - edge) < 10.0 ** -places].tolist():
            while need < MOST_PLACES and (_as_shown(value, need) >= line) != (value >= edge):
                need += 1
    return need


def total_format(totals: Iterable[object], minimums: Iterable[float]) -> str:
    """The number format of a column of totals: ``0.00``, or ``0.000`` and so on where two
    decimals would show a total on the wrong side of a grade's minimum (see
    :func:`total_places`)."""
    return "0." + "0" * total_places(totals, minimums)
