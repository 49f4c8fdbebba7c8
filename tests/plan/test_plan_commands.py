"""The plan commands as a user runs them: files on disk, a process, exit codes."""

from __future__ import annotations

import json

import openpyxl
import planbooks
from conftest import run_cli, sha256

from opsbook import consolidate_plans, load, set_plan_status, track_plan
from opsbook.io.protect import is_protected


def test_consolidate_diff_status_track(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    company = tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", tmp_path / "plans", "-o", company,
                   "--departments", "销售部,运营部,财务部")
    assert done.returncode == 1, done.stderr          # conflicts to follow up
    assert "8 个计划项" in done.stdout and "11 条冲突" in done.stdout
    assert "[quarters-mismatch]" in done.stdout and "sales.xlsx" in done.stdout
    assert company.exists()

    # a revision: the sales department fixes its quarters
    book = openpyxl.load_workbook(paths["sales"])
    book["计划"]["K5"] = 10
    book.save(paths["sales"])
    revised = tmp_path / "company.v2.xlsx"
    run_cli("plan", "consolidate", tmp_path / "plans", "-o", revised)
    same = run_cli("plan", "diff", company, company)
    assert (same.returncode, same.stdout.strip()) == (0, "两份计划的计划项相同。")  # as the plans
    changed = run_cli("plan", "diff", company, revised, "--format", "json")
    assert changed.returncode == 1
    data = json.loads(changed.stdout)
    assert data["changed"] == [{"item_id": "S-02", "department": "销售部", "field": "q4",
                                "old": 5.0, "new": 10.0}]

    before = sha256(revised)
    refused = run_cli("plan", "status", revised, "--set", "final")
    assert refused.returncode == 1 and "[status-step]" in refused.stdout
    assert sha256(revised) == before                  # a refused move changes nothing
    for status in ("submitted", "reviewed"):
        assert run_cli("plan", "status", revised, "--set", status).returncode == 0
    blocked = run_cli("plan", "status", revised, "--set", "final")
    assert blocked.returncode == 1 and "[plan-has-errors]" in blocked.stdout  # S-02 twice …

    tracking = tmp_path / "tracking.xlsx"
    tracked = run_cli("plan", "track", company, "-o", tracking, "--as-of", "2027-03-31")
    assert tracked.returncode == 1 and not tracking.exists()  # … and a plan with errors


def test_final_plan_is_protected_and_versioned(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    sales = paths["sales"]
    book = openpyxl.load_workbook(sales)
    book["计划"]["K5"] = 10                            # quarters add up now
    book.save(sales)
    for status in ("submitted", "reviewed"):
        assert set_plan_status(sales, status).computed
    book = openpyxl.load_workbook(sales)
    review = book["审核意见"]
    review.append(["S-01", "王总", "目标偏低", "修改"])
    book.save(sales)
    refused = set_plan_status(sales, "final")
    assert not refused.computed
    assert [(i.code, i.cell) for i in refused.report.issues] == [("unresolved-decision", "D4")]
    book = openpyxl.load_workbook(sales)
    book["审核意见"].append(["S-01", "王总", "已上调", "通过"])
    book.save(sales)
    done = set_plan_status(sales, "final")
    assert done.computed and done.result.version == "2"
    assert set(is_protected(sales).values()) == {True}
    back = load(sales)
    assert (back.settings.status, back.settings.version) == ("final", "2")
    assert back.settings.final_on is not None


def test_strict_stops_before_writing_and_tracking_reads_department_actuals(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    broken = openpyxl.load_workbook(paths["ops2"])
    del broken["计划"]
    broken.save(paths["ops2"])
    out = tmp_path / "company.xlsx"
    strict = run_cli("plan", "consolidate", tmp_path / "plans", "-o", out, "--strict")
    assert strict.returncode == 1 and not out.exists()
    assert "[plan-left-out]" in strict.stdout
    loose = consolidate_plans(tmp_path / "plans")
    assert loose.computed and sorted(loose.result.items["source"].unique()) == [
        "ops.xlsx", "sales.xlsx"]
    assert loose.result.settings.sources()["source_2"] == (
        f"sales.xlsx sha256:{sha256(paths['sales'])}")
    # actuals from a department workbook's Actuals sheet
    book = openpyxl.load_workbook(paths["sales"])
    book["计划"]["K5"] = 10
    actuals = book["执行情况"]
    for month, value in (("2027-01", 60.0), ("2027-02", 70.0), ("2027-03", 80.0)):
        actuals.append(["S-01", month, value])
    book.save(paths["sales"])
    tracked = track_plan(paths["sales"], [])
    assert tracked.computed
    s01 = tracked.result.items.set_index("item_id").loc["S-01"]
    # as of March (the last month with actuals): target Q1 200, actual 210
    assert (s01["target_to_date"], s01["actual_to_date"]) == (200.0, 210.0)
    assert tracked.result.as_of.isoformat() == "2027-03-31"


def test_processes_give_the_same_company_plan(tmp_path):
    planbooks.write(tmp_path / "plans")
    one = consolidate_plans(tmp_path / "plans", departments=planbooks.EXPECTED)
    two = consolidate_plans(tmp_path / "plans", departments=planbooks.EXPECTED, jobs=2)
    assert one.result.items.equals(two.result.items)
    assert [i.to_dict() for i in one.report.issues] == [i.to_dict() for i in two.report.issues]
