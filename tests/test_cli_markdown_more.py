"""``validate --max-issues N --format markdown`` says how many issues it left out, as the text
form does; the counts stay of all, and the JSON report lists every issue (README)."""

from __future__ import annotations

import json

import openpyxl
from conftest import run_cli

import opsbook


def broken(tmp_path):
    """A Chinese appraisal workbook with three errors: 120, 130 and 140 out of 0–100."""
    path = opsbook.new_workbook("appraisal", "zh", tmp_path / "a.xlsx", sample=True)
    book = openpyxl.load_workbook(path)
    for row, score in ((4, 120), (5, 130), (6, 140)):
        book["评分"][f"E{row}"] = score
    book.save(path)
    return path


def test_markdown_says_how_many_more_in_the_language_asked(tmp_path):
    path = broken(tmp_path)
    zh = run_cli("validate", path, "--format", "markdown", "--max-issues", "1", "--lang", "zh")
    assert zh.returncode == 1, zh.stderr
    assert "| 评分!E4 | 错误 | `out-of-range` |" in zh.stdout and "E5" not in zh.stdout
    assert "| … | | | | 另有 2 个问题未列出 |" in zh.stdout
    assert "**未通过** — 共 1 个文件，3 个错误，0 个警告" in zh.stdout
    en = run_cli("validate", path, "--format", "markdown", "--max-issues", "2", "--lang", "en")
    assert "| … | | | | 1 more not listed |" in en.stdout
    assert "**invalid** — 3 error(s), 0 warning(s) in 1 file(s)" in en.stdout
    every = run_cli("validate", path, "--format", "markdown", "--max-issues", "3")
    assert "not listed" not in every.stdout and "未列出" not in every.stdout


def test_json_lists_every_issue_whatever_max_issues(tmp_path):
    done = run_cli("validate", broken(tmp_path), "--format", "json", "--max-issues", "1")
    assert done.returncode == 1
    shown = json.loads(done.stdout)
    assert [i["cell"] for i in shown["issues"]] == ["E4", "E5", "E6"]
    assert shown["summary"]["issues"] == 3
