"""Project tracker, ninth round: a task done without an actual finish is finished by the
status date; report indices and every SPI/CPI shown on the side of each threshold they are
on; two projects of one name counted apart; phases, states and closing flags as people
write them; the Gantt, the gate lists and a deviation's actions independent of row order."""

from __future__ import annotations

import openpyxl
import pandas as pd
from trackers import D, project, status, task, tracker

import opsbook
from opsbook.api.common import write_output
from opsbook.api.report import build_report
from opsbook.project.summary import summary


def test_a_task_done_without_an_actual_finish_is_done_by_the_status_date(tmp_path):
    """As of Friday 13 November: task 1 (2–6 November) finished on the 5th; task 2 (9–27
    November) is 100 % complete with no actual finish. Task 2 is done, so it finished by the
    13th at the latest — not on its planned finish, the 27th, still to come — and the
    project, every task done, by the later of the two: the 13th (it said the 5th, earlier
    than a task it holds). A done task whose planned finish has passed keeps it."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 1.0, 900,
                         actual_finish=pd.Timestamp(2026, 11, 5)),
                    task("2", D(2026, 11, 9), D(2026, 11, 27), 2000, 1.0, 1500),
                    task("3", D(2026, 11, 2), D(2026, 11, 4), 500, 1.0, 500)])
    result, _ = status(path, as_of=D(2026, 11, 13))
    tasks = result.tasks.set_index("task_id")["forecast_finish"]
    assert tasks.to_dict() == {"1": pd.Timestamp(2026, 11, 5), "2": pd.Timestamp(2026, 11, 13),
                               "3": pd.Timestamp(2026, 11, 4)}
    assert result.status["forecast_finish"].tolist() == [pd.Timestamp(2026, 11, 13)]
    # as of the 30th, after every planned finish, the planned finishes stand
    result, _ = status(path, as_of=D(2026, 11, 30))
    assert result.status["forecast_finish"].tolist() == [pd.Timestamp(2026, 11, 27)]


def _short_of_amber(tmp_path):
    """One project, as of Friday 6 November, its only task (2–6 November, 10 000) all due:
    PV 10 000, 89.99 % done is EV 8 999, AC 8 999: SPI 0.8999 (red, below 0.90), CPI 1."""
    return tracker(tmp_path / "t.xlsx", [project(finish=pd.Timestamp(2026, 11, 6))],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 10000, 0.8999, 8999)],
                   status_date=D(2026, 11, 6))


def test_the_portfolio_spi_is_not_rounded_onto_the_threshold_it_misses(tmp_path):
    path = _short_of_amber(tmp_path)
    result, _ = status(path)
    assert result.status["rag"].tolist() == ["red"]
    made = summary(result, "en")
    figures = {f.label: f for f in made.figures}
    spi, cpi = figures["Portfolio SPI"], figures["Portfolio CPI"]
    assert (spi.value, spi.format) == (0.8999, "0.0000")  # not 0.9 shown 0.90
    assert (cpi.value, cpi.format) == (1.0, "0.00")
    scatter = made.charts[0]
    assert scatter.x == (0.8999,) and scatter.number_format == "0.0000"
    build_report(path, tmp_path / "report.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "report.xlsx")["Summary"]
    cells = {sheet.cell(r, 1).value: sheet.cell(r, 2) for r in range(1, sheet.max_row + 1)}
    assert (cells["Portfolio SPI"].value, cells["Portfolio SPI"].number_format) == \
        (0.8999, "0.0000")
    # the chart's data, the figure and the table's SPI (% Complete, 90%, is no index)
    shown = [c.number_format for row in sheet.iter_rows() for c in row if c.value == 0.8999
             and not c.number_format.endswith("%")]
    assert shown == ["0.0000"] * 3


def test_two_projects_of_one_name_are_counted_apart_in_the_findings(tmp_path):
    """P-1 and P-2 are both called "Website"; as of 30 November P-1 has two tasks past their
    planned finish and P-2 one, none with an action, and both projects are red: the
    deviations without an action are 3 and 2, said per project — not "Website (5)" — and
    each led by its ID, as the name is both's."""
    late = [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, 50),
            task("2", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, 50),
            task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 0.5, 50, pid="P-2")]
    path = tracker(tmp_path / "t.xlsx",
                   [project("P-1", name="Website"), project("P-2", name="Website")], late)
    result, _ = status(path, as_of=D(2026, 11, 30))
    found = {f.topic: f for f in summary(result, "en").findings}
    assert found["uncovered"].text == \
        "Deviations without a corrective action: P-1 Website (3), P-2 Website (2)."
    assert found["uncovered"].names == ("P-1 Website", "P-2 Website")
    found = {f.topic: f for f in summary(result, "zh").findings}
    assert found["uncovered"].text == "尚无纠正措施的偏差：P-1 Website（3）、P-2 Website（2）。"


def test_phases_and_states_as_the_policy_and_pmbok_name_them(tmp_path):
    """The policy names the phases 项目启动阶段 … 项目收尾阶段 (and 监控阶段 alone); PMBOK's
    process groups are initiating … monitoring and controlling. Each is read as its phase —
    not an invalid-choice error that leaves the tracker out — and the gate is that phase's.
    Risk and action states 处理中 / in progress are open, 已解决 / completed closed."""
    typed = {"P-1": "项目启动阶段", "P-2": "规划阶段", "P-3": "executing", "P-4": "监控阶段",
             "P-5": "Monitoring and Controlling", "P-6": "项目收尾阶段", "P-7": "initiating"}
    path = tracker(tmp_path / "t.xlsx", [project(p, phase=v) for p, v in typed.items()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 1.0, 100, pid=p)
                    for p in typed],
                   risks=[{"risk_id": "R-1", "project_id": "P-1", "probability": 3,
                           "impact": 3, "status": "处理中"},
                          {"risk_id": "R-2", "project_id": "P-1", "probability": 5,
                           "impact": 5, "status": "已解决"},
                          {"risk_id": "R-3", "project_id": "P-1", "probability": 2,
                           "impact": 2, "status": "completed"}],
                   lang="zh")
    result, _ = status(path, as_of=D(2026, 11, 30))
    phases = result.gates.set_index("project_id")["phase"].to_dict()
    assert phases == {"P-1": "initiation", "P-2": "planning", "P-3": "execution",
                      "P-4": "monitoring", "P-5": "monitoring", "P-6": "closing",
                      "P-7": "initiation"}
    assert result.gates.set_index("project_id").loc["P-6", "missing"] == \
        "accepted lessons_learned archived"
    assert result.risks["open"].tolist() == [True, False, False]
    assert result.status.set_index("project_id").loc["P-1", "top_risk_score"] == 9


def test_an_index_that_reaches_a_threshold_is_not_shown_below_it(tmp_path):
    """spi_amber 0.954 (green 0.99): one task all due, PV 10 000, 95.44 % done is EV 9 544,
    AC 9 544: SPI 0.9544 — amber, for it reaches 0.954. Two decimals would show "0.95",
    which the rule under the table ("red when SPI < 0.954") reads as red: the cell shows
    0.954 (0.000) and the deviation says SPI 0.954."""
    path = tracker(tmp_path / "t.xlsx", [project(finish=pd.Timestamp(2026, 11, 6))],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 10000, 0.9544, 9544)],
                   status_date=D(2026, 11, 6), spi_amber=0.954, spi_green=0.99)
    out = tmp_path / "status.xlsx"
    done = opsbook.project_status([path])
    write_output(out, done.sheets)
    book = openpyxl.load_workbook(out)
    status_sheet = book["Status"]
    headers = [c.value for c in status_sheet[2]]
    spi = status_sheet.cell(3, headers.index("SPI") + 1)
    assert (spi.value, spi.number_format) == (0.9544, "0.000")
    assert status_sheet.cell(3, headers.index("RAG") + 1).value == "amber"
    assert "red when SPI < 0.954" in status_sheet["A5"].value
    deviations = book["Deviations"]
    assert deviations["F3"].value == "SPI 0.954, CPI 1.00"
    made = summary(done.result, "en")
    assert made.tables[0].formats[5] == "0.000"
    assert [f.format for f in made.figures if f.label == "Portfolio SPI"] == ["0.000"]


def test_the_gantt_lists_files_as_read_and_numbers_as_numbers(tmp_path):
    """b.xlsx given before a.xlsx; in b, projects P-10 and P-2, P-2's tasks 1.10 and 1.2
    starting the same day: the Gantt lists b first (as the Status sheet does), P-2 before
    P-10 and WBS 1.2 before 1.10 — not "P-10" < "P-2" and "1.10" < "1.2" as text."""
    day, end = D(2026, 11, 2), D(2026, 11, 6)
    b = tracker(tmp_path / "b.xlsx", [project("P-10"), project("P-2")],
                [task("1", day, end, 100, pid="P-10"), task("1.10", day, end, 100, pid="P-2"),
                 task("1.2", day, end, 100, pid="P-2")])
    a = tracker(tmp_path / "a.xlsx", [project("P-1")], [task("1", day, end, 100)])
    done = opsbook.project_status([b, a], as_of="2026-11-04")
    # the Status sheet in the same order (not the order of the Projects rows)
    assert done.result.status["project_id"].tolist() == ["P-2", "P-10", "P-1"]
    write_output(tmp_path / "status.xlsx", done.sheets)
    gantt = openpyxl.load_workbook(tmp_path / "status.xlsx")["Gantt"]
    rows = list(gantt.iter_rows(min_row=3, max_row=6, max_col=2, values_only=True))
    assert rows == [("P-2", "1.2"), ("P-2", "1.10"), ("P-10", "1"), ("P-1", "1")]


def test_the_closing_flags_read_as_their_state_is_said(tmp_path):
    """Under 已验收, 经验总结 and 已归档 a Chinese user writes the state itself: 已验收, 已总结,
    已归档 (yes) or 未验收, 未总结, 未归档 (no); in English accepted / not accepted. Each is
    read — not an invalid-choice error leaving the tracker out — and the closing gate
    follows."""
    flags = {"P-1": ("已验收", "已总结", "已归档"), "P-2": ("未验收", "未总结", "未归档"),
             "P-3": ("accepted", "是", "archived"), "P-4": ("Not Accepted", "否", "未归档")}
    path = tracker(tmp_path / "t.xlsx",
                   [project(p, phase="收尾", accepted=a, lessons_learned=lesson, archived=kept)
                    for p, (a, lesson, kept) in flags.items()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 6), 100, 1.0, 100, pid=p)
                    for p in flags], lang="zh")
    result, _ = status(path, as_of=D(2026, 11, 30))
    gates = result.gates.set_index("project_id")
    assert gates["passed"].to_dict() == {"P-1": True, "P-2": False, "P-3": True, "P-4": False}
    assert gates.loc["P-4", "missing"] == "accepted lessons_learned archived"


def test_gate_lists_and_joined_actions_do_not_depend_on_row_order(tmp_path):
    """Tasks 1.10, 2 and 1.2 (in that row order) planned from 2 November, none started, all
    past their finish on the 6th and not complete; two open actions A-10 and A-2 on 1.2.
    As of the 30th, in execution, the gate lists the tasks not started 1.2, 1.10, 2; in
    monitoring, the deviations without an action project, 1.10, 2 — and 1.2's actions are
    A-2, A-10 — whichever order the rows are in."""
    def run(name, tasks, actions, phase):
        path = tracker(tmp_path / name, [project(phase=phase)],
                       [task(t, D(2026, 11, 2), D(2026, 11, 6), 100) for t in tasks],
                       actions=[{"action_id": a, "project_id": "P-1", "task_id": "1.2",
                                 "action": "fix " + a, "owner": "Ann",
                                 "due": D(2026, 12, 4)} for a in actions])
        result, _ = status(path, as_of=D(2026, 11, 30))
        late = result.deviations.set_index("task_id")
        return result.gates.iloc[0], late.loc["1.2", "action_id"]

    for n, (tasks, actions) in enumerate([(["1.10", "2", "1.2"], ["A-10", "A-2"]),
                                          (["1.2", "2", "1.10"], ["A-2", "A-10"])]):
        gate, ids = run(f"e{n}.xlsx", tasks, actions, "execution")
        assert (gate["tasks_not_started"], ids) == ("1.2, 1.10, 2", "A-2, A-10")
        gate, _ = run(f"m{n}.xlsx", tasks, actions, "monitoring")
        assert gate["deviations_uncovered"] == "project, 1.10, 2"
