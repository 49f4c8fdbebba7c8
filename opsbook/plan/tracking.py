"""Tracking: actuals by month against targets to date, per item, department and company.

Monthly targets come from the quarterly ones, spread evenly over the quarter's months: an
additive item (amounts, counts) gets a third of its quarter target each month (an item that
starts or ends within the quarter: an equal share in each of the quarter's months it runs in)
and is measured on sums; any other item (a rate, a level such as 92 % or 5 days) gets its quarter's
level each month and is measured on means, over the months it runs in (Start to End: a
reading before it starts is not measured) and has actuals for. An item
without quarterly targets uses its annual target (when additive, spread evenly over the
months of the plan year it runs in, from its start to its end: a twelfth a month all year);
an additive item with some quarters given plans 0 in a blank one.

Completion per item = actual to date ÷ target to date; for a ``down`` KPI (lower is better)
it is target ÷ actual; a target to date below 0 is not measured. A target to date of 0 is
met (1.0) when the actual is no worse (up: ≥ 0, down: ≤ 0) and missed (0.0) otherwise; a
``down`` actual of 0 against a positive target is met (1.0). An additive ``down`` item (a
cost) is measured over the months it has actuals for, its target to date theirs (a month
not reported is no proof of a low cost). An additive ``up`` item with no
actual reported to date has done nothing yet (0, behind) when other items have actuals to
date, unless it has not started by then (its Start after the as-of month: not measured
yet, not 100 % of the nothing due); a ``down`` item with none cannot be measured (nothing
reported is no proof of a low cost or of no incident), nor can a level, nor any item when
no actual to date was reported at all.

A department's and the company's completion is the mean of their items' completion, each
item counted between 0 and 1.0 so that one item far ahead does not hide another behind,
nor one below nothing (a negative actual) sink the others;
department names that differ only in case, spaces or full-width forms are one department.
An item is behind when its completion is below ``behind_threshold``. Months are the plan
year's, up to and including the month of ``as_of``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from opsbook.core.issues import Issue
from opsbook.core.spelling import one_spelling
from opsbook.plan.items import (
    QUARTERS,
    additive,
    id_keys,
    items_frame,
    normalized,
)
from opsbook.plan.totals import active_months

ITEM_COLUMNS = ["item_id", "department", "kpi", "unit", "direction", "months",
                "target_to_date", "actual_to_date", "completion", "behind"]
DEPARTMENT_COLUMNS = ["department", "items", "measured", "behind", "completion"]


@dataclass
class Tracking:
    """Tracking as of a date. ``items`` rows of :data:`ITEM_COLUMNS` in plan order (months:
    months with an actual; completion NaN where nothing can be measured yet); ``departments``
    rows of :data:`DEPARTMENT_COLUMNS`; ``company`` the company's completion (NaN when
    nothing was measured); ``monthly`` item × month targets and actuals (long form)."""

    as_of: dt.date
    year: int
    items: pd.DataFrame
    departments: pd.DataFrame
    company: float
    behind: pd.DataFrame
    monthly: pd.DataFrame
    threshold: float
    issues: list[Issue] = field(default_factory=list)


def monthly_targets(items: pd.DataFrame, units: frozenset[str],
                    year: int | None = None) -> np.ndarray:
    """(items, 12) monthly targets: quarter targets spread evenly (additive: over the
    quarter's months the item runs in, from its start to its end, a third each when it runs
    all the quarter or in none of its months; others: the quarter's level each month); the
    annual target where quarters are blank,
    except that an additive item with some quarters given plans nothing in a blank one (as
    its quarters are added up: Q2 and Q3 only is no target in Q1). An additive item with
    the annual target alone spreads it evenly over the months of ``year`` it runs in (its
    start and end, as By Quarter spreads its budget: a store opening from July has nothing
    due in June); with no ``year``, or no month of its dates in it, over all twelve."""
    quarters = items[list(QUARTERS)].to_numpy(dtype=float)
    target = items["target"].to_numpy(dtype=float)
    add = additive(items["unit"], units)
    partly = add & ~np.isnan(quarters).all(axis=1)
    quarters = np.where(partly[:, None], np.nan_to_num(quarters), quarters)
    active = active_months(items, year)
    # an additive quarter is due over the months of it the item runs in (a store opening on
    # 1 May owes its Q2 in May and June), evenly over all three when it runs in none of them
    running = active.reshape(len(items), 4, 3)
    months = running.sum(axis=2, keepdims=True)
    share = np.where(months > 0, running / np.maximum(months, 1), 1 / 3)
    spread = np.where(add[:, None], (quarters[:, :, None] * share).reshape(len(items), 12),
                      np.repeat(quarters, 3, axis=1))
    annual = np.where(add[:, None], active * (target / active.sum(axis=1))[:, None],
                      target[:, None])
    return np.where(np.isnan(spread), annual, spread)


def completion(actual: np.ndarray, target: np.ndarray, down: np.ndarray) -> np.ndarray:
    """Completion as documented above; NaN where the actual or the target is unknown, and
    where the target is below 0 (a loss planned as a negative profit): no share of it
    means anything (against -100, -50 would read as 50 % done, though the loss is half the
    one planned), so it is not measured rather than measured wrong."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(down, target / actual, actual / target)
    met_zero = np.where(down, actual <= 0, actual >= 0).astype(float)
    ratio = np.where(target == 0, met_zero, ratio)
    ratio = np.where(down & (actual <= 0) & (target > 0), 1.0, ratio)
    ratio[np.isnan(actual) | np.isnan(target) | (target < 0)] = np.nan
    return ratio


def track(plan: pd.DataFrame, actuals: pd.DataFrame, *, year: int, as_of: dt.date,
          additive_units: frozenset[str], behind_threshold: float = 0.9,
          departments: Sequence[str] = ()) -> Tracking:
    """Tracking of ``plan`` (a Plan frame) with ``actuals`` (item_id, month "YYYY-MM",
    actual; optional ``source``, ``department`` as :func:`item_positions` takes it, and the
    spreadsheet row as index) as of ``as_of``.

    Actuals for items not in the plan, outside the plan year or given twice for a month are
    reported (the last one of a month counts); actuals after ``as_of`` are not counted.
    """
    items = items_frame(plan).reset_index(drop=True)
    items["department"] = one_spelling(items["department"])  # "Sales", "SALES": one department
    months_to_date = 0 if as_of.year < year else 12 if as_of.year > year else as_of.month
    monthly = monthly_targets(items, additive_units, year)
    actual, issues = _actual_matrix(items, actuals, year)
    add = additive(items["unit"], additive_units)
    down = items["direction"].eq("down").to_numpy()

    window = np.arange(12) < months_to_date
    # a rate's or level's reading counts in a month the item runs in (Start to End): a
    # satisfaction of 90 % planned from April is not measured on a reading of March
    running = active_months(items, year)
    has = ~np.isnan(actual) & window & (add[:, None] | running)
    counted = has.sum(axis=1)
    # a down additive item (a cost) is due over the months it reported: a month not
    # reported is no proof of a low cost, and summed as 0 it would read as money saved
    # (250 spent in January, February and March not yet entered, is no 240 % of 600)
    due = np.where((add & down & (counted > 0))[:, None], has, window)
    add_target = np.where(due, np.nan_to_num(monthly), 0.0).sum(axis=1)
    add_target[np.isnan(monthly[:, :months_to_date]).all(axis=1)] = np.nan
    add_actual = np.where(has, actual, 0.0).sum(axis=1)
    level_target = _mean(np.where(has, monthly, np.nan))
    level_actual = _mean(np.where(has, actual, np.nan))
    target_to_date = np.where(add, add_target, level_target)
    actual_to_date = np.where(add, add_actual, level_actual)
    # an additive item with nothing reported while others report has done nothing yet (0:
    # behind, to be chased); a level cannot be measured, nor can a down item (costs,
    # incidents): nothing reported is no proof of a low figure, and would read as met; and
    # with no actual to date anywhere nothing is measured (not every item behind)
    nothing = add & (counted == 0)
    # an item not started by then (its Start after the as-of month) and with nothing
    # reported is not measured yet: a store opening in July is not 100 % done in June
    started = (running & window).any(axis=1)
    actual_to_date = np.where(nothing, np.where(~down & started & has.any(), 0.0, np.nan),
                              actual_to_date)
    if months_to_date == 0:
        target_to_date[:] = np.nan
    # kept to nine decimals, so that a completion exactly on the threshold is on it
    # (60 against 200/3 is 0.9, not 0.8999999999999999 and behind)
    target_to_date, actual_to_date = np.round(target_to_date, 9), np.round(actual_to_date, 9)
    done = np.round(completion(actual_to_date, target_to_date, down), 9)
    behind = ~np.isnan(done) & (done < behind_threshold)

    result = items[["item_id", "department", "kpi", "unit", "direction"]].assign(
        months=counted, target_to_date=target_to_date, actual_to_date=actual_to_date,
        completion=done, behind=behind)
    capped = np.clip(done, 0.0, 1.0)  # NaN (not measured) stays NaN
    frame = pd.DataFrame({"department": items["department"], "capped": capped,
                          "measured": ~np.isnan(done), "behind": behind})
    order = list(dict.fromkeys([*departments, *items["department"].dropna()]))
    grouped = frame.groupby(pd.Categorical(frame["department"], categories=order),
                            observed=False)
    depts = pd.DataFrame({"items": grouped.size(), "measured": grouped["measured"].sum(),
                          "behind": grouped["behind"].sum(),
                          "completion": grouped["capped"].mean().round(9)})
    depts.index.name = "department"
    depts = depts.reset_index()
    depts["department"] = depts["department"].astype(object)
    company = round(float(np.nanmean(capped)), 9) if (~np.isnan(capped)).any() else float("nan")
    month_names = [f"{year}-{m:02d}" for m in range(1, 13)]
    long = pd.DataFrame({
        "item_id": np.repeat(items["item_id"].to_numpy(), 12),
        "department": np.repeat(items["department"].to_numpy(), 12),
        "month": np.tile(month_names, len(items)),
        "target": np.round(monthly, 9).reshape(-1), "actual": actual.reshape(-1),
    })
    return Tracking(as_of=as_of, year=year, items=result[ITEM_COLUMNS], departments=depts,
                    company=company, behind=result[result["behind"]].reset_index(drop=True),
                    monthly=long, threshold=behind_threshold, issues=issues)


def item_positions(items: pd.DataFrame, actuals: pd.DataFrame) -> pd.Series:
    """For each Actuals row (``item_id``; ``department``, when its workbook says which
    department's item it is, else None), the position in ``items`` of the plan item it is
    about, NaN for none. IDs are compared as :func:`~opsbook.plan.items.id_keys` does; an
    ID on several items goes to the first of them, except that a row of a department's
    workbook is about that department's item only (运营部's S-02 is not 销售部's, whose plan
    has an S-02 too), departments compared as :func:`~opsbook.plan.items.normalized`
    folds them."""
    ident = id_keys(items["item_id"].astype(object)).to_numpy()
    first = pd.Series(np.arange(len(items)), index=ident)
    first = first[~first.index.duplicated() & (first.index != "")]
    keys = id_keys(actuals["item_id"].astype(object))
    found = keys.map(first)
    if "department" not in actuals:
        return found
    pairs = pd.Series(np.arange(len(items)), index=ident + "\x1f" + normalized(
        items["department"].astype(object)).to_numpy())
    pairs = pairs[~pairs.index.duplicated()]
    said = normalized(actuals["department"].astype(object))
    own = (keys + "\x1f" + said).map(pairs)
    return own.where(said.ne(""), found)


def _mean(values: np.ndarray) -> np.ndarray:
    """Row means over the known values; NaN for a row with none."""
    count = (~np.isnan(values)).sum(axis=1)
    return np.where(count > 0, np.nansum(values, axis=1) / np.maximum(count, 1), np.nan)


def _actual_matrix(items: pd.DataFrame, actuals: pd.DataFrame,
                   year: int) -> tuple[np.ndarray, list[Issue]]:
    """(items, 12) actuals by month, NaN where none; issues for rows that were not used.

    Rows are matched to items by :func:`item_positions`.
    """
    issues: list[Issue] = []
    matrix = np.full((len(items), 12), np.nan)
    if actuals is None or actuals.empty:
        return matrix, issues
    blank = np.full(len(actuals), None, dtype=object)
    frame = pd.DataFrame({
        "item_id": actuals["item_id"].to_numpy(dtype=object),
        "month": actuals["month"].astype(str).to_numpy(),
        "actual": pd.to_numeric(actuals["actual"], errors="coerce").to_numpy(),
        "source": actuals["source"].to_numpy() if "source" in actuals else blank,
        "department": (actuals["department"].to_numpy(dtype=object) if "department" in actuals
                       else blank),
        "row": actuals.index.to_numpy()})
    frame = frame[frame["actual"].notna() & frame["item_id"].notna()]
    frame["item"] = item_positions(items, frame).to_numpy()  # "a-01" is A-01's
    frame["year"] = pd.to_numeric(frame["month"].str[:4], errors="coerce")
    frame["m"] = pd.to_numeric(frame["month"].str[5:7], errors="coerce")

    def report(mask: pd.Series, code: str, **params: object) -> None:
        for row in frame[mask].itertuples():
            department = getattr(row, "department", None)
            named = code == "actual-unknown-item" and isinstance(department, str)
            issues.append(Issue(code, "warning", file=row.source, sheet="Actuals",
                                row=int(row.row), field="item_id" if code ==
                                "actual-unknown-item" else "month", value=row.item_id,
                                params={"month": row.month, **params, **({
                                    "department": f" ({department})",
                                    "department_zh": f"（{department}）"} if named else {})}))

    unknown = frame["item"].isna()
    report(unknown, "actual-unknown-item")
    outside = ~unknown & frame["year"].ne(year)
    report(outside, "actual-outside-year", expected=year)
    frame = frame[~unknown & ~outside]
    twice = frame.duplicated(["item", "m"], keep="last")
    report(twice, "actual-twice")
    frame = frame[~twice]
    matrix[frame["item"].to_numpy(dtype=int), frame["m"].to_numpy(dtype=int) - 1] = \
        frame["actual"].to_numpy(dtype=float)
    return matrix, issues
