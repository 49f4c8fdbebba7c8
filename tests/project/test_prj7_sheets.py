"""The written status workbook, read back with openpyxl: what a Gantt chart cut to its most
weeks says about the weeks and tasks it leaves out."""

from __future__ import annotations

import openpyxl
import pytest
from trackers import D, project, task, tracker

import opsbook
from opsbook.api.common import write_output
from opsbook.project.gantt import MAX_WEEKS


@pytest.fixture
def long_plan(tmp_path):
    """Task 1 in November 2026, done; task 2 in 2030, not started."""
    rows = [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 1.0, 1000),
            task("2", D(2030, 1, 7), D(2030, 1, 18), 500)]
    return tracker(tmp_path / "long.xlsx", [project(finish=D(2030, 1, 18))], rows)


def _notes(path, sheet):
    ws = openpyxl.load_workbook(path)[sheet]
    return [r[0] for r in ws.iter_rows(values_only=True) if isinstance(r[0], str)]


@pytest.mark.parametrize("lang, said", [
    ("en", "The chart would span 168 weeks; only the 156 weeks around the status date are "
           "drawn (2026-11-02 – 2029-10-28); 1 task(s) fall outside them and have no bar."),
    ("zh", "图表本应跨 168 周，仅绘制状态日期前后的 156 周（2026-11-02 – 2029-10-28）；"
           "1 项任务不在其中，没有条形。"),
])
def test_a_gantt_cut_to_its_most_weeks_says_what_it_leaves_out(long_plan, tmp_path, lang,
                                                                said):
    """2 November 2026 to 18 January 2030 is 168 weeks (Mondays 2 November to 14 January);
    the 156 drawn around the status date (1 April 2028, 73 weeks in) start with the first:
    task 2's bar (January 2030) is outside them."""
    done = opsbook.project_status([long_plan], as_of="2028-04-01", lang=lang)
    gantt = done.sheets[-1]
    assert len(gantt.headers) - 7 == MAX_WEEKS
    write_output(tmp_path / "status.xlsx", done.sheets)
    assert said in _notes(tmp_path / "status.xlsx", gantt.name)


def test_a_gantt_drawn_whole_has_no_such_note(long_plan, tmp_path):
    short = tracker(tmp_path / "short.xlsx", [project()],
                    [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 400)])
    done = opsbook.project_status([short], as_of="2026-11-04")
    assert not [n for n in done.sheets[-1].notes if "would span" in n]


@pytest.mark.parametrize("lang, said", [
    ("en", "2 open risk(s) without a probability or an impact cannot be scored: ranked last "
           "and left out of the heat map (R1, R2)."),
    ("zh", "2 项未关闭风险缺少可能性或影响，无法评分：排在最后，不计入热力图（R1、R2）。"),
])
def test_open_risks_that_cannot_be_scored_are_said_under_the_heat_map(tmp_path, lang, said):
    """Three open risks, two without a score: the title counts 3 open, the heat map 1 — the
    note says which two it leaves out (a closed one unscored is not named)."""
    risks = [dict(risk_id="R1", project_id="P-1", probability=None, impact=4, status="open"),
             dict(risk_id="R2", project_id="P-1", probability=None, impact=None),
             dict(risk_id="R3", project_id="P-1", probability=2, impact=3, status="open"),
             dict(risk_id="R4", project_id="P-1", probability=None, impact=3, status="closed")]
    path = tracker(tmp_path / "risks.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 400)], risks=risks,
                   lang=lang)
    done = opsbook.project_status([path], as_of="2026-11-04")
    assert int(done.result.heat.to_numpy().sum()) == 1
    write_output(tmp_path / "status.xlsx", done.sheets)
    notes = _notes(tmp_path / "status.xlsx", done.sheets[4].name)
    assert said in notes
    assert not [n for n in notes if "R4" in n]


@pytest.mark.parametrize("lang, red, late", [
    ("en", "SPI 0.8999, CPI 1.00", "planned finish 2026-11-03, 99.6% complete"),
    ("zh", "SPI 0.8999，CPI 1.00", "计划 2026-11-03 完成，已完成 99.6%"),
])
def test_deviation_details_never_round_onto_the_rule_they_fail(tmp_path, lang, red, late):
    """P-1: PV 500 (5 of 10 days of 1,000 by Fri 6 November), EV 449.95: SPI 0.8999 is
    red (below 0.90), said so, not '0.90'; P-2: a task 99.6 % complete past its finish is
    not complete, not '100% complete'."""
    rows = [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.44995, 449.95),
            task("1", D(2026, 11, 2), D(2026, 11, 3), 1000, 0.996, 996, pid="P-2")]
    path = tracker(tmp_path / "near.xlsx", [project(), project("P-2")], rows, lang=lang)
    done = opsbook.project_status([path], as_of="2026-11-06")
    found = done.result.deviations
    assert found.loc[found["project_id"].eq("P-1"), "kind"].tolist() == ["project-red"]
    write_output(tmp_path / "status.xlsx", done.sheets)
    ws = openpyxl.load_workbook(tmp_path / "status.xlsx")[done.sheets[2].name]
    details = [r[5] for r in ws.iter_rows(min_row=3, values_only=True)]
    assert red in details and late in details


def test_risks_of_equal_score_are_ranked_by_their_number(tmp_path):
    """R-2, R-10 and R-9, each 3 × 3: ranked R-2, R-9, R-10 (as text R-10 came first)."""
    risks = [dict(risk_id=r, project_id="P-1", probability=3, impact=3, status="open")
             for r in ("R-10", "R-2", "R-9")]
    path = tracker(tmp_path / "ties.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 400)], risks=risks)
    ranked = opsbook.project_status([path], as_of="2026-11-04").result.risks
    assert ranked["risk_id"].tolist() == ["R-2", "R-9", "R-10"]
    assert ranked["rank"].tolist() == [1, 2, 3]
