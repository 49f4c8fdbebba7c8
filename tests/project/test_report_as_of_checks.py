"""``opsbook report TRACKER --as-of D`` checks the actual dates against D, as ``project
status --as-of D`` does: an actual start after D is an ``actual-after-status-date``
warning in both, and a Settings status date that cannot be read is not used, so not an
error that stops the report."""

from __future__ import annotations

from trackers import D, project, task, tracker, with_status_date

import opsbook
from opsbook.api.report import summarize


def _tracker(tmp_path, status_date=D(2026, 11, 30)):
    """Task 1 started on 9 Nov; Settings says the status date is 30 Nov."""
    path = tracker(tmp_path / "t.xlsx", [project()],
                   [task("1", D(2026, 11, 9), D(2026, 11, 20), 1000, 0.4, 500)])
    return with_status_date(path, status_date)


def _after(report):
    return [(i.code, i.cell) for i in report.issues if i.code == "actual-after-status-date"]


def test_report_and_status_warn_alike_under_as_of(tmp_path):
    path = _tracker(tmp_path)
    status = opsbook.project_status([path], as_of="2026-11-06")
    built = summarize(path, as_of="2026-11-06")
    assert _after(status.report) == _after(built.report) != []
    assert _after(summarize(path).report) == []  # against 30 Nov, nothing is after


def test_an_unreadable_settings_date_does_not_stop_the_report(tmp_path):
    path = _tracker(tmp_path, "昨天")
    built = summarize(path, as_of="2026-11-13")
    assert built.calculation.computed
    assert [(i.severity, i.cell) for i in built.report.issues
            if i.field == "status_date"] == [("warning", "B2")]
