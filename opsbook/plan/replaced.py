"""What a company plan consolidated again over an earlier one does not keep of it.

``plan consolidate`` writes the company plan anew: the reviewers' decisions of the earlier
one are carried over (:mod:`opsbook.plan.carry`), its version and ``behind_threshold`` go
on, and everything else it held is replaced. What a user added there is said, so that
nothing goes without a word: sheets of their own (an Actuals sheet with rows among them),
columns added to the Review sheet that hold anything, and a status beyond draft (the new
plan is a draft, to be moved on again). Sheets that opsbook computes (tracking, a diff) are
written again by their commands and are not said.
"""

from __future__ import annotations

from opsbook.core.book import Book
from opsbook.core.issues import Issue
from opsbook.core.output import ISSUES_SHEET
from opsbook.plan.carry import REVIEW_COLUMNS
from opsbook.plan.outputs import header
from opsbook.plan.schema import ACTUALS, OUTPUTS, PLAN, REVIEW
from opsbook.plan.status import LABELS


def _fold(name: object) -> str:
    return str(name).strip().casefold()


#: Sheets a company plan is written with, or that opsbook computes into it (Validate's
#: list of issues too).
OWN_SHEETS = frozenset([*(_fold(n) for sheet in (PLAN, REVIEW, *OUTPUTS) for n in sheet.names()),
                        *(_fold(n) for n in ISSUES_SHEET.values())])
#: The Actuals sheet's names: said when it holds rows (a company plan has none of its own).
ACTUALS_SHEETS = frozenset(_fold(n) for n in ACTUALS.names())
#: The Review sheet's own columns, in either language.
REVIEW_HEADERS = frozenset(_fold(header(c, lang)) for c in REVIEW_COLUMNS
                           for lang in ("en", "zh"))


def left_behind(earlier: Book, file: str) -> Issue | None:
    """The ``earlier-plan-left-behind`` warning for what ``earlier`` (the company plan at
    ``file``, read) holds that the new company plan will not, or None when there is none."""
    settings = {sheet for sheet, _ in earlier.settings_cells.values()}
    actuals = earlier.tables.get("Actuals")
    en: list[str] = []
    zh: list[str] = []
    sheets = [s for s in earlier.sheet_names if _fold(s) not in OWN_SHEETS and s not in settings
              and (_fold(s) not in ACTUALS_SHEETS
                   or actuals is not None and not actuals.frame.empty)]
    if sheets:
        en.append("sheets " + ", ".join(f"'{s}'" for s in sheets))
        zh.append("工作表" + "、".join(f"“{s}”" for s in sheets))
    review = earlier.tables.get("Review")
    added = [] if review is None else [
        name for name in review.extras if _fold(name) not in REVIEW_HEADERS
        and name in review.frame and review.frame[name].map(_filled).any()]
    if added:
        en.append("Review columns " + ", ".join(f"'{c}'" for c in added))
        zh.append(f"“{review.name}”中的列" + "、".join(f"“{c}”" for c in added))
    status = earlier.settings.status
    if status in ("submitted", "reviewed"):
        en.append(f"status {status} (the new plan is a draft)")
        zh.append(f"状态“{LABELS[status]}”（新计划为草稿）")
    if not en:
        return None
    return Issue("earlier-plan-left-behind", "warning", file=file,
                 params={"what": "; ".join(en), "what_zh": "；".join(zh)})


def _filled(value: object) -> bool:
    return value is not None and value == value and str(value).strip() != ""
