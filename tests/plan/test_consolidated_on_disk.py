"""The hand-worked consolidation of the three small department plans (see
test_plan_consolidate.py for how each figure is worked out), this time written to disk,
consolidated by the command as a user runs it and read back from the company workbook it
writes: the By Department and By Quarter figures and the SHA-256 of every source file,
computed here from the files themselves."""

from __future__ import annotations

import hashlib

import openpyxl
import planbooks
from conftest import run_cli


def table(path, sheet):
    """The rows under the header row (the second) of ``sheet``."""
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    return [list(row) for row in rows[2:]]


def test_the_company_workbook_holds_the_hand_worked_figures(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    company = tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", tmp_path / "plans", "-o", company, "--departments",
                   "销售部,运营部,财务部", "--quiet")
    assert done.returncode == 1, done.stderr  # the planted conflicts
    assert table(company, "按部门") == [
        # department, items, high priority, budget, targets in 万元, 个, 小时, 件
        ["销售部", 3, 1, 125000, 1000, 40, None, None],
        ["运营部", 5, 1, 30000 + 10000 + 12000 - 500 + 8000, None, 8, 160, 50],
        ["财务部", 0, 0, None, None, None, None, None],  # expected, sent nothing
        ["合计", 8, 2, 184500, 1000, 48, 160, 50]]
    assert table(company, "按季度") == [
        ["Q1", 7, 44875, 200, 12, 40, 10], ["Q2", 8, 47375, 250, 12, 40, 10],
        ["Q3", 8, 47375, 250, 12, 40, 15], ["Q4", 7, 44875, 300, 7, 40, 15],
        ["合计", 8, 184500, 1000, 43, 160, 50]]
    settings = {row[0]: row[1] for row in table(company, "设置")}
    assert (settings["year"], settings["version"], settings["status"]) == (2027, "1", "draft")
    assert [v for k, v in settings.items() if k.startswith("source_")] == [
        f"{paths[name].name} sha256:{hashlib.sha256(paths[name].read_bytes()).hexdigest()}"
        for name in sorted(paths, key=lambda n: paths[n].name)]
