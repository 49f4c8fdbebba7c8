"""``plan consolidate --strict`` exits 1 whatever kept a file out — a missing required value
or a file that is no workbook at all — as the README and the pipeline docs say ("it exited 1
without writing it"), and as the same file left out without --strict does; 2 only when no
plan at all could be read. The plans it did read have their conflicts said, so that one run
tells everything to correct. Real workbooks on disk."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans


def plans(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "sales.xlsx", "en", [
        item("S1", "Sales", "Revenue", "万元", 1000, (250, 250, 250, 200))],  # adds up to 950
        {"year": 2027, "department": "Sales"})
    return folder


def test_a_file_that_is_no_workbook_makes_strict_exit_1(tmp_path):
    folder = plans(tmp_path)
    (folder / "ops.xlsx").write_text("item,kpi\nO1,cost\n", encoding="utf-8")  # a CSV export
    out = tmp_path / "company.xlsx"

    done = consolidate_plans(folder, strict=True)
    assert not done.computed and done.exit_code == 1
    said = sorted((i.code, i.cell) for i in done.report.issues)
    assert said == [("not-a-workbook", None), ("quarters-mismatch", "K4")]

    run = run_cli("plan", "consolidate", folder, "-o", out, "--strict", "--jobs", "1",
                  "--quiet", "--lang", "en")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "--strict: no company plan written" in run.stdout
    assert "[quarters-mismatch] Quarter targets add up to 950, not the annual target 1000." \
        in run.stdout
    assert not out.exists() and not (tmp_path / "company.manifest.json").exists()

    loose = run_cli("plan", "consolidate", folder, "-o", out, "--jobs", "1", "--quiet")
    assert loose.returncode == 1 and out.exists()          # the same file, left out: 1 too


def test_a_missing_required_value_makes_strict_exit_1_too(tmp_path):
    folder = plans(tmp_path)
    ops = plan_book(folder / "ops.xlsx", "en", [
        item("O1", "Ops", "Cost", "元", 12, (3, 3, 3, 3))], {"year": 2027, "department": "Ops"})
    book = openpyxl.load_workbook(ops)
    book["Plan"]["D4"] = None                               # the KPI, required
    book.save(ops)
    run = run_cli("plan", "consolidate", folder, "-o", tmp_path / "company.xlsx", "--strict",
                  "--jobs", "1", "--quiet", "--lang", "en")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Plan!D4  [plan-left-out]" in run.stdout
    assert not (tmp_path / "company.xlsx").exists()


def test_strict_with_no_plan_that_can_be_read_exits_2(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "ops.xlsx").write_text("item,kpi\n", encoding="utf-8")
    done = consolidate_plans(folder, strict=True)
    assert done.exit_code == 2
    assert [i.code for i in done.report.issues] == ["not-a-workbook", "no-plan-consolidated"]
    run = run_cli("plan", "consolidate", folder, "-o", tmp_path / "company.xlsx", "--strict",
                  "--jobs", "1", "--quiet")
    assert run.returncode == 2 and "[no-plan-consolidated]" in run.stdout
