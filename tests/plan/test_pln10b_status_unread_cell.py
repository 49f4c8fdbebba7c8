"""A company plan whose Plan sheet was edited after consolidation and holds a cell that cannot
be read (a budget typed ``1,5000元``): moving it warns that its totals are out of date, and
says the cell those totals counted as blank, at its cell — not a budget figure the user
cannot find on the sheet, with "✓ valid". The move itself is allowed (only final needs a
plan without errors). Real workbooks on disk, run as a user runs them."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from test_pln7_review_carry import department_plans

from opsbook import set_plan_status


def _company(tmp_path):
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)           # 运营部 O1 (row 3), 销售部 S1 and S2 (rows 4, 5)
    assert run_cli("plan", "consolidate", folder, "-o", out).returncode == 0
    book = openpyxl.load_workbook(out)
    assert book["计划"]["A4"].value == "S1"
    book["计划"]["L4"] = "1,5000元"    # S1's budget, 100, retyped past reading
    book.save(out)
    return out


def test_the_unread_cell_behind_stale_totals_is_said(tmp_path):
    out = _company(tmp_path)
    done = run_cli("plan", "status", out, "--set", "submitted")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "状态：已提交" in done.stdout
    # 销售部: S1's budget unread (counted as 0) + S2's 100 = 100; By Department says 200
    assert "预算 100，本表为 2 个、200" in done.stdout
    assert "计划!L4  [type-error] “预算”应为数字，实际为“1,5000元”。" in done.stdout


def test_python_says_it_too(tmp_path):
    out = _company(tmp_path)
    done = set_plan_status(out, "submitted")
    assert done.computed
    said = [(i.code, i.sheet, i.cell) for i in done.report.issues]
    assert ("type-error", "计划", "L4") in said
    assert any(code == "company-plan-stale" for code, _, _ in said)
