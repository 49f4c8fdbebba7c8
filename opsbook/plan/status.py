"""Status moves of a plan: draft → submitted → reviewed → final, one step at a time.

A plan becomes final only when validation finds no error in it and no item's latest review
decision is ``revise`` or ``reject`` (a later ``accept`` row for the item resolves it; a
rejected item that was taken out of the plan no longer counts). Becoming final increments
the version. A refused move gives the reasons and no new state.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from opsbook.core.issues import Issue
from opsbook.core.said import Said
from opsbook.plan.items import id_keys, normalized

STEPS = ("draft", "submitted", "reviewed", "final")
LABELS = {"draft": "草稿", "submitted": "已提交", "reviewed": "已审核", "final": "定稿"}
DECISION_LABELS = {"accept": "通过", "revise": "修改", "reject": "不通过"}


@dataclass
class Move:
    """The outcome of asking for a status. ``ok`` false: ``issues`` say why, nothing changes.
    ``settings`` are the Settings values to write (status, version, and for a final plan the
    date it became final, ``final_on``)."""

    ok: bool
    status: str
    version: str
    settings: dict[str, object] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    @property
    def protect(self) -> bool:
        """A final plan is written with its sheets protected."""
        return self.ok and self.status == "final"


class UnknownStatus(Said, ValueError):
    """A status that is none of the plan's (its message in English and, as ``zh``, Chinese)."""


def asked(status: str) -> str:
    """The status asked for, as the Settings sheet takes it: English in any case, or the
    Chinese label (已提交, 已审核, 定稿); else :class:`UnknownStatus`."""
    from opsbook.plan.settings import read_status

    said = read_status(str(status))
    if said in STEPS:
        return said
    raise UnknownStatus(f"unknown status {status!r}: choose submitted, reviewed or final",
                        f"未知的状态“{status}”：应为 submitted（已提交）、reviewed（已审核）"
                        "或 final（定稿）。")


#: The formats a status can be written into (the others are read for checking only).
WRITABLE_FORMATS = ("xlsx", "xlsm")


def not_writable(file: str, fmt: str, protected: bool = False) -> tuple[str, str] | None:
    """Why the status of a plan workbook cannot be written into it, in English and Chinese
    (naming ``file`` and what to do), or None when it can: an .xls, .xlsb or .ods workbook
    (``fmt``) is read for checking only; a write-protected one (``protected``: under
    Excel's default password, with a password to modify, or marked read-only recommended)
    is read as Excel shows it but not written."""
    if fmt not in WRITABLE_FORMATS:
        return (f"{file}: the workbook is in .{fmt} format, which opsbook reads for checking "
                "only, so its status cannot be written into it. Save it as .xlsx first (in "
                "Excel: File > Save As), then set the status of the .xlsx.",
                f"{file}：该工作簿为 .{fmt} 格式，opsbook 只能读取用于检查，无法写入状态。"
                "请先另存为 .xlsx（在 Excel 中：文件 > 另存为），再变更该 .xlsx 的状态。")
    if protected:
        return (f"{file}: the workbook is write-protected in Excel, so its status cannot "
                "be written into it. Save a copy without the protection in Excel, then set "
                "the status of that copy.",
                f"{file}：该工作簿在 Excel 中设置了写保护，无法写入状态。"
                "请在 Excel 中另存一份不带保护的副本，再变更该副本的状态。")
    return None


def next_version(version: str) -> str:
    """The version after ``version``: its last number plus one ("1" → "2", "v1.3" → "v1.4",
    "2027-A" → "2028-A"); a version without a number becomes "2"."""
    match = list(re.finditer(r"\d+", version or ""))
    if not match:
        return "2"
    last = match[-1]
    return f"{version[:last.start()]}{int(last.group()) + 1}{version[last.end():]}"


def unresolved(review: pd.DataFrame, items: pd.Series | pd.DataFrame) -> pd.DataFrame:
    """Review rows whose item's latest decision is revise or reject (items still in the
    plan); the index is the spreadsheet row.

    ``items`` are the plan's item IDs, or its items with ``item_id`` and ``department``.
    IDs are compared as :func:`~opsbook.plan.items.id_keys` does ("a-01" is A-01). A Review
    row that names a department (a company plan's Review sheet has a Department column,
    ``department``) is about that department's item only; one that names none, or a
    department no item with its ID is in, is about every item with its ID."""
    if review is None or review.empty:
        return review.iloc[0:0] if review is not None else pd.DataFrame()
    plan = items.to_frame("item_id") if isinstance(items, pd.Series) else items
    ident = id_keys(plan["item_id"]).reset_index(drop=True)
    dept = (normalized(plan["department"]).reset_index(drop=True) if "department" in plan
            else pd.Series("", index=ident.index))
    decided = review[review["decision"].notna() & review["item_id"].notna()]
    row_id = id_keys(decided["item_id"])
    row_dept = (normalized(decided["department"]) if "department" in decided else
                pd.Series("", index=decided.index))
    latest: dict[int, object] = {}  # plan item → the Review row of its latest decision
    positions = pd.Series(ident.index, index=ident.to_numpy()).groupby(level=0).agg(list)
    for row, i, d in zip(decided.index, row_id, row_dept):
        items = positions.get(i, [])
        own = [at for at in items if not d or not dept[at] or d == dept[at]]
        for at in own or items:  # a department no item with the ID has: every such item
            latest[at] = row
    rows = decided.loc[list(dict.fromkeys(latest.values()))] if latest else decided.iloc[0:0]
    rows = rows[~rows.index.duplicated()]
    return rows[rows["decision"].isin(("revise", "reject"))].sort_index()


def move(current: str, version: str, target: str, review: pd.DataFrame | None,
         item_ids: pd.Series | pd.DataFrame, *, errors: int = 0, today: dt.date | None = None,
         review_sheet: str = "Review") -> Move:
    """Ask to move a plan from ``current`` to ``target``; ``errors`` is the number of errors
    validation found in the plan (a plan with errors does not become final); ``item_ids``
    as :func:`unresolved` takes them."""
    target = asked(target)
    issues: list[Issue] = []
    at = {"sheet": "Settings", "field": "status"}  # told at the plan's status setting
    if errors and target == "final":
        issues.append(Issue("plan-has-errors", value=errors, **at))
    if current == "final":
        issues.append(Issue("status-final", value=current, **at))
    elif STEPS.index(target) != STEPS.index(current) + 1:
        expected = STEPS[STEPS.index(current) + 1]
        issues.append(Issue("status-already" if target == current else "status-step",
                            value=current, **at, params={
            "value_zh": LABELS[current], "expected": expected, "expected_zh": LABELS[expected],
            "target": target, "target_zh": LABELS[target]}))
    if target == "final":
        for row, item in unresolved(review, item_ids).iterrows():
            issues.append(Issue("unresolved-decision", sheet=review_sheet, field="decision",
                                row=int(row), value=item["item_id"],
                                params={"decision": item["decision"],
                                        "decision_zh": DECISION_LABELS[item["decision"]]}))
    if issues:
        return Move(False, current, version, issues=issues)
    settings: dict[str, object] = {"status": target}
    if target == "final":
        version = next_version(version)
        settings.update(version=version, final_on=today or dt.date.today())
    return Move(True, target, version, settings=settings)
