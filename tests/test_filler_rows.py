"""Rows that are not blank but hold no data — a totals row under the table, a row of
nothing but drop-down defaults — are not read as data (core.filler)."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook


def _plan(tmp_path, lang, rows):
    """A sample plan with ``rows`` (header → value dicts) added under its items."""
    path = tmp_path / f"plan.{lang}.xlsx"
    opsbook.new_workbook("plan", lang, path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["计划" if lang == "zh" else "Plan"]
    header = [c.value for c in sheet[3]]
    last = sheet.max_row
    for n, values in enumerate(rows, start=1):
        for name, value in values.items():
            sheet.cell(last + n, header.index(name) + 1).value = value
    book.save(path)
    return path, last


@pytest.mark.parametrize(("lang", "word", "budget"), [
    ("zh", "合计", "预算"), ("zh", "合 计：", "预算"), ("zh", "合\u3000计", "预算"),
    ("en", "Total", "Budget"), ("en", "TOTAL", "Budget")])
def test_a_totals_row_is_said_and_not_read(tmp_path, lang, word, budget):
    path, last = _plan(tmp_path, lang, [{("编号" if lang == "zh" else "Item ID"): word,
                                         budget: 123456}])
    report = opsbook.validate(path)
    assert report.valid, [i.message() for i in report.issues if i.severity == "error"]
    [note] = [i for i in report.issues if i.code == "totals-row"]
    assert (note.severity, note.row) == ("info", last + 1)
    assert "totals row" in note.message("en") and "合计行" in note.message("zh")
    frame = opsbook.load(path).tables["Plan"].frame
    assert last + 1 not in frame.index


@pytest.mark.parametrize("extra", [{}, {"负责人": "N/A"}, {"负责人": "无"}])
def test_a_row_of_defaults_only_is_blank(tmp_path, extra):
    path, last = _plan(tmp_path, "zh", [{"方向": "越高越好", "优先级": "中", **extra}])
    report = opsbook.validate(path)
    assert report.valid and not [i for i in report.issues if i.row == last + 1]
    assert last + 1 not in opsbook.load(path).tables["Plan"].frame.index


def test_a_row_with_data_and_defaults_is_data(tmp_path):
    path, last = _plan(tmp_path, "zh", [{"方向": "越高越好", "优先级": "中", "目标": "新目标"}])
    errors = [i for i in opsbook.validate(path).issues if i.row == last + 1]
    assert {i.code for i in errors} >= {"missing-value"}  # its required fields are asked for


def test_a_totals_row_no_longer_leaves_a_department_out(tmp_path):
    path, _ = _plan(tmp_path, "zh", [{"部门": "合计", "预算": 1}])
    done = opsbook.consolidate_plans([path])
    assert done.result is not None
    assert not [i for i in done.report.issues if i.code == "company-plan-left-out"]


def test_a_task_named_total_is_data(tmp_path):
    """A row whose first word is Total but which holds text, dates or an owner is data, not
    a totals row: only a word followed by numbers is."""
    path = tmp_path / "tracker.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Tasks"]
    header = [c.value for c in sheet[3]]
    sheet.cell(5, header.index("Task") + 1).value = "Total"
    book.save(path)
    before = len(opsbook.load(path).tables["Tasks"].frame)
    assert not [i for i in opsbook.validate(path).issues if i.code == "totals-row"]
    assert 5 in opsbook.load(path).tables["Tasks"].frame.index and before >= 20


def test_a_department_named_total_is_data(tmp_path):
    path, last = _plan(tmp_path, "en", [{"Item ID": "X-1", "Department": "Total",
                                         "Objective": "o", "KPI": "k", "Unit": "pcs",
                                         "Annual Target": 4}])
    frame = opsbook.load(path).tables["Plan"].frame
    assert last + 1 in frame.index
