"""A plan without a Settings sheet gets one when its status is set: headed Key/Value (参数/值
for a Chinese plan) as the templates are, and read back as the plan's settings."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook


@pytest.mark.parametrize(("lang", "sheet", "header"), [("zh", "设置", ["参数", "值"]),
                                                       ("en", "Settings", ["Key", "Value"])])
def test_a_settings_sheet_made_for_the_status_has_its_header(tmp_path, lang, sheet, header):
    path = opsbook.new_workbook("plan", lang, tmp_path / "plan.xlsx", sample=True)
    book = openpyxl.load_workbook(path)
    del book[sheet]
    book.save(path)
    done = opsbook.set_plan_status(path, "submitted")
    assert done.computed, done.report.issues
    written = openpyxl.load_workbook(path)[sheet]
    assert [c.value for c in written[1]][:2] == header
    assert opsbook.load(path).settings.status == "submitted"
