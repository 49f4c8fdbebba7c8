"""A summary row numbered as the sample tracker numbers its top level (1.0, 2.0 …) heads its
subtasks 1.1 and 1.2 as 1 would: with a cost of its own it is warned at that cost, in both
languages, instead of the project counting that work twice silently."""

from __future__ import annotations

from trackers import D, project, task, tracker

from opsbook.api import validate_file


def test_a_summary_row_written_with_zero_levels_is_warned(tmp_path):
    rows = [task("1.0", D(2026, 11, 2), D(2026, 11, 13), 3000, 0.5, 0),
            task("1.1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 0),
            task("1.2", D(2026, 11, 9), D(2026, 11, 13), 2000, 0.5, 0),
            task("2.0", D(2026, 11, 9), D(2026, 11, 13), 500),
            task("2.1.0", D(2026, 11, 9), D(2026, 11, 13), 0, 0.0, 40),
            task("2.1.1", D(2026, 11, 9), D(2026, 11, 13), 100),
            task("3.0", D(2026, 11, 9), D(2026, 11, 13), 10),
            task("3", D(2026, 11, 9), D(2026, 11, 13), 10)]
    path = tracker(tmp_path / "t.xlsx", [project()], rows)
    found = [i for i in validate_file(path, "project").issues if i.code == "summary-task"]
    # 1.0 (planned 3,000 over 1.1 and 1.2): J4; 2.0 (500 over 2.1.0 and 2.1.1): J7;
    # 2.1.0 (planned 0, 40 spent, over 2.1.1): K8; 3.0 and 3 are one task written twice,
    # neither heading the other
    assert [(i.cell, i.value, i.params["subtasks"]) for i in found] == [
        ("J4", "1.0", "1.1, 1.2"), ("J7", "2.0", "2.1.0, 2.1.1"), ("K8", "2.1.0", "2.1.1")]
    said = {lang: found[0].message(lang) for lang in ("en", "zh")}
    assert said["en"].startswith("WBS 1.0 heads tasks of its project (1.1, 1.2): ")
    assert said["zh"].startswith("任务编号 1.0 下还有本项目的子任务（1.1、1.2）：")
