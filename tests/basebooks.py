"""The valid workbooks every quirk starts from, and the spellings of their headers."""

from __future__ import annotations

import datetime as dt
from typing import Any

Rows = list[list[Any]]
Sheets = dict[str, Rows]

D = dt.date
T = dt.time

#: A small valid workbook of each kind, sheet name → rows from A1 (header first).
BASE: dict[str, Sheets] = {
    "attendance": {
        "Employees": [
            ["Employee ID", "Name", "Department"],
            ["E001", "张伟", "运营部"],
            ["E002", "李娜", "市场部"],
            ["E003", "Alice Chen", "销售部"],
        ],
        "Clock": [
            ["Employee ID", "Date", "Check In", "Check Out"],
            ["E001", D(2026, 11, 2), T(8, 52), T(18, 5)],
            ["E002", D(2026, 11, 2), T(9, 7), T(18, 0)],
            ["E003", D(2026, 11, 2), None, None],
            ["E001", D(2026, 11, 3), T(8, 59), T(17, 58)],
        ],
        "Settings": [["Key", "Value"], ["month", "2026-11"]],
    },
    "appraisal": {
        "Employees": [
            ["Employee ID", "Name", "Department", "Position", "Manager ID", "Bonus Base"],
            ["E001", "张伟", "运营部", "运营经理", None, 12000],
            ["E002", "李娜", "运营部", "运营专员", "E001", 8000],
            ["E003", "王芳", "运营部", "数据分析师", "E001", 8000],
        ],
        "Indicators": [
            ["Indicator ID", "Group", "Indicator", "Weight"],
            ["K1", "results", "运营计划完成情况", 60],
            ["K2", "ability", "数据分析能力", 25],
            ["K3", "attitude", "责任心", 15],
        ],
        "Scores": [
            ["Employee ID", "Rater ID", "Rater Role", "Indicator ID", "Score"],
            ["E002", "E001", "superior", "K1", 88],
            ["E002", "E001", "superior", "K2", 85],
            ["E002", "E001", "superior", "K3", 90],
            ["E002", "E002", "self", "K1", 92],
            ["E003", "E001", "superior", "K1", 76],
            ["E003", "E001", "superior", "K2", 80],
            ["E003", "E001", "superior", "K3", 82],
        ],
        "Grades": [
            ["Grade", "Minimum Score", "Bonus Coefficient", "Outcome"],
            ["S", 90, 1.5, "commend"],
            ["A", 80, 1.2, "none"],
            ["B", 70, 1.0, "none"],
            ["C", 60, 0.8, "none"],
            ["D", 0, 0, "improve"],
        ],
        "Settings": [["Key", "Value"], ["cycle", "2026Q4"]],
    },
    "project": {
        "Projects": [
            ["Project ID", "Project", "Owner", "Phase", "Baseline Start", "Baseline Finish",
             "Budget (BAC)"],
            ["P-1", "客服流程优化", "张伟", "execution", D(2026, 7, 1), D(2026, 12, 31), 300000],
            ["P-2", "销售数据看板", "李娜", "planning", D(2026, 8, 1), D(2026, 11, 30), 120000],
        ],
        "Tasks": [
            ["Project ID", "WBS", "Task", "Planned Start", "Planned Finish", "% Complete",
             "Planned Cost", "Actual Cost"],
            ["P-1", "1.1", "需求调研", D(2026, 7, 1), D(2026, 7, 31), 1.0, 50000, 52000],
            ["P-1", "1.2", "方案设计", D(2026, 8, 1), D(2026, 9, 15), 0.6, 80000, 45000],
            ["P-2", "1.1", "数据梳理", D(2026, 8, 1), D(2026, 9, 1), 0.3, 40000, 10000],
        ],
        "Settings": [["Key", "Value"], ["status_date", D(2026, 11, 20)]],
    },
    "plan": {
        "Plan": [
            ["Item ID", "Department", "Objective", "KPI", "Unit", "Annual Target", "Q1 Target",
             "Q2 Target", "Q3 Target", "Q4 Target", "Budget", "Owner", "Start", "End",
             "Priority"],
            ["OPS-01", "运营部", "提升销售额", "销售额", "万元", 1200, 200, 300, 300, 400, 50000,
             "张伟", D(2027, 1, 1), D(2027, 12, 31), "high"],
            ["OPS-02", "运营部", "提高客户满意度", "满意度", "%", 90, 90, 90, 90, 90, 20000,
             "李娜", D(2027, 1, 1), D(2027, 12, 31), "medium"],
        ],
        "Settings": [["Key", "Value"], ["year", 2027], ["department", "运营部"]],
    },
}

#: The English headers of the attendance base and how other workbooks spell them.
HEADER_VARIANTS: dict[str, dict[str, str]] = {
    "chinese-headers": {"Employee ID": "工号", "Name": "姓名", "Department": "部门",
                        "Date": "日期", "Check In": "上班打卡", "Check Out": "下班打卡"},
    "traditional-headers": {"Employee ID": "工號", "Name": "姓名", "Department": "部門",
                            "Date": "日期", "Check In": "上班打卡", "Check Out": "下班打卡"},
    "fullwidth-headers": {"Employee ID": "Ｅｍｐｌｏｙｅｅ　ＩＤ", "Name": "Ｎａｍｅ",
                          "Department": "Ｄｅｐａｒｔｍｅｎｔ", "Date": "Ｄａｔｅ",
                          "Check In": "Ｃｈｅｃｋ Ｉｎ", "Check Out": "Ｃｈｅｃｋ Ｏｕｔ"},
    "spaced-headers": {"Employee ID": "  Employee   ID ", "Name": " Name", "Department":
                       "Department  ", "Date": "\tDate ", "Check In": "Check  In",
                       "Check Out": " Check Out "},
    "linebreak-headers": {"Employee ID": "Employee\nID", "Name": "Name\n", "Department":
                          "Depart-\nment", "Date": "Date", "Check In": "Check\r\nIn",
                          "Check Out": "Check\nOut"},
    "mixed-case-headers": {"Employee ID": "EMPLOYEE ID", "Name": "name", "Department":
                           "DePartment", "Date": "DATE", "Check In": "check in",
                           "Check Out": "Check OUT"},
    "english-headers": {},
}
SHEET_NAMES = {
    "chinese-headers": {"Employees": "员工", "Clock": "打卡记录", "Settings": "设置"},
    "traditional-headers": {"Employees": "員工", "Clock": "打卡記錄", "Settings": "設置"},
}
