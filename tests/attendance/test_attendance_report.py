"""The attendance report: a small month with hand-computed figures, and the sample workbook
through the report api (summary content in both languages, workbook and page written)."""

from __future__ import annotations

import pandas as pd
import pytest
from frames import clock, run

import opsbook
from opsbook.api.report import summarize
from opsbook.attendance.summary import summary

#: November 2026 has 21 work days (Mon 2nd … Mon 30th). Everyone works 09:00–18:00 except:
#: 张伟 (E1, 运营部) is late on Mon 2, Tue 3 and Wed 4 (3 late → 0.5 penalty day); 李娜 (E2,
#: 运营部) has no punch on Fri 6 (absent); Alice Chen (E3, 市场部) is late on Mon 9.
LATE = {("E1", "2026-11-02"), ("E1", "2026-11-03"), ("E1", "2026-11-04"), ("E3", "2026-11-09")}
ABSENT = {("E2", "2026-11-06")}


@pytest.fixture(scope="module")
def month():
    days = [d.date().isoformat() for d in pd.bdate_range("2026-11-01", "2026-11-30")]
    rows = [(e, d, "09:30" if (e, d) in LATE else "09:00", "18:00")
            for e in ("E1", "E2", "E3") for d in days if (e, d) not in ABSENT]
    return run(clock(*rows))


def figure(made, label):
    return next(f.value for f in made.figures if f.label == label)


def test_figures_and_charts_are_the_hand_counts(month):
    made = summary(month, "en")
    assert made.title == "Attendance report 2026-11"
    assert figure(made, "Employees") == 3
    assert figure(made, "Late arrivals") == 4 == int(month.monthly["late_count"].sum())
    assert figure(made, "Punctuality") == round(58 / 62, 4)
    assert figure(made, "Absence rate") == round(1 / 63, 4)
    assert figure(made, "Absent days") == 1.0
    assert figure(made, "Penalty days") == 0.5
    by_dept, by_day = made.charts
    assert by_dept.categories == ("市场部", "运营部")
    assert by_dept.series[0].values == (round(2000 / 21, 2), round(3800 / 41, 2))
    assert by_dept.series[1].values == (0.0, round(100 / 42, 2))
    assert by_day.categories == ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    assert by_day.series[0].values == (2.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0)
    assert made.tables[0].rows[1][:3] == ("运营部", 2, 42)


def test_findings_name_the_department_and_the_people(month):
    made = summary(month, "zh")
    topics = {f.topic: f for f in made.findings}
    assert topics["late-department"].names == ("运营部",)
    assert topics["late-department"].text == "人均迟到次数最多的部门：运营部（人均 1.5 次）。"
    assert topics["penalty"].names == ("张伟",)
    assert topics["absent"].names == ("李娜",)
    assert topics["absent"].action == "与李娜面谈旷工原因，并按制度记录处理。"
    assert made.recommendations[0] == "请运营部负责人分析迟到原因并提交改进计划。"


def test_parts_hold_one_department_each(month):
    made = summary(month, "zh")
    assert set(made.parts) == {"运营部", "市场部"}
    ops = made.parts["运营部"]
    assert ops.title == "2026-11 考勤报告：运营部"
    assert figure(ops, "员工人数") == 2 and figure(ops, "迟到次数") == 3
    assert ops.charts[0].categories == ("运营部",)
    assert ops.charts[1].series[0].values == (1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0)
    assert "late-department" not in {f.topic for f in ops.findings}
    assert {f.topic for f in made.parts["市场部"].findings} == set()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sample_summary_adds_up(tmp_path, lang):
    path = tmp_path / f"sample-{lang}.xlsx"
    opsbook.new_workbook("attendance", lang, path, sample=True)
    built = summarize(path)
    result, made = built.calculation.result, built.summary
    assert made.lang == lang
    assert made.figures[3].value == int(result.monthly["late_count"].sum())
    assert made.figures[5].value == float(result.monthly["absent_days"].sum())
    departments = sorted(result.monthly["department"].astype(str).unique())
    assert list(made.charts[0].categories) == departments
    assert sum(made.charts[1].series[0].values) == made.figures[3].value
    assert sum(row[5] for row in made.tables[0].rows) == made.figures[3].value
    assert set(made.parts) == set(departments)
    assert sum(figure(p, made.figures[3].label) for p in made.parts.values()) \
        == made.figures[3].value
    if lang == "zh":
        assert all("," not in f.text and f.text.endswith("。") for f in made.findings)


def test_the_report_is_written(tmp_path):
    path = tmp_path / "attendance.xlsx"
    opsbook.new_workbook("attendance", "zh", path, sample=True)
    built = opsbook.build_report(path, [tmp_path / "r.xlsx", tmp_path / "r.html"])
    assert built.exit_code == 0
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "各部门准时率与缺勤率" in page and "按星期统计的迟到次数" in page
