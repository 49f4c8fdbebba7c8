"""Risk registers that rate impact and probability on the scales of GB/T 27921 and ISO 31000
(严重/一般/轻微, 灾难性, 几乎不可能 … 几乎确定, insignificant … catastrophic) are read on the
1–5 scale with a warning at each cell — before, 严重 or 很可能 was a type error that left the
whole tracker out of the status."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli
from trackers import D, project, task, tracker

from opsbook.api import load
from opsbook.project.levels import level


@pytest.mark.parametrize(("typed", "taken"), [
    ("严重", 4), ("一般", 3), ("轻微", 2), ("极轻微", 1), ("可忽略", 1), ("重大", 4),
    ("灾难性", 5), ("特别严重", 5), ("几乎不可能", 1), ("罕见", 1), ("不太可能", 2),
    ("可能", 3), ("很可能", 4), ("几乎确定", 5), ("严重程度", 4), ("Insignificant", 1),
    ("negligible", 1), ("Catastrophic", 5),
])
def test_scale_words(typed, taken):
    assert level(typed) == taken


@pytest.mark.parametrize("typed", ["不可能", "可能性", "严重的"])
def test_words_of_no_level(typed):
    assert level(typed) is None


def _risk(rid, probability, impact):
    return {"risk_id": rid, "project_id": "P-1", "description": "风险" + rid,
            "probability": probability, "impact": impact, "owner": "王", "mitigation": "M",
            "status": "进行中"}


def test_a_register_in_words_is_ranked_and_mapped(tmp_path):
    # 很可能 × 严重 = 4 × 4 = 16 (high); 几乎确定 × 轻微 = 5 × 2 = 10 (medium);
    # 可能 × 灾难性 = 3 × 5 = 15 (high); 不太可能 × 一般 = 2 × 3 = 6 (medium)
    path = tracker(tmp_path / "register.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 10000, 0.4, 5000)],
                   risks=[_risk("R-1", "很可能", "严重"), _risk("R-2", "几乎确定", "轻微"),
                          _risk("R-3", "可能", "灾难性"), _risk("R-4", "不太可能", "一般")],
                   lang="zh")
    book = load(path, "project")
    assert not [i for i in book.issues if i.severity == "error"]
    first = next(i for i in book.issues if i.cell == "E4")
    assert (first.code, first.severity) == ("risk-level-word", "warning")
    assert first.message("zh") == ("“影响”：“严重”按 1–5 级识别为 4（很低 1、低 2、中 3、高 4、"
                                   "很高 5）；建议直接填写数字。")
    out = tmp_path / "status.xlsx"
    done = run_cli("project", "status", path, "--as-of", "2026-11-06", "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    sheet = openpyxl.load_workbook(out)["风险矩阵"]
    ranked = [(r[3], r[5], r[6], r[7]) for r in sheet.iter_rows(min_row=3, max_row=6,
                                                                values_only=True)]
    assert ranked == [("R-1", 4, 4, 16), ("R-3", 3, 5, 15), ("R-2", 5, 2, 10),
                      ("R-4", 2, 3, 6)]
    # heat map: probability 5 … 1 down (rows 3 … 7), impact 1 … 5 across (columns O … S)
    heat = {(5 - r, c + 1): sheet.cell(3 + r, 15 + c).value for r in range(5) for c in range(5)}
    assert {k: v for k, v in heat.items() if v} == {(4, 4): 1, (3, 5): 1, (5, 2): 1,
                                                    (2, 3): 1}
