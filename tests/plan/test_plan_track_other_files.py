"""Tracking says what adds nothing: a workbook given as actuals that is not a plan, and a
folder with no workbook; a department plan without an Actuals sheet stays silent."""

from __future__ import annotations

import openpyxl

import opsbook
from opsbook.api import new_workbook


def test_a_workbook_that_is_no_plan_and_an_empty_folder_are_said(tmp_path):
    plan, other, empty = tmp_path / "plan.xlsx", tmp_path / "appraisal.xlsx", tmp_path / "none"
    new_workbook("plan", "en", plan, sample=True)
    new_workbook("appraisal", "en", other, sample=True)
    empty.mkdir()
    done = opsbook.track_plan(plan, [other, empty])
    assert done.computed
    said = {(i.code, i.severity, i.file) for i in done.report.issues}
    assert ("no-actuals", "warning", str(other)) in said
    assert ("no-actuals", "warning", str(empty)) in said


def test_a_department_plan_without_actuals_is_silent(tmp_path):
    plan, department = tmp_path / "plan.xlsx", tmp_path / "sales.xlsx"
    new_workbook("plan", "en", plan, sample=True)
    new_workbook("plan", "en", department, sample=True, seed=2)
    book = openpyxl.load_workbook(department)
    del book["Actuals"]
    book.save(department)
    done = opsbook.track_plan(plan, [department])
    assert done.computed and not [i for i in done.report.issues if i.code == "no-actuals"]
