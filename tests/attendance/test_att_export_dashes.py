"""A punch export whose dates a web page or word processor wrote with dashes other than the
hyphen (2026–11–02, 2026—11—03 08:58) is read as the Clock sheet reads such dates."""

from __future__ import annotations

from quirkbooks import export, write

import opsbook


def test_punch_dates_with_en_and_em_dashes_are_read(tmp_path):
    book = write(tmp_path / "kq.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    rows = [["工号", "姓名", "打卡时间"]] + [
        ["1001", "王五", f"2026{dash}11{dash}{day} {time}"] for dash, day, time in (
            ("\u2013", "02", "09:07"), ("\u2013", "02", "18:06"),   # en dashes
            ("\u2212", "03", "08:50"), ("\u2212", "03", "17:40"),   # minus signs
            ("\u2014", "04", "08:58"), ("\u2014", "04", "18:01"))]  # em dashes
    detail = export(tmp_path / "detail.xlsx", rows)
    flat = export(tmp_path / "daily.xlsx", [  # a daily report, its date in a column of its own
        ["工号", "姓名", "日期", "上班1打卡时间", "下班1打卡时间"],
        ["1001", "王五", "2026\u201311\u201305", "09:00", "18:00"]])
    done = opsbook.summarize_attendance([book], punches=[detail, flat])
    assert done.computed, done.report.issues
    daily = done.result.daily.set_index(["employee_id", "date"])
    assert daily.loc[("1001", "2026-11-02"), ["status", "late_minutes"]].tolist() == ["late", 7]
    assert daily.loc[("1001", "2026-11-03"), ["status", "early_minutes"]].tolist() == [
        "early", 20]
    assert daily.loc[("1001", "2026-11-04"), "status"] == "present"
    assert daily.loc[("1001", "2026-11-05"), "status"] == "present"
