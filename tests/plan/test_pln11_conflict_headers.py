"""An end before its start in an English department plan consolidated into a Chinese company
plan is said in the file's own words: ``'End' (2027-03-01) is before 'Start'.`` — before,
writing the company's Conflicts sheet renamed the start in the report's issue to the
company's header, so the English line read "... is before '开始日期'", and the Conflicts
sheet said “End” beside “开始日期”. Real workbooks on disk, run as a user runs them."""

from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans

MARCH, JUNE = dt.datetime(2027, 3, 1), dt.datetime(2027, 6, 1)


def _plans(folder):
    folder.mkdir()
    late = (*item("O3", "Operations", "Training", "hours", 40, (10, 10, 10, 10))[:13], JUNE,
            MARCH, "low")
    plan_book(folder / "ops.xlsx", "en", [late], {"year": 2027, "department": "Operations"})
    for name in ("sales", "finance"):  # two Chinese plans: the company plan is Chinese
        plan_book(folder / f"{name}.xlsx", "zh",
                  [item(name[0].upper() + "1", f"{name}部", "销售额", "万元", 100,
                        (25, 25, 25, 25))], {"year": 2027, "department": f"{name}部"})
    return folder


def test_the_english_file_is_told_in_its_own_headers(tmp_path):
    folder, out = _plans(tmp_path / "plans"), tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", folder, "-o", out)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Plan!O4  [date-order] 'End' (2027-03-01) is before 'Start'." in done.stdout
    assert "开始日期" not in done.stdout.split("ops.xlsx", 1)[1].split("\n", 2)[1]
    conflicts = openpyxl.load_workbook(out)["冲突"]
    said = [r[-1] for r in conflicts.iter_rows(min_row=3, values_only=True)
            if r[0] == "结束日期早于开始日期"]
    assert said == ["“End”（2027-03-01）早于“Start”。"]


def test_the_report_keeps_the_file_words_whatever_the_company_language(tmp_path):
    folder = _plans(tmp_path / "plans")
    for lang in ("zh", "en"):
        done = consolidate_plans(folder, lang=lang)
        issue = next(i for i in done.report.issues if i.code == "date-order")
        assert issue.message("en") == "'End' (2027-03-01) is before 'Start'."
        assert issue.message("zh") == "“End”（2027-03-01）早于“Start”。"
