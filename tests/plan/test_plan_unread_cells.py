"""A plan command never passes over a cell it could not read in silence: a diff lists it at
its cell beside the change it makes, and a status move refused for errors says so."""

from __future__ import annotations

import shutil

import openpyxl

import opsbook
from opsbook.api import new_workbook


def plan_pair(tmp_path):
    old, new = tmp_path / "v1.xlsx", tmp_path / "v2.xlsx"
    new_workbook("plan", "en", old, sample=True)
    shutil.copy(old, new)
    book = openpyxl.load_workbook(new)
    sheet = book["Plan"]
    column = next(c.column for c in sheet[3] if c.value == "Budget")
    sheet.cell(4, column, "lots")
    book.save(new)
    return old, new, f"{openpyxl.utils.get_column_letter(column)}4"


def test_a_diff_lists_the_cell_it_compared_as_blank(tmp_path):
    old, new, cell = plan_pair(tmp_path)
    done = opsbook.diff_plans(old, new)
    assert done.result.counts()["changed_items"] == 1
    (unread,) = done.report.issues
    assert (unread.code, unread.file, unread.sheet, unread.cell) == (
        "type-error", str(new), "Plan", cell)


def test_an_unchanged_plan_has_nothing_to_say(tmp_path):
    old, _, _ = plan_pair(tmp_path)
    done = opsbook.diff_plans(old, old)
    assert done.report.issues == [] and done.result.exit_code == 0


def test_a_status_move_refused_for_errors_has_a_headline(tmp_path):
    path = tmp_path / "plan.xlsx"
    new_workbook("plan", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["计划"]["B3"] = None  # the Department column's header
    book.save(path)
    done = opsbook.set_plan_status(path, "submitted")
    assert done.result is None and "状态未变更" in done.headline
    assert any(i.code == "missing-column" for i in done.report.issues)
