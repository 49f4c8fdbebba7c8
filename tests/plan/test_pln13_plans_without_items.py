"""A department file that gives the company plan no items is never taken in without a word: a
file whose Plan sheet cannot be told (two sheets could each be it) is left out, as one without
a Plan sheet is, and so is one whose Plan sheet has no header row; an expected department
whose plan holds no item is missing; the API's exit code for a run with an unreadable file is
the command's; and departments that name none (an unset variable) are refused."""

from __future__ import annotations

import subprocess
import sys

import openpyxl
import pytest
from planbooks import EXPECTED, write
from typer.testing import CliRunner

import opsbook
from opsbook.cli import app


def _two_plan_sheets(path):
    book = openpyxl.load_workbook(path)
    copy = book.copy_worksheet(book["计划"])
    copy.title = "Plan"  # the English name of the same sheet: either could be the plan
    book.save(path)


def test_a_file_with_two_sheets_that_could_be_its_plan_is_left_out(tmp_path):
    plans = write(tmp_path / "plans")
    _two_plan_sheets(plans["sales"])
    done = opsbook.consolidate_plans(tmp_path / "plans", departments=EXPECTED,
                                     output=tmp_path / "company.xlsx")
    told = [i for i in done.report.issues if i.file == str(plans["sales"])]
    assert {"ambiguous-sheet", "plan-left-out"} <= {i.code for i in told}
    assert done.exit_code == 1
    items = done.result.items
    assert not items["source"].eq("sales.xlsx").any()
    conflicts = done.result.conflicts
    left = conflicts[conflicts["code"].eq("plan-left-out")]
    assert list(left["source"]) == ["sales.xlsx"]
    assert "could each be the Plan sheet" in left["other"].iloc[0]
    # 销售部 sent nothing the company plan could take: it is missing, with its file named
    missing = conflicts[conflicts["code"].eq("missing-department")]
    assert dict(zip(missing["department"], missing["other"])) == {
        "销售部": " that could be read (sales.xlsx: left out)", "财务部": None}


def test_with_strict_a_file_whose_plan_cannot_be_told_stops_the_run(tmp_path):
    plans = write(tmp_path / "plans")
    _two_plan_sheets(plans["sales"])
    out = tmp_path / "company.xlsx"
    done = CliRunner().invoke(app, ["plan", "consolidate", str(tmp_path / "plans"), "-o",
                                    str(out), "--strict", "-q"])
    assert done.exit_code == 1, done.output
    assert not out.exists()


def test_an_expected_department_whose_plan_holds_no_item_is_missing(tmp_path):
    plans = write(tmp_path / "plans")
    book = openpyxl.load_workbook(plans["sales"])
    sheet = book["计划"]
    sheet.delete_rows(4, sheet.max_row)  # every item gone, the Settings still say 销售部
    book.save(plans["sales"])
    done = opsbook.consolidate_plans(tmp_path / "plans", departments=EXPECTED,
                                     output=tmp_path / "company.xlsx")
    conflicts = done.result.conflicts
    missing = conflicts[conflicts["code"].eq("missing-department")]
    assert set(missing["department"]) == {"销售部", "财务部"}
    said = {i.value: i for i in done.report.issues if i.code == "missing-department"}
    assert said["销售部"].message("en") == ("Department 销售部 was expected but sent no plan "
                                            "with items (sales.xlsx held none).")
    assert said["销售部"].message("zh") == "未收到部门“销售部”的计划（sales.xlsx 中没有计划项）。"
    assert said["财务部"].message("en") == "Department 财务部 was expected but sent no plan."


def test_the_api_exits_as_the_command_when_a_file_cannot_be_read(tmp_path):
    plans = write(tmp_path / "plans")
    broken = tmp_path / "plans" / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 cut short")
    done = opsbook.consolidate_plans(tmp_path / "plans", output=tmp_path / "company.xlsx")
    assert done.computed and done.exit_code == 1
    ran = CliRunner().invoke(app, ["plan", "consolidate", str(tmp_path / "plans"), "-o",
                                   str(tmp_path / "company2.xlsx"), "-q"])
    assert ran.exit_code == done.exit_code, ran.output
    assert plans["sales"].exists()


def test_a_plan_sheet_without_its_header_row_keeps_the_file_out(tmp_path):
    plans = write(tmp_path / "plans")
    book = openpyxl.load_workbook(plans["sales"])
    for cell in book["计划"][3]:  # the header row cleared: no column can be told
        cell.value = None
    book.save(plans["sales"])
    done = opsbook.consolidate_plans(tmp_path / "plans", departments=EXPECTED,
                                     output=tmp_path / "company.xlsx")
    told = {i.code for i in done.report.issues if i.file == str(plans["sales"])}
    assert {"missing-header", "plan-left-out"} <= told
    assert done.exit_code == 1 and not done.result.items["source"].eq("sales.xlsx").any()
    assert "销售部" in set(done.result.conflicts.query("code == 'missing-department'")[
        "department"])


def test_departments_naming_none_are_refused_not_read_as_none_expected(tmp_path):
    write(tmp_path / "plans")
    out = tmp_path / "company.xlsx"
    for empty in ("", " , "):
        done = subprocess.run([sys.executable, "-m", "opsbook", "plan", "consolidate",
                               str(tmp_path / "plans"), "-o", str(out), "--departments", empty],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 2, done.stderr
        assert "names no department" in done.stderr and "没有部门名称" in done.stderr
        assert "Traceback" not in done.stderr and not out.exists()
    with pytest.raises(ValueError, match="names no department") as refused:
        opsbook.consolidate_plans(tmp_path / "plans", departments="")
    assert "没有部门名称" in refused.value.zh
    # the option left out: no department expected, the company plan written
    CliRunner().invoke(app, ["plan", "consolidate", str(tmp_path / "plans"), "-o", str(out),
                             "-q"])
    assert out.exists()
