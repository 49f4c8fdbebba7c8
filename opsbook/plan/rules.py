"""Plan rules across rows: quarters add up, dates within the year."""

from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from opsbook.core.group import BOOK, ROW, Group, over_books
from opsbook.core.issues import Issue
from opsbook.core.rules import date_order
from opsbook.plan.items import id_keys, number_text, per_value, quarters_given, unit_key


@over_books
def quarters_add_up(group: Group) -> Iterator[tuple[int, Issue]]:
    """For additive units (each book's ``additive_units``), q1 + q2 + q3 + q4 equals the
    annual target; a blank quarter beside quarters given counts as 0 (``quarters_given``)."""
    plan = group.frame("Plan")
    if plan.empty:
        return
    units = [(k, unit) for k, book in enumerate(group.books) for unit in book.settings.units()]
    unit = per_value(plan["unit"], unit_key).fillna("")  # each distinct unit folded once
    additive = pd.MultiIndex.from_arrays([plan[BOOK], unit]).isin(
        pd.MultiIndex.from_tuples(units)) if units else np.zeros(len(plan), dtype=bool)
    quarters = plan[["q1", "q2", "q3", "q4"]].astype(float)
    target = plan["target"].astype(float)
    given = quarters_given(quarters.to_numpy(), target.to_numpy())
    total = quarters.sum(axis=1).to_numpy()
    bad = additive & given & ~np.isclose(total, target.to_numpy(), rtol=1e-9, atol=1e-6)
    for pos in np.flatnonzero(bad):
        k, place = group.where(plan, pos, "Plan", "q4")
        yield k, Issue("quarters-mismatch", value=round(float(total[pos]), 6),
                       params={"expected": number_text(target.iat[pos])}, **place)


@over_books
def within_year(group: Group) -> Iterator[tuple[int, Issue]]:
    """Start and end dates within the plan's year (each book's ``year`` setting)."""
    plan = group.frame("Plan")
    if plan.empty:
        return
    years = group.per_row("Plan", [book.settings.year for book in group.books])
    year = pd.to_numeric(pd.Series(years, dtype=object), errors="coerce").to_numpy()
    for column in ("start", "end"):
        dates = pd.to_datetime(plan[column], errors="coerce")
        bad = dates.notna().to_numpy() & ~np.isnan(year) & \
            (dates.dt.year.to_numpy(dtype=float, na_value=np.nan) != year)
        for pos in np.flatnonzero(bad):
            k, place = group.where(plan, pos, "Plan", column)
            yield k, Issue("outside-year", value=dates.iat[pos].date(),
                           params={"expected": years[pos]}, **place)


@over_books
def dates_in_order(group: Group) -> Iterator[tuple[int, Issue]]:
    yield from date_order(group, "Plan", "start", "end")


@over_books
def ids_once(group: Group) -> Iterator[tuple[int, Issue]]:
    """An item ID that repeats another of its plan once case, spaces and full-width forms
    are folded ("a-01" beside A-01: ``id_keys``), as consolidation, diff, status and
    tracking match IDs; a repeat typed the same is the reader's ``duplicate-key`` already."""
    plan = group.frame("Plan")
    if plan.empty or "item_id" not in plan:
        return
    keys = pd.DataFrame({"book": plan[BOOK].to_numpy(), "key": id_keys(plan["item_id"]),
                         "raw": plan["item_id"].astype(object).to_numpy()})
    keys = keys[keys["key"].ne("")]
    again = keys.duplicated(["book", "key"]) & ~keys.duplicated(["book", "raw"])
    first = plan.loc[keys.index, ROW].groupby([keys["book"], keys["key"]]).transform("first")
    for pos in keys.index[again.to_numpy()]:
        k, place = group.where(plan, pos, "Plan", "item_id")
        yield k, Issue("duplicate-key", value=plan["item_id"].iat[pos],
                       params={"other": int(first[pos])}, **place)


@over_books
def item_references(group: Group) -> Iterator[tuple[int, Issue]]:
    """``unknown-reference`` for an Actuals or Review row whose item ID is on no item of its
    own plan, IDs compared as ``id_keys`` does ("a-01" is A-01's); an error on Actuals, a
    warning on Review (a decision on an item since taken out is history)."""
    known = None  # the plans' item keys, made when a sheet refers to items at all
    for spec in group.books[0].kind.sheets:
        ref = next((f for f in spec.fields if f.ref == "Plan.item_id"), None)
        if ref is None or not any(spec.id in b.tables and not b.tables[spec.id].frame.empty
                                  for b in group.books):
            continue
        frame = group.frame(spec.id)
        if known is None:
            plan = group.frame("Plan")
            known = (pd.MultiIndex.from_arrays([plan[BOOK], id_keys(plan["item_id"])])
                     if not plan.empty and "item_id" in plan else ())
        values = frame[ref.id]
        checked = group.has_column(spec.id, ref.id) & group.per_row(
            spec.id, ["Plan" in b.tables and "item_id" in b.tables["Plan"].columns
                      for b in group.books]).astype(bool)
        bad = checked & values.notna().to_numpy()
        if len(known):
            pairs = pd.MultiIndex.from_arrays([frame[BOOK], id_keys(values)])
            bad &= ~pairs.isin(known)
        for pos in np.flatnonzero(bad):
            k, place = group.where(frame, pos, spec.id, ref.id)
            table = group.books[k].tables["Plan"]
            expected = f"{table.name}!{table.headers.get('item_id', 'item_id')}"
            yield k, Issue("unknown-reference", ref.ref_severity, value=values.iat[pos],
                           params={"expected": expected}, **place)


#: The core's ``references`` is not among them: item IDs are matched as ``id_keys`` folds
#: them (``item_references``), as everywhere in the plan cycle.
RULES = (item_references, ids_once, quarters_add_up, within_year, dates_in_order)
