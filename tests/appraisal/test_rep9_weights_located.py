"""Indicator weights that do not add up (one typed "50%", the other 0.5: 50.5% together) are
said at the Weight header's cell, not at the sheet alone: the listing names the cell, and
the annotated copy (and the Validate button) marks the header red with the note."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import run_cli

from opsbook.api import new_workbook
from opsbook.core.output import ERROR_FILL
from opsbook.core.sampling import settings


def write(path: Path, lang: str) -> Path:
    frames = {
        "Employees": pd.DataFrame({"employee_id": ["E1"], "name": ["王伟"],
                                   "department": ["运营部"]}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1", "K2"],
                                    "group": ["results", "attitude"],
                                    "name": ["计划完成", "责任心"], "weight": ["50%", 0.5]},
                                   dtype=object),
        "Scores": pd.DataFrame({"employee_id": ["E1", "E1"], "rater_id": "B0",
                                "rater_role": "superior", "indicator_id": ["K1", "K2"],
                                "score": [80, 90]}),
        "Settings": settings(cycle="2026Q4"),
    }
    new_workbook("appraisal", lang, path, frames=frames)
    return path


@pytest.mark.parametrize("lang, said", [
    ("en", "Indicators!D3  [weights-sum] Indicator weights add up to 50.5%, not 100%."),
    ("zh", "考核指标!D3  [weights-sum] 指标权重合计为 50.5%，不等于 100%。"),
])
def test_the_sum_is_said_at_the_weight_header(tmp_path: Path, lang: str, said: str):
    path = write(tmp_path / "k.xlsx", lang)
    done = run_cli("validate", path)
    assert done.returncode == 1 and said in done.stdout
    marked = tmp_path / "marked.xlsx"
    assert run_cli("validate", path, "--annotate", marked).returncode == 1
    sheet = openpyxl.load_workbook(marked)["考核指标" if lang == "zh" else "Indicators"]
    header = sheet["D3"]
    assert header.value == ("权重" if lang == "zh" else "Weight")
    assert header.fill.fgColor.rgb.endswith(ERROR_FILL.lstrip("#").upper())
    assert said.split("] ", 1)[1] in header.comment.text
