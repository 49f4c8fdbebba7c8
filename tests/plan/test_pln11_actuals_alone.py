"""A workbook holding an Actuals sheet alone (no Plan, no Settings), given to ``plan track``
after the plan, is read as the plan reads its own actuals: a month typed without its year
(1月, Apr) is that month of the plan's year, and a figure typed with its item's unit (12个
in a 个 row) is that figure — each a ``coerced-value`` warning at its cell. Before, each
was a type-error there (the workbook names no year, and the unit was looked up only after
the errors had refused the tracking), so nothing was tracked. Hand-worked; real workbooks on
disk through ``opsbook plan track`` and Python."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import track_plan


def _plan(path):
    """S1 销售额 万元 1200 (300 a quarter: 100 a month); S2 新签客户数 个 40 (10 a quarter)."""
    return plan_book(path, "zh", [item("S1", "销售部", "销售额", "万元", 1200, (300,) * 4),
                                  item("S2", "销售部", "新签客户数", "个", 40, (10,) * 4)],
                     {"year": 2027, "department": "销售部"})


def _actuals(path, lang, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "执行情况" if lang == "zh" else "Actuals"
    sheet.append(["编号", "月份", "实际值"] if lang == "zh" else ["Item ID", "Month", "Actual"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_months_without_year_and_figures_with_units(tmp_path):
    plan = _plan(tmp_path / "plan.xlsx")
    sheet = _actuals(tmp_path / "actuals.xlsx", "zh", [
        ("S1", "1月", 90), ("S1", "2月", "110万元"), ("S2", "3月", "12个"), ("S1", "Apr", 80)])
    out = tmp_path / "tracking.xlsx"
    done = run_cli("plan", "track", plan, sheet, "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    month = "执行情况!{}  [coerced-value] “月份”：“{}”被识别为月份（YYYY-MM） {}"
    assert month.format("B2", "1月", "2027-01") in done.stdout
    assert month.format("B5", "Apr", "2027-04") in done.stdout
    assert "执行情况!C4  [coerced-value] “实际值”：“12个”被识别为数字 12（个）" in done.stdout
    assert "type-error" not in done.stdout
    # as of April (the last month reported): S1 90 + 110 + 80 = 280 of 4 × 100 = 70 %;
    # S2 12 of 4 × 10/3 = 13.333… = 90 %; company (0.7 + 0.9) / 2 = 80 %
    assert "截至 2027-04-30，公司完成率 80.0%，2 项中 1 项进度滞后" in done.stdout
    rows = {r[0]: r[5:9] for r in openpyxl.load_workbook(out)["执行跟踪"].iter_rows(
        min_row=3, values_only=True) if r[0] in ("S1", "S2")}
    assert rows["S1"] == (3, 400, 280, 0.7)
    assert rows["S2"][0:3] == (1, round(40 / 3, 9), 12) and rows["S2"][3] == 0.9


def test_in_python_with_an_english_sheet_of_actuals(tmp_path):
    plan = _plan(tmp_path / "plan.xlsx")
    sheet = _actuals(tmp_path / "actuals.xlsx", "en", [("S1", "Jan", "100万元"),
                                                      ("S1", "2月份", 100)])
    done = track_plan(plan, [sheet], lang="en")
    assert done.exit_code == 0 and done.computed
    said = [(i.cell, i.code) for i in done.report.issues if i.file == str(sheet)]
    assert sorted(said) == [("B2", "coerced-value"), ("B3", "coerced-value"),
                            ("C2", "coerced-value")]
    items = done.result.items.set_index("item_id")
    assert items.loc["S1", ["months", "target_to_date", "actual_to_date", "completion"]
                     ].tolist() == [2, 200, 200, 1]
    assert done.headline == ("as of 2027-02-28: company completion 50.0%, 1 of 2 items "
                             "behind schedule")
