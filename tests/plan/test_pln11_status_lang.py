"""``opsbook plan status`` takes ``--lang`` as every other plan command does: the headline
and the reasons of a refused move in the language asked for, whatever the workbook's
(set_plan_status(..., lang=...) in Python); without it, the plan's own language."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import set_plan_status


def _english_plan(path, status="reviewed", review=()):
    return plan_book(path, "en", [item("S1", "Sales", "Revenue", "CNY", 1000,
                                       (250, 250, 250, 250))],
                     {"year": 2027, "department": "Sales", "status": status}, review=review)


def _status(path):
    sheet = openpyxl.load_workbook(path)["Settings"]
    return next(r[1] for r in sheet.iter_rows(values_only=True) if r[0] == "status")


def test_an_english_plan_said_in_chinese(tmp_path):
    plan = _english_plan(tmp_path / "plan.xlsx")
    done = run_cli("plan", "status", plan, "--set", "final", "--lang", "zh")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{plan}：已定稿：版本 2，各工作表已保护（无密码，仅防误改）" in done.stdout
    again = run_cli("plan", "status", plan, "--set", "final", "--lang", "zh")
    assert again.returncode == 1
    assert f"{plan}：状态未变更" in again.stdout
    assert "Settings!B5  [status-final] 计划已定稿，定稿后不能再变更状态。" in again.stdout
    assert "1 个错误" in again.stdout and "error(s)" not in again.stdout


def test_a_refused_move_said_in_english_for_a_chinese_lang_option(tmp_path):
    plan = _english_plan(tmp_path / "plan.xlsx", review=[("S1", "Wang", "too low", "revise")])
    before = plan.read_bytes()
    done = run_cli("plan", "status", plan, "--set", "final", "--lang", "en")
    assert done.returncode == 1
    assert "[unresolved-decision] Item S1 has the unresolved decision 'revise'" in done.stdout
    assert plan.read_bytes() == before
    zh = set_plan_status(plan, "final", lang="zh")
    assert zh.headline == "状态未变更" and zh.report.lang == "zh"
    assert "计划项 S1 的审核结论为“修改”，尚未解决" in zh.report.issues[0].message("zh")
    assert _status(plan) == "reviewed"


def test_a_typo_in_the_status_cell_said_in_the_language_asked_for(tmp_path):
    plan = _english_plan(tmp_path / "plan.xlsx", status="reviewd")
    done = run_cli("plan", "status", plan, "--set", "final", "--lang", "zh")
    assert done.returncode == 1
    assert f"{plan}：状态未变更：请先修正以下错误。" in done.stdout
    assert "[invalid-setting] 设置项“status”（状态）" in done.stdout
    assert set_plan_status(plan, "final", lang="en").headline == \
        "status not changed: correct the errors below first."


def test_another_language_refused_before_the_file_is_read(tmp_path):
    plan = _english_plan(tmp_path / "plan.xlsx")
    before = plan.read_bytes()
    with pytest.raises(ValueError):
        set_plan_status(plan, "final", lang="fr")
    done = run_cli("plan", "status", plan, "--set", "final", "--lang", "fr")
    assert done.returncode == 2 and plan.read_bytes() == before
