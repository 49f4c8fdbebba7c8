"""Settings: a wrong value of any setting of any kind is told in plain English and Chinese —
which setting, at which cell, what was found and what it should be — never in pydantic's
words; a month typed into a cell is read however Excel kept it."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from quirkbooks import base, write

import opsbook
from opsbook import registry
from opsbook.core.settings import setting_problem

#: Values that are wrong for some setting or other: text where a number, date, time or
#: choice is due, a date cell where text is, numbers below, above or between the bounds.
CANDIDATES = ("abc", dt.datetime(2026, 3, 1), -5, 1.5, 5000, "2026-13")
#: pydantic's own words, which a message must never show.
PYDANTIC_WORDS = ("Input should", "String should", "pattern", "Value error", "valid integer",
                  "unable to parse", "取值无效")


def _fails(model, key, value) -> bool:
    from pydantic import ValidationError

    try:
        model.model_validate({key: value})
    except ValidationError as error:
        return any(e["loc"][:1] == (key,) for e in error.errors())
    return False


def _wrong(kind_id: str, candidate) -> list[str]:
    model = registry.kinds()[kind_id].settings
    return [key for key in model.model_fields if _fails(model, key, candidate)]


def _shown(value) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def _assert_readable(issue, key: str, cell: str, shown: str, sheet: str = "Settings") -> None:
    en, zh = issue.message("en"), issue.message("zh")
    for text in (en, zh):
        assert not any(word in text for word in PYDANTIC_WORDS), text
        assert key in text and f"{sheet}!{cell}" in text and shown in text, text
    assert "expected" in en and en.endswith("."), en
    assert "应为" in zh and zh.endswith("。") and "：" in zh, zh
    assert "(" not in zh.replace(f"{sheet}!", ""), zh  # Chinese brackets in Chinese text


@pytest.mark.parametrize("candidate", CANDIDATES, ids=lambda c: repr(c))
@pytest.mark.parametrize("kind_id", registry.names())
def test_every_wrong_setting_is_told_plainly_at_its_cell(tmp_path, kind_id, candidate):
    keys = _wrong(kind_id, candidate)
    if not keys:
        pytest.skip(f"no {kind_id} setting refuses {candidate!r}")
    sheets = base(kind_id)
    sheets["Settings"] = [["Key", "Value"], *([key, candidate] for key in keys)]
    report = opsbook.validate(write(tmp_path / f"{kind_id}.xlsx", sheets))
    told = {}
    for issue in report.issues:
        if issue.code == "invalid-setting" and issue.field in keys:
            told.setdefault(issue.field, issue)
    assert set(told) == set(keys)
    for row, key in enumerate(keys, 2):
        issue = told[key]
        assert (issue.sheet, issue.cell, issue.severity) == ("Settings", f"B{row}", "error")
        _assert_readable(issue, key, f"B{row}", _shown(candidate))


@pytest.mark.parametrize(("key", "value", "en", "zh"), [
    ("month", "2026-13", "a month written as YYYY-MM, e.g. 2026-11",
     "年月，格式为 YYYY-MM，例如 2026-11"),
    ("late_grace_minutes", -5, "a whole number of 0 or more", "大于或等于 0 的整数"),
    ("early_grace_minutes", 2.5, "a whole number of 0 or more", "不是整数"),
    ("half_day_hours", "abc", "a number of 0 or more", "大于或等于 0 的数字"),
    ("shift_start", "soon", "a time of day, e.g. 09:00", "时间，例如 09:00"),
    ("shift_end", 18, "a time of day, e.g. 09:00", "不是时间"),  # not 18 seconds past midnight
])
def test_attendance_settings_say_what_they_take(tmp_path, key, value, en, zh):
    sheets = base("attendance")
    sheets["Settings"] = [["Key", "Value"], [key, value]]
    report = opsbook.validate(write(tmp_path / "settings.xlsx", sheets))
    (issue,) = [i for i in report.issues if i.code == "invalid-setting"]
    assert en in issue.message("en") and zh in issue.message("zh")
    _assert_readable(issue, key, "B2", _shown(value))


def test_a_chinese_settings_sheet_names_its_own_cell_and_label(tmp_path):
    sheets = base("attendance")
    del sheets["Settings"]
    sheets["设置"] = [["设置项", "值"], ["考勤月份", "2026-11"], ["迟到宽限分钟", "十分钟"]]
    report = opsbook.validate(write(tmp_path / "zh.xlsx", sheets))
    (issue,) = [i for i in report.issues if i.code == "invalid-setting"]
    assert issue.message("zh") == ("设置项“late_grace_minutes”（迟到宽限分钟）："
                                   "单元格 设置!B3 的值为“十分钟”，不是整数；"
                                   "应为大于或等于 0 的整数。")
    _assert_readable(issue, "late_grace_minutes", "B3", "十分钟", sheet="设置")


def test_a_date_cell_in_a_text_setting_says_how_to_keep_it_text(tmp_path):
    sheets = base("appraisal")
    sheets["Settings"] = [["Key", "Value"], ["cycle", dt.datetime(2026, 3, 1)]]
    report = opsbook.validate(write(tmp_path / "cycle.xlsx", sheets))
    (issue,) = [i for i in report.issues if i.code == "invalid-setting"]
    assert "format the cell as Text" in issue.message("en")
    assert "请将单元格设为文本格式后重新输入" in issue.message("zh")


def _month_book(tmp_path, value, number_format: str | None = None):
    """An attendance workbook whose Settings!B2 holds ``value`` as openpyxl writes it."""
    path = write(tmp_path / "month.xlsx", base("attendance"))
    book = openpyxl.load_workbook(path)
    cell = book["Settings"]["B2"]
    cell.value = value
    if number_format:
        cell.number_format = number_format
    book.save(path)
    return path


@pytest.mark.parametrize(("value", "number_format"), [
    (dt.datetime(2026, 11, 1), None),  # what Excel keeps of "2026-11" typed into a cell
    (dt.datetime(2026, 11, 1), "mmm-yy"),
    (dt.datetime(2026, 11, 1), 'yyyy"年"m"月"'),
    (dt.datetime(2026, 11, 17), "yyyy-mm-dd"),
    (202611, None), (2026.11, None),
    ("2026-11", None), ("2026/11", None), ("2026.11", None), ("2026年11月", None),
    ("2026 年 11 月", None), ("Nov 2026", None), ("November 2026", None), ("11/2026", None),
    ("202611", None),
])
def test_a_month_is_read_however_it_was_kept(tmp_path, value, number_format):
    path = _month_book(tmp_path, value, number_format)
    book = opsbook.load(path)
    assert book.settings.month == "2026-11"
    assert [i for i in book.issues if i.code == "invalid-setting"] == []
    done = opsbook.summarize_attendance([path])
    assert done.computed and set(done.result.monthly["month"]) == {"2026-11"}


@pytest.mark.parametrize("value", ["2026-13", 2026.1, "Nov", "26-11", 2026, "next month"])
def test_a_month_that_is_not_one_is_told_plainly(tmp_path, value):
    book = opsbook.load(_month_book(tmp_path, value))
    (issue,) = [i for i in book.issues if i.code == "invalid-setting"]
    assert (issue.field, issue.cell) == ("month", "B2")
    assert "expected a month written as YYYY-MM, e.g. 2026-11" in issue.message("en")
    assert "应为年月，格式为 YYYY-MM，例如 2026-11" in issue.message("zh")
    _assert_readable(issue, "month", "B2", str(value))
    assert book.settings.month == ""


def test_an_error_of_a_type_not_listed_is_still_told_plainly():
    model = registry.kinds()["attendance"].settings
    error = {"type": "brand_new_check", "loc": ("overtime_min_minutes",),
             "msg": "Input should be something else", "input": 7, "ctx": {"x": 1}}
    params = setting_problem(model, error, 7, "Settings", "B9")
    assert params["detail"] == ("cell Settings!B9 holds '7', which is not accepted; expected "
                                "a whole number of 0 or more.")
    assert params["detail_zh"] == ("单元格 Settings!B9 的值为“7”，不符合要求；"
                                   "应为大于或等于 0 的整数。")
    assert params["label_zh"] == "（最短加班分钟）"
    unknown = setting_problem(model, {"type": "x", "loc": ("nothing",), "input": "?"})
    assert unknown["detail"] == ("the value '?' is not accepted; expected a value this "
                                 "setting takes.")
    assert "Input" not in unknown["detail_zh"] and unknown["detail_zh"].endswith("。")


def test_a_ratio_threshold_out_of_range_is_called_a_ratio(tmp_path):
    """An SPI threshold is a ratio, not an amount of money: its example lies in its range."""
    import openpyxl

    import opsbook

    path = tmp_path / "tracker.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    for row in book["Settings"].iter_rows():
        if row[0].value == "spi_amber":
            row[1].value = 5
        if row[0].value == "cpi_amber":
            row[1].value = "80%"
    book.save(path)
    loaded = opsbook.load(path)
    [issue] = [i for i in loaded.issues if i.code == "invalid-setting"]
    assert "expected a ratio from 0 to 2, e.g. 0.9 or 90%." in issue.message()
    assert "应为 0 到 2 之间的比值，例如 0.9 或 90%。" in issue.message("zh")
    assert "金额" not in issue.message("zh") and "50000" not in issue.message()
    assert loaded.settings.cpi_amber == 0.8


def test_a_kind_rule_names_the_setting_by_its_chinese_label(tmp_path):
    """A setting refused by a kind's own rule (a shift that ends before it starts) is named
    in Chinese by its label, as a setting pydantic refuses is."""
    import openpyxl

    import opsbook

    path = tmp_path / "attendance.xlsx"
    opsbook.new_workbook("attendance", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    for row in book["设置"].iter_rows():
        if row[0].value == "shift_end":
            row[1].value = "08:00"
    book.save(path)
    [issue] = [i for i in opsbook.validate(path).issues if i.code == "invalid-setting"]
    assert issue.message("zh").startswith("设置项“shift_end”（下班时间）：")


def test_a_date_setting_typed_as_a_bare_number_in_a_text_cell_is_not_a_date(tmp_path):
    """'46346' typed into a text cell of status_date: never read as a Unix time and said to
    be "a date with a time of day"; it is not a date, said so in both languages."""
    path = tmp_path / "t.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    row = next(r for r in book["Settings"].iter_rows() if r[0].value == "status_date")
    row[1].value, row[1].number_format = "46346", "@"
    book.save(path)
    said = [i for i in opsbook.validate(path).issues if i.sheet == "Settings"]
    assert [(i.code, i.cell) for i in said] == [("invalid-setting", row[1].coordinate)]
    assert "holds '46346', which is not a date" in said[0].message("en")
    assert "不是日期" in said[0].message("zh") and "time of day" not in said[0].message("en")
