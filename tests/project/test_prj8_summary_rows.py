"""A summary row of the work breakdown (WBS 1 over 1.1 and 1.2) with a cost of its own: every
row is counted, so the project would count that work twice — a warning at its cost, in both
languages; 3.0 is task 3 written so, heading nothing."""

from __future__ import annotations

from trackers import D, project, status, task, tracker

from opsbook.api import validate_file


def _rows():
    return [task("1", D(2026, 11, 2), D(2026, 11, 13), 3000, 0.5, 0),
            task("1.1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 0),
            task("1.2", D(2026, 11, 9), D(2026, 11, 13), 2000, 0.5, 0),
            task("2", D(2026, 11, 9), D(2026, 11, 13), 0, 0.0, 10),
            task("2.1", D(2026, 11, 9), D(2026, 11, 13), 10),
            task("3", D(2026, 11, 9), D(2026, 11, 13), 0),
            task("3.1", D(2026, 11, 9), D(2026, 11, 13), 10),
            task("4", D(2026, 11, 9), D(2026, 11, 13), 10),
            task("4.0", D(2026, 11, 9), D(2026, 11, 13), 10),
            task("1.1", D(2026, 11, 9), D(2026, 11, 13), 10, pid="P-2"),
            task("1.10", D(2026, 11, 9), D(2026, 11, 13), 10, pid="P-2")]


def test_a_summary_row_with_costs_is_warned_at_its_cost(tmp_path):
    """WBS 1 (3000 over 1.1 and 1.2): at its planned cost, J4; WBS 2 (planned 0, 10 spent,
    over 2.1): at its actual cost, K7; WBS 3 at 0 over 3.1: nothing to count twice; 4 and
    4.0, and 1.1 and 1.10 of P-2: no summary row."""
    path = tracker(tmp_path / "t.xlsx", [project("P-1"), project("P-2")], _rows())
    found = [i for i in validate_file(path, "project").issues if i.code == "summary-task"]
    assert [(i.cell, i.severity, i.value) for i in found] == [("J4", "warning", "1"),
                                                              ("K7", "warning", "2")]
    assert found[0].message("en") == (
        "WBS 1 heads tasks of its project (1.1, 1.2): its costs are counted on top of theirs, "
        "so the project's BAC, EV and AC count that work twice; set a summary row's planned "
        "and actual cost to 0, or remove the row.")
    assert found[0].message("zh") == (
        "任务编号 1 下还有本项目的子任务（1.1、1.2）：其成本会与子任务的成本重复计入，"
        "项目的完工预算、挣值和实际成本将重复计算；汇总行的计划成本和实际成本请填 0，或删除该行。")


def test_the_warning_does_not_stop_the_status(tmp_path):
    """A warning, not an error: the status is computed, every row counted as typed
    (3000 + 1000 + 2000 + 0 + 10 + 0 + 10 + 10 + 10 = 6040 for P-1)."""
    path = tracker(tmp_path / "t.xlsx", [project("P-1"), project("P-2")], _rows())
    result, _ = status(path, as_of=D(2026, 11, 20))
    assert result.status.set_index("project_id").loc["P-1", "bac"] == 6040
