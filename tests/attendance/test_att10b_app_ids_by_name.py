"""A punch export whose only id column is the app's own (WeCom 账号, DingTalk UserId: no value
of it is anyone's employee ID) has no ID: every row is found by its name, and a name that
matches no one or several is an error at its cell, its punches left out — not kept under
the app's id as an unknown employee. A device number that is some employees' IDs keeps the
old reading: one that is no one's and names no one is an unknown employee."""

from __future__ import annotations

import datetime as dt

from quirkbooks import export, write

import opsbook

D = dt.datetime


def _book(path, rows):
    return write(path, {"员工": [["工号", "姓名", "部门"], *rows],
                        "设置": [["参数", "值"], ["month", "2026-11"]]})


def _wecom(path):
    rows = [["日期", "姓名", "账号", "部门", "打卡类型", "应打卡时间", "实际打卡时间"]]
    for name, account, kind, due, punch in (
            ("王五", "wangwu", "上班打卡", "09:00", "09:01:30"),
            ("王五", "wangwu", "下班打卡", "18:00", "18:00:10"),
            ("张三", "zhangsan", "上班打卡", "09:00", "09:00:00"),
            ("李雷", "lilei", "上班打卡", "09:00", "09:00:00"),
            ("李雷", "lilei", "下班打卡", "18:00", "18:00:00")):
        rows.append(["2026/11/02 星期一", name, account, "运营部", kind, due, punch])
    return export(path, rows)


def test_the_apps_own_accounts_are_no_ids(tmp_path):
    ops = _book(tmp_path / "ops.xlsx", [["1001", "王五", "运营部"], ["1002", "张三", "运营部"]])
    # 张三 of the sales workbook works in 运营部 too: the export's 部门 does not tell them apart
    sales = _book(tmp_path / "sales.xlsx", [["1001", "王五", "销售部"], ["2002", "张三", "运营部"]])
    report = _wecom(tmp_path / "wecom.xlsx")
    done = opsbook.summarize_attendance([ops, sales], punches=[report])
    names = [(i.code, i.cell, i.value, i.params["expected"]) for i in done.report.issues
             if i.file == str(report)]
    # 张三 is two people (1002 and 2002), 李雷 no one: errors at their first cells
    assert names == [("ambiguous-punch-name", "B4", "张三", "1002, 2002"),
                     ("unknown-punch-name", "B5", "李雷", "")]
    assert done.report.lang == "zh"
    said = [i.message("zh") for i in done.report.issues if i.file == str(report)]
    assert said == ["姓名“张三”对应多名员工（1002、2002）；相关打卡未计入。请在导出中包含工号。",
                    "姓名“李雷”与任何员工都不匹配；相关打卡未计入。"]
    assert done.computed
    found = done.result.violations
    assert "unknown_employee" not in set(found["flag"])
    daily = done.result.daily.set_index(["employee_id", "date"])
    assert daily.loc[("1001", "2026-11-02"), "status"] == "present"
    assert daily.loc[("1002", "2026-11-02"), "status"] == "absent"


def test_a_device_number_that_is_some_employees_id(tmp_path):
    staff = _book(tmp_path / "kq.xlsx", [["1001", "王五", "运营部"]])
    log = export(tmp_path / "zk.xlsx", [
        ["AC-No.", "Name", "Date/Time", "Status", "Verify Type"],
        [1001, "王五", "2026-11-02 09:00", "C/In", "FP"],
        [1001, "王五", "2026-11-02 18:00", "C/Out", "FP"],
        [8888, "访客", "2026-11-02 10:00", "C/In", "FP"]])
    done = opsbook.summarize_attendance([staff], punches=[log])
    assert [i.code for i in done.report.issues if i.file == str(log)] == []
    found = done.result.violations
    stranger = found[found["flag"] == "unknown_employee"]
    assert stranger[["employee_id", "row"]].values.tolist() == [["8888", 4]]
