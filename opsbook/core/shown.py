"""Figures as a spreadsheet shows them, and the decimals that keep a figure on its side of a
threshold: one mechanism for every kind (a project's SPI beside its RAG limits, an
appraisal total beside a grade's minimum)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

#: The most decimals a figure is shown with to keep it off a threshold it misses.
MOST_DECIMALS = 6


def half_up(value: float, digits: int = 2, *, scale: int = 1) -> Decimal:
    """``value`` × ``scale`` rounded to ``digits`` decimals as a spreadsheet shows it: a half
    away from zero, from the number's 15 significant digits, the most Excel and LibreOffice
    show (0.625 is 0.63, 89.995 is 90.00 and 0.145 is 14.5 %, 15 %, where Python's own
    formatting of the binary value says 0.62, 89.99 and 14 %; 0.3 / 0.8, 0.37499999999999994
    in binary, is 0.375 and 38 %, as Excel shows it); never −0."""
    exact = Decimal(f"{float(value):.15g}") * scale
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP) + 0


def decimals(values: Iterable[object], limits: Iterable[float], digits: int,
             scale: int = 1) -> int:
    """The fewest decimals, from ``digits`` up to :data:`MOST_DECIMALS`, at which every
    number among ``values`` (blanks and text are passed over) is shown, × ``scale`` (100
    for a percentage), on the side of each limit it is on: none rounded up onto a limit it
    falls short of (an SPI of 0.8999 is no "0.90" beside its red; a total of 89.995 no
    "90.00" beside the A it has under an S from 90), nor down below one it reaches (0.9544
    is no "0.95" beside a red below 0.954)."""
    v = pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce")
    v = v.dropna().to_numpy(dtype=float)
    need = digits
    for limit in (float(x) for x in limits):
        edge = Decimal(repr(limit)) * scale
        for value in v[np.abs(v - limit) <= 10.0 ** -digits / scale].tolist():
            d = digits
            while d < MOST_DECIMALS and (half_up(value, d, scale=scale) < edge) != (value < limit):
                d += 1
            need = max(need, d)
    return need
