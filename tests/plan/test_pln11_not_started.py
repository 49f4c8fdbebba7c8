"""An additive item that has not started by the as-of date (its Start after the as-of month)
and has nothing reported is not measured yet: it is not 100 % of the nothing due, which
would lift its department's and the company's completion. A store opening in July is blank
in June, as a rate planned from April is blank in March. Hand-worked; a plan workbook on
disk through ``opsbook plan track``, read back from the tracking workbook, and Python."""

from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import plan_book

from opsbook import track_plan

Y0, Y1 = dt.datetime(2027, 1, 1), dt.datetime(2027, 12, 31)
JULY = dt.datetime(2027, 7, 1)


def _plan(path, lang="zh"):
    """N1 销售额 万元 1200 (300 a quarter) all year, 50 a month reported January–June;
    N2 新店销售额 万元 200 from July (Q3 100, Q4 100), nothing reported;
    N3 新店客户 个 60 from September, annual target only, nothing reported;
    N4 早开店 个 30 from July with 5 reported in June (an early start: measured)."""
    return plan_book(path, lang, [
        ("N1", "销售部", "o", "销售额", "万元", "up", 1200, 300, 300, 300, 300, 1, "x", Y0,
         Y1, "high"),
        ("N2", "销售部", "o", "新店销售额", "万元", "up", 200, 0, 0, 100, 100, 1, "x", JULY,
         Y1, "high"),
        ("N3", "销售部", "o", "新店客户", "个", "up", 60, None, None, None, None, 1, "x",
         dt.datetime(2027, 9, 1), Y1, "high"),
        ("N4", "销售部", "o", "早开店", "个", "up", 30, None, None, None, None, 1, "x", JULY,
         Y1, "high")],
        {"year": 2027, "department": "销售部"},
        actuals=[*(("N1", f"2027-{m:02d}", 50) for m in range(1, 7)), ("N4", "2027-06", 5)])


def test_items_not_started_are_not_measured_in_june(tmp_path):
    plan, out = _plan(tmp_path / "plan.xlsx"), tmp_path / "tracking.xlsx"
    done = run_cli("plan", "track", plan, "--as-of", "2027-06-30", "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    # N1: 300 of 600 = 50 %; N4: 5 against nothing due yet = met (100 %); N2, N3 blank.
    # Company: mean of 0.5 and 1 = 75 % (it was (0.5 + 1 + 1 + 1) / 4 = 87.5 %)
    assert "公司完成率 75.0%，4 项中 1 项进度滞后" in done.stdout
    sheet = openpyxl.load_workbook(out)["执行跟踪"]
    rows = {r[0]: r[5:10] for r in sheet.iter_rows(min_row=3, values_only=True)
            if r[0] in ("N1", "N2", "N3", "N4")}
    assert rows["N1"] == (6, 600, 300, 0.5, "是")
    assert rows["N2"] == (0, 0, None, None, None)
    assert rows["N3"] == (0, 0, None, None, None)
    assert rows["N4"] == (1, 0, 5, 1, None)
    departments = openpyxl.load_workbook(out)["部门完成情况"]
    assert [r for r in departments.iter_rows(min_row=3, max_row=3, values_only=True)] == [
        ("销售部", 4, 2, 1, 0.75)]


def test_once_started_nothing_reported_is_behind(tmp_path):
    """In September N2 has started: 100 × 3/3 … Q3 due over July–September (100), nothing
    reported is 0 % (behind); N3 started in September: 60 over its four months, 15 due, 0 %."""
    plan = _plan(tmp_path / "plan.xlsx", "en")
    done = track_plan(plan, as_of="2027-09-30", lang="en")
    items = done.result.items.set_index("item_id")
    assert items.loc["N2", ["target_to_date", "actual_to_date", "completion"]].tolist() == \
        [100, 0, 0]
    assert items.loc["N3", ["target_to_date", "actual_to_date", "completion"]].tolist() == \
        [15, 0, 0]
    assert items.loc["N2", "behind"] and items.loc["N3", "behind"]
    assert done.result.behind["item_id"].tolist() == ["N1", "N2", "N3", "N4"]


def test_the_report_says_nothing_is_due_yet_rather_than_asking_for_actuals(tmp_path):
    """The plan report lists N2 and N3 as having nothing due yet, not as items whose
    actuals are to be entered."""
    from opsbook.plan.summary import summary

    done = track_plan(_plan(tmp_path / "plan.xlsx"), as_of="2027-06-30")
    found = {f.topic: f for f in summary(done.result, "zh").findings}
    assert found["not-due"].names == ("N2 新店销售额", "N3 新店客户")
    assert found["not-due"].text == ("2 个计划项尚无到期的目标（尚未开始，或截至目前未安排目标）："
                                     "N2 新店销售额、N3 新店客户。")
    assert "unmeasured" not in found
    english = {f.topic: f for f in summary(done.result, "en").findings}
    assert english["not-due"].action == ("Nothing to chase yet: N2 新店销售额, N3 新店客户 are "
                                         "measured from the month their targets fall due.")
