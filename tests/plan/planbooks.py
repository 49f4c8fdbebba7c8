"""Small department plans for the plan-cycle tests, with one planted conflict of each kind.

sales.xlsx (销售部)   S-01 万元 1000 (200/250/250/300), S-02 个 40 with quarters adding up to
                     35 (quarters), S-03 % 90 running April–September only.
ops.xlsx (运营部)     O-01 元/单 down, ending 2028-01-31 (outside the year); S-02 again (the
                     same item ID in two departments); O-03 "ＫＰＩ Training  Hours" (the same
                     KPI as M-01 once folded); O-04 件 50 ending before it starts, budget −500.
ops2.xlsx (运营部)    M-01 "kpi training hours": a second file for 运营部 (department twice).
Expected departments 销售部, 运营部, 财务部: 财务部 sent nothing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from opsbook.api import new_workbook
from opsbook.core.sampling import settings
from opsbook.plan.consolidate import DepartmentPlan

COLUMNS = ["item_id", "department", "objective", "kpi", "unit", "direction", "target", "q1",
           "q2", "q3", "q4", "budget", "owner", "start", "end", "priority"]
Y0, Y1 = pd.Timestamp("2027-01-01"), pd.Timestamp("2027-12-31")
EXPECTED = ["销售部", "运营部", "财务部"]


def frame(*records: tuple, first: int = 4) -> pd.DataFrame:
    """Plan rows as the reader gives them: field ids as columns, the spreadsheet row as index
    (the template's header is on row 3)."""
    return pd.DataFrame(list(records), columns=COLUMNS,
                        index=pd.RangeIndex(first, first + len(records), name="row"))


SALES = frame(
    ("S-01", "销售部", "提升销售收入", "年度销售额", "万元", "up", 1000.0, 200.0, 250.0, 250.0,
     300.0, 100000.0, "王伟", Y0, Y1, "high"),
    ("S-02", "销售部", "拓展新客户", "新签客户数", "个", "up", 40.0, 10.0, 10.0, 10.0, 5.0,
     20000.0, "李娜", Y0, Y1, "medium"),
    ("S-03", "销售部", "提高客户满意度", "客户满意度", "%", "up", 90.0, 90.0, 90.0, 90.0, 90.0,
     5000.0, "张敏", pd.Timestamp("2027-04-01"), pd.Timestamp("2027-09-30"), "low"),
)
OPS = frame(
    ("O-01", "运营部", "降低运营成本", "单位订单成本", "元/单", "down", 38.0, 40.0, 39.0, 38.0,
     37.0, 30000.0, "刘洋", Y0, pd.Timestamp("2028-01-31"), "high"),
    ("S-02", "运营部", "优化运营流程", "流程优化项目数", "个", "up", 8.0, 2.0, 2.0, 2.0, 2.0,
     10000.0, "陈静", Y0, Y1, "medium"),
    ("O-03", "运营部", "员工培训", "ＫＰＩ Training  Hours", "小时", "up", 100.0, 25.0, 25.0,
     25.0, 25.0, 12000.0, "杨勇", Y0, Y1, "medium"),
    ("O-04", "运营部", "仓储改造", "完成改造库位", "件", "up", 50.0, 10.0, 10.0, 15.0, 15.0,
     -500.0, "黄杰", pd.Timestamp("2027-06-01"), pd.Timestamp("2027-03-01"), "low"),
)
OPS2 = frame(
    ("M-01", "运营部", "新员工培训", "kpi training hours", "小时", "up", 60.0, 15.0, 15.0, 15.0,
     15.0, 8000.0, "赵丽", Y0, Y1, "medium"),
)


def plans() -> list[DepartmentPlan]:
    return [DepartmentPlan(SALES, "sales.xlsx", "a" * 64, "销售部", 2027),
            DepartmentPlan(OPS, "ops.xlsx", "b" * 64, "运营部", 2027),
            DepartmentPlan(OPS2, "ops2.xlsx", "c" * 64, "", 2027)]


def write(folder: Path, lang: str = "zh") -> dict[str, Path]:
    """The three plans as real department workbooks (the standard template) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, items, department in (("sales", SALES, "销售部"), ("ops", OPS, "运营部"),
                                    ("ops2", OPS2, "")):
        path = folder / f"{name}.xlsx"
        new_workbook("plan", lang, path, frames={
            "Plan": items.reset_index(drop=True),
            "Settings": settings(year=2027, department=department, version="1",
                                 status="draft")})
        out[name] = path
    return out
