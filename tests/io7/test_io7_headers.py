"""Headers as people write them: with a unit or a note in brackets, in two languages, or with
a unit that scales the numbers (read as written, or said, never left out without a word)."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook
from opsbook.core.headers import header_field, header_lookup
from opsbook.project.schema import TASKS


@pytest.fixture(scope="module")
def tracker(tmp_path_factory):
    folder = tmp_path_factory.mktemp("io7_headers")
    path = folder / "project.xlsx"
    opsbook.new_workbook("project", "zh", path, sample=True)
    return path


def _with_headers(source, target, sheet, headers, scale=1):
    book = openpyxl.load_workbook(source)
    ws = book[sheet]
    row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "项目编号")
    for column, text in headers.items():
        ws.cell(row, column).value = text
        for r in range(row + 1, ws.max_row + 1):
            value = ws.cell(r, column).value
            if scale != 1 and isinstance(value, (int, float)):
                ws.cell(r, column).value = value / scale
    book.save(target)
    return target


def test_header_with_a_unit_in_brackets_is_read(tracker, tmp_path):
    """计划成本（元） and 实际成本(元) were left out: every BAC, PV, EV and AC was 0, exit 0."""
    plain, _ = opsbook.calculate(tracker, out=tmp_path / "plain.xlsx")
    given = _with_headers(tracker, tmp_path / "units.xlsx", "任务",
                          {10: "计划成本（元）", 11: "实际成本(元)"})
    done, _ = opsbook.calculate(given, out=tmp_path / "units_out.xlsx")
    assert done.valid and not [i for i in done.issues
                               if i.code in ("unread-column", "missing-column")]
    status = openpyxl.load_workbook(tmp_path / "units_out.xlsx", data_only=True)["项目状态"]
    first = [c.value for c in next(status.iter_rows(min_row=3, max_row=3))]
    expected = openpyxl.load_workbook(tmp_path / "plain.xlsx", data_only=True)["项目状态"]
    assert first == [c.value for c in next(expected.iter_rows(min_row=3, max_row=3))]
    assert plain.valid and first[4] == 460000  # the BAC of P-101, as without units


def test_header_in_two_languages_is_read():
    lookup = header_lookup(TASKS)
    assert header_field("计划成本\nPlanned Cost", lookup) == "planned_cost"
    assert header_field("实际成本 / Actual Cost", lookup) == "actual_cost"
    assert header_field("计划开始 Planned Start", lookup) == "planned_start"
    assert header_field("实际完成（Actual Finish）", lookup) == "actual_finish"
    assert header_field("完成百分比(%)", lookup) == "percent_complete"
    # two fields in one header, a scaling unit, or a note naming another field: none
    assert header_field("计划开始 / 计划完成", lookup) is None
    assert header_field("计划成本（万元）", lookup) is None
    assert header_field("Planned Cost ($k)", lookup) is None
    assert header_field("计划成本（实际成本）", lookup) is None
    assert header_field("备注（元）", lookup) is None


def test_bilingual_clock_headers_find_the_sheet(tmp_path):
    path = tmp_path / "attendance.xlsx"
    opsbook.new_workbook("attendance", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    ws = book["打卡记录"]
    row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "工号")
    for column, text in enumerate(("工号\nEmployee ID", "日期 / Date", "上班打卡 Check In",
                                   "下班打卡（Check Out）"), 1):
        ws.cell(row, column).value = text
    book.save(path)
    report = opsbook.validate(path)
    assert not [i for i in report.issues if i.sheet == "打卡记录"]  # was missing-header
    assert report.valid


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_scaled_unit_is_said_not_read_as_plain_amounts(tracker, tmp_path, lang):
    """计划成本（万元）: read as plain numbers the costs would be 10,000 times too small; the
    column is said with what to do, in both languages, located at its header."""
    given = _with_headers(tracker, tmp_path / "scaled.xlsx", "任务",
                          {10: "计划成本（万元）" if lang == "zh" else "Planned Cost ($k)"},
                          scale=10000)
    report = opsbook.validate(given)
    [issue] = [i for i in report.issues if i.code == "unread-column"]
    assert (issue.severity, issue.sheet, issue.cell, issue.field) == \
        ("warning", "任务", "J3", "planned_cost")
    unit = "万元" if lang == "zh" else "$k"
    assert f"the unit '{unit}'" in issue.message("en")
    assert "write the amounts in full" in issue.message("en")
    assert f"表头注明了单位“{unit}”" in issue.message("zh")
    assert "第 J 列" in issue.message("zh") and "Column J" in issue.message("en")


def test_a_look_alike_optional_column_is_said(tracker, tmp_path):
    """实际成本合计 (an optional field's header with a word more) was ignored silently."""
    given = _with_headers(tracker, tmp_path / "alike.xlsx", "任务", {11: "实际成本合计"})
    report = opsbook.validate(given)
    [issue] = [i for i in report.issues if i.code == "unread-column"]
    assert issue.cell == "K3" and issue.value == "实际成本合计"
    assert "rename its header to 'Actual Cost' (or '实际成本')" in issue.message("en")
    assert "请将表头改为“实际成本”（或“Actual Cost”）。" in issue.message("zh")
    assert report.exit_code == 0  # a warning: the run goes on


def test_an_empty_look_alike_column_is_not_said(tracker, tmp_path):
    given = _with_headers(tracker, tmp_path / "empty.xlsx", "任务", {11: "实际成本合计"})
    book = openpyxl.load_workbook(given)
    ws = book["任务"]
    for r in range(4, ws.max_row + 1):
        ws.cell(r, 11).value = None
    book.save(given)
    assert not [i for i in opsbook.validate(given).issues if i.code == "unread-column"]


def test_a_look_alike_is_one_that_begins_with_the_header():
    """For an optional column only a header beginning with the field's (or a typo of it) is
    said: 'Department Name' is no look-alike of 'Name' (renaming it would be bad advice)."""
    from opsbook.core.headers import similar_column
    from opsbook.core.spec import Field

    name = Field("name", "Name", "姓名")
    planned = TASKS.field("planned_cost")
    assert similar_column(planned, {"Planned Cost Total": 10}, strict=True) == \
        ("Planned Cost Total", 10)
    assert similar_column(planned, {"Planed Cost": 10}, strict=True) == ("Planed Cost", 10)
    assert similar_column(planned, {"Cost Centre": 10}, strict=True) is None
    assert similar_column(name, {"Department Name": 3}, strict=True) is None
    assert similar_column(name, {"Department Name": 3}) == ("Department Name", 3)  # required
