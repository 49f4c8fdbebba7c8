"""A risk's probability or impact written as a level (高/中/低, High/Medium/Low, 极高, 3级,
三) is read on the 1–5 scale (very low 1 … very high 5) with a warning at its cell saying the
number taken, and ranked and counted in the heat map — no longer a type error that left the
whole tracker out. A word that names no level is still an error."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli
from trackers import D, project, task, tracker

from opsbook.api import load
from opsbook.project.levels import level


def _risk(rid, probability, impact, status="open"):
    return {"risk_id": rid, "project_id": "P-1", "description": "Risk " + rid,
            "probability": probability, "impact": impact, "owner": "O", "mitigation": "M",
            "status": status}


def _tracker(tmp_path, risks, lang="en"):
    return tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 10000, 0.4, 5000)],
                   risks=risks, lang=lang)


@pytest.mark.parametrize(("typed", "taken"), [
    ("很低", 1), ("低", 2), ("中", 3), ("中等", 3), ("高", 4), ("很高", 5), ("极高", 5),
    ("Very Low", 1), ("low", 2), ("Medium", 3), ("HIGH", 4), ("very high", 5), ("H", 4),
    ("高风险", 4), ("3级", 3), ("五", 5), ("ＭＥＤＩＵＭ", 3),
])
def test_level_words(typed, taken):
    assert level(typed) == taken


@pytest.mark.parametrize("typed", ["很好", "6级", "七", "", "high-ish"])
def test_no_level(typed):
    assert level(typed) is None


def test_levels_in_a_chinese_register(tmp_path):
    # 高 × 中 = 4 × 3 = 12 (medium); 极高 × 高 = 5 × 4 = 20 (high); 低 × 低 = 2 × 2 = 4 (low)
    path = _tracker(tmp_path, [_risk("R-1", "高", "中"), _risk("R-2", "极高", "高"),
                               _risk("R-3", "低", 2)], lang="zh")
    book = load(path, "project")
    words = [(i.code, i.severity, i.cell) for i in book.issues if i.sheet == "风险"]
    assert words == [("risk-level-word", "warning", "D4"), ("risk-level-word", "warning", "D5"),
                     ("risk-level-word", "warning", "D6"), ("risk-level-word", "warning", "E4"),
                     ("risk-level-word", "warning", "E5")]
    first = next(i for i in book.issues if i.cell == "D4")
    assert first.message("zh") == ("“可能性”：“高”按 1–5 级识别为 4（很低 1、低 2、中 3、高 4、"
                                   "很高 5）；建议直接填写数字。")
    assert first.message() == ("'可能性': '高' was read as 4 on the 1–5 scale (very low 1, "
                               "low 2, medium 3, high 4, very high 5); enter the number to be "
                               "sure.")
    out = tmp_path / "status.xlsx"
    done = run_cli("project", "status", path, "--as-of", "2026-11-06", "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    wb = openpyxl.load_workbook(out)
    risks = wb["风险矩阵"]
    ranked = [(r[3], r[5], r[6], r[7]) for r in risks.iter_rows(min_row=3, max_row=5,
                                                                 values_only=True)]
    assert ranked == [("R-2", 5, 4, 20), ("R-1", 4, 3, 12), ("R-3", 2, 2, 4)]
    status = wb["项目状态"]
    headers = [c.value for c in status[2]]
    row = dict(zip(headers, [c.value for c in status[3]]))
    assert row["未关闭风险数"] == 3 and row["最高风险值"] == 20


def test_a_word_of_no_level_is_still_a_type_error(tmp_path):
    book = load(_tracker(tmp_path, [_risk("R-1", "很好", 3)]), "project")
    issue = next(i for i in book.issues if i.field == "probability")
    assert (issue.code, issue.severity, issue.cell) == ("type-error", "error", "D4")
