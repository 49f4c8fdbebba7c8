"""Department workbooks on disk → company plan workbook, read back as a plan."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import planbooks

from opsbook.api import load, validate
from opsbook.core.validate import validate_book
from opsbook.io.sheets import write_sheets
from opsbook.plan.consolidate import consolidate
from opsbook.plan.intake import blocking, department_plan
from opsbook.plan.outputs import company_sheets

#: The validation error each conflict of a company plan shows up as.
AS_VALIDATION = {"duplicate-item": "duplicate-key", "quarters-mismatch": "quarters-mismatch",
                 "outside-year": "outside-year", "date-order": "date-order",
                 "out-of-range": "out-of-range"}


def company_from(paths: list[Path], target: Path):
    plans, left = [], {}
    for path in paths:
        book = load(path, "plan")
        reasons = blocking(book, validate_book(book).issues)
        if reasons:
            left[path.name] = reasons
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        plans.append(department_plan(book, path.name, digest))
    company = consolidate(plans, departments=planbooks.EXPECTED)
    write_sheets(target, company_sheets(company))
    return company, left


def test_company_plan_reads_back_as_a_plan_whose_only_errors_are_its_conflicts(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    company, left = company_from(list(paths.values()), tmp_path / "company.xlsx")
    assert left == {}
    assert len(company.items) == 8
    report = validate(tmp_path / "company.xlsx")
    errors = {(i.code, i.row) for i in report.errors}
    # rows of the company Plan sheet: title, header, then items in plan order from row 3
    conflicts = company.conflicts
    expected = set()
    for code, item in zip(conflicts["code"], conflicts["item_id"]):
        if code in AS_VALIDATION:
            rows = company.items.index[company.items["item_id"] == item] + 3
            expected |= {(AS_VALIDATION[code], int(r)) for r in rows}
    assert errors and errors <= expected
    assert {code for code, _ in errors} == set(AS_VALIDATION.values())
    back = load(tmp_path / "company.xlsx")
    assert back.kind.id == "plan" and back.lang == "zh"
    assert (back.settings.year, back.settings.status, back.settings.version) == (2027, "draft",
                                                                                 "1")
    digest = hashlib.sha256(paths["sales"].read_bytes()).hexdigest()
    assert back.settings.sources()["source_3"] == f"sales.xlsx sha256:{digest}"
    assert not [i for i in report.issues if i.code == "unknown-setting"]


def test_company_workbook_sheets_and_review_drop_down(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    company_from(list(paths.values()), tmp_path / "company.xlsx")
    book = openpyxl.load_workbook(tmp_path / "company.xlsx")
    assert book.sheetnames == ["计划", "按部门", "按季度", "冲突", "审核意见", "设置"]
    plan = book["计划"]
    assert [c.value for c in plan[2]][-1] == "来源文件"
    assert plan["A3"].value == "S-01" and plan["Q3"].value == "sales.xlsx"
    review = book["审核意见"]
    lists = [dv for dv in review.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and lists[0].formula1 == '"通过,修改,不通过"'
    assert str(lists[0].sqref).startswith("F3:F")
    conflicts = book["冲突"]
    assert conflicts["A3"].value == "编号重复" and conflicts.max_row == 2 + 11


def test_a_file_that_is_not_a_plan_is_left_out_and_a_conflict_is_not(tmp_path):
    paths = planbooks.write(tmp_path / "plans")
    broken = openpyxl.load_workbook(paths["ops2"])
    broken["计划"]["D3"] = "说明"      # the KPI column loses its header
    broken.save(paths["ops2"])
    typed = openpyxl.load_workbook(paths["sales"])
    typed["计划"]["G4"] = "一千"       # a wrong type in an optional number: kept, reported
    typed.save(paths["sales"])
    company, left = company_from(list(paths.values()), tmp_path / "company.xlsx")
    assert list(left) == ["ops2.xlsx"]
    assert [i.code for i in left["ops2.xlsx"]] == ["missing-column"]
    assert sorted(company.items["source"].unique()) == ["ops.xlsx", "sales.xlsx"]
    assert "department-twice" not in set(company.conflicts["code"])
    assert company.items.loc[0, "item_id"] == "S-01" and company.items["target"].isna()[0]
