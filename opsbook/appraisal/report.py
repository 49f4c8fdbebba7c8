"""Appraisal scoring on a workbook: history gathered, issues located, results sheets made."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Union

import pandas as pd

from opsbook.appraisal.compute import AppraisalResult, score
from opsbook.appraisal.schema import HISTORY, OUTCOMES
from opsbook.core.book import Book
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue, Report
from opsbook.core.table import read_table
from opsbook.excel.port import SheetOut
from opsbook.excel.results import frame_sheet, issues_sheet

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
SHEETS = {"results": ("Results", "考核结果"), "departments": ("Departments", "部门统计"),
          "raters": ("Raters", "评分人统计"), "self_gap": ("Self-rating Gap", "自评偏差"),
          "checks": ("Checks", "考核提示"), "history": ("History", "历史考核")}
FORMATS = {"results_score": "0.00", "ability_score": "0.00", "attitude_score": "0.00",
           "total_raw": "0.00", "total": "0.00", "bonus": "#,##0.00", "mean": "0.00",
           "std": "0.00", "min": "0.00", "max": "0.00", "mean_given": "0.00",
           "leniency": "0.00", "leniency_z": "0.00", "self_mean": "0.00",
           "others_mean": "0.00", "gap": "0.00", "bonus_coefficient": "0.00"}


def read_history(paths: Iterable[PathLike]) -> pd.DataFrame:
    """History rows from earlier cycles' workbooks (their History sheets)."""
    from opsbook.io.read import read_raw

    frames = []
    names = {normalize(n) for n in HISTORY.names()}
    for path in paths:
        raw, _fmt = read_raw(Path(path))
        for sheet in raw:
            if normalize(sheet.name) in names:
                table, _issues = read_table(sheet, HISTORY, file=str(path))
                frames.append(table.frame)
    return pd.concat(frames) if frames else HISTORY_EMPTY.copy()


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
    result.history_rows = pd.concat([frame for frame in (merged, result.history_rows)
                                     if frame is not None and not frame.empty]
                                    ) if merged is not None else result.history_rows
    return result


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
    return score_book(book, read_history(history))
