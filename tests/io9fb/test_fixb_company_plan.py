"""The company plan ``plan consolidate -o`` writes is a plan workbook with items: the next
consolidation reads it (its review carried over) and replaces it, and no other command
does. A file of the user's at consolidation's output is refused before anything is read;
copies opsbook wrote from an input are replaced by any command, a plan's never."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli
from fixbbooks import GIVEN, filled_plan, sha256  # noqa: F401 - GIVEN: the fixture "given"

from opsbook.api import CannotWrite, calculate, consolidate_plans, new_workbook, write_output

PLAN_EN = ("this is a plan workbook (8 item(s), 0 actual(s)); results never replace a plan: "
           "give the output another file name")
PLAN_ZH = ("这是一份计划工作簿（8 个计划项、0 条实际值），结果不会覆盖计划；"
           "请为输出另指定一个文件名。")


def test_only_consolidation_replaces_the_company_plan(given, tmp_path):
    company = tmp_path / "company.xlsx"
    first = run_cli("plan", "consolidate", given["plans"], "-o", company)
    assert first.returncode in (0, 1), first.stdout + first.stderr
    again = run_cli("plan", "consolidate", given["plans"], "-o", company)
    assert again.returncode == first.returncode, again.stdout + again.stderr
    assert "not replaced" not in again.stderr
    before = sha256(company)
    for args in (("plan", "track", given["plan"], "-o", company),
                 ("plan", "diff", given["plan"], given["plan"], "-o", company),
                 ("project", "status", given["project"], "-o", company),
                 ("report", given["project"], "-o", company),
                 ("calculate", given["plan"], "-o", company),
                 ("validate", given["plan"], "--annotate", company)):
        done = run_cli(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert f"{company}: {PLAN_EN}" in done.stderr, args
        assert f"{company}：{PLAN_ZH}" in done.stderr, args
        assert sha256(company) == before


def test_a_workbook_of_another_kind_at_consolidations_output_is_refused_first(given,
                                                                              tmp_path):
    out = tmp_path / "company.xlsx"
    out.write_bytes(given["attendance"].read_bytes())  # the user's attendance, by a slip
    before = sha256(out)
    book = openpyxl.load_workbook(out)
    rows = {name: sum(1 for r in book[name].iter_rows(min_row=4) if any(
        c.value not in (None, "") for c in r)) for name in ("Employees", "Clock")}
    with pytest.raises(CannotWrite) as refused:
        consolidate_plans(given["plans"], output=out)
    assert str(refused.value).startswith(f"{out}: this is an attendance workbook with ")
    assert f"Employees: {rows['Employees']}" in str(refused.value)
    assert f"Clock: {rows['Clock']}" in str(refused.value)
    assert f"员工 {rows['Employees']} 行" in refused.value.zh
    done = run_cli("plan", "consolidate", given["plans"], "-o", out)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "so it is not replaced" in done.stderr and "不会被覆盖" in done.stderr
    assert "plan consolidate: 1/1" not in done.stderr  # refused before any plan was read
    assert sha256(out) == before
    assert not out.with_name("company.manifest.json").exists()


def test_copies_opsbook_wrote_are_replaced_but_a_plans_never(given, tmp_path):
    """An annotated or calculated copy of a tracker is replaced by any command; a calculated
    copy of a plan (its tracking written into it, as the button writes it into the plan)
    is replaced by another copy only: results never replace a plan."""
    annotated, calculated = tmp_path / "annotated.xlsx", tmp_path / "calculated.xlsx"
    assert run_cli("validate", given["project"], "--annotate", annotated).returncode in (0, 1)
    calculate(given["project"], calculated)
    for target in (annotated, calculated):
        done = run_cli("project", "status", given["project"], "-o", target)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Status" in openpyxl.load_workbook(target).sheetnames

    tracked = tmp_path / "tracked-plan.xlsx"
    mine = filled_plan(tmp_path / "sales-plan.xlsx")
    calculate(mine, tracked)
    assert {"问题清单", "执行跟踪"} <= set(openpyxl.load_workbook(tracked).sheetnames)
    before = sha256(tracked)
    done = run_cli("plan", "track", given["plan"], "-o", tracked)
    assert done.returncode == 2, done.stdout + done.stderr
    assert (f"{tracked}: this is a plan workbook (2 item(s), 0 actual(s)); results never "
            "replace a plan") in done.stderr
    assert sha256(tracked) == before
    done = run_cli("calculate", mine, "-o", tracked)  # the same copy, made again
    assert done.returncode == 0, done.stdout + done.stderr
    assert "执行跟踪" in openpyxl.load_workbook(tracked).sheetnames


def test_an_empty_plan_template_takes_the_company_plan_and_write_output_replaces_it(
        given, tmp_path):
    out = new_workbook("plan", "en", tmp_path / "blank.xlsx")
    done = consolidate_plans(given["plans"], output=out)
    write_output(out, done.sheets)
    assert "By Department" in openpyxl.load_workbook(out).sheetnames
    again = consolidate_plans(given["plans"], output=out)
    write_output(out, again.sheets)  # the company plan it wrote: replaced
    assert "By Department" in openpyxl.load_workbook(out).sheetnames
    with pytest.raises(CannotWrite):  # a department's plan: never, even through Python
        write_output(filled_plan(tmp_path / "dept.xlsx"), again.sheets)
