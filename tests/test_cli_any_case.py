"""``--lang`` and ``validate --format`` take their values in any case (``ZH``, ``EN``,
``JSON``), as ``plan status --set`` does: ``--lang EN`` was refused as "not one of 'zh',
'en'"."""

from __future__ import annotations

import json

import openpyxl
from conftest import run_cli


def test_new_takes_en_in_capitals(tmp_path):
    done = run_cli("new", "plan", tmp_path / "p.xlsx", "--lang", "EN")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{tmp_path / 'p.xlsx'}: plan template (en)"
    assert openpyxl.load_workbook(tmp_path / "p.xlsx", read_only=True).sheetnames[1] == "Plan"


def test_validate_takes_json_and_zh_in_capitals(tmp_path):
    path = tmp_path / "a.xlsx"
    assert run_cli("new", "appraisal", path, "--lang", "en", "--sample").returncode == 0
    book = openpyxl.load_workbook(path)
    book["Scores"]["E4"] = 120
    book.save(path)
    done = run_cli("validate", path, "--format", "JSON", "--lang", "ZH", "--quiet")
    assert done.returncode == 1, done.stderr
    shown = json.loads(done.stdout)
    assert [(i["cell"], i["code"]) for i in shown["issues"]] == [("E4", "out-of-range")]
    assert shown["issues"][0]["message"] == "“Score”应在 0 到 100 之间，实际为 120。"


def test_a_mistake_after_lang_in_capitals_is_said_in_that_language_only(tmp_path):
    done = run_cli("validate", tmp_path / "a.xlsx", "--lang", "Zh", "--bogus")
    assert done.returncode == 2
    assert "opsbook 错误：没有 --bogus 这个选项" in done.stderr
    assert "No such option" not in done.stderr and "用法：" in done.stderr
