"""The plan cycle's Python functions, called as the README shows them, refuse what is not
what they take — None, a number, a Book already loaded, a list where one plan is asked —
in words and in both languages (a ValueError), before any file is read; never a TypeError
from inside the reading, and never a number of departments expected read as none."""

from __future__ import annotations

import openpyxl
import pytest
from test_plan_cycle_round5 import sales_plan

import opsbook
from opsbook.core.said import Refused


@pytest.fixture
def plan(tmp_path):
    return sales_plan(tmp_path / "sales.xlsx")


@pytest.mark.parametrize("call", ["diff_old", "diff_new", "status", "track"])
@pytest.mark.parametrize("wrong", [None, 3, "book", "list"])
def test_one_plan_is_asked_for(plan, call, wrong):
    given = {"book": opsbook.load(plan), "list": [plan, plan]}.get(wrong, wrong)
    before = plan.read_bytes()
    who, run = {
        "diff_old": ("diff_plans", lambda: opsbook.diff_plans(given, plan)),
        "diff_new": ("diff_plans", lambda: opsbook.diff_plans(plan, given)),
        "status": ("set_plan_status", lambda: opsbook.set_plan_status(given, "submitted")),
        "track": ("track_plan", lambda: opsbook.track_plan(given, [plan])),
    }[call]
    with pytest.raises(Refused) as caught:
        run()
    what = {None: "NoneType", 3: "int", "book": "Book", "list": "list"}[wrong]
    assert str(caught.value) == (f"{who} takes one plan workbook's path, got {what}: give the "
                                 "file (for a Book, its book.path)")
    assert caught.value.zh == (f"{who} 需要一个计划工作簿的路径，当前为 {what}：请传入文件路径"
                               "（已读入的 Book 请传入 book.path）。")
    assert plan.read_bytes() == before


@pytest.mark.parametrize("wrong", [None, 7, "book"])
def test_actuals_are_paths(plan, wrong):
    given = opsbook.load(plan) if wrong == "book" else wrong
    with pytest.raises(Refused) as caught:
        opsbook.track_plan(plan, given if wrong is None else [plan, given])
    what = {None: "NoneType", 7: "int", "book": "Book"}[wrong]
    assert f"track_plan takes the actuals workbooks' paths (files, folders or glob patterns), " \
           f"got {what}" in str(caught.value)
    assert f"track_plan 需要实际值工作簿的路径（文件、文件夹或通配符），当前为 {what}" \
        in caught.value.zh


@pytest.mark.parametrize("wrong", [5, [None], ["销售部", 3]])
def test_departments_expected_are_names(plan, wrong):
    with pytest.raises(Refused) as caught:
        opsbook.consolidate_plans([plan], departments=wrong)
    what = "int" if wrong != [None] else "NoneType"
    assert str(caught.value).startswith(
        "departments takes the names of the departments expected (a list, or a text such as "
        f"'销售部,运营部'), got {what}")
    assert caught.value.zh.startswith(
        f"departments 应为预期提交计划的部门名称（列表，或如“销售部,运营部”的文本），当前为 {what}")


def test_departments_as_the_readme_gives_them(plan):
    """A list, a text with commas or 、, or None: 运营部 expected and missing is named."""
    for given in (["销售部", "运营部"], "销售部,运营部", "销售部、运营部", ("销售部", "运营部")):
        done = opsbook.consolidate_plans([plan], departments=given)
        missing = [i for i in done.report.issues if i.code == "missing-department"]
        assert [i.message("zh") for i in missing] == ["未收到部门“运营部”的计划。"]
    none = opsbook.consolidate_plans([plan], departments=None)
    assert none.exit_code == 0 and none.result.by_department["department"].tolist() == [
        "销售部", None]


def test_diff_plans_exit_code_is_the_commands(tmp_path, plan):
    """diff_plans(old, new).exit_code is what `opsbook plan diff` exits with (as `diff`):
    0 for the same items, 1 when they differ, 2 when one is no plan — not 0 for "no error"
    while the plans differ."""
    other = sales_plan(tmp_path / "other.xlsx", year=2027)
    assert opsbook.diff_plans(plan, other).exit_code == 0
    book = openpyxl.load_workbook(other)
    book.worksheets[[ws.title for ws in book.worksheets].index("计划")]["G4"] = 1200
    book.save(other)
    changed = opsbook.diff_plans(plan, other)
    assert (changed.exit_code, changed.result.exit_code) == (1, 1)
    assert changed.result.changed[["field", "old", "new"]].values.tolist() == [
        ["target", 1000, 1200]]
    book.worksheets[[ws.title for ws in book.worksheets].index("计划")]["D3"] = None
    book.save(other)  # the KPI column gone: no plan to compare
    unread = opsbook.diff_plans(plan, other)
    assert (unread.exit_code, unread.result) == (2, None)
    assert [i.code for i in unread.report.issues] == ["missing-column"]
