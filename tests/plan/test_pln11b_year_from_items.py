"""Department plans without a year setting (no Settings sheet, as a department's own
workbook often has none) make a company plan of the year their items start in — the plan
year tracking has always taken for such a plan — not one of no year: its titles and
Settings say the year, and a date outside it is a conflict."""

from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import run_cli

HEADERS = ["编号", "部门", "目标", "关键指标", "单位", "方向", "年度目标值", "一季度目标",
           "二季度目标", "三季度目标", "四季度目标", "预算", "负责人", "开始日期", "结束日期",
           "优先级"]


def plan(path, department, items):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "计划"
    sheet.append(HEADERS)
    for item, start in items:
        sheet.append([item, department, "目标", f"指标{item}", "件", "越高越好", 40, 10, 10,
                      10, 10, 0, "王", start, dt.datetime(2027, 12, 31), "中"])
    book.save(path)


def test_a_company_plan_of_plans_without_a_year_is_of_the_year_their_items_start_in(tmp_path):
    """H1 starts in 2027, F1 in 2027, F2 in 2028: the company plan is of 2027 (two starts
    of three), and F2's start is outside it."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan(folder / "人事部.xlsx", "人事部", [("H1", dt.datetime(2027, 1, 1))])
    plan(folder / "财务部.xlsx", "财务部", [("F1", dt.datetime(2027, 3, 1)),
                                         ("F2", dt.datetime(2028, 1, 1))])
    out = tmp_path / "company.xlsx"
    run_cli("plan", "consolidate", str(folder), "-o", str(out))
    company = openpyxl.load_workbook(out)
    assert company["按部门"]["A1"].value == "按部门（2027）"
    assert company["计划"]["A1"].value == "2027 年度运营计划（公司汇总）"
    settings = {r[0]: r[1] for r in company["设置"].iter_rows(min_row=3, values_only=True)}
    assert settings["year"] == 2027
    conflicts = [r for r in company["冲突"].iter_rows(min_row=3, values_only=True) if r[1]]
    assert [(r[1], r[7], r[8]) for r in conflicts if r[0] == "日期超出计划年度"] == [
        ("F2", "N3", "“开始日期”（2028-01-01）不在计划年度 2027 内。")]


def test_a_year_setting_still_decides(tmp_path):
    """One plan of three sets year 2026: the company plan is of 2026, whatever the others'
    items say."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan(folder / "人事部.xlsx", "人事部", [("H1", dt.datetime(2027, 1, 1))])
    plan(folder / "财务部.xlsx", "财务部", [("F1", dt.datetime(2027, 3, 1))])
    plan(folder / "运营部.xlsx", "运营部", [("O1", dt.datetime(2026, 3, 1))])
    book = openpyxl.load_workbook(folder / "运营部.xlsx")
    settings = book.create_sheet("设置")
    settings.append(["参数", "值"])
    settings.append(["year", 2026])
    book.save(folder / "运营部.xlsx")
    out = tmp_path / "company.xlsx"
    run_cli("plan", "consolidate", str(folder), "-o", str(out))
    assert openpyxl.load_workbook(out)["按部门"]["A1"].value == "按部门（2026）"
