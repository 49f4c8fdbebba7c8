"""The one-line headlines of the plan commands, in English or Chinese."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from opsbook.core.shown import decimals, half_up
from opsbook.plan.consolidate import CompanyPlan
from opsbook.plan.status import LABELS, Move


def counted(n: int, noun: str) -> str:
    """An English count with its noun in the right number: "1 item", "3 items"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def share(value: float) -> str:
    """A share as a percentage with the decimals it has: 0.9 → "90%", 0.875 → "87.5%",
    0.015 → "1.5%" (not rounded to "2%")."""
    return f"{round(value * 100, 4):g}%"


#: What a completion is judged against besides the behind threshold: its target met, 100 %.
MET = 1.0


def completion_decimals(values: Iterable[object], threshold: float) -> int:
    """The decimals of completion percentages: one (89.6%), more where one would show a
    figure on the other side of the behind threshold or of 100 % (89.996 %, behind, is no
    "90.0%"; 99.96 %, short of its target, no "100.0%")."""
    return decimals(values, (threshold, MET), 1, 100)


def completion_format(values: Iterable[object], threshold: float) -> str:
    """The number format of a column of completions (shares): ``0.0%`` or wider, as
    :func:`completion_decimals` asks."""
    return "0." + "0" * completion_decimals(values, threshold) + "%"


def completion_text(value: float, threshold: float) -> str:
    """A completion (a share) as its cell shows it, "92.7%" ("89.998%" just below a
    threshold of 90 %), rounded half up as a spreadsheet rounds; "–" for none."""
    if value != value:
        return "–"
    shown = half_up(value, completion_decimals([value], threshold), scale=100)
    return f"{shown:f}%"


def most_lang(langs: Iterable[str]) -> str | None:
    """The language most of ``langs`` are in (Chinese on a tie), None for none."""
    counts = Counter(langs)
    return max(("zh", "en"), key=lambda k: counts[k]) if counts else None


def refused(left: int, lang: str, option: str = "--strict") -> str:
    """Why ``--strict`` or ``--fail-fast`` wrote no company plan."""
    return (f"{left} 个文件无法作为计划读取或未检查；{option}：未生成公司计划" if lang == "zh"
            else f"{left} file(s) cannot be read as a plan or were not checked; {option}: no "
            "company plan written")


def consolidated(company: CompanyPlan, files: int, left: int, lang: str) -> str:
    """Items, department plans, conflicts and files left out of a consolidation."""
    items = len(company.items)  # a file left out is told apart, not as a conflict
    conflicts = int(company.conflicts["code"].ne("plan-left-out").sum())
    if lang == "zh":
        line = f"{files} 个部门计划，{items} 个计划项，{conflicts} 条冲突待核实"
        return line + (f"，{left} 个文件未纳入" if left else "")
    line = (f"{counted(items, 'item')} from {counted(files, 'department plan')}, "
            f"{counted(conflicts, 'conflict')} to follow up")
    return line + (f", {left} file(s) left out" if left else "")


def carried_over(rows: int, items: int, dropped: int, lang: str) -> str:
    """What became of the reviewers' decisions of the company plan a consolidation replaces
    (nothing to say when it held none)."""
    if not rows and not dropped:
        return ""
    if lang == "zh":
        return f"；沿用审核意见 {rows} 条" + (f"，{dropped} 条未沿用（见下文）" if dropped else "")
    return (f"; {counted(rows, 'review row')} carried over"
            + (f", {dropped} not carried over (see below)" if dropped else ""))


def moved(done: Move, lang: str) -> str:
    """The status a plan moved to (for a final plan: its version and the protection)."""
    zh = lang == "zh"
    if not done.ok:
        return "状态未变更" if zh else "status not changed"
    if done.protect:
        return (f"已定稿：版本 {done.version}，各工作表已保护（无密码，仅防误改）" if zh else
                f"final: version {done.version}, every sheet protected (no password: a "
                "guard against slips)")
    return f"状态：{LABELS.get(done.status, done.status)}" if zh else f"status: {done.status}"
