"""The plan cycle on workbooks saved by LibreOffice: department plans filled in, opened and
saved again by ``soffice --headless --convert-to xlsx`` (its own styles, shared strings,
dates and number formats), then consolidated, moved to final after a reviewer's pass that
LibreOffice saved too, and tracked — with the figures worked out by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import _soffice, run_cli
from test_plan_cycle_round5 import item, plan_book

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None,
                                 reason="LibreOffice (soffice) is not installed")]


def saved_by_libreoffice(home: Path, *books: Path) -> list[Path]:
    """Each workbook opened and saved as .xlsx by LibreOffice, into ``home / "lo"``."""
    out = home / "lo"
    out.mkdir(exist_ok=True)
    log = _soffice(home / "profile", "--convert-to", "xlsx", "--outdir", str(out),
                   *map(str, books))
    made = [out / book.name for book in books]
    missing = [p.name for p in made if not p.exists()]
    assert not missing, log
    return made


def test_the_plan_cycle_on_workbooks_libreoffice_saved(tmp_path):
    made = tmp_path / "made"
    made.mkdir()
    sales = plan_book(made / "sales.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300), budget=1000),
        item("S2", "销售部", "客户满意度", "%", 90, (90, 90, 90, 90), budget=200)],
        {"year": 2027, "department": "销售部"},
        actuals=[("S1", "2027-01", 90), ("S1", "2027-02", 120), ("S2", "2027-02", 81)])
    ops = plan_book(made / "ops.xlsx", "zh", [
        item("O1", "运营部", "单位成本", "元/单", 40, (40, 40, 40, 40), budget=300,
             direction="down")],
        {"year": 2027, "department": "运营部"}, actuals=[("O1", "2027-02", 50)])
    folder = tmp_path / "plans"
    folder.mkdir()
    for saved in saved_by_libreoffice(tmp_path, sales, ops):
        shutil.move(saved, folder / saved.name)

    company = tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", folder, "-o", company, "--departments",
                   "销售部，运营部", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 个部门计划，3 个计划项，0 条冲突待核实" in done.stdout
    by_department = openpyxl.load_workbook(company)["按部门"]
    rows = [[c.value for c in r] for r in by_department.iter_rows(min_row=3)]
    assert rows[:3] == [["销售部", 2, 2, 1200, 1200], ["运营部", 1, 1, 300, None],
                        ["合计", 3, 3, 1500, 1200]]

    # a reviewer accepts every item in LibreOffice, which saves the company plan again
    book = openpyxl.load_workbook(company)
    review = book["审核意见"]
    for row in range(3, 6):
        review.cell(row, 4, "张总")
        review.cell(row, 6, "通过")
    book.save(company)
    (reviewed,) = saved_by_libreoffice(tmp_path, company)
    for status in ("submitted", "reviewed", "final"):
        moved = run_cli("plan", "status", reviewed, "--set", status)
        assert moved.returncode == 0, moved.stdout + moved.stderr
        assert "company-plan-stale" not in moved.stdout
    final = openpyxl.load_workbook(reviewed)
    settings = {r[0].value: r[1].value for r in final["设置"].iter_rows() if r[0].value}
    assert (settings["status"], str(settings["version"])) == ("final", "2")
    assert all(sheet.protection.sheet for sheet in final.worksheets)

    out = tmp_path / "tracking.xlsx"
    done = run_cli("plan", "track", reviewed, folder, "-o", out, "--as-of", "2027-02-28",
                   "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    tracking = openpyxl.load_workbook(out)["执行跟踪"]
    got = {r[0].value: (r[6].value, r[7].value, r[8].value)
           for r in tracking.iter_rows(min_row=3) if r[0].value in ("S1", "S2", "O1")}
    # S1: 100 万元 a month due, 210 done of 200; S2: a level, 81 against 90; O1: down, 40 / 50
    assert got == {"S1": (200, 210, 1.05), "S2": (90, 81, 0.9), "O1": (40, 50, 0.8)}
    assert "截至 2027-02-28，公司完成率 90.0%，3 项中 1 项进度滞后" in done.stdout
