"""Conflicts as a reviewer follows them up: every one told in Chinese with Chinese
punctuation, placed at a cell of the department's file (a setting too), one department
however its name is typed, and a department plan of another year said so.

Workbooks are written by hand with openpyxl, as a department would fill them in:

a.xlsx (财务部, year 2026!)  A-1 twice in the same file (rows 3 and 4); no dates at all
b.xlsx (Sales)               B-1, B-2 with Settings department "Sales"
c.xlsx (no department set)   C-1 whose items say "SALES " (the same department as b.xlsx)
"""

from __future__ import annotations

import openpyxl
import pytest

from opsbook import consolidate_plans

HEADERS = ["编号", "部门", "目标", "关键指标", "单位", "方向", "年度目标值", "一季度目标",
           "二季度目标", "三季度目标", "四季度目标", "预算", "负责人", "开始日期", "结束日期",
           "优先级"]
ENGLISH = ["Item ID", "Department", "Objective", "KPI", "Unit", "Direction", "Annual Target",
           "Q1 Target", "Q2 Target", "Q3 Target", "Q4 Target", "Budget", "Owner", "Start",
           "End", "Priority"]


def department_book(path, rows, settings, english=False):
    """A department plan: a title row, the header on row 2, items from row 3, Settings."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan" if english else "计划"
    sheet.append(["Department plan" if english else "部门年度计划"])
    sheet.append(ENGLISH if english else HEADERS)
    for row in rows:
        sheet.append(row)
    keys = book.create_sheet("Settings" if english else "设置")
    keys.append(["参数", "值"])
    for key, value in settings.items():
        keys.append([key, value])
    book.save(path)
    return path


def item(item_id, department, kpi, target=8, budget=100):
    quarter = target / 4
    return [item_id, department, "目标", kpi, "个", "up", target, quarter, quarter, quarter,
            quarter, budget, "张三", None, None, "中"]


@pytest.fixture
def folder(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    department_book(plans / "a.xlsx", [item("A-1", "财务部", "结账天数"),
                                       item("A-1", "财务部", "报表数")],
                    {"year": 2026, "department": "财务部"})
    department_book(plans / "b.xlsx", [item("B-1", "Sales", "New customers", 40, 1000),
                                       item("B-2", "Sales", "Visits", 80, 500)],
                    {"year": 2027, "department": "Sales"})
    department_book(plans / "c.xlsx", [item("C-1", "SALES ", "Leads", 400, 2000)],
                    {"year": 2027})
    return plans


@pytest.fixture
def company(folder):
    return consolidate_plans(folder, departments="sales,财务部,法务部")


def test_every_conflict_message_in_chinese_uses_chinese_punctuation(company):
    told = {i.code: i.message("zh") for i in company.report.issues
            if i.code in ("duplicate-item", "department-twice")}
    assert told["duplicate-item"] == ("编号 A-1 被多个计划项使用（a.xlsx 第 3 行：财务部 A-1；"
                                      "a.xlsx 第 4 行：财务部 A-1）。")
    assert told["department-twice"].endswith("同时出现在多个文件中：b.xlsx；c.xlsx。")
    for issue in company.report.issues:
        zh = issue.message("zh")
        assert "; " not in zh and ": " not in zh, zh
    twice = next(i for i in company.report.issues if i.code == "duplicate-item")
    assert twice.message("en").endswith("(a.xlsx row 3: 财务部 A-1; a.xlsx row 4: 财务部 A-1).")


def test_a_plan_of_another_year_is_told_at_its_year_setting(company, folder):
    (year,) = [i for i in company.report.issues if i.code == "outside-year"]
    assert (year.file, year.sheet, year.cell, year.value) == (str(folder / "a.xlsx"), "设置",
                                                              "B2", 2026)
    assert year.message("zh") == "“year”（2026）不在计划年度 2027 内。"
    assert year.severity == "warning"  # a label to check: its dates would be errors
    c = company.result.conflicts
    row = c[c["code"] == "outside-year"].iloc[0]
    assert (row["source"], row["sheet"], row["cell"], row["field"]) == ("a.xlsx", "设置", "B2",
                                                                        "year")
    shown = {r[0]: r for r in _rows(company, "冲突")}
    assert shown["计划年度不一致"][6:8] == ("设置", "B2")


def test_a_department_sent_twice_is_located_in_each_file(company, folder):
    places = sorted((i.file, i.sheet, i.cell) for i in company.report.issues
                    if i.code == "department-twice")
    # b.xlsx claims it in its Settings; c.xlsx by its items (the first one's cell)
    assert places == [(str(folder / "b.xlsx"), "设置", "B3"),
                      (str(folder / "c.xlsx"), "计划", "B3")]


def test_one_department_however_its_name_is_typed(company):
    by_department = company.result.by_department
    # "Sales" (2 items) and "SALES " (1) are one department, spelt as most items spell it;
    # the expected "sales" is that department, not a second one that sent nothing
    assert by_department["department"].tolist() == ["Sales", "财务部", "法务部", None]
    assert by_department["items"].tolist() == [3, 2, 0, 5]
    assert by_department["budget"].fillna(-1).tolist() == [3500, 200, -1, 3700]
    assert company.result.items["department"].tolist() == ["Sales"] * 3 + ["财务部"] * 2
    missing = company.result.conflicts.query("code == 'missing-department'")
    assert missing["department"].tolist() == ["法务部"]


def test_the_messages_follow_the_plans_language_whatever_the_file_order(folder, tmp_path):
    english = tmp_path / "english"
    english.mkdir()
    department_book(english / "0-first.xlsx", [item("E-1", "Legal", "Contracts")],
                    {"year": 2027, "department": "Legal"}, english=True)
    for order in ([english / "0-first.xlsx", folder / "a.xlsx", folder / "c.xlsx"],
                  [folder / "c.xlsx", folder / "a.xlsx", english / "0-first.xlsx"]):
        done = consolidate_plans(order)
        assert done.result.lang == done.report.lang == "zh"


def test_a_file_left_out_says_why_in_one_sentence(tmp_path):
    department_book(tmp_path / "nokpi.xlsx", [item("N-1", None, "x")], {"year": 2027})
    done = consolidate_plans([tmp_path / "nokpi.xlsx"])
    (left,) = [i for i in done.report.issues if i.code == "plan-left-out"]
    assert left.message("zh") == ("该文件无法作为计划读取（“部门”为必填项，但为空），"
                                  "未纳入公司计划。")
    assert left.message("en") == ("This file cannot be read as a plan ('部门' is required but "
                                  "empty); it is left out of the company plan.")
    # nothing consolidated: the run still speaks the files' language
    assert done.report.lang == "zh" and not done.computed


def test_conflicts_of_one_item_are_listed_in_column_order(tmp_path):
    row = item("D-1", "运营部", "库位")
    row[13:15] = [None, None]
    book = department_book(tmp_path / "d.xlsx", [row], {"year": 2027})
    sheet = openpyxl.load_workbook(book)
    sheet["计划"]["N3"] = "2026-06-01"
    sheet["计划"]["O3"] = "2028-01-31"
    sheet.save(book)
    done = consolidate_plans([book])
    fields = done.result.conflicts.query("code == 'outside-year'")["field"].tolist()
    assert fields == ["start", "end"]


def _rows(done, sheet):
    made = next(s for s in done.sheets if s.name == sheet)
    return [tuple(r) for r in made.rows]
