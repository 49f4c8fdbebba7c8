"""Grade minimums typed as shares of the scale (0.9, 0.8, 0.6 for 90, 80, 60 on a scale to
100), as weights may be typed: every total reached the top band, and E1 (95), E2 (85), E3
(75) and E4 (58) were all graded S with a bonus of 1.5 × 1000, silently. Such a Grades sheet
is now an error at each minimum above 0, in both languages; a cell formatted as a
percentage (90% shown) is the 90 it shows, as before."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
from conftest import run_cli

from opsbook.api import new_workbook

SCORES = {"E1": 95, "E2": 85, "E3": 75, "E4": 58}
GRADES = [("S", 0.9, 1.5, "commend"), ("A", 0.8, 1.2, "none"), ("B", 0.6, 1.0, "none"),
          ("D", 0, 0, "improve")]


def write(path: Path, lang: str) -> Path:
    ids = list(SCORES)
    new_workbook("appraisal", lang, path, frames={
        "Employees": pd.DataFrame({"employee_id": ids, "name": ["王伟", "李娜", "张强", "赵敏"],
                                   "department": "运营部", "bonus_base": 1000.0}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1"], "group": ["results"],
                                    "name": ["计划完成"], "weight": [100]}),
        "Scores": pd.DataFrame({"employee_id": ids, "rater_id": "B0",
                                "rater_role": "superior", "indicator_id": "K1",
                                "score": list(SCORES.values())}),
        "Grades": pd.DataFrame(GRADES, columns=["grade", "min_score", "bonus_coefficient",
                                                "outcome"]),
        "Settings": pd.DataFrame({"key": ["cycle"], "value": ["2026Q4"]}, dtype=object)})
    return path


def test_shares_for_points_refused_at_their_cells(tmp_path: Path) -> None:
    book = write(tmp_path / "en.xlsx", "en")
    done = run_cli("appraisal", "score", book, "-o", tmp_path / "r.xlsx", "-q")
    assert done.returncode == 1 and not (tmp_path / "r.xlsx").exists()
    assert "Grades!B4  [grade-as-fraction] Grade S starts at 0.9, and no grade starts above " \
           "1 on a scale to 100: a minimum score is in points, not a share of the scale " \
           "(type 90 for 90%, or format the cell as a percentage)." in done.stdout
    assert "Grades!B6  [grade-as-fraction] Grade B starts at 0.6" in done.stdout
    assert "Grades!B7" not in done.stdout  # D from 0: the bottom band, not a share
    zh = run_cli("validate", write(tmp_path / "zh.xlsx", "zh"), "-q")
    assert zh.returncode == 1
    assert "等级!B5  [grade-as-fraction] 等级 A 的最低分为 0.8，而所有等级的最低分都不超过 " \
           "1，评分上限为 100：最低分按分数填写，不是分制的比例（90% 请填 90，或将单元格设为" \
           "百分比格式）。" in zh.stdout


def test_percent_cells_are_the_points_they_show(tmp_path: Path) -> None:
    book = write(tmp_path / "pct.xlsx", "en")
    workbook = openpyxl.load_workbook(book)
    for row in workbook["Grades"].iter_rows(min_row=4, max_row=6, min_col=2, max_col=2):
        row[0].number_format = "0%"  # 0.9 shown as 90%
    workbook.save(book)
    done = run_cli("appraisal", "score", book, "-o", tmp_path / "r.xlsx", "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    # 95 ≥ 90 S, 85 ≥ 80 A, 75 ≥ 60 B, 58 below 60: D
    assert "4 employees, grades S 1, A 1, B 1, D 1; 0 to escalate" in done.stdout
