"""A risk's probability written as a percentage (30%, a cell shown as 30 %, "3%") or as a
fraction (0.3) is read by PMBOK's probability bands (0.1, 0.3, 0.5, 0.7, 0.9: up to 20 %
is 1, up to 40 % 2 …) with a warning at its cell, instead of an out-of-range error that
left the whole tracker out, or "3%" silently read as level 3."""

from __future__ import annotations

import openpyxl
import pandas as pd
from trackers import D, project, status, task, tracker

from opsbook.api import load


def _risks(tmp_path, cells):
    risks = [{"risk_id": f"R-{n}", "project_id": "P-1", "description": "d", "probability": 3,
              "impact": 4, "owner": "A", "status": "open"} for n in range(1, len(cells) + 1)]
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 500)], risks=risks,
                   status_date=pd.Timestamp(2026, 11, 6))
    wb = openpyxl.load_workbook(path)
    ws = wb["Risks"]
    for n, (value, fmt) in enumerate(cells):
        ws.cell(4 + n, 4).value = value  # D: Probability
        if fmt:
            ws.cell(4 + n, 4).number_format = fmt
    wb.save(path)
    return path


def test_percentages_and_fractions_take_pmbok_levels(tmp_path):
    path = _risks(tmp_path, [(0.3, "0%"), ("30%", None), ("３％", None), (0.7, None),
                             ("41%", None), ("100%", None), (0.2, None), ("0.9", None)])
    book = load(path, "project")
    said = [(i.code, i.severity, i.cell, i.params["result"]) for i in
            sorted(book.issues, key=lambda i: i.row or 0) if i.field == "probability"]
    assert said == [("risk-probability-percent", "warning", f"D{r}", level) for r, level in
                    [(4, "2"), (5, "2"), (6, "1"), (7, "4"), (8, "3"), (9, "5"), (10, "1"),
                     (11, "5")]]
    assert book.tables["Risks"].frame["probability"].tolist() == [2, 2, 1, 4, 3, 5, 1, 5]
    issue = next(i for i in book.issues if i.cell == "D6")
    assert issue.message() == (
        "'Probability': ３％ was read as 1 on the 1–5 scale (as PMBOK's probabilities: up to "
        "20% very low 1, up to 40% low 2, up to 60% medium 3, up to 80% high 4, above 80% very "
        "high 5); enter the level to be sure.")
    assert issue.message("zh").startswith(
        "“Probability”：３％ 按 1–5 级识别为 1（按 PMBOK 的概率分级：")
    assert "result_zh" not in issue.params
    # the tracker is computed: 30 % × impact 4 is score 8, ranked below 70 % × 4 = 16
    result, _ = status(path)
    ranked = result.risks[["risk_id", "score"]].values.tolist()
    assert ranked[:3] == [["R-6", 20], ["R-8", 20], ["R-4", 16]]
    assert result.status.iloc[0]["top_risk_score"] == 20


def test_no_percentage_is_still_refused(tmp_path):
    path = _risks(tmp_path, [("0%", None), ("150%", None), (7, None), ("3.5", None)])
    codes = sorted((i.code, i.cell) for i in load(path, "project").issues
                   if i.field == "probability")
    assert codes == [("out-of-range", "D4"), ("out-of-range", "D5"), ("out-of-range", "D6"),
                     ("type-error", "D7")]
