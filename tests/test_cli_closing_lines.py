"""A computing command's closing lines speak as its report does: the headline after the
output's name with the Chinese colon in Chinese, and "not written" in the language of the
lines above it — "see above" after a file that is not the command's input (another kind's
workbook), "correct the errors above first" after errors in the data."""

from __future__ import annotations

import openpyxl
from conftest import run_cli

import opsbook


def test_another_kinds_chinese_workbook(tmp_path):
    appraisal = opsbook.new_workbook("appraisal", "zh", tmp_path / "考核.xlsx", sample=True)
    out = tmp_path / "summary.xlsx"
    done = run_cli("attendance", "summarize", appraisal, "-o", out)
    assert done.returncode == 2
    assert "[wrong-kind] 工作簿类型不对" in done.stdout
    assert f"{out}：未生成（见上文）。" in done.stderr
    assert "not written" not in done.stderr and not out.exists()


def test_errors_in_the_data(tmp_path):
    tracker = opsbook.new_workbook("project", "en", tmp_path / "t.xlsx", sample=True)
    wb = openpyxl.load_workbook(tracker)
    wb["Tasks"]["E3"] = "soon"  # a planned start that is no date
    wb.save(tracker)
    out = tmp_path / "status.xlsx"
    done = run_cli("project", "status", tracker, "-o", out)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{out}: not written; correct the errors above first." in done.stderr
    zh = run_cli("project", "status", tracker, "-o", out, "--lang", "zh")
    assert f"{out}：未生成，请先修正上述错误。" in zh.stderr


def test_a_chinese_headline_takes_the_chinese_colon(tmp_path):
    book = opsbook.new_workbook("attendance", "zh", tmp_path / "考勤.xlsx", sample=True)
    out = tmp_path / "汇总.xlsx"
    done = run_cli("attendance", "summarize", book, "-o", out)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    assert any(line.startswith(f"{out}：") for line in done.stdout.splitlines()), done.stdout
    en = run_cli("attendance", "summarize", book, "-o", tmp_path / "en.xlsx", "--lang", "en")
    assert any(line.startswith(f"{tmp_path / 'en.xlsx'}: ") for line in en.stdout.splitlines())
