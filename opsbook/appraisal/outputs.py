"""The sheets an appraisal computation writes, in either language."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from opsbook.appraisal.compute import AppraisalResult
from opsbook.appraisal.schema import HISTORY, OUTCOMES, OUTPUTS
from opsbook.core.issues import Report
from opsbook.core.output import SheetOut
from opsbook.core.outsheets import frame_sheet, issues_sheet
from opsbook.core.shown import decimals

HEADERS: dict[str, tuple[str, str]] = {
    "employee_id": ("Employee ID", "工号"), "name": ("Name", "姓名"),
    "department": ("Department", "部门"), "results_score": ("Work Results", "工作业绩"),
    "ability_score": ("Abilities", "工作能力"), "attitude_score": ("Attitude", "工作态度"),
    "total_raw": ("Total before Calibration", "校准前总分"), "total": ("Total", "总分"),
    "grade": ("Grade", "等级"), "rank": ("Rank", "排名"),
    "department_rank": ("Rank in Department", "部门排名"),
    "bonus_coefficient": ("Bonus Coefficient", "奖金系数"), "bonus": ("Bonus", "绩效奖金"),
    "outcome": ("Outcome", "结果应用"), "consecutive_failures": ("Failed Cycles in a Row",
                                                              "连续不达标次数"),
    "escalate": ("Escalate", "按规定处理"), "raters_superior": ("Superior Raters", "上级评分人数"),
    "raters_peer": ("Peer Raters", "同事评分人数"), "raters_self": ("Self-ratings", "自评人数"),
    "notes": ("Notes", "说明"), "headcount": ("Headcount", "人数"), "scored": ("Scored", "已评分"),
    "mean": ("Mean", "平均分"), "std": ("Spread (SD)", "标准差"), "min": ("Lowest", "最低分"),
    "max": ("Highest", "最高分"), "rater_id": ("Rater ID", "评分人工号"),
    "ratings": ("Ratings", "评分条数"), "employees": ("Employees Rated", "被评人数"),
    "mean_given": ("Mean Given", "平均给分"), "leniency": ("Leniency", "宽严度"),
    "leniency_z": ("Leniency z", "宽严度 z 值"),
    "same_score_everywhere": ("Same Score on All Indicators", "所有指标同分"),
    "self_mean": ("Self Mean", "自评平均"), "others_mean": ("Others' Mean", "他评平均"),
    "gap": ("Self minus Others", "自评偏差"), "cycle": ("Cycle", "考核周期"),
}
DEPARTMENT_FIGURES = ("department", "headcount", "scored", "mean", "std", "min", "max")
_NAMES = {o.id: o for o in OUTPUTS}
FORMATS = {"results_score": "0.00", "ability_score": "0.00", "attitude_score": "0.00",
           "total_raw": "0.00", "total": "0.00", "bonus": "#,##0.00", "mean": "0.00",
           "std": "0.00", "min": "0.00", "max": "0.00", "mean_given": "0.00",
           "leniency": "0.00", "leniency_z": "0.00", "self_mean": "0.00",
           "others_mean": "0.00", "gap": "0.00", "bonus_coefficient": "0.00"}


def total_format(totals: Iterable[object], minimums: Iterable[float]) -> str:
    """The number format of a column of totals: ``0.00``, or ``0.000`` and so on where two
    decimals would show a total on the wrong side of a grade's minimum (89.995, an A under
    an S from 90, is no "90.00")."""
    return "0." + "0" * decimals(totals, minimums, 2)



def grade_counts(result: AppraisalResult) -> list[tuple[str, int]]:
    """How many employees got each grade, from the best grade down."""
    grades = [c for c in result.departments.columns if c not in DEPARTMENT_FIGURES]
    return [(g, int(result.departments[g].sum())) for g in grades]


def _labels(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = frame.copy()
    if "outcome" in frame:
        labels = {c.value: c.label(lang) for c in OUTCOMES}
        frame["outcome"] = frame["outcome"].map(lambda v: labels.get(v, v))
    words = {True: "是", False: "否"} if lang == "zh" else {True: "yes", False: "no"}
    for column in ("escalate", "same_score_everywhere"):
        if column in frame:
            frame[column] = frame[column].map(lambda v: words[bool(v) if v == v else False])
    return frame


#: What an output sheet with no rows says under its headers (English, Chinese): a blank
#: sheet would look as if something had failed.
EMPTY = {"raters": ("No one rated another employee this cycle.", "本期没有评分人为他人评分。"),
         "self_gap": ("No self-rating this cycle: no gap to show.", "本期没有自评，无偏差可比较。")}


def sheets(result: AppraisalResult, lang: str, cycle: str) -> list[SheetOut]:
    """What Calculate writes: Results, Departments, Raters, Self-rating Gap and Checks.

    The Total column shows more than two decimals where two would show a total on the wrong
    side of a grade's minimum (89.995 graded A is no "90.00"), and so do a department's
    lowest and highest total."""
    headers = {key: pair[1 if lang == "zh" else 0] for key, pair in HEADERS.items()}
    ends = total_format([*result.departments["min"], *result.departments["max"]],
                        result.grade_minimums)  # the lowest and highest are totals too
    formats = {**FORMATS, "total": total_format(result.results["total"], result.grade_minimums),
               "min": ends, "max": ends}
    title = {"results": f"{cycle} 绩效考核结果" if lang == "zh" else f"Appraisal results {cycle}"}
    out = []
    for key, frame, keys in (("results", result.results, 2),
                             ("departments", result.departments, 1),
                             ("raters", result.raters, 1), ("self_gap", result.self_gap, 1)):
        name = _NAMES[key].name(lang)
        said = EMPTY.get(key, ("", ""))[1 if lang == "zh" else 0]
        out.append(frame_sheet(name, title.get(key, name).strip(), _labels(frame, lang),
                               headers, formats, key_columns=keys, empty=said))
    out[0].fills = outcome_fills(result.results)
    checks = _NAMES["checks"].name(lang)
    out.append(issues_sheet(Report(issues=result.issues), lang, checks, title=checks))
    return out


#: Fills of the grade by outcome, and of an employee to escalate.
#: (not the fills of marked cells, so a mark is never mistaken for a result)
COMMEND_FILL, IMPROVE_FILL, ESCALATE_FILL = "C6EFCE", "FCE4D6", "F4B084"


def outcome_fills(results: pd.DataFrame) -> dict[tuple[int, int], str]:
    """The Results sheet coloured by rule: the grade green for commend and amber for an
    improvement interview; the escalate cell red when the employee is escalated."""
    columns = list(results.columns)
    fills: dict[tuple[int, int], str] = {}
    grade, escalate = columns.index("grade"), columns.index("escalate")
    outcome = results["outcome"].to_numpy()
    flagged = results["escalate"].fillna(False).astype(bool).to_numpy()
    for row in range(len(results)):
        if outcome[row] == "commend":
            fills[(row, grade)] = COMMEND_FILL
        elif outcome[row] == "improve":
            fills[(row, grade)] = IMPROVE_FILL
        if flagged[row]:
            fills[(row, escalate)] = ESCALATE_FILL
    return fills


def history_sheet(rows: pd.DataFrame, lang: str, minimums: tuple[float, ...] = ()) -> SheetOut:
    """Earlier cycles plus this one, in the History sheet's own layout (for --history); the
    totals with the decimals that keep each on its side of the grade ``minimums``."""
    labels = {c.value: c.label(lang) for c in OUTCOMES}
    frame = rows.assign(outcome=rows["outcome"].map(lambda v: labels.get(v, v)))
    headers = {f.id: f.header(lang) for f in HISTORY.fields}
    name = _NAMES["history"].name(lang)
    return frame_sheet(name, name, frame[[f.id for f in HISTORY.fields]], headers,
                       {"total": total_format(rows["total"], minimums)})
