"""A sheet left wholly blank: an optional one is said as empty (a warning), not as a sheet
whose header was not found (an error that failed a workbook whose data is elsewhere)."""

from __future__ import annotations

import openpyxl

import opsbook


def _blanked(tmp_path, kind, sheet):
    path = tmp_path / f"{kind}.xlsx"
    opsbook.new_workbook(kind, "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    ws.delete_rows(1, ws.max_row)
    book.save(path)
    return path


def test_a_blank_optional_sheet_is_an_empty_sheet_warning(tmp_path):
    path = _blanked(tmp_path, "attendance", "打卡记录")  # clock data may come as punches
    report = opsbook.validate(path)
    mine = [i for i in report.issues if i.sheet == "打卡记录"]
    assert [(i.code, i.severity) for i in mine] == [("empty-sheet", "warning")]
    assert mine[0].message("zh") == "工作表“打卡记录”没有数据行。"
    assert mine[0].message() == "Sheet '打卡记录' has no data rows."
    assert report.valid


def test_a_blank_required_sheet_is_still_an_error(tmp_path):
    path = _blanked(tmp_path, "attendance", "员工")
    report = opsbook.validate(path)
    assert [i.code for i in report.errors if i.sheet == "员工"] == ["missing-header"]
    assert report.exit_code == 1
