"""The same employee in two department workbooks of one month: listed in two departments
(or under other settings) is an employee-listed-twice warning at the later Employees row;
a leave or overtime request copied into both and changed in one is a request-conflict
warning at the later row; a name-only punch export matches them once. Each said in both
languages; the figures do not depend on the order of the files where the rule does not name
one (the approved copy is leave)."""

from __future__ import annotations

import datetime as dt

from quirkbooks import export, write

import opsbook

D, T = dt.datetime, dt.time
LEAVE = ["Request ID", "Employee ID", "Leave Type", "Start", "End", "Approved By",
         "Approved On", "Status"]


def _book(path, people, clock, leave=(), shift_start=None):
    settings = [["Key", "Value"], ["month", "2026-11"]]
    if shift_start:
        settings.append(["shift_start", shift_start])
    return write(path, {"Employees": [["Employee ID", "Name", "Department"], *people],
                        "Clock": [["Employee ID", "Date", "Check In", "Check Out"], *clock],
                        "Leave": [LEAVE, *leave], "Settings": settings})


def test_an_employee_in_two_departments_of_one_month_is_said(tmp_path):
    ops = _book(tmp_path / "ops.xlsx", [["E1", "Wang Wu", "Ops"], ["E2", "Li Na", "Ops"]],
                [["E1", D(2026, 11, 2), T(9), T(18)]])
    sales = _book(tmp_path / "sales.xlsx", [["E3", "Zhao Yi", "Sales"], ["E1", "Wang Wu", "Sales"]],
                  [["E3", D(2026, 11, 2), T(9), T(18)]])
    done = opsbook.summarize_attendance([ops, sales])
    assert done.computed
    said = [i for i in done.report.issues if i.code == "employee-listed-twice"]
    assert [(i.severity, i.file, i.sheet, i.cell) for i in said] == [
        ("warning", str(sales), "Employees", "A3")]
    assert said[0].message("en") == (
        "Employee E1 is in Sales here but in Ops in ops.xlsx (row 2), and ops.xlsx covers "
        "2026-11 too: for 2026-11 they are counted once, as ops.xlsx lists them and under its "
        "settings, and this row is not used.")
    assert said[0].message("zh") == (
        "员工 E1 在此处属于“Sales”，在 ops.xlsx（第 2 行）却属于“Ops”，该工作簿也涵盖 2026-11："
        "2026-11 该员工只计算一次，按 ops.xlsx 所列的部门和其设置计算，此行不使用。")
    heads = done.result.departments.set_index("department")["headcount"].to_dict()
    assert heads == {"Ops": 2, "Sales": 1}


def test_same_department_and_rules_or_other_months_are_not_said(tmp_path):
    ops = _book(tmp_path / "ops.xlsx", [["E1", "Wang Wu", "Ops"]],
                [["E1", D(2026, 11, 2), T(9), T(18)]])
    copy = _book(tmp_path / "copy.xlsx", [["E1", "Wang Wu", "ops"]],
                 [["E1", D(2026, 11, 3), T(9), T(18)]])
    done = opsbook.summarize_attendance([ops, copy])
    assert not [i for i in done.report.issues if i.code == "employee-listed-twice"]
    october = write(tmp_path / "october.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang Wu", "Sales"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E1", D(2026, 10, 5), T(9), T(18)]],
        "Settings": [["Key", "Value"], ["month", "2026-10"]]})
    done = opsbook.summarize_attendance([ops, october])  # moved in November: no word
    assert not [i for i in done.report.issues if i.code == "employee-listed-twice"]


def test_other_settings_for_one_employee_are_said(tmp_path):
    ops = _book(tmp_path / "ops.xlsx", [["E1", "Wang Wu", "Ops"]],
                [["E1", D(2026, 11, 2), T(9), T(18)]])
    late = _book(tmp_path / "late.xlsx", [["E1", "Wang Wu", "Ops"]],
                 [["E1", D(2026, 11, 3), T(10), T(19)]], shift_start="10:00")
    done = opsbook.summarize_attendance([ops, late])
    said = [i for i in done.report.issues if i.code == "employee-listed-twice"]
    assert [i.message("en") for i in said] == [
        "Employee E1 is listed here and in ops.xlsx (row 2), whose settings differ, and "
        "ops.xlsx covers 2026-11 too: for 2026-11 they are counted once, as ops.xlsx lists "
        "them and under its settings, and this row is not used."]
    daily = done.result.daily.set_index("date")
    assert daily.loc["2026-11-03", ["status", "late_minutes"]].tolist() == ["late", 60]


def test_a_request_changed_in_one_copy_is_said_and_the_approved_one_counts(tmp_path):
    approved = ["L1", "E1", "annual", D(2026, 11, 5), D(2026, 11, 6), "M", D(2026, 11, 1),
                "approved"]
    rejected = ["L1", "E1", "annual", D(2026, 11, 5), D(2026, 11, 6), "M", None, "rejected"]
    ops = _book(tmp_path / "ops.xlsx", [["E1", "Wang Wu", "Ops"]],
                [["E1", D(2026, 11, 2), T(9), T(18)]], leave=[approved])
    sales = _book(tmp_path / "sales.xlsx", [["E1", "Wang Wu", "Ops"]], [], leave=[rejected])
    for order, later in (([ops, sales], sales), ([sales, ops], ops)):
        done = opsbook.summarize_attendance(order)
        said = [i for i in done.report.issues if i.code == "request-conflict"]
        assert [(i.severity, i.file, i.cell) for i in said] == [("warning", str(later), "G2")]
        first = (ops if later == sales else sales).name
        assert said[0].message("en") == (
            f"Request L1 differs in Approved On, Status from its copy in {first} (row 2): both "
            "rows are read as they are (the days under an approved one are leave or "
            "overtime); correct the one that is wrong.")
        assert said[0].message("zh") == (
            f"申请 L1 的审批日期、状态与 {first}（第 2 行）中的同一申请不同：两行均按原样读取"
            "（已批准的一行所涵盖的日期计为请假或加班）；请更正有误的一行。")
        month = done.result.monthly.iloc[0]
        assert (month["leave_days"], month["leave_annual"]) == (2, 2)  # Thu 5 and Fri 6


def test_the_same_request_in_both_copies_is_not_said(tmp_path):
    row = ["L1", "E1", "sick", D(2026, 11, 5), D(2026, 11, 5), "M", D(2026, 11, 5), "approved"]
    ops = _book(tmp_path / "ops.xlsx", [["E1", "Wang Wu", "Ops"]],
                [["E1", D(2026, 11, 2), T(9), T(18)]], leave=[row])
    sales = _book(tmp_path / "sales.xlsx", [["E1", "Wang Wu", "Ops"]], [], leave=[row])
    done = opsbook.summarize_attendance([ops, sales])
    assert not [i for i in done.report.issues if i.code == "request-conflict"]
    assert done.result.monthly.iloc[0]["leave_sick"] == 1


def test_a_name_only_export_matches_an_employee_both_workbooks_list(tmp_path):
    """The punches of 王五, whom both department workbooks list as 1001, are his: one
    person, not 'several employees (1001, 1001)' whose punches were all left out."""
    ops = _book(tmp_path / "ops.xlsx", [["1001", "王五", "Ops"]], [])
    sales = _book(tmp_path / "sales.xlsx", [["1001", "王五", "Ops"], ["1002", "赵六", "Ops"]],
                  [])
    punches = export(tmp_path / "names.xlsx", [["姓名", "打卡时间"], ["王 五", "2026-11-02 08:58"],
                                               ["王五", "2026-11-02 18:02"]])
    done = opsbook.summarize_attendance([ops, sales], punches=[punches])
    assert done.computed, done.report.issues
    assert not [i for i in done.report.issues if i.code.endswith("punch-name")]
    daily = done.result.daily.set_index(["employee_id", "date"])
    assert daily.loc[("1001", "2026-11-02"), "status"] == "present"
    assert round(daily.loc[("1001", "2026-11-02"), "hours_worked"] * 60) == 9 * 60 + 4
    twin = _book(tmp_path / "twin.xlsx", [["2001", "王五", "Sales"]], [])
    done = opsbook.summarize_attendance([ops, twin], punches=[punches])
    said = [i for i in done.report.issues if i.code == "ambiguous-punch-name"]
    assert [i.message("en") for i in said] == [
        "Name '王 五' matches several employees (1001, 2001); the punches are left out. Add "
        "the employee ID to the export."]
