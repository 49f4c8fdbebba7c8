"""An employee ID that Excel stripped of its zeros (``007`` typed as the number 7 on Clock,
Leave or Overtime) belongs to the employee with those digits, as punch exports already do."""

from __future__ import annotations

import openpyxl

import opsbook
from opsbook.api import new_workbook


def test_seven_typed_as_a_number_is_employee_007(tmp_path):
    path = tmp_path / "attendance.xlsx"
    new_workbook("attendance", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    for name in ("Employees", "Clock", "Leave", "Overtime"):
        sheet = book[name]
        column = next(c.column for c in sheet[3] if c.value == "Employee ID")
        for row in range(4, sheet.max_row + 1):
            cell = sheet.cell(row, column)
            if cell.value == "E0001":
                cell.value = "007" if name == "Employees" else 7
    book.save(path)
    loaded = opsbook.load(path)
    assert "7" not in set(loaded["Clock"]["employee_id"])
    assert "007" in set(loaded["Clock"]["employee_id"])
    report = opsbook.validate(path)
    assert not [i for i in report.issues if i.code == "unknown-reference"]
    done = opsbook.summarize_attendance([path])
    assert done.computed
    monthly = done.result.monthly.set_index("employee_id")
    assert monthly.loc["007", "days_present"] > 0
