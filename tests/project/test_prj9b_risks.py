"""The Risk Matrix worked out by hand: ranks with ties, levels, the 5 × 5 heat map's cell
counts as the written workbook shows them, states in Chinese; a probability typed as a
word is an error at its cell in both languages, never a risk silently unscored."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from trackers import D, project, task, tracker

from opsbook.api import load

#: id, probability, impact, status — all of project P-1
RISKS = [("R-1", 3, 4, "open"), ("R-2", 4, 3, "open"), ("R-10", 4, 3, "open"),
         ("R-3", 5, 5, "closed"), ("R-4", 2, 2, "open"), ("R-5", 3, 4, "进行中"),
         ("R-6", 1, 1, "已关闭"), ("R-7", 5, 3, "open")]


def _tracker(tmp_path, rows=RISKS, lang="zh"):
    risks = [{"risk_id": r, "project_id": "P-1", "description": "about " + r,
              "probability": p, "impact": i, "owner": "Bo", "mitigation": "watch",
              "status": s} for r, p, i, s in rows]
    return tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 1.0, 1000)],
                   risks=risks, lang=lang)


def test_ranks_levels_and_heat_map_by_hand(tmp_path):
    out = tmp_path / "status.xlsx"
    done = run_cli("project", "status", _tracker(tmp_path), "--as-of", "2026-11-30", "-o",
                   out, "-j", "1", "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    sheet = openpyxl.load_workbook(out)["风险矩阵"]
    rows = [r for r in sheet.iter_rows(min_row=3, max_col=12, values_only=True) if r[3]]
    # open first by score 15, then the four 12s: probability 4 before 3, then R-2 before
    # R-10 (numbers as numbers); the closed ones (进行中 is open, 已关闭 closed) unranked
    assert [c.value for c in sheet[2]][:9] == ["排名", "项目编号", "项目名称", "风险编号", "描述",
                                               "可能性", "影响", "风险值（可能性×影响）", "等级"]
    assert [(r[0], r[3], r[7], r[8]) for r in rows] == [
        (1, "R-7", 15, "高"), (2, "R-2", 12, "中"), (3, "R-10", 12, "中"), (4, "R-1", 12, "中"),
        (5, "R-5", 12, "中"), (6, "R-4", 4, "低"), (None, "R-3", 25, "高"),
        (None, "R-6", 1, "低")]
    # the heat map: probability 5 … 1 down (rows 3–7), impact 1 … 5 across; open risks only
    corner = next(c for c in sheet[2] if c.value and "↓" in str(c.value))
    grid = [[sheet.cell(row, corner.column + i).value or 0 for i in range(1, 6)]
            for row in range(3, 8)]
    assert [sheet.cell(row, corner.column).value for row in range(3, 8)] == [5, 4, 3, 2, 1]
    assert grid == [[0, 0, 1, 0, 0],   # P5: R-7 (I3); R-3 (5×5) is closed
                    [0, 0, 2, 0, 0],   # P4
                    [0, 0, 0, 2, 0],   # P3
                    [0, 1, 0, 0, 0],   # P2: R-4
                    [0, 0, 0, 0, 0]]   # P1: R-6 is closed
    status = openpyxl.load_workbook(out)["项目状态"]
    row = dict(zip((c.value for c in status[2]), (c.value for c in status[3])))
    assert (row["未关闭风险数"], row["最高风险值"]) == (6, 15)


def test_a_probability_in_words_is_a_level_and_out_of_range_an_error(tmp_path):
    # a level in words is read on the 1–5 scale with a warning (see test_prj10_risk_levels)
    rows = [("R-1", "高", 3, "open"), ("R-2", 2, "Medium", "open"), ("R-3", 2, 6, "open")]
    book = load(_tracker(tmp_path, rows, lang="en"), "project")
    said = {(i.cell, i.code): (i.message("en"), i.message("zh")) for i in book.issues
            if i.severity == "error"}
    assert said == {
        ("E6", "out-of-range"): ("'Impact' must be between 1 and 5, found 6.",
                                 "“Impact”应在 1 到 5 之间，实际为 6。"),
    }
    assert [(i.cell, i.code) for i in book.issues if i.severity == "warning"] == [
        ("D4", "risk-level-word"), ("E5", "risk-level-word")]
    assert {i.sheet for i in book.issues if i.severity == "error"} == {"Risks"}
