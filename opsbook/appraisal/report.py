"""Appraisal scoring on a workbook: history gathered, issues located, results sheets made."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Union

import pandas as pd

from opsbook.appraisal.compute import AppraisalResult, score
from opsbook.appraisal.schema import HISTORY, OUTCOMES
from opsbook.appraisal.settings import AppraisalSettings
from opsbook.core.book import Book
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue, Report
from opsbook.core.output import SheetOut
from opsbook.core.outsheets import frame_sheet, issues_sheet
from opsbook.core.spec import Sheet, choice, ident, number, text
from opsbook.core.table import read_table

PathLike = Union[str, "os.PathLike[str]"]

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
    "same_score_everywhere": ("Same Score Everywhere", "所有指标同分"),
    "self_mean": ("Self Mean", "自评平均"), "others_mean": ("Others' Mean", "他评平均"),
    "gap": ("Self minus Others", "自评偏差"), "cycle": ("Cycle", "考核周期"),
}
DEPARTMENT_FIGURES = ("department", "headcount", "scored", "mean", "std", "min", "max")
SHEETS = {"results": ("Results", "考核结果"), "departments": ("Departments", "部门统计"),
          "raters": ("Raters", "评分人统计"), "self_gap": ("Self-rating Gap", "自评偏差"),
          "checks": ("Checks", "考核提示"), "history": ("History", "历史考核")}
FORMATS = {"results_score": "0.00", "ability_score": "0.00", "attitude_score": "0.00",
           "total_raw": "0.00", "total": "0.00", "bonus": "#,##0.00", "mean": "0.00",
           "std": "0.00", "min": "0.00", "max": "0.00", "mean_given": "0.00",
           "leniency": "0.00", "leniency_z": "0.00", "self_mean": "0.00",
           "others_mean": "0.00", "gap": "0.00", "bonus_coefficient": "0.00"}


#: How a Results sheet written by opsbook is read back as history (cycle from Settings).
RESULTS_AS_HISTORY = Sheet("Results", "Results", "考核结果", (
    ident("employee_id", "Employee ID", "工号", required=True),
    number("total", "Total", "总分"),
    text("grade", "Grade", "等级"),
    choice("outcome", "Outcome", "结果应用", OUTCOMES),
))


def read_history(paths: Iterable[PathLike]) -> tuple[pd.DataFrame, list[Issue]]:
    """History rows from earlier cycles' workbooks, and a warning for each that gave none.

    Both a workbook's History sheet and its Results sheet (from Calculate, with the cycle of
    its Settings) are read; a row of Results wins over the same employee and cycle in History.
    """
    from opsbook.core.book import SETTINGS_NAMES, read_settings
    from opsbook.io.read import read_raw

    frames, issues = [], []
    history_names = {normalize(n) for n in HISTORY.names()}
    settings_names = {normalize(n) for n in SETTINGS_NAMES}
    for path in paths:
        raw, _fmt = read_raw(Path(path))
        by_name = {normalize(sheet.name): sheet for sheet in raw}
        parts = [HISTORY_EMPTY]
        history = [by_name[n] for n in history_names if n in by_name]
        if history:
            parts.append(read_table(history[0], HISTORY, file=str(path))[0].frame)
        results = [by_name[n] for n in map(normalize, RESULTS_AS_HISTORY.names())
                   if n in by_name]
        settings_sheet = next((by_name[n] for n in settings_names if n in by_name), None)
        settings = read_settings(settings_sheet, AppraisalSettings, str(path))[0]
        if results and settings.cycle:
            table = read_table(results[0], RESULTS_AS_HISTORY, file=str(path))[0]
            parts.append(table.frame.assign(cycle=settings.cycle))
        frame = pd.concat([p for p in parts if not p.empty] or [HISTORY_EMPTY])
        frame = frame[frame["employee_id"].notna() & frame["cycle"].notna()]
        frame = frame.drop_duplicates(["employee_id", "cycle"], keep="last")
        if frame.empty:
            issues.append(Issue("no-history", "warning", file=str(path)))
        frames.append(frame)
    merged = pd.concat(frames) if frames else HISTORY_EMPTY.copy()
    return merged.reindex(columns=HISTORY_EMPTY.columns), issues


HISTORY_EMPTY = pd.DataFrame(columns=[f.id for f in HISTORY.fields])


def score_book(book: Book, history: pd.DataFrame | None = None) -> AppraisalResult:
    """Score a read appraisal Book; earlier cycles come from its History sheet and ``history``."""
    past = [frame for frame in (book["History"], history)
            if frame is not None and not frame.empty]
    merged = (pd.concat(past).drop_duplicates(["employee_id", "cycle"], keep="last")
              if past else None)
    result = score(book["Employees"], book["Indicators"], book["Scores"], book["Grades"],
                   merged, book.settings, lang=book.lang)
    result.issues = [_locate(book, issue) for issue in result.issues]
    if merged is not None:
        both = pd.concat([merged, result.history_rows])
        result.history_rows = both.drop_duplicates(["employee_id", "cycle"], keep="last")
    return result


def grade_counts(result: AppraisalResult) -> list[tuple[str, int]]:
    """How many employees got each grade, from the best grade down."""
    grades = [c for c in result.departments.columns if c not in DEPARTMENT_FIGURES]
    return [(g, int(result.departments[g].sum())) for g in grades]


def _locate(book: Book, issue: Issue) -> Issue:
    """Fill file, sheet name and cell of an issue that names a sheet id and a field."""
    if issue.sheet in ("Settings", "设置"):
        place = book.setting_where(issue.field or "")
    elif issue.sheet in {s.id for s in book.kind.sheets}:
        place = book.where(issue.sheet, issue.field, issue.row)
    else:
        return issue
    for key, value in place.items():
        if value is not None or key == "file":
            setattr(issue, key, value)
    return issue


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


def result_sheets(result: AppraisalResult, lang: str, cycle: str) -> list[SheetOut]:
    """The sheets of a scoring run, headers and values in ``lang``."""
    n = 1 if lang == "zh" else 0
    headers = {key: pair[n] for key, pair in HEADERS.items()}
    title = {"results": f"{cycle} 绩效考核结果" if lang == "zh" else f"Appraisal results {cycle}"}
    sheets = []
    for key, frame in (("results", result.results), ("departments", result.departments),
                       ("raters", result.raters), ("self_gap", result.self_gap)):
        name = SHEETS[key][n]
        sheets.append(frame_sheet(name, title.get(key, name).strip(), _labels(frame, lang),
                                  headers, FORMATS))
    report = Report(issues=result.issues)
    sheets.append(issues_sheet(report, lang, SHEETS["checks"][n]))
    return sheets


def history_sheet(rows: pd.DataFrame, lang: str) -> SheetOut:
    """Earlier cycles plus this one, in the History sheet's own layout (for --history)."""
    labels = {c.value: c.label(lang) for c in OUTCOMES}
    frame = rows.assign(outcome=rows["outcome"].map(lambda v: labels.get(v, v)))
    headers = {f.id: f.header(lang) for f in HISTORY.fields}
    name = SHEETS["history"][1 if lang == "zh" else 0]
    return frame_sheet(name, name, frame[[f.id for f in HISTORY.fields]], headers,
                       {"total": "0.00"})


def workbook_sheets(result: AppraisalResult, lang: str, cycle: str) -> list[SheetOut]:
    """The sheets of a results workbook: the results and the History for the next cycle."""
    return [*result_sheets(result, lang, cycle), history_sheet(result.history_rows, lang)]


def results_sheets(book: Book) -> list[SheetOut]:
    """The Calculate step of the appraisal workbook."""
    return result_sheets(score_book(book), book.lang, book.settings.cycle)


def score_appraisal(source: PathLike | Book, history: Iterable[PathLike] = ()
                    ) -> AppraisalResult:
    """Score an appraisal workbook (a path or a Book), with earlier cycles' workbooks."""
    from opsbook.api import load

    book = source if isinstance(source, Book) else load(source, "appraisal")
    past, _issues = read_history(history)
    return score_book(book, past)
