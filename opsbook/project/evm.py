"""Earned value: planned value over working days, the indices, the three EACs and RAG.

Formulas as in the PMBOK Guide (PMI), "Control Costs", and the PMI Practice Standard for
Earned Value Management:

    SV = EV − PV          CV = EV − AC          SPI = EV / PV          CPI = EV / AC
    EAC = BAC / CPI  |  AC + (BAC − EV)  |  AC + (BAC − EV) / (CPI × SPI)
    ETC = EAC − AC        VAC = BAC − EAC       TCPI = (BAC − EV) / (BAC − AC)

Every function takes and returns whole columns (numpy arrays or pandas Series); a figure
with no basis (a division by zero) is NaN here, and a note code says why (see ``NOTES``).
Figures are kept to nine decimals (``PLACES``), so that an index exactly on a threshold is
on it, not a rounding error below it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Why a figure is blank, by note code.
NOTES = ("no-pv", "no-ac", "no-ev", "budget-spent", "no-rag", "no-pct", "no-pct-done", "no-cost",
         "zero-cost", "no-bac", "no-dates", "no-tasks", "budget-differs", "no-forecast")

RAG = ("green", "amber", "red")


#: Decimals a figure is kept to: what binary arithmetic leaves beyond them is noise
#: (750 / 833.333… gives 0.8999999999999999, an SPI of exactly 0.9 read as below 0.9).
PLACES = 9


def exact(values: np.ndarray) -> np.ndarray:
    """``values`` to :data:`PLACES` decimals, with no negative zero."""
    return np.round(np.asarray(values, dtype=float), PLACES) + 0.0


def ratio(numerator: np.ndarray | pd.Series, denominator: np.ndarray | pd.Series) -> np.ndarray:
    """numerator / denominator where the denominator is above 0 and the quotient finite, else
    NaN (never inf)."""
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    with np.errstate(over="ignore"):
        np.divide(num, den, out=out, where=den > 0)
    out[~np.isfinite(out)] = np.nan
    return out


def planned_value(cost: pd.Series, start: pd.Series, finish: pd.Series, status: pd.Series,
                  weekmask: pd.Series) -> np.ndarray:
    """PV: the planned cost spread evenly over the working days from start to finish.

    All four date columns are whole days; the status date counts as elapsed (PV as of the
    end of that day). ``weekmask`` is seven 0/1 characters (Monday first) per row. A window
    with no working day in it falls due in full on its planned finish. Rows without planned
    dates give NaN. Shapes: all inputs of the same length, the result a float array.
    """
    cost = np.nan_to_num(np.asarray(cost, dtype=float))
    out = np.full(len(cost), np.nan)
    start_d = np.asarray(start, dtype="datetime64[D]")
    finish_d = np.asarray(finish, dtype="datetime64[D]")
    status_d = np.asarray(status, dtype="datetime64[D]")
    masks = np.asarray(weekmask, dtype=object)
    known = ~(np.isnat(start_d) | np.isnat(finish_d) | np.isnat(status_d))
    for mask in pd.unique(masks[known]):
        rows = known & (masks == mask)
        s, f, d = start_d[rows], finish_d[rows], status_d[rows]
        total = np.busday_count(s, f + 1, weekmask=mask)
        upto = np.minimum(d, f) + 1
        elapsed = np.clip(np.busday_count(s, np.maximum(upto, s), weekmask=mask), 0, None)
        share = np.where(total > 0, elapsed / np.maximum(total, 1), (d >= f).astype(float))
        out[rows] = cost[rows] * share
    return out


def figures(bac: np.ndarray | pd.Series, pv: np.ndarray | pd.Series,
            ev: np.ndarray | pd.Series, ac: np.ndarray | pd.Series,
            method: np.ndarray | pd.Series | str = "cpi") -> pd.DataFrame:
    """SV, CV, SPI, CPI, the three EACs, EAC as chosen by ``method``, ETC, VAC and TCPI.

    ``method`` is ``cpi``, ``remaining`` or ``cpi_spi`` (per row or one for all). Indices
    with no basis are NaN: SPI when PV = 0, CPI when AC = 0, an EAC needing an index that
    is blank or 0, TCPI when BAC − AC ≤ 0 (the budget is spent).
    """
    bac, pv, ev, ac = (np.asarray(x, dtype=float) for x in (bac, pv, ev, ac))
    spi, cpi = ratio(ev, pv), ratio(ev, ac)  # the EACs divide by these, unrounded
    forms = eac_forms(bac, ac, ev, cpi, spi)
    method = np.broadcast_to(np.asarray(method, dtype=object), bac.shape)
    eac = np.select([method == "remaining", method == "cpi_spi"],
                    [forms["eac_remaining"], forms["eac_cpi_spi"]], forms["eac_cpi"])
    return pd.DataFrame({
        "sv": exact(ev - pv), "cv": exact(ev - ac), "spi": exact(spi), "cpi": exact(cpi),
        **{name: exact(form) for name, form in forms.items()}, "eac": exact(eac),
        "etc": exact(eac - ac), "vac": exact(bac - eac),
        "tcpi": exact(ratio(bac - ev, bac - ac)),
    })


def eac_forms(bac: np.ndarray, ac: np.ndarray, ev: np.ndarray, cpi: np.ndarray,
              spi: np.ndarray) -> dict[str, np.ndarray]:
    """The three estimates at completion; NaN where the index they divide by is blank or 0."""
    bac, ac, ev, cpi, spi = (np.asarray(x, dtype=float) for x in (bac, ac, ev, cpi, spi))
    return {"eac_cpi": ratio(bac, cpi), "eac_remaining": ac + (bac - ev),
            "eac_cpi_spi": ac + ratio(bac - ev, cpi * spi)}


def rag(spi: np.ndarray | pd.Series, cpi: np.ndarray | pd.Series,
        spi_green: np.ndarray | pd.Series | float, spi_amber: np.ndarray | pd.Series | float,
        cpi_green: np.ndarray | pd.Series | float, cpi_amber: np.ndarray | pd.Series | float,
        ) -> np.ndarray:
    """``red`` when either index is below its amber threshold, ``green`` when every index
    with a basis is at or above its green threshold, else ``amber``; ``""`` when neither
    index has a basis. A blank index is left out, never counted as 0."""
    spi, cpi = np.asarray(spi, dtype=float), np.asarray(cpi, dtype=float)
    spi_known, cpi_known = ~np.isnan(spi), ~np.isnan(cpi)
    with np.errstate(invalid="ignore"):
        red = (spi_known & (spi < spi_amber)) | (cpi_known & (cpi < cpi_amber))
        green = ((~spi_known | (spi >= spi_green)) & (~cpi_known | (cpi >= cpi_green)))
    out = np.where(red, "red", np.where(green, "green", "amber")).astype(object)
    out[~spi_known & ~cpi_known] = ""
    return out


def note_codes(frame: pd.DataFrame) -> pd.Series:
    """The blank-figure note codes of rows with pv, ev, ac, bac, spi, cpi columns, joined by
    spaces (``"no-pv no-ac"``); the output layer turns them into sentences."""
    checks = {
        "no-pv": frame["spi"].isna(),
        "no-ac": frame["cpi"].isna(),
        "no-ev": frame["cpi"].eq(0) | frame["spi"].eq(0),
        "budget-spent": frame["tcpi"].isna(),
        "no-rag": frame["rag"].eq(""),
    }
    return join_codes(checks, frame.index)


def join_codes(checks: dict[str, pd.Series], index: pd.Index) -> pd.Series:
    """Space-joined codes of the checks that hold, per row (vectorised string sums)."""
    out = pd.Series("", index=index, dtype=object)
    for code, mask in checks.items():
        out = out + np.where(np.asarray(mask, dtype=bool), code + " ", "")
    return out.str.strip()
