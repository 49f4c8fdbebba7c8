"""The attendance workbook end to end: rules at their cells, Calculate, the command."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from conftest import run_cli
from quirkbooks import D, T, base, write

import opsbook


def settings_book(tmp_path, **values):
    sheets = base("attendance")
    sheets["Settings"] = [["Key", "Value"], *([k, v] for k, v in values.items())]
    return write(tmp_path / "settings.xlsx", sheets)


@pytest.mark.parametrize(("values", "key", "cell"), [
    ({"month": "2026-11", "shift_start": "18:00", "shift_end": "09:00"}, "shift_end", "B4"),
    ({"month": "2026-11", "late_grace_minutes": -5}, "late_grace_minutes", "B3"),
    ({"month": "next month"}, "month", "B2"),
    ({"month": "2026-13"}, "month", "B2"),
    ({"month": "2026-11", "work_days": "weekdays"}, "work_days", "B3"),
])
def test_bad_settings_are_reported_at_their_cell(tmp_path, values, key, cell):
    report = opsbook.validate(settings_book(tmp_path, **values))
    (issue,) = [i for i in report.issues if i.code == "invalid-setting"]
    assert (issue.field, issue.sheet, issue.cell, issue.severity) == (key, "Settings", cell,
                                                                       "error")
    done = opsbook.summarize_attendance([settings_book(tmp_path, **values)])
    assert not done.computed and done.exit_code == 1


def test_two_clock_rows_for_a_day_are_a_warning(tmp_path):
    sheets = base("attendance")
    sheets["Clock"].append(["E001", D(2026, 11, 2), T(13, 0), T(19, 0)])
    path = write(tmp_path / "twice.xlsx", sheets)
    (issue,) = [i for i in opsbook.validate(path).issues if i.code == "duplicate-clock"]
    assert (issue.cell, issue.severity, issue.params["other"]) == ("B6", "warning", 2)
    done = opsbook.summarize_attendance([path])
    assert done.computed
    assert list(done.result.violations.query("flag == 'duplicate_clock'")["row"]) == [6]


def test_departments_in_separate_workbooks_are_summarised_together(tmp_path):
    ops = base("attendance")
    ops["Employees"] = ops["Employees"][:2]
    ops["Clock"] = [r for r in ops["Clock"] if r[0] in ("Employee ID", "E001")]
    sales = base("attendance")
    sales["Employees"] = [sales["Employees"][0], sales["Employees"][3]]
    sales["Clock"] = [r for r in sales["Clock"] if r[0] in ("Employee ID", "E003")]
    sales["Clock"].append(["E003", D(2026, 11, 3), T(9, 30), T(18, 0)])
    first, second = write(tmp_path / "ops.xlsx", ops), write(tmp_path / "sales.xlsx", sales)
    done = opsbook.summarize_attendance([first, second])
    monthly = done.result.monthly.set_index("employee_id")
    assert list(monthly.index) == ["E001", "E003"]
    assert (monthly.loc["E003", "late_count"], monthly.loc["E003", "department"]) == (1, "销售部")
    late = done.result.violations.query("flag == 'late'").iloc[0]
    sheet = next(s for s in done.sheets if s.name == "Violations")
    row = next(r for r in sheet.rows if r[sheet.headers.index("Finding ID")] == "late")
    assert (late["source"], row[sheet.headers.index("Cell")],
            row[sheet.headers.index("File")]) == (1, "C3", str(second))


def test_each_workbook_is_summarised_under_its_own_settings(tmp_path):
    """A department with its own shift (10:00–19:00, 15 minutes' grace) and a workbook of
    another month: each is summarised under its own Settings, whatever the order of the
    files, and Departments adds up what they give."""
    ops = base("attendance")
    ops["Employees"] = ops["Employees"][:2]
    ops["Clock"] = [ops["Clock"][0], ["E001", D(2026, 11, 3), T(9, 0), T(18, 0)]]
    lab = base("attendance")
    lab["Employees"] = [lab["Employees"][0], lab["Employees"][3]]
    lab["Clock"] = [lab["Clock"][0], ["E003", D(2026, 11, 3), T(10, 10), T(19, 0)]]
    lab["Settings"] += [["shift_start", T(10, 0)], ["shift_end", T(19, 0)],
                        ["late_grace_minutes", 15]]
    october = base("attendance")
    october["Employees"] = ops["Employees"]
    october["Clock"] = [ops["Clock"][0], ["E001", D(2026, 10, 5), T(9, 30), T(18, 0)]]
    october["Settings"] = [["Key", "Value"], ["month", "2026-10"]]
    files = [write(tmp_path / f"{name}.xlsx", sheets) for name, sheets in
             (("ops", ops), ("lab", lab), ("october", october))]
    for order in (files, files[::-1]):
        done = opsbook.summarize_attendance(order)
        assert done.result.months == ["2026-10", "2026-11"]
        monthly = done.result.monthly.set_index(["month", "employee_id"]).sort_index()
        assert list(monthly.index) == [("2026-10", "E001"), ("2026-11", "E001"),
                                       ("2026-11", "E003")]
        assert list(monthly["late_count"]) == [1, 0, 0]  # 10:10 is on time in the lab
        daily = done.result.daily.set_index(["employee_id", "date"])
        assert daily.loc[("E003", pd.Timestamp(2026, 11, 3)),
                         "hours_worked"] == pytest.approx(8 + 50 / 60)
        deps = done.result.departments.set_index(["month", "department"]).sort_index()
        assert deps["late_count"].sum() == monthly["late_count"].sum() == 1
        late = done.result.violations.query("flag == 'late'").iloc[0]
        assert order[late["source"]] == files[2]  # found in the October workbook


def test_the_written_totals_are_the_sums_of_the_written_cells(tmp_path):
    """Three days of 20 minutes' unapproved overtime each (shown 0.33 h): the Monthly cell
    holds their sum, 1 h, and so do the Daily cells added up as Excel adds them."""
    sheets = base("attendance")
    sheets["Employees"] = sheets["Employees"][:2]
    sheets["Clock"] = [sheets["Clock"][0], *(["E001", D(2026, 11, day), T(9, 0), T(18, 20)]
                                             for day in (2, 3, 4))]
    sheets["Settings"] += [["overtime_min_minutes", 10]]
    done = opsbook.summarize_attendance([write(tmp_path / "thirds.xlsx", sheets)])
    out = tmp_path / "summary.xlsx"
    opsbook.api.write_output(out, done.sheets)
    book = openpyxl.load_workbook(out, read_only=True)

    def column(sheet: str, header: str) -> list:
        rows = list(book[sheet].iter_rows(min_row=2, values_only=True))
        at = rows[0].index(header)
        return [r[at] for r in rows[1:] if r[at] is not None]

    daily = column("Daily", "Unapproved Overtime (h)")
    assert daily == [pytest.approx(1 / 3, abs=1e-9)] * 3
    (monthly,) = column("Monthly", "Unapproved Overtime (h)")
    assert monthly == pytest.approx(sum(daily), abs=1e-9) and monthly == pytest.approx(1.0)


def test_calculate_adds_the_sheets_and_a_second_run_replaces_them(tmp_path):
    path = opsbook.new_workbook("attendance", "zh", tmp_path / "考勤.xlsx", sample=True)
    opsbook.calculate(path)
    opsbook.calculate(path)
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    for name in ("每日考勤", "月度汇总", "部门汇总", "违规记录"):
        assert names.count(name) == 1
    monthly = openpyxl.load_workbook(path, read_only=True)["月度汇总"]
    header = [c.value for c in next(monthly.iter_rows(min_row=2, max_row=2))]
    assert header[:5] == ["月份", "工号", "姓名", "部门", "应出勤天数"]
    assert opsbook.validate(path).valid  # the output sheets are not read back as input


def test_the_command_writes_the_summary(tmp_path):
    source = opsbook.new_workbook("attendance", "en", tmp_path / "attendance.xlsx",
                                  sample=True)
    out = tmp_path / "summary.xlsx"
    done = run_cli("attendance", "summarize", source, "--month", "2026-10", "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2026-10: 36 employees" in done.stdout
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["Daily", "Monthly", "Departments", "Violations"]
    daily = list(book["Daily"].iter_rows(min_row=3, values_only=True))
    assert len(daily) == 36 * 31
    empty = run_cli("attendance", "summarize", source, "--month", "2026-12", "-o",
                    tmp_path / "none.xlsx")
    assert empty.returncode == 1
    assert "No clock data for 2026-12" in empty.stdout + empty.stderr
    assert not (tmp_path / "none.xlsx").exists()
    bad = run_cli("attendance", "summarize", source, "--month", "2026-13", "-o", out)
    assert bad.returncode == 2 and "YYYY-MM" in bad.stdout + bad.stderr


def test_a_date_column_holding_a_time_is_reported(tmp_path):
    sheets = base("attendance")
    sheets["Clock"][2][1] = T(9, 0)
    path = write(tmp_path / "time-as-date.xlsx", sheets)
    (issue,) = [i for i in opsbook.validate(path).issues if i.severity == "error"]
    assert (issue.code, issue.sheet, issue.cell) == ("type-error", "Clock", "B3")


def test_a_roster_sheet_is_not_taken_for_punches(tmp_path):
    sheets = base("attendance")
    sheets["花名册"] = [["工号", "姓名", "入职日期"], ["E001", "张伟", D(2020, 1, 1)]]
    assert opsbook.validate(write(tmp_path / "roster.xlsx", sheets)).issues == []


def test_a_clock_row_of_an_unknown_employee_is_left_out_not_an_error(tmp_path):
    sheets = base("attendance")
    sheets["Clock"].append(["X9", D(2026, 11, 3), T(9, 0), T(18, 0)])
    path = write(tmp_path / "stranger.xlsx", sheets)
    (issue,) = [i for i in opsbook.validate(path).issues if i.code == "unknown-reference"]
    assert (issue.cell, issue.severity) == (f"A{len(sheets['Clock'])}", "warning")
    done = opsbook.summarize_attendance([path])
    assert done.computed and "X9" not in set(done.result.daily["employee_id"])
    (row,) = done.result.violations.query("flag == 'unknown_employee'").itertuples()
    assert (row.employee_id, row.row) == ("X9", len(sheets["Clock"]))
