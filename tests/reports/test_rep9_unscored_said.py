"""An appraisal report where some employees were not graded (nobody rated them) says so in
its findings and recommends collecting their ratings, in the page, the PDF and each head's
part; before, a cycle where nobody was scored said "nothing to act on"."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_cli

import opsbook
from opsbook.api import new_workbook
from opsbook.core.sampling import settings


def write(path: Path, lang: str, rated: dict[str, float],
          grades: pd.DataFrame | None = None) -> Path:
    """王伟 (E1, 运营部), 李娜 (E2, 运营部) and 张强 (E3, 市场部); only ``rated`` scored;
    ``grades`` the Grades sheet's rows (the template's when None)."""
    frames = {
        "Employees": pd.DataFrame({"employee_id": ["E1", "E2", "E3"],
                                   "name": ["王伟", "李娜", "张强"],
                                   "department": ["运营部", "运营部", "市场部"],
                                   "bonus_base": 1000.0}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1"], "group": ["results"],
                                    "name": ["计划完成"], "weight": [100]}),
        "Scores": pd.DataFrame({"employee_id": list(rated), "rater_id": "B0",
                                "rater_role": "superior", "indicator_id": "K1",
                                "score": list(rated.values())},
                               columns=["employee_id", "rater_id", "rater_role",
                                        "indicator_id", "score"]),
        "Settings": settings(cycle="2026Q4"),
    }
    if grades is not None:
        frames["Grades"] = grades
    new_workbook("appraisal", lang, path, frames=frames)
    return path


@pytest.mark.parametrize("lang, finding, action", [
    ("zh", "2 名员工未评定等级（没有计入的评分）：李娜、张强。",
     "补齐李娜、张强的评分后重新计算本期考核。"),
    ("en", "2 employee(s) not graded (no rating counted): 李娜, 张强.",
     "Collect the missing ratings of 李娜, 张强 and score the cycle again."),
])
def test_the_employees_not_graded_are_a_finding(tmp_path: Path, lang, finding, action):
    summary = opsbook.api.summarize(write(tmp_path / "k.xlsx", lang, {"E1": 85})).summary
    [found] = [f for f in summary.findings if f.topic == "unscored"]
    assert (found.text, found.action, found.names) == (finding, action, ("李娜", "张强"))
    market = [f.text for f in summary.parts["市场部"].findings]  # the head's own part
    assert market == [{"zh": "1 名员工未评定等级（没有计入的评分）：张强。",
                       "en": "1 employee(s) not graded (no rating counted): 张强."}[lang]]


def test_nobody_scored_is_not_nothing_to_act_on(tmp_path: Path):
    path = write(tmp_path / "考核.xlsx", "zh", {})
    page = tmp_path / "考核.html"
    assert run_cli("report", path, "-o", page).returncode == 0
    text = page.read_text(encoding="utf-8")
    assert "3 名员工未评定等级（没有计入的评分）：王伟、李娜、张强。" in text
    assert "补齐王伟、李娜、张强的评分后重新计算本期考核。" in text
    assert "暂无需要处理的事项" not in text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")
def test_the_pdf_says_it_in_chinese(tmp_path: Path):
    path = write(tmp_path / "考核.xlsx", "zh", {"E1": 95})
    pdf = tmp_path / "考核.pdf"
    done = run_cli("report", path, "-o", pdf)
    if done.returncode == 2 and "Chromium" in done.stderr:
        pytest.skip("no Chromium here")
    assert done.returncode == 0
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "未评定等级" in " ".join(text.split())
    assert "补齐李娜、张强的评分" in "".join(text.split())
