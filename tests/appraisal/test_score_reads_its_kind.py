"""``appraisal score`` reads its workbook as an appraisal, as every kind command reads its
own kind: a workbook of no kind is told which sheets an appraisal needs (exit 1), not to
"use --kind", an option the command does not have; another kind's workbook is wrong-kind."""

from __future__ import annotations

import openpyxl
from conftest import run_cli


def test_a_workbook_of_no_kind_is_told_what_an_appraisal_needs(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Name", "Amount"])
    book.active.append(["a", 1])
    path = tmp_path / "other.xlsx"
    book.save(path)
    done = run_cli("appraisal", "score", path, "-o", tmp_path / "r.xlsx", "--lang", "en")
    assert done.returncode == 1
    assert "[missing-sheet] Required sheet 'Scores / 评分' is missing." in done.stdout
    assert "--kind" not in done.stdout + done.stderr
    assert not (tmp_path / "r.xlsx").exists()
