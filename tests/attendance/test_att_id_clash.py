"""One Employee ID given to two different people in workbooks summarised together is an
error at the later workbook's Employees row, not a silent merge."""

from __future__ import annotations

import opsbook


def test_two_departments_numbering_from_the_same_ids_are_told(tmp_path):
    first = opsbook.new_workbook("attendance", "en", tmp_path / "a1.xlsx", sample=True)
    second = opsbook.new_workbook("attendance", "zh", tmp_path / "a2.xlsx", sample=True)
    done = opsbook.summarize_attendance([first, second])
    clashes = [i for i in done.report.issues if i.code == "employee-id-clash"]
    assert clashes and all(i.file == str(second) and i.severity == "error" for i in clashes)
    clash = clashes[0]
    assert (clash.sheet, clash.cell) == ("员工", "A4")
    assert "a1.xlsx" in clash.message("en") and "一人一号" in clash.message("zh")
    assert done.exit_code == 1


def test_the_same_people_in_two_monthly_workbooks_are_no_clash(tmp_path):
    one = opsbook.new_workbook("attendance", "en", tmp_path / "m1.xlsx", sample=True)
    two = opsbook.new_workbook("attendance", "en", tmp_path / "m2.xlsx", sample=True)
    done = opsbook.summarize_attendance([one, two])
    assert not [i for i in done.report.issues if i.code == "employee-id-clash"]
