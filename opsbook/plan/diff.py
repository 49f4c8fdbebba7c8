"""Two versions of a plan compared item by item: added, removed and changed (field by field).

Items are matched by item ID and department (an ID a company plan has in two departments is
two items), both compared as case, spaces and full-width forms folded ("a-01" is A-01, an ID
retyped so is a changed field); an item whose department changed is matched by its ID
alone. Rows that only
moved are not changes. Numbers are equal when they agree to 1e-9; blank equals blank; text
is compared after trimming spaces.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from opsbook.core.values import excel_value
from opsbook.plan.items import FIELDS, NUMBERS, id_keys, items_frame, normalized, number_text
from opsbook.plan.schema import PLAN

CHANGE_COLUMNS = ["item_id", "department", "field", "old", "new"]
SHOWN = ["item_id", "department", "objective", "kpi", "target", "budget"]
#: The labels of the plan's choice fields: field → value → language → label.
_CHOICES = {f.id: {c.value: {"en": c.en, "zh": c.zh} for c in f.choices}
            for f in PLAN.fields if f.choices}


@dataclass
class PlanDiff:
    """``added`` and ``removed`` are items (plan fields, in plan order); ``changed`` one row
    per changed field: item_id, department, field, old, new."""

    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame

    @property
    def equal(self) -> bool:
        return self.added.empty and self.removed.empty and self.changed.empty

    @property
    def exit_code(self) -> int:
        """0 when the plans hold the same items, 1 when they differ (as ``diff`` does)."""
        return 0 if self.equal else 1

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "removed": len(self.removed),
                "changed_items": int(self.changed[["item_id", "department"]]
                                     .drop_duplicates().shape[0]),
                "changed_fields": len(self.changed)}


def _keyed(plan: pd.DataFrame) -> pd.DataFrame:
    """Items with ``pair`` (item ID and department, folded) and ``ident`` (the folded ID)."""
    items = items_frame(plan).reset_index(drop=True)
    ident = id_keys(items["item_id"])  # "a-01" and "A-01" are one item, shown as typed
    return items.assign(pair=ident + "\x1f" + normalized(items["department"]), ident=ident)


def _occurrences(a: pd.DataFrame, b: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``a`` and ``b`` (as :func:`_keyed` gives them) with ``key``: the pair and its
    occurrence (0 unless a plan lists the same item twice in one department). The rows of
    such a pair that are alike in both plans take the same occurrence first, then those of
    one KPI, then the others in order of their KPI and content, not of their rows (the
    result does not depend on row order): two such items that only swapped
    rows are matched to themselves, and of two, the one taken out is the one removed (not
    the other changed into it and itself removed)."""
    nth = [pd.Series(0, index=a.index), pd.Series(0, index=b.index)]
    twice = pd.concat([a["pair"][a["pair"].duplicated()], b["pair"][b["pair"].duplicated()]])
    if not twice.empty:
        rows = []
        for side, items in enumerate((a, b)):
            dup = items[items["pair"].isin(set(twice))]
            content = ["\x1f".join(map(str, r)) for r in dup[list(FIELDS)].itertuples(index=False)]
            rows.append(pd.DataFrame({"side": side, "pair": dup["pair"],
                                      "kpi": normalized(dup["kpi"]), "content": content,
                                      "row": dup.index}))
        both = pd.concat(rows, ignore_index=True).sort_values(
            ["pair", "kpi", "content", "side", "row"], kind="stable")
        # the k-th row with this content on one side is the k-th on the other: alike (rank
        # 0); then rows of one KPI (rank 1: that item changed); then the others (rank 2)
        both = both.assign(rank=2, alike=0)
        for rank, by in ((0, "content"), (1, "kpi")):
            free = both[both["rank"].eq(2)]
            kth = free.groupby(["pair", by, "side"]).cumcount()
            on_both = (free.assign(kth=kth).groupby(["pair", by, "kth"])["side"]
                       .transform("nunique").eq(2))
            both.loc[on_both.index[on_both], "rank"] = rank
            both.loc[on_both.index[on_both], "alike"] = kth[on_both]
        both = both.sort_values(["pair", "rank", "kpi", "alike", "content", "side"],
                                kind="stable")
        both["nth"] = both.groupby(["pair", "side"]).cumcount()
        for side in (0, 1):
            mine = both[both["side"].eq(side)]
            nth[side].loc[mine["row"].to_numpy()] = mine["nth"].to_numpy()
    return tuple(items.assign(key=items["pair"] + "\x1f" + n.astype(str))
                 for items, n in zip((a, b), nth))


def _match(a: pd.DataFrame, b: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Give an item that moved to another department (its ID once among the unmatched items
    on both sides) the key it has in ``a``, so that it is a change, not a removal and an
    addition."""
    left = a[~a["key"].isin(b["key"])]
    right = b[~b["key"].isin(a["key"])]
    moved = moved_ids(left["ident"], right["ident"])
    if moved:
        keys = left.loc[left["ident"].isin(moved)].set_index("ident")["key"]
        hit = b.index.isin(right.index) & b["ident"].isin(moved).to_numpy()
        b = b.copy()
        b.loc[hit, "key"] = b.loc[hit, "ident"].map(keys)
    return a.set_index("key"), b.set_index("key")


def moved_ids(left: pd.Series, right: pd.Series) -> set[str]:
    """The folded item IDs of items that moved to another department: each once among
    ``left`` (the earlier plan's items not matched by department and ID) and once among
    ``right`` (the later plan's); blank IDs never."""
    once_left = left[~left.duplicated(keep=False)]
    once_right = right[~right.duplicated(keep=False)]
    return set(once_left) & set(once_right) - {""}


def same_values(old: pd.Series, new: pd.Series, name: str) -> np.ndarray:
    """Where the values of field ``name`` agree, pair by pair: numbers to 1e-9, blank equals
    blank, anything else when equal (as :func:`~opsbook.plan.items.items_frame` gives it)."""
    both_blank = (old.isna() & new.isna()).to_numpy()
    if name in NUMBERS:
        a, b = old.to_numpy(dtype=float), new.to_numpy(dtype=float)
        close = np.isclose(a, b, rtol=1e-9, atol=1e-9)
        return both_blank | close
    return both_blank | (old.astype(object) == new.astype(object)).to_numpy()


def diff(old: pd.DataFrame, new: pd.DataFrame) -> PlanDiff:
    """Compare two Plan frames (field ids as columns, any row order)."""
    a, b = _match(*_occurrences(_keyed(old), _keyed(new)))
    added = b[~b.index.isin(a.index)].reset_index(drop=True)
    removed = a[~a.index.isin(b.index)].reset_index(drop=True)
    common = a.index[a.index.isin(b.index)]
    left, right = a.loc[common], b.loc[common]
    parts = []
    for name in FIELDS:
        differs = ~same_values(left[name], right[name], name)
        if differs.any():
            parts.append(pd.DataFrame({
                "item_id": right["item_id"].to_numpy()[differs],
                "department": right["department"].to_numpy()[differs],
                "field": name, "old": left[name].to_numpy()[differs],
                "new": right[name].to_numpy()[differs], "order": np.flatnonzero(differs),
                "field_order": FIELDS.index(name)}))
    changed = (pd.concat(parts).sort_values(["order", "field_order"], kind="stable")
               .drop(columns=["order", "field_order"]).reset_index(drop=True)
               if parts else pd.DataFrame({c: pd.Series(dtype=object) for c in CHANGE_COLUMNS}))
    for column in ("old", "new"):
        changed[column] = changed[column].astype(object)
    return PlanDiff(added=added[list(FIELDS)], removed=removed[list(FIELDS)], changed=changed)


def _show(value: object) -> str:
    value = excel_value(value)
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "hour"):
        return value.date().isoformat()
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def field_header(name: str, lang: str = "en") -> str:
    """A plan field as its header in ``lang`` (``target`` → "Annual Target" / "年度目标值");
    a name that is no plan field as it is."""
    try:
        return PLAN.field(name).header(lang)
    except KeyError:
        return name


def field_value(name: str, value: object, lang: str = "en") -> str:
    """A plan value as shown to a reader: a choice (direction, priority) by its label in
    ``lang`` (``up`` → "越高越好"), a date as YYYY-MM-DD, a blank as nothing."""
    shown = _show(value)
    if shown and name in _CHOICES:
        return _CHOICES[name].get(shown, {}).get(lang, shown)
    return shown


def _item(row: pd.Series, lang: str) -> str:
    kpi = _one_line(_show(row["kpi"]), lang)
    if lang == "zh":
        return f"{row['item_id']}（{row['department']}）：{kpi}"
    return f"{row['item_id']} ({row['department']}): {kpi}"


#: A blank value in a one-line change, which would otherwise read as a cut-off line.
_BLANK = {"en": "(blank)", "zh": "（空）"}


def _one_line(text: str, lang: str) -> str:
    """A value on one line of the text form: line breaks shown as ↵, a blank said."""
    return text.replace("\r\n", " ↵ ").replace("\n", " ↵ ") if text else _BLANK[lang]


def _change(r: object, lang: str) -> str:
    old = _one_line(field_value(r.field, r.old, lang), lang)
    new = _one_line(field_value(r.field, r.new, lang), lang)
    if lang == "zh":
        return (f"~ {r.item_id}（{r.department}）{field_header(r.field, lang)}："
                f"{old} → {new}")
    return f"~ {r.item_id} ({r.department}) {field_header(r.field, lang)}: {old} → {new}"


def _counted(d: PlanDiff, lang: str) -> str:
    c = d.counts()
    if lang == "zh":
        return (f"新增 {c['added']} 项，删除 {c['removed']} 项，修改 {c['changed_items']} 项"
                f"（{c['changed_fields']} 个字段）")
    fields = "field" if c["changed_fields"] == 1 else "fields"
    return (f"{c['added']} added, {c['removed']} removed, {c['changed_items']} changed "
            f"({c['changed_fields']} {fields})")


def to_text(d: PlanDiff, lang: str = "en") -> str:
    """Plain text, one line per added or removed item and per changed field, worded in
    ``lang``: a changed field by its header in ``lang`` (as in the plan workbook), a choice
    by its label."""
    lang = "zh" if lang == "zh" else "en"
    if d.equal:
        return "两份计划的计划项相同。" if lang == "zh" else "The plans hold the same items."
    lines = [_counted(d, lang)]
    lines += [f"+ {_item(r, lang)}" for _, r in d.added.iterrows()]
    lines += [f"- {_item(r, lang)}" for _, r in d.removed.iterrows()]
    lines += [_change(r, lang) for r in d.changed.itertuples()]
    return "\n".join(lines)


#: The words of the Markdown form, by language.
_MARKDOWN = {"en": ("Added", "Removed", "Changed",
                    "| Item ID | Department | KPI | Annual Target |",
                    "| Item ID | Department | Field | Old | New |"),
             "zh": ("新增", "删除", "修改", "| 编号 | 部门 | 关键指标 | 年度目标值 |",
                    "| 编号 | 部门 | 字段 | 原值 | 新值 |")}


def to_markdown(d: PlanDiff, lang: str = "en") -> str:
    """Markdown: a summary line and a table per part that is not empty, worded in ``lang``
    (a changed field by its header in ``lang``, a choice by its label)."""
    lang = "zh" if lang == "zh" else "en"
    added, removed, changed, items, fields = _MARKDOWN[lang]
    out = [f"**{_counted(d, lang)}**"]
    for title, frame in ((added, d.added), (removed, d.removed)):
        if not frame.empty:
            out += ["", f"### {title}", "", items, "|---|---|---|---|"]
            out += [f"| {_cell(r['item_id'])} | {_cell(r['department'])} | {_cell(r['kpi'])} | "
                    f"{_cell(r['target'])} |" for _, r in frame.iterrows()]
    if not d.changed.empty:
        out += ["", f"### {changed}", "", fields, "|---|---|---|---|---|"]
        out += [f"| {_cell(r.item_id)} | {_cell(r.department)} | "
                f"{_cell(field_header(r.field, lang))} | "
                f"{_cell(field_value(r.field, r.old, lang))} | "
                f"{_cell(field_value(r.field, r.new, lang))} |" for r in d.changed.itertuples()]
    return "\n".join(out)


def _cell(value: object) -> str:
    return _show(value).replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def to_json(d: PlanDiff, indent: int | None = 2) -> str:
    """``{"equal", "summary", "added", "removed", "changed"}``; items as objects by field id,
    dates as ISO text, blanks as null."""

    def records(frame: pd.DataFrame) -> list[dict[str, object]]:
        return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]

    data = {"equal": d.equal, "summary": d.counts(), "added": records(d.added),
            "removed": records(d.removed), "changed": records(d.changed)}
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _plain(value: object) -> object:
    value = excel_value(value)
    if hasattr(value, "isoformat"):
        return _show(value)
    return value
