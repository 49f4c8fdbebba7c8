"""Reviewers' decisions carried over when a company plan is consolidated again.

``plan consolidate`` writes a fresh Review sheet, one row per item. When the company plan it
replaces already holds reviewers' decisions and comments, each is carried over to the new
plan for an item still there and unchanged: matched by department and item ID (compared
the way :func:`opsbook.plan.items.id_keys` and :func:`~opsbook.plan.items.normalized` say),
every plan field the same (numbers to 1e-9, text once trimmed). Every other decision is
dropped and said, with why: the item is no longer in the plan, it changed since it was
reviewed (which fields, old and new; an item now in another department, as ``plan diff``
matches it, is one whose department changed), its ID is on more than one item of its
department, the earlier plan had no such item (or neither plan has), or the row names no
item ID; the warning says what the row held (decision, reviewer, comment), since the new
plan has no place for it.

Pure pandas: the earlier plan's Plan and Review frames are handed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from opsbook.core.issues import Issue
from opsbook.plan.diff import field_header, field_value, moved_ids, same_values
from opsbook.plan.items import FIELDS, id_keys, items_frame, normalized
from opsbook.plan.status import DECISION_LABELS

#: The columns of a Review row that are the reviewer's (the others come from the item).
REVIEWED = ("reviewer", "comment", "decision")
REVIEW_COLUMNS = ["item_id", "department", "kpi", *REVIEWED]
#: The plan fields compared to tell an item unchanged (its department and ID are matched).
COMPARED = tuple(f for f in FIELDS if f not in ("item_id", "department"))
#: Why a decision is not carried over, in English and Chinese.
REASONS = {
    "gone": ("the item is no longer in the plan", "该计划项已不在计划中"),
    "twice": ("its item ID is on more than one item of the department, so it cannot be "
              "told which one it is about. Review it again there",
              "该部门有多个计划项使用此编号，无法确定对应哪一项。请在新计划中重新审核"),
    "nowhere": ("no item of its ID is in the plan, before or now",
                "原计划和新计划中都没有该编号的计划项"),
    "unknown": ("the earlier plan has no such item, so it cannot be told whether the item "
                "changed. Review it again there",
                "原计划中没有该计划项，无法判断其是否变更。请在新计划中重新审核"),
    "which": ("the row names no department and its item ID is on items of more than one "
              "department, so it cannot be told which one it is about. Review it again "
              "there", "该行未填写部门，且多个部门的计划项使用此编号，无法确定对应哪一项。"
              "请在新计划中重新审核"),
    "no-id": ("the row names no item ID", "该行未填写编号"),
}


@dataclass
class Carried:
    """The new Review frame (``REVIEW_COLUMNS``, the new items' order, an item's carried
    rows in their earlier order in place of its blank row), how many rows and items were
    carried over, and one ``review-dropped`` warning per decision left behind; ``at`` gives
    for each the position in ``review`` of its item's row, where it is to be reviewed again
    (None for an item no longer in the plan)."""

    review: pd.DataFrame
    rows: int = 0
    items: int = 0
    dropped: list[Issue] = field(default_factory=list)
    at: list[int | None] = field(default_factory=list)
    #: The rows (index labels) of the earlier Review frame carried over, and those dropped.
    taken: list[object] = field(default_factory=list)
    left: list[object] = field(default_factory=list)


def with_department(review: pd.DataFrame) -> pd.DataFrame:
    """A Review frame as read, its Department column (a company plan's Review sheet has one;
    no field of the Review sheet, so read under its header) as ``department``."""
    named = [c for c in review.columns if str(c).strip().casefold() in ("department", "部门")]
    return review.rename(columns={named[0]: "department"}) if len(named) == 1 else review


def _keys(departments: pd.Series, ids: pd.Series) -> pd.Series:
    """Department and item ID as matched; "" where the ID is blank."""
    ident = id_keys(ids)
    return (normalized(departments) + "\x1f" + ident).where(ident.ne(""), "")


def decided(review: pd.DataFrame | None) -> pd.DataFrame:
    """The rows of a Review frame that hold anything of a reviewer's."""
    if review is None or review.empty:
        return pd.DataFrame(columns=REVIEW_COLUMNS)
    held = np.zeros(len(review), dtype=bool)
    for column in REVIEWED:
        if column in review:
            text = review[column].map(lambda v: "" if v is None or v != v else str(v).strip())
            held |= text.ne("").to_numpy()
    return review[held]


def carry_review(items: pd.DataFrame, old_items: pd.DataFrame,
                 old_review: pd.DataFrame | None) -> Carried:
    """The Review frame of the company plan ``items`` (in plan order), with the decisions of
    ``old_review`` (the earlier company plan's Review frame; its Department column, when it
    has one, as ``department``) carried over for the items of ``old_items`` (its Plan frame)
    that are still there and unchanged."""
    new = items_frame(items).reset_index(drop=True)
    new["kpi"] = items["kpi"].to_numpy() if "kpi" in items else new["kpi"]
    blank = new[["item_id", "department", "kpi"]].assign(reviewer=None, comment=None,
                                                         decision=None)
    rows = decided(old_review)
    if rows.empty:
        return Carried(blank[REVIEW_COLUMNS])
    old = items_frame(old_items)
    new_key, old_key = _keys(new["department"], new["item_id"]), _keys(old["department"],
                                                                       old["item_id"])
    counts_new, counts_old = new_key.value_counts().to_dict(), old_key.value_counts().to_dict()
    keys = _row_keys(rows, old)
    reasons = pd.Series([_why_not(k, counts_new, counts_old) for k in keys],
                        index=keys.index, dtype=object)
    candidate = reasons.isna().to_numpy()  # matched to one item on either side: compared
    changes: dict[object, tuple[str, str]] = {}  # Review row → what changed in its item
    if candidate.any():
        at = keys[candidate].to_numpy()
        left = old.set_index(old_key.to_numpy())
        right = new.set_index(new_key.to_numpy())
        left = left[~left.index.duplicated()].loc[at].reset_index(drop=True)
        right = right[~right.index.duplicated()].loc[at].reset_index(drop=True)
        differs = np.column_stack([~same_values(left[name], right[name], name)
                                   for name in COMPARED])
        for n in np.flatnonzero(differs.any(axis=1)):
            names = [f for f, d in zip(COMPARED, differs[n]) if d]
            changes[keys.index[candidate][n]] = _changes(names, left.iloc[n], right.iloc[n])
    moved = _moved(old, new, old_key, new_key)  # an item now in another department
    for row, key in keys[reasons.eq("gone") & keys.isin(list(moved))].items():
        reasons[row], changes[row], keys[row] = None, moved[key][1], moved[key][0]
    dropped = [(_dropped(rows.loc[row], reason or "changed", changes.get(row)),
                key if (reason or "changed") in ("changed", "twice") else "", row)
               for row, key, reason in zip(keys.index, keys, reasons)
               if reason is not None or row in changes]
    kept = keys[candidate & ~keys.index.isin(list(changes))]
    taken = pd.DataFrame({"key": kept.to_numpy(), "order": np.arange(len(kept)),
                          **{c: (rows.loc[kept.index, c].map(_value).to_numpy()
                                 if c in rows else None) for c in REVIEWED}})
    frame = blank.drop(columns=list(REVIEWED)).assign(key=new_key.to_numpy(),
                                                      position=np.arange(len(blank)))
    out = (frame.merge(taken, on="key", how="left", sort=False)
           .sort_values(["position", "order"], kind="stable", na_position="first")
           .reset_index(drop=True))
    first = out.drop_duplicates("key")
    where = dict(zip(first["key"], first.index))
    review = out[REVIEW_COLUMNS].astype(object)
    review = review.where(review.notna(), None)
    return Carried(review, rows=len(kept), items=kept.nunique(),
                   dropped=[issue for issue, _, _ in dropped],
                   at=[where.get(key) if key else None for _, key, _ in dropped],
                   taken=list(kept.index), left=[row for _, _, row in dropped])


def item_row(review: pd.DataFrame, department: object, item: object) -> int | None:
    """The position in a new Review frame (:attr:`Carried.review`) of the first row of the
    item named by ``department`` and ``item`` (its ID), matched as decisions are; without
    a department, the item of that ID when one department has it. None when no row is
    that item's."""
    ident = id_keys(pd.Series([item], dtype=object)).iat[0]
    if review.empty or not ident:
        return None
    hits = id_keys(review["item_id"]).to_numpy() == ident
    departments = normalized(review["department"]).to_numpy()
    given = normalized(pd.Series([department], dtype=object)).iat[0]
    if given:
        hits &= departments == given
    elif len(set(departments[hits])) > 1:  # which department's item: not to be told
        return None
    found = np.flatnonzero(hits)
    return int(found[0]) if len(found) else None


def _moved(old: pd.DataFrame, new: pd.DataFrame, old_key: pd.Series,
           new_key: pd.Series) -> dict[str, tuple[str, tuple[str, str]]]:
    """Items of the earlier plan now in another department, as ``plan diff`` matches them
    (their ID once among the unmatched items of either plan): earlier key → (later key,
    what changed, the department first). Their decisions are not carried over (an item is
    matched by department and ID) but said at the item's new row, as changed."""
    left = old_key[~old_key.isin(set(new_key)) & old_key.ne("")]
    right = new_key[~new_key.isin(set(old_key)) & new_key.ne("")]
    ids_left, ids_right = left.str.split("\x1f", n=1).str[1], right.str.split("\x1f", n=1).str[1]
    out = {}
    for ident in sorted(moved_ids(ids_left, ids_right)):
        was, now = left.index[ids_left.eq(ident)][0], right.index[ids_right.eq(ident)][0]
        a, b = old.loc[was], new.loc[now]
        names = [f for f in ("department", *COMPARED)
                 if not same_values(pd.Series([a[f]]), pd.Series([b[f]]), f)[0]]
        out[old_key[was]] = (new_key[now], _changes(names, a, b))
    return out


def _value(value: object) -> object:
    return None if value is None or value != value else value


def _row_keys(rows: pd.DataFrame, old: pd.DataFrame) -> pd.Series:
    """Each decided Review row's key: its Department and Item ID, or, without a department,
    the one department of the earlier items with that ID ("*" when several departments
    have it, "?" when no item has it)."""
    ident = id_keys(rows["item_id"]) if "item_id" in rows else pd.Series("", index=rows.index)
    given = (normalized(rows["department"]) if "department" in rows else
             pd.Series("", index=rows.index))
    by_id = pd.Series(normalized(old["department"]).to_numpy(), index=id_keys(old["item_id"]))
    places = by_id.groupby(level=0).nunique()  # the departments an ID is on
    once = by_id[by_id.index.isin(places.index[places.eq(1)])]
    once = once[~once.index.duplicated()].to_dict()
    known = set(by_id.index)
    keys = {}
    for row, i, d in zip(rows.index, ident, given):
        if not i:
            keys[row] = ""
        elif d:
            keys[row] = f"{d}\x1f{i}"
        elif i in once:
            keys[row] = f"{once[i]}\x1f{i}"
        else:  # "*": on several earlier items, "?": on none
            keys[row] = f"{'*' if i in known else '?'}\x1f{i}"
    return pd.Series(keys, dtype=object)


def _why_not(key: str, counts_new: dict[str, int], counts_old: dict[str, int]) -> str | None:
    """Why a Review row of ``key`` cannot be carried over whatever its item says (a
    :data:`REASONS` key), None when it is matched to one item on either side."""
    if not key:
        return "no-id"
    if key.startswith("?\x1f"):  # no department, and the ID on no earlier item
        return "unknown"
    if key.startswith("*\x1f"):  # no department, and the ID on several earlier items
        return "which"
    if key not in counts_new:
        return "gone" if key in counts_old else "nowhere"
    if counts_new[key] > 1 or counts_old.get(key, 0) > 1:
        return "twice"
    if key not in counts_old:
        return "unknown"
    return None


def _changes(names: list[str], old: pd.Series, new: pd.Series) -> tuple[str, str]:
    """The plan fields ``names`` of an item that changed, "Annual Target 1000 → 1200; …" in
    English and Chinese."""
    said = []
    for lang in ("en", "zh"):
        parts = [f"{field_header(f, lang)} {field_value(f, old[f], lang) or '—'} → "
                 f"{field_value(f, new[f], lang) or '—'}" for f in names]
        said.append(("; " if lang == "en" else "；").join(parts))
    return said[0], said[1]


def _dropped(row: pd.Series, reason: str, detail: tuple[str, str] | None) -> Issue:
    if reason == "changed" and detail is not None:
        en = f"it changed since it was reviewed ({detail[0]}). Review it again there"
        zh = f"审核后该计划项已变更（{detail[1]}）。请在新计划中重新审核"
    else:
        en, zh = REASONS[reason]
    department, item = _value(row.get("department")), _value(row.get("item_id"))
    return Issue("review-dropped", "warning", field="decision", value=item,
                 params={"department": f" ({department})" if department else "",
                         "department_zh": f"（{department}）" if department else "",
                         "reason": en, "reason_zh": zh, **_held(row, item)})


def _held(row: pd.Series, item: object) -> dict[str, str]:
    """What a dropped Review row held, said with its warning (the new plan has no place for
    it: the run's report is its record): ``subject`` (its item ID, or that it names none)
    and ``held``, in English and Chinese."""
    decision, reviewer, comment = ("" if _value(row.get(c)) is None else str(row[c]).strip()
                                   for c in ("decision", "reviewer", "comment"))
    en = [f"decision {decision}" + (f" by {reviewer}" if reviewer else "") if decision else
          f"by {reviewer}" if reviewer else "", f"comment “{comment}”" if comment else ""]
    zh = [f"结论“{DECISION_LABELS.get(decision, decision)}”" if decision else "",
          f"审核人{reviewer}" if reviewer else "",
          f"意见“{comment}”" if comment else ""]
    en, zh = [p for p in en if p], [p for p in zh if p]
    return {"subject": str(item) if item is not None else "a row with no item ID",
            "subject_zh": str(item) if item is not None else "未填编号的一行",
            "held": f", {', '.join(en)}," if en else "",
            "held_zh": f"（{'，'.join(zh)}）" if zh else ""}
