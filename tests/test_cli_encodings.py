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
