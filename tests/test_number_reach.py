"""A number too large to mean anything (1e308 typed as a cost) is a located error, shown in
exponent form, and never reaches a sum or the writer: the commands answer, they do not
crash; an infinite or missing figure is written as a blank cell."""

from __future__ import annotations

import math
import subprocess
import sys

import openpyxl
import pandas as pd

from opsbook.api import load, new_workbook
from opsbook.core.issues import Issue
from opsbook.core.output import SheetOut
from opsbook.core.values import excel_rows, excel_value
from opsbook.io.sheets import write_sheets


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "opsbook.cli", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8")


def tracker(path, cost):
    new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["Tasks"].cell(4, 10, cost)  # the first task's Planned Cost
    book.save(path)
    return path


def test_a_cost_of_1e308_is_an_error_at_its_cell(tmp_path):
    book = load(tracker(tmp_path / "t.xlsx", 1e308))
    wrong = [i for i in book.issues if i.code == "out-of-range"]
    assert [(i.sheet, i.cell, i.severity) for i in wrong] == [("Tasks", "J4", "error")]
    assert "1e+308" in wrong[0].message("en") and "15 位" in wrong[0].message("zh")
    assert math.isnan(book.tables["Tasks"].frame.loc[4, "planned_cost"])


def test_a_large_but_ordinary_cost_is_read(tmp_path):
    book = load(tracker(tmp_path / "t.xlsx", 123_456_789_012.5))
    assert not [i for i in book.issues if i.code == "out-of-range"]
    assert book.tables["Tasks"].frame.loc[4, "planned_cost"] == 123_456_789_012.5


def test_the_command_answers_instead_of_crashing(tmp_path):
    path = tracker(tmp_path / "t.xlsx", 1e308)
    done = run("project", "status", path, "-o", tmp_path / "status.xlsx", "--lang", "en")
    assert done.returncode == 1, done.stderr
    assert "could not finish" not in done.stderr and "Traceback" not in done.stderr
    assert "Tasks!J4" in done.stdout


def test_a_huge_number_is_shown_in_exponent_form():
    issue = Issue("out-of-range", value=1e30, params={"expected": "x", "expected_zh": "x"})
    assert "1e+30" in issue.message("en") and "1000000000000000019884624838656" \
        not in issue.message("en")


def test_infinite_figures_are_written_as_blanks(tmp_path):
    assert excel_value(math.inf) is None and excel_value(-math.inf) is None
    frame = pd.DataFrame({"a": [1.5, math.inf, -math.inf, math.nan]})
    assert excel_rows(frame) == [[1.5], [None], [None], [None]]
    out = tmp_path / "out.xlsx"
    write_sheets(out, [SheetOut("Figures", "Figures", ["A"], [[1.5], [math.inf], [-math.inf],
                                                               [math.nan]])])
    sheet = openpyxl.load_workbook(out)["Figures"]
    values = [c.value for c in sheet["A"]]
    assert 1.5 in values and not any(isinstance(v, float) and math.isinf(v) for v in values)
