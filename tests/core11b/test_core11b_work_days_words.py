"""work_days as people also write it: with the mark a sentence ends in (周一至周五。),
abbreviations with their dot (Mon.-Fri.), or the week named by its days off (双休: Monday
to Friday; 单休: Monday to Saturday) — each was refused at its Settings cell."""

from __future__ import annotations

import datetime as dt

import pytest
from quirkbooks import write

import opsbook
from opsbook.core.weekdays import weekdays


@pytest.mark.parametrize(("typed", "days"), [
    ("周一至周五。", {0, 1, 2, 3, 4}), ("Mon-Fri.", {0, 1, 2, 3, 4}),
    ("Mon.-Fri.", {0, 1, 2, 3, 4}), ("Mon., Wed.", {0, 2}), ("双休", {0, 1, 2, 3, 4}),
    ("单休", {0, 1, 2, 3, 4, 5}), ("每天。", set(range(7)))])
def test_work_days_words(typed, days):
    assert weekdays(typed) == days


def test_no_work_days():
    with pytest.raises(ValueError):
        weekdays("。")


def test_a_six_day_week_named_dan_xiu(tmp_path):
    path = write(tmp_path / "kq.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
        "打卡记录": [["工号", "日期", "上班打卡", "下班打卡"],
                     ["1001", dt.date(2026, 11, 7), dt.time(9), dt.time(18)]],
        "设置": [["参数", "值"], ["month", "2026-11"], ["工作日", "单休"]]})
    book = opsbook.load(path)
    assert [i.code for i in book.issues] == []
    daily = opsbook.summarize_attendance([path]).result.daily.set_index("date")
    # 2026-11-07 is a Saturday, a work day in a week with only Sunday off; 11-08 a Sunday
    assert daily.loc["2026-11-07", ["day_type", "status"]].tolist() == ["work", "present"]
    assert daily.loc["2026-11-08", "day_type"] == "rest"
