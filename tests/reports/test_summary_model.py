"""The report content model and the appraisal summary, against hand-computed figures."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from opsbook.core.output import Chart, SheetOut
from opsbook.core.summary import Figure, redact_sheet, redact_sheets
from reports import smallcycle


def figure(summary, label):
    return next(f for f in summary.figures if f.label == label)


def test_headline_figures_compare_with_the_previous_cycle(zh_report):
    summary, _sheets = zh_report
    assert summary.title == "2026Q4 绩效考核报告" and summary.period == "2026Q4"
    mean = figure(summary, "平均总分")
    assert (mean.value, mean.previous, mean.change, mean.tone) == (77.5, 70.0, 7.5, "good")
    assert figure(summary, "已评分人数").value == 4
    assert figure(summary, "表彰人数").value == 1
    assert figure(summary, "改进面谈人数").value == 1
    assert figure(summary, "按规定处理人数").value == 1
    bonus = figure(summary, "绩效奖金合计")
    assert bonus.value == smallcycle.BONUS_TOTAL and bonus.confidential
    top = figure(summary, "最高等级占比")
    assert (top.value, top.previous) == (0.25, 0.0)


def test_charts_hold_this_and_the_previous_cycle(zh_report):
    grades, departments = zh_report[0].charts
    assert grades.categories == ("S", "A", "B", "C", "D")
    assert [(s.name, s.values) for s in grades.series] == [
        ("2026Q3", (0, 2, 1, 0, 1)), ("2026Q4", (1, 1, 1, 0, 1))]
    assert departments.categories == ("运营部", "市场部")
    assert [s.values for s in departments.series] == [(75.0, 65.0), (85.0, 70.0)]


def test_recommendations_come_from_the_findings(zh_report):
    summary = zh_report[0]
    assert [(f.topic, f.names) for f in summary.findings] == [
        ("commend", ("王伟",)), ("interview", ("张强",)), ("escalate", ("张强",)),
        ("department", ("市场部",))]
    assert summary.recommendations[0] == "表彰王伟，并记入个人档案。"
    assert "张强" in summary.recommendations[1] and "面谈" in summary.recommendations[1]
    assert len(summary.recommendations) == 4


def test_english_summary(en_report):
    summary = en_report[0]
    assert summary.title == "Appraisal report 2026Q4"
    assert summary.recommendations[0] == "Commend 王伟 and record it in their files."
    assert figure(summary, "Mean total").change == 7.5


def test_a_department_part_holds_only_its_people(zh_report):
    part = zh_report[0].for_department("市场部")
    assert part.title == "2026Q4 绩效考核报告：市场部" and part.department == "市场部"
    assert figure(part, "平均总分").value == 70.0 and figure(part, "平均总分").previous == 65.0
    assert figure(part, "绩效奖金合计").value == 24000.0
    text = repr(dataclasses.replace(part, parts={}))
    assert "张强" in text
    assert "王伟" not in text and "李娜" not in text and "运营部" not in text


def test_redacted_copy_has_nothing_confidential(zh_report):
    summary, sheets = zh_report
    copy = summary.redacted()
    assert copy.restricted and "绩效奖金合计" not in [f.label for f in copy.figures]
    assert "绩效奖金合计" in summary.tables[0].headers
    assert "绩效奖金合计" not in copy.tables[0].headers
    assert len(copy.tables[0].headers) == len(summary.tables[0].headers) - 1
    assert not copy.parts["运营部"].tables[0].confidential
    assert [s.name for s in redact_sheets(summary, sheets)] == [
        "考核结果", "部门统计", "评分人统计", "自评偏差"]
    results = redact_sheet(sheets[0], summary.confidential_headers)
    assert "绩效奖金" not in results.headers and "奖金系数" not in results.headers
    assert len(results.headers) == len(sheets[0].headers) - 2
    assert all(len(row) == len(results.headers) for row in results.rows)
    assert results.rows[0][:3] == ["E1", "王伟", "运营部"]


def test_figure_change_needs_two_numbers():
    assert Figure("x", 3, previous=None).change is None
    assert Figure("x", "n/a", previous=2).change is None
    assert Figure("x", 2, previous=3, better="down").tone == "good"


@given(st.lists(st.booleans(), min_size=1, max_size=8), st.integers(0, 5))
def test_redact_sheet_keeps_other_columns_their_values_and_fills(secret, rows):
    headers = [f"c{n}" for n in range(len(secret))]
    data = [[(r, c) for c in range(len(secret))] for r in range(rows)]
    fills = {(r, c): "FF0000" for r in range(rows) for c in range(len(secret))}
    charts = [Chart("column", "t", 0, (len(secret) - 1,))]
    sheet = SheetOut("S", "S", headers, data, formats=["0"] * len(secret), fills=fills,
                     charts=charts)
    hidden = frozenset(h for h, s in zip(headers, secret) if s)
    out = redact_sheet(sheet, hidden)
    kept = [c for c, s in enumerate(secret) if not s]
    assert out.headers == [headers[c] for c in kept]
    assert out.rows == [[(r, c) for c in kept] for r in range(rows)]
    assert set(out.fills) == {(r, n) for r in range(rows) for n in range(len(kept))}
    assert len(out.charts) == (0 if secret[0] or secret[-1] else 1)
