"""A department whose own ``additive_units`` leave out 小时 (its 平均响应时长 is a level, an
average) is consolidated with one whose default list makes 小时 additive: the company plan,
which has one list (every unit any plan makes additive), sums the average with training
hours and checks its quarters. That is now said, at the file's additive_units setting,
naming the file that makes the unit additive (``unit-not-additive``, a warning, on the
Conflicts sheet too) — before, the company plan summed 4 hours of response time with 100
hours of training as 104 without a word. In either file order. Real workbooks on disk, run
as a user runs them."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans


def _plans(folder):
    folder.mkdir()
    plan_book(folder / "service.xlsx", "zh",
              [item("C1", "客户服务部", "平均响应时长", "小时", 4, (6, 5, 4, 3), direction="down")],
              {"year": 2027, "department": "客户服务部", "additive_units": "元,万元,件,个"})
    plan_book(folder / "hr.xlsx", "en",
              [item("H1", "人力资源部", "Training hours", "小时", 100, (25, 25, 25, 25))],
              {"year": 2027, "department": "人力资源部"})
    return folder


def test_the_level_file_is_told_at_its_setting(tmp_path):
    folder, out = _plans(tmp_path / "plans"), tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", folder, "-o", out)
    assert done.returncode == 1, done.stdout + done.stderr   # C1's quarters: an error
    assert ("[unit-not-additive] 本计划的可加总单位（additive_units）不含“小时”，而hr.xlsx将其列为"
            "可加总单位：公司计划会将其目标相加并核对季度目标。") in done.stdout
    conflicts = openpyxl.load_workbook(out)["冲突"]
    rows = [r for r in conflicts.iter_rows(min_row=3, values_only=True)
            if r[0] == "单位口径不一致"]
    assert [r[2:8] for r in rows] == [("客户服务部", None, "service.xlsx", None, "设置", "B6")]
    assert "2 条冲突待核实" in done.stdout


def test_in_python_in_any_file_order_and_in_english(tmp_path):
    folder = _plans(tmp_path / "plans")
    for paths in ([folder / "service.xlsx", folder / "hr.xlsx"],
                  [folder / "hr.xlsx", folder / "service.xlsx"]):
        done = consolidate_plans(paths, lang="en")
        said = [i for i in done.report.issues if i.code == "unit-not-additive"]
        assert [(i.file, i.sheet, i.cell, i.severity) for i in said] == [
            (str(folder / "service.xlsx"), "设置", "B6", "warning")]
        assert said[0].message("en") == (
            "This plan's additive_units leave out '小时', an additive unit in hr.xlsx: the "
            "company plan adds up its targets and checks its quarters as theirs. Agree on "
            "one meaning, or give a level its own unit name (such as 'hours (average)').")
        conflicts = done.result.conflicts
        assert conflicts["code"].tolist().count("unit-not-additive") == 1


def test_files_that_agree_say_nothing(tmp_path):
    folder = _plans(tmp_path / "plans")
    book = openpyxl.load_workbook(folder / "hr.xlsx")
    keys = book["Settings"]
    row = next(r for r in range(1, keys.max_row + 1) if keys.cell(r, 1).value ==
               "additive_units")
    keys.cell(row, 2, "元,万元,件,个")
    book.save(folder / "hr.xlsx")
    done = consolidate_plans(folder)
    assert "unit-not-additive" not in [i.code for i in done.report.issues]
    assert "target:小时" not in done.result.by_department.columns
