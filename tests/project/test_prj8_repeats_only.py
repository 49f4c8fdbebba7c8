"""A tracker whose every project repeats an earlier file's contributes nothing: its status
date, thresholds and currency are not the run's (no "status dates differ", no Status Date
column, no mixed currencies) — the repeat itself is still the located error."""

from __future__ import annotations

import openpyxl
from trackers import D, project, task, tracker

import opsbook
from opsbook.api.common import write_output
from opsbook.project.summary import summary


def test_a_tracker_of_repeats_only_sets_no_date_threshold_or_currency(tmp_path):
    """a.xlsx holds P-1 and b.xlsx P-2, both as of 11 November in CNY; c.xlsx repeats P-1 as
    of 12 November in USD with other thresholds: only a and b are counted, so the status
    is as of 11 November, one RAG rule, amounts in CNY."""
    rows = [task("1", D(2026, 11, 2), D(2026, 11, 6), 1000, 1.0, 900)]
    a = tracker(tmp_path / "a.xlsx", [project("P-1")], rows, status_date=D(2026, 11, 11))
    b = tracker(tmp_path / "b.xlsx", [project("P-2")],
                [task("1", D(2026, 11, 2), D(2026, 11, 6), 500, 1.0, 500, pid="P-2")],
                status_date=D(2026, 11, 11))
    c = tracker(tmp_path / "c.xlsx", [project("P-1")], rows, status_date=D(2026, 11, 12),
                currency="USD", spi_amber=0.5)
    done = opsbook.project_status([a, b, c])
    assert [i.code for i in done.report.issues if i.severity == "error"] == \
        ["duplicate-project"]
    status = done.sheets[0]
    assert status.title == "Project status, as of 2026-11-11 (from Settings)"
    assert "Status Date" not in status.headers and status.headers[0] == "File"
    assert [n for n in status.notes if n.startswith("RAG")] == [
        "RAG: green when SPI ≥ 1.00 and CPI ≥ 1.00; red when SPI < 0.90 or CPI < 0.90; "
        "amber otherwise. An index with no basis is left out."]
    assert any(n.endswith("amounts in CNY.") for n in status.notes)
    assert "Project IDs repeated in a later file, counted once (the first): P-1 " \
           "(c.xlsx row 4)." in status.notes
    for sheet in done.sheets[1:]:
        assert "differ" not in sheet.title
    report = summary(done.result, "en")
    assert not any("currencies" in line for line in report.method)
    assert report.figures[-3].value == 1500  # total BAC, in one currency
    write_output(tmp_path / "status.xlsx", done.sheets)
    ws = openpyxl.load_workbook(tmp_path / "status.xlsx").worksheets[0]
    assert [r[0] for r in ws.iter_rows(min_row=3, max_row=4, values_only=True)] == \
        ["a.xlsx", "b.xlsx"]


def test_trackers_with_no_project_keep_their_status_date(tmp_path):
    """A tracker with an empty Projects sheet still says its status date in the titles."""
    empty = tracker(tmp_path / "empty.xlsx", [], [], status_date=D(2026, 11, 11))
    done = opsbook.project_status([empty])
    assert done.sheets[0].title == "Project status, as of 2026-11-11 (from Settings)"
