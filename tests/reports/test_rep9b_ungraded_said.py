"""An appraisal report where some employees were scored but fell below every grade's
minimum (a Grades sheet whose lowest band starts at 60: no grade, bonus or outcome) says so in
its findings, with the lowest minimum and what to do, in the page and in each head's part;
before, the page said "nothing calls for action" while the run warned below-lowest-grade."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import run_cli

import opsbook
from reports import test_rep9_unscored_said as unscored

GRADES = pd.DataFrame({"grade": ["A", "B"], "min_score": [80, 60],
                       "bonus_coefficient": [1.2, 1.0], "outcome": ["commend", "none"]})


def write(path: Path, lang: str) -> Path:
    """王伟 (E1, 运营部) 85, 李娜 (E2, 运营部) 50 and 张强 (E3, 市场部) 40, under bands from
    60: 李娜 and 张强 get no grade."""
    return unscored.write(path, lang, {"E1": 85, "E2": 50, "E3": 40}, GRADES)


@pytest.mark.parametrize("lang, finding, action, part", [
    ("zh", "2 名员工的总分低于所有等级的最低分（最低的等级 60 分起），无等级、奖金和结果应用："
           "李娜、张强。",
     "在“等级”表中为低于 60 分的总分添加等级，然后重新计算本期考核（李娜、张强）。",
     "1 名员工的总分低于所有等级的最低分（最低的等级 60 分起），无等级、奖金和结果应用：张强。"),
    ("en", "2 employee(s) below every grade's minimum (the lowest grade starts at 60), so "
           "without grade, bonus or outcome: 李娜, 张强.",
     "Add a grade for the totals below 60 in the Grades sheet and score the cycle again "
     "(李娜, 张强).",
     "1 employee(s) below every grade's minimum (the lowest grade starts at 60), so without "
     "grade, bonus or outcome: 张强."),
])
def test_the_employees_below_every_grade_are_a_finding(tmp_path: Path, lang, finding, action,
                                                       part):
    summary = opsbook.api.summarize(write(tmp_path / "k.xlsx", lang)).summary
    [found] = [f for f in summary.findings if f.topic == "ungraded"]
    assert (found.text, found.action, found.names) == (finding, action, ("李娜", "张强"))
    assert [f.text for f in summary.parts["市场部"].findings] == [part]


def test_the_page_does_not_say_nothing_to_act_on(tmp_path: Path):
    page = tmp_path / "考核.html"
    done = run_cli("report", write(tmp_path / "考核.xlsx", "en"), "-o", page, "--lang", "zh")
    assert done.returncode == 0, done.stderr
    text = page.read_text(encoding="utf-8")
    assert "在“等级”表中为低于 60 分的总分添加等级，然后重新计算本期考核（李娜、张强）。" in text
    assert "暂无需要处理的事项" not in text
