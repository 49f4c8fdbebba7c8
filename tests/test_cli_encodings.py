"""Output a console cannot encode (✓, ✗ and Chinese on an ASCII or cp1252 console, a
redirect on Windows) is written escaped: the command still says its verdict and exits with
its own code, never "could not finish"."""

from __future__ import annotations

import os
import subprocess

import openpyxl
import pytest
from conftest import opsbook_command

import opsbook


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_console_that_cannot_show_the_marks_gets_them_escaped(tmp_path, encoding):
    tracker = opsbook.new_workbook("project", "zh", tmp_path / "t.xlsx", sample=True)
    book = openpyxl.load_workbook(tracker)
    book["风险"]["D4"] = 9  # out of 1–5: an error to report
    book.save(tracker)
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"}
    done = subprocess.run([*opsbook_command(), "validate", str(tracker)], capture_output=True,
                          env=env, timeout=120)
    out = done.stdout.decode(encoding) + done.stderr.decode(encoding)
    assert done.returncode == 1, out
    assert "could not finish" not in out and "Traceback" not in out
    assert "\\u2717" in out and "D4" in out  # ✗ escaped, the cell still named


def test_the_markdown_report_in_chinese_says_its_levels_and_files_in_chinese(tmp_path):
    from conftest import run_cli

    tracker = opsbook.new_workbook("project", "zh", tmp_path / "t.xlsx", sample=True)
    book = openpyxl.load_workbook(tracker)
    book["风险"]["D4"] = 9
    book.save(tracker)
    done = run_cli("validate", tracker, "--format", "markdown", "--lang", "zh")
    assert done.returncode == 1, done.stderr
    assert "| 风险!D4 | 错误 | `out-of-range` |" in done.stdout
    assert "**未通过** — 共 1 个文件，1 个错误，0 个警告" in done.stdout
    assert "| error |" not in done.stdout
