"""The plan report made from tracking results, with figures worked out by hand.

Plan (tracked to 2027-03-31, behind below 90 %):
销售部  A 新签客户数 个 30 a quarter, actuals 10 + 8 + 6 = 24 → 0.8 (behind);
        E 培训课时 小时 1200 a year (100 a month), actuals 3 × 100 → 1.0; G 客户满意度 % no
        actual (not measured). Department (0.8 + 1.0) / 2 = 0.9.
运营部  C 安全事故 次 target 0, actual 0 → 1.0; D 客户投诉升级 次 target 0, actual 1 → 0.0
        (behind); F 员工满意度 % 90, actual 72 → 0.8 (behind). Department 1.8 / 3 = 0.6.
Company (0.8 + 1 + 1 + 0 + 0.8) / 5 = 0.72.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import planbooks
import pytest

import opsbook
from opsbook.api import summarize
from opsbook.plan.items import unit_set
from opsbook.plan.settings import PlanSettings
from opsbook.plan.summary import summary
from opsbook.plan.tracking import track

Y0, Y1 = planbooks.Y0, planbooks.Y1
PLAN = planbooks.frame(
    ("A", "销售部", "o", "新签客户数", "个", "up", 120.0, 30.0, 30.0, 30.0, 30.0, 500.0, "", Y0,
     Y1, "high"),
    ("E", "销售部", "o", "培训课时", "小时", "up", 1200.0, None, None, None, None, None, "", Y0,
     Y1, "low"),
    ("G", "销售部", "o", "客户满意度", "%", "up", 90.0, 90.0, 90.0, 90.0, 90.0, None, "", Y0, Y1,
     "low"),
    ("C", "运营部", "o", "安全事故", "次", "down", 0.0, 0.0, 0.0, 0.0, 0.0, None, "", Y0, Y1,
     "high"),
    ("D", "运营部", "o", "客户投诉升级", "次", "down", 0.0, 0.0, 0.0, 0.0, 0.0, None, "", Y0, Y1,
     "high"),
    ("F", "运营部", "o", "员工满意度", "%", "up", 90.0, 90.0, 90.0, 90.0, 90.0, None, "", Y0, Y1,
     "low"),
)
ACTUALS = pd.DataFrame(
    [("A", "2027-01", 10.0), ("A", "2027-02", 8.0), ("A", "2027-03", 6.0),
     ("E", "2027-01", 100.0), ("E", "2027-02", 100.0), ("E", "2027-03", 100.0),
     ("C", "2027-01", 0.0), ("D", "2027-02", 1.0), ("F", "2027-01", 72.0)],
    columns=["item_id", "month", "actual"])


@pytest.fixture(scope="module")
def tracking():
    return track(PLAN, ACTUALS, year=2027, as_of=dt.date(2027, 3, 31),
                 additive_units=unit_set(PlanSettings().additive_units), behind_threshold=0.9)


def values(made):
    return {f.label: f.value for f in made.figures}


def test_figures_chart_and_tables(tracking):
    made = summary(tracking, "zh")
    assert made.title == "2027 年度计划执行报告" and made.period == "2027"
    assert values(made) == {"公司完成率": pytest.approx(0.72), "计划项数": 6, "可计量项数": 5,
                            "滞后项数": 3, "未达进度部门数": 1}
    chart = made.charts[0]
    assert chart.title == "各部门完成率" and chart.categories == ("销售部", "运营部")
    assert chart.series[0].values == (pytest.approx(0.9), pytest.approx(0.6))
    departments, behind = made.tables
    assert departments.rows == (("销售部", 3, 2, 1, pytest.approx(0.9)),
                                ("运营部", 3, 3, 2, pytest.approx(0.6)))
    # worst first: D 0.0, then A and F at 0.8 in plan order
    assert [r[0] for r in behind.rows] == ["D", "A", "F"]
    assert behind.rows[1][3:] == (30.0, 24.0, pytest.approx(0.8))
    assert made.confidential_headers == frozenset({"预算"})


def test_findings_name_the_items_and_departments(tracking):
    made = summary(tracking, "zh")
    found = {f.topic: f for f in made.findings}
    assert found["behind"].names == ("D 客户投诉升级", "A 新签客户数", "F 员工满意度")
    assert found["behind"].text.startswith("3 个计划项进度滞后（完成率低于 90%）：")
    assert found["unmeasured"].names == ("G 客户满意度",)
    assert found["department"].names == ("运营部",)
    assert found["most-behind"].names == ("运营部",) and "（2 项）" in found["most-behind"].text
    assert "与运营部负责人复盘进度" in made.recommendations[2]
    assert all("," not in f.text for f in made.findings)


def test_parts_per_department(tracking):
    made = summary(tracking, "en")
    assert list(made.parts) == ["销售部", "运营部"]
    ops = made.parts["运营部"]
    assert ops.department == "运营部" and ops.title == "Plan tracking report 2027: 运营部"
    assert values(ops) == {"Department completion": pytest.approx(0.6), "Plan items": 3,
                           "Items measured": 3, "Items behind": 2}
    assert ops.charts[1].categories == ("C 安全事故", "D 客户投诉升级", "F 员工满意度")
    assert ops.charts[1].series[0].values == (1.0, 0.0, pytest.approx(0.8))
    assert [f.topic for f in ops.findings] == ["behind"]
    assert made.parts["销售部"].findings[0].names == ("A 新签客户数",)


def test_sample_summary_matches_its_tracking(tmp_path):
    path = opsbook.new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)
    built = summarize(path)
    result, made = built.calculation.result, built.summary
    figures = values(made)
    assert figures["Company completion"] == pytest.approx(result.company, abs=1e-4)
    assert figures["Plan items"] == len(result.items)
    assert figures["Items behind"] == int(result.items["behind"].sum()) == len(result.behind)
    chart = made.charts[0]
    assert chart.categories == tuple(result.departments["department"])
    assert len(chart.series[0].values) == len(result.departments)
    behind = made.findings[0]
    assert behind.topic == "behind"
    assert behind.names == tuple(f"{i} {k}" for i, k in zip(
        result.behind.sort_values("completion", kind="stable")["item_id"],
        result.behind.sort_values("completion", kind="stable")["kpi"]))


def test_build_report_writes_workbook_and_page(tmp_path):
    path = opsbook.new_workbook("plan", "zh", tmp_path / "plan.xlsx", sample=True)
    built = opsbook.build_report(path, [tmp_path / "r.xlsx", tmp_path / "r.html"])
    assert [p.name for p in built.paths] == ["r.xlsx", "r.html"]
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    assert "各部门完成率" in (tmp_path / "r.html").read_text(encoding="utf-8")
