"""A punch whose date is written with the year last is told so (not "no date in the cell"),
in both languages; Penalty Days of a fractional late_penalty_days is shown as computed in the
written workbook (0.25, not 0.3)."""

from __future__ import annotations

import datetime as dt

import openpyxl
from quirkbooks import export, write
from typer.testing import CliRunner

import opsbook
from opsbook.attendance.summary import summary
from opsbook.cli import app
from opsbook.reports.numbers import format_value


def _staff(tmp_path, **settings):
    return write(tmp_path / "staff.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["1", "Wang", "Ops"]],
        "Settings": [["Key", "Value"], ["month", "2026-11"],
                     *([k, v] for k, v in settings.items())]})


def test_a_year_last_date_is_said_to_be_one(tmp_path):
    log = export(tmp_path / "attlog.xlsx", [
        ["AC-No.", "Name", "Time"],
        [1, "Wang", "2026-11-02 08:58"],
        [1, "Wang", "02/11/2026 18:00"]])
    done = opsbook.summarize_attendance([_staff(tmp_path)], punches=[log])
    issue = next(i for i in done.report.issues if i.code == "punch-without-date")
    assert (issue.sheet, issue.cell, issue.severity) == ("Sheet", "C3", "error")
    english, chinese = issue.message("en"), issue.message("zh")
    assert "'02/11/2026 18:00' has its date written with the year last" in english
    assert "has no date" not in english
    assert "“02/11/2026 18:00”的日期年份在后" in chinese
    assert "（" in chinese and "，" in chinese and ", " not in chinese


def test_a_row_date_with_the_year_last_and_a_time_without_a_date(tmp_path):
    log = export(tmp_path / "attlog.xlsx", [
        ["AC-No.", "Name", "Date", "Time"],
        [1, "Wang", "2026-11-02", "08:58"],
        [1, "Wang", "11/02/2026", "18:00"],
        [1, "Wang", None, "18:05"]])
    done = opsbook.summarize_attendance([_staff(tmp_path)], punches=[log])
    issues = {i.cell: i.message("en") for i in done.report.issues
              if i.code == "punch-without-date"}
    assert set(issues) == {"D3", "D4"}
    assert "'18:00' is on a row whose date is written with the year last" in issues["D3"]
    assert "'18:05' has no date (none in the cell" in issues["D4"]


def test_a_quarter_day_penalty_is_shown_as_a_quarter(tmp_path):
    staff = write(tmp_path / "staff.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang", "Ops"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  *(["E1", dt.datetime(2026, 11, day), dt.time(9, 30), dt.time(18)]
                    for day in (2, 3, 4))],
        "Settings": [["Key", "Value"], ["month", "2026-11"], ["late_penalty_every", 3],
                     ["late_penalty_days", 0.25]]})
    out = tmp_path / "summary.xlsx"
    result = CliRunner().invoke(app, ["attendance", "summarize", str(staff), "-o", str(out),
                                      "--quiet"])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    for name in ("Monthly", "Departments"):
        sheet = book[name]
        headers = [c.value for c in sheet[2]]
        cell = sheet.cell(3, headers.index("Penalty Days") + 1)
        assert cell.value == 0.25
        # a format with one fixed decimal shows 0.25 as 0.3; this one shows 0.25 (and 1.0)
        assert cell.number_format == "0.0##"
    # and the report's figure says 0.25 too
    done = opsbook.summarize_attendance([staff])
    figure = next(f for f in summary(done.result, "en").figures if f.label == "Penalty days")
    assert format_value(figure.value, figure.format) == "0.25"


def test_the_month_given_to_python_as_a_date_is_its_month(tmp_path):
    """``month=datetime.date(2026, 11, 1)`` summarises November (before: a TypeError from
    inside the regular expression); a number is refused in words, in both languages."""
    import pandas as pd
    import pytest

    from opsbook.api.common import Refused

    staff = write(tmp_path / "staff.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang", "Ops"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E1", dt.datetime(2026, 10, 30), dt.time(9), dt.time(18)],
                  ["E1", dt.datetime(2026, 11, 2), dt.time(9), dt.time(18)]],
        "Settings": [["Key", "Value"], ["month", "2026-10"]]})
    for month in (dt.date(2026, 11, 1), dt.datetime(2026, 11, 30, 9), pd.Timestamp("2026-11-15")):
        done = opsbook.summarize_attendance([staff], month=month)
        assert done.computed, done.report.issues
        assert done.result.months == ["2026-11"]
        assert done.result.monthly["work_days"].tolist() == [21]
    with pytest.raises(Refused) as refused:
        opsbook.summarize_attendance([staff], month=202611)
    assert "YYYY-MM" in str(refused.value) and "（当前为“202611”）" in refused.value.zh
