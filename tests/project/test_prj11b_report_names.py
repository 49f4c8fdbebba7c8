"""The project report names each project so that it can be told apart: where two projects of
the portfolio share a name (the same plan run in two trackers, "Alpha" as P-1 and P-2), the
findings, recommendations and the SPI/CPI chart lead the name with the project's ID —
before, "2 project(s) red: Alpha, Alpha" said neither which nor where. A name no other
project has is said alone, as before."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from trackers import D, project, task, tracker
from typer.testing import CliRunner

import opsbook
from opsbook.cli import app
from opsbook.project.summary import summary


def _portfolio(tmp_path, lang="en"):
    day = pd.Timestamp(2026, 11, 13)
    late = [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 0.5, 500)]  # SPI 0.5: red
    a = tracker(tmp_path / "a.xlsx", [project("P-1", name="Alpha"),
                                      project("P-3", name="Gamma")],
                [*late, *(dict(r, project_id="P-3") for r in late)], lang=lang,
                status_date=day)
    b = tracker(tmp_path / "b.xlsx", [project("P-2", name="Alpha")],
                [dict(r, project_id="P-2") for r in late], lang=lang, status_date=day)
    return a, b


@pytest.mark.parametrize(("lang", "red"), [
    ("en", "3 project(s) red: P-1 Alpha, Gamma, P-2 Alpha."),
    ("zh", "3 个项目为红灯：P-1 Alpha、Gamma、P-2 Alpha。")])
def test_shared_names_are_led_by_their_ids(tmp_path, lang, red):
    done = opsbook.project_status(list(_portfolio(tmp_path, lang)))
    said = summary(done.result, lang)
    by_topic = {f.topic: f for f in said.findings}
    assert by_topic["project-red"].text == red
    assert by_topic["project-red"].names == ("P-1 Alpha", "Gamma", "P-2 Alpha")
    assert said.charts[0].categories == ("P-1 Alpha", "Gamma", "P-2 Alpha")


def test_the_report_workbook_says_them_so(tmp_path):
    a, b = _portfolio(tmp_path)
    out = tmp_path / "report.xlsx"
    run = CliRunner().invoke(app, ["report", str(a), str(b), "-o", str(out)])
    assert run.exit_code == 0, run.output
    cells = [c.value for row in openpyxl.load_workbook(out).worksheets[0].iter_rows()
             for c in row if isinstance(c.value, str)]
    assert "3 project(s) red: P-1 Alpha, Gamma, P-2 Alpha." in cells
