"""Trackers named in any order give the same figures: the same project ID in two files is
counted from the file whose name comes first and is a located error at the other, whatever
order the files are named in on the command line or in Python (before, the first named was
counted: b.xlsx a.xlsx counted Beta, a.xlsx b.xlsx Alpha)."""

from __future__ import annotations

import pandas as pd
from trackers import D, project, task, tracker
from typer.testing import CliRunner

import opsbook
from opsbook.cli import app


def _two(tmp_path):
    day = pd.Timestamp(2026, 11, 6)
    a = tracker(tmp_path / "a.xlsx", [project("P-1", name="Alpha")],
                [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 500)], status_date=day)
    b = tracker(tmp_path / "b.xlsx", [project("P-1", name="Beta"), project("P-2")],
                [task("1", D(2026, 11, 2), D(2026, 11, 13), 2000, 0.2, 500),
                 task("1", D(2026, 11, 2), D(2026, 11, 13), 2000, 0.2, 500, pid="P-2")],
                status_date=day)
    return a, b


def test_api_same_result_in_either_order(tmp_path):
    a, b = _two(tmp_path)
    runs = [opsbook.project_status(paths) for paths in ([a, b], [b, a])]
    for done in runs:
        s = done.result.status.sort_values("source")
        # P-1 counted from a.xlsx: 1,000 planned over 10 working days, 5 by Fri 6 Nov: PV 500
        assert s[["source", "project_id", "name", "pv", "ev"]].values.tolist() == [
            ["a.xlsx", "P-1", "Alpha", 500, 500], ["b.xlsx", "P-2", "Project P-2", 1000, 400]]
        clash = [i for i in done.report.issues if i.code == "duplicate-project"]
        assert [(i.file, i.sheet, i.cell, i.params["first_file"]) for i in clash] == [
            (str(b), "Projects", "A4", "a.xlsx")]
    first, second = (done.result for done in runs)
    for name in ("status", "tasks", "deviations", "gates"):  # listed by file as read
        one, other = (getattr(r, name).sort_values(["source", "project_id"], kind="stable")
                      .reset_index(drop=True) for r in (first, second))
        pd.testing.assert_frame_equal(one, other)


def test_command_line_same_workbook_in_either_order(tmp_path):
    a, b = _two(tmp_path)
    rows = []
    for n, paths in enumerate(([a, b], [b, a])):
        out = tmp_path / f"out{n}.xlsx"
        run = CliRunner().invoke(app, ["project", "status", *map(str, paths), "-o", str(out)])
        assert run.exit_code == 1, run.output
        assert "Projects!A4  [duplicate-project] Project P-1 is also in a.xlsx" in run.output
        sheet = pd.read_excel(out, sheet_name="Status", header=1, engine="openpyxl")
        rows.append(sorted(sheet.iloc[:2, :4].values.tolist()))
    assert rows[0] == rows[1] == [["a.xlsx", "P-1", "Alpha", "Owner P-1"],
                                  ["b.xlsx", "P-2", "Project P-2", "Owner P-2"]]
