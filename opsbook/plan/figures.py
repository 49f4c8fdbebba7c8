"""Figures typed with their item's unit: "1,000万元" in a 万元 row is 1000, not 10,000,000.

The reader reads a number typed as text on its own: 万 and 亿 multiply ("1.2万" is 12000) and
other words make it no number ("40个"). On a plan row the unit column says what the figures
count in, so a target, a quarter or an actual typed with that unit is the figure before it
("40个" in a 个 row is 40; "1,000万元" or "1000万" in a 万元 row is 1000), and one typed
with 万 or 亿 in a row counting in 万 or 亿 is converted to that unit ("1.2亿" in a 万元 row is
12000). Each is read with a ``coerced-value`` warning giving the figure and the unit, so the
cell can be checked; any other text is left as the reader read it.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

import pandas as pd

from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.core.parse import UNITS, folded, parse_number, visible
from opsbook.plan.items import QUARTERS, id_keys

#: Plan fields counted in the row's unit (a budget is money, whatever the unit).
COUNTED = ("target", *QUARTERS)
#: What the reader says of a figure it read from text, or could not read.
READ_AS = ("coerced-value", "type-error")
#: Signs a unit of money may be written without ("万元" is said "万" too).
_MONEY = ("元", "¥", "￥")
#: The magnitudes a unit may count in (百万元: millions of yuan), longest first.
_MAGNITUDES = (("百万", 6), ("千万", 7), ("千", 3), ("万", 4), ("亿", 8))


def in_unit(text: str, unit: Any) -> float | None:
    """The figure ``text`` gives in ``unit`` when it is written with that unit (a unit of
    money also without 元): "40个", "40 个" → 40 in 个; "1,000万元", "1000万" → 1000 in 万元;
    or with 万 or 亿, or in 元, in a unit counting in thousands, 万, millions or 亿: "1.2亿"
    → 12000 in 万元, 120 in 百万元. None when ``unit`` is blank or the text says no such
    figure.
    Units are compared as :func:`~opsbook.core.parse.folded` folds them (width, case,
    spaces, invisible characters), the text in the same width and case."""
    said = visible(unicodedata.normalize("NFKC", str(text))).casefold().strip()
    unit = folded(unit) if isinstance(unit, str) else ""
    if not unit or not said:
        return None
    forms = [unit] + [unit[:-1] for sign in _MONEY if unit.endswith(sign) and len(unit) > 1]
    for form in forms:
        if said.endswith(form) and len(said) > len(form):
            figure = parse_number(said[: -len(form)])  # "1 2 3个" is no more 123 than "1 2 3"
            if figure is not None:
                return figure
    # a unit counting in thousands, 万, millions or 亿 (千元, 万元, 百万元, 万人, 亿元): "1.2亿"
    # in a 万元 row is 12000, as is a sum of money in 元 ("120,000,000元")
    places = next((n for word, n in _MAGNITUDES if unit.startswith(word)), 0)
    money = len(forms) > 1 and said.endswith(_MONEY)
    if places and (said[-1:] in UNITS or money):
        figure = parse_number(said)
        return None if figure is None else float(Decimal(repr(figure)).scaleb(-places))
    return None


def figures_in_units(book: Book) -> None:
    """Read again, in its row's unit, each target or quarter of the Plan sheet and each
    actual of the Actuals sheet (the unit of its item: its ID on one Plan row, or on rows
    of one unit) that the reader took from text or could not read (see :func:`in_unit`);
    the reader's issue about it becomes a ``coerced-value`` warning naming the figure and
    the unit. A kind ``prepare`` step: the book is changed in place, before validation."""
    plan = book.tables.get("Plan")
    if plan is None or "unit" not in plan.frame or plan.frame.empty:
        return
    _read_again(book.issues, plan.name, plan.frame, COUNTED, plan.frame["unit"])
    actuals = book.tables.get("Actuals")
    if actuals is not None and {"item_id", "actual"} <= set(actuals.frame.columns) \
            and "item_id" in plan.frame and _told(book.issues, actuals.name):
        _read_again(book.issues, actuals.name, actuals.frame, ("actual",),
                    _item_units(plan.frame, actuals.frame["item_id"]))


def actuals_in_plan_units(other: Book, plan: pd.DataFrame) -> None:
    """The actuals of ``other`` (a workbook of actuals given to ``plan track``) whose item
    its own Plan sheet does not give a unit for (an Actuals sheet with no items beside it)
    read again in the unit of the item in ``plan``, the Plan frame of the plan tracked, as
    :func:`figures_in_units` reads a plan's own; its issues are changed in place (the
    same objects a report holds)."""
    actuals = other.tables.get("Actuals")
    if (actuals is None or not {"item_id", "actual"} <= set(actuals.frame.columns)
            or "unit" not in plan or "item_id" not in plan
            or not _told(other.issues, actuals.name)):
        return
    ids = actuals.frame["item_id"]
    own = other["Plan"]
    known = (_item_units(own, ids) if {"item_id", "unit"} <= set(own.columns) and len(own)
             else pd.Series(None, index=ids.index, dtype=object))
    units = _item_units(plan, ids).where(known.isna())
    _read_again(other.issues, actuals.name, actuals.frame, ("actual",), units)


def _told(issues: list[Issue], sheet: str) -> bool:
    """Whether the reader said anything of an actual of ``sheet`` it took from text or could
    not read (else there is nothing to read again, and no units to look up)."""
    return any(i.sheet == sheet and i.field == "actual" and i.code in READ_AS for i in issues)


def _read_again(issues: list[Issue], sheet: str, frame: pd.DataFrame, fields: tuple[str, ...],
                units: pd.Series) -> None:
    """Each issue of the reader about a cell of ``fields`` on ``sheet`` whose text
    :func:`in_unit` reads in its row's unit (``units``, by spreadsheet row): the figure put
    in ``frame`` and the issue made a ``coerced-value`` warning naming it, in place."""
    for issue in issues:
        if (issue.sheet != sheet or issue.field not in fields or issue.code not in READ_AS
                or not isinstance(issue.value, str) or issue.row not in frame.index):
            continue
        unit = units.get(issue.row)
        figure = in_unit(issue.value, unit)
        if figure is None:
            continue
        frame.loc[issue.row, issue.field] = figure
        shown = f"{figure:.15g}"
        issue.code, issue.severity = "coerced-value", "warning"
        issue.params = {**issue.params, "expected": "a number", "expected_zh": "数字",
                        "result": f"{shown} ({unit})",
                        "result_zh": f"{shown}（{str(unit).strip()}）"}


def _item_units(plan: pd.DataFrame, ids: pd.Series) -> pd.Series:
    """The unit of each Actuals row's item, matched by ID as everywhere in the plan cycle
    (``id_keys``); None for an ID on no item, or on items of different units."""
    keys = pd.DataFrame({"key": id_keys(plan["item_id"]).to_numpy(),
                         "unit": plan["unit"].map(lambda u: folded(u) if isinstance(u, str)
                                                  else "").to_numpy(),
                         "shown": plan["unit"].to_numpy(dtype=object)})
    keys = keys[keys["key"].ne("")]
    one = keys.groupby("key")["unit"].nunique()
    known = keys[keys["key"].isin(one.index[one.eq(1)])].drop_duplicates("key")
    return id_keys(ids).map(dict(zip(known["key"], known["shown"])))
