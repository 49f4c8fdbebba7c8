"""Open risks without a probability or an impact are named in the note under the heat map;
a risk ID is one tracker's (two trackers may each have an R-1), so where IDs repeat each is
said with its project — before, the note said "(R-1, R-1)", naming neither."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from trackers import D, project, task, tracker

import opsbook
from opsbook.api.common import write_output


def _risk(pid, probability=None):
    return {"risk_id": "R-1", "project_id": pid, "description": "Vendor late",
            "probability": probability, "impact": 3, "owner": "O", "mitigation": "M",
            "status": "open"}


def _note(tmp_path, risks_b, lang):
    day = pd.Timestamp(2026, 11, 13)
    a = tracker(tmp_path / "a.xlsx", [project("P-1")],
                [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 1.0, 1000)],
                risks=[_risk("P-1")], lang=lang, status_date=day)
    b = tracker(tmp_path / "b.xlsx", [project("P-2")],
                [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 1.0, 1000, pid="P-2")],
                risks=risks_b, lang=lang, status_date=day)
    out = tmp_path / "status.xlsx"
    write_output(out, opsbook.project_status([a, b]).sheets)
    ws = openpyxl.load_workbook(out).worksheets[4]
    return ws.cell(ws.max_row, 1).value


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "2 open risk(s) without a probability or an impact cannot be scored: ranked last "
           "and left out of the heat map (P-1 R-1, P-2 R-1)."),
    ("zh", "2 项未关闭风险缺少可能性或影响，无法评分：排在最后，不计入热力图"
           "（P-1 R-1、P-2 R-1）。")])
def test_repeated_risk_ids_are_said_with_their_projects(tmp_path, lang, said):
    assert _note(tmp_path, [_risk("P-2")], lang) == said


def test_ids_of_their_own_are_said_alone(tmp_path):
    other = dict(_risk("P-2", 2), risk_id="R-2")
    assert _note(tmp_path, [other], "en").endswith("left out of the heat map (R-1).")
