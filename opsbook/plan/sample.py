"""Seeded sample plans: one department's plan with monthly actuals, or a folder's worth of
department plans for consolidation (with a few conflicts planted to follow up)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.core import sampling
from opsbook.plan.settings import PlanSettings

ITEMS = {
    "zh": [("提升销售收入", "年度销售额", "万元", "up"),
           ("提高客户满意度", "客户满意度", "%", "up"),
           ("降低运营成本", "单位订单成本", "元/单", "down"),
           ("拓展新客户", "新签客户数", "个", "up"),
           ("优化运营流程", "流程优化项目数", "个", "up"),
           ("缩短交付周期", "平均交付天数", "天", "down"),
           ("加强数据分析", "月度分析报告", "次", "up"),
           ("员工培训", "培训课时", "小时", "up")],
    "en": [("Grow revenue", "Annual sales", "CNY", "up"),
           ("Satisfied customers", "CSAT", "%", "up"),
           ("Lower operating cost", "Cost per order", "CNY/order", "down"),
           ("Win new customers", "New customers", "units", "up"),
           ("Better processes", "Processes improved", "units", "up"),
           ("Faster delivery", "Average delivery days", "days", "down"),
           ("Data analysis", "Monthly analysis reports", "units", "up"),
           ("Training", "Training hours", "hours", "up")],
}
TARGETS = [12000, 92, 38, 120, 8, 5, 12, 400]
#: The share of an additive annual target planned in each quarter.
SPLIT = np.array([0.2, 0.25, 0.25, 0.3])
#: Per department of the demo folder: (objective, KPI, unit, direction, annual target).
DEPARTMENT_ITEMS = {
    "zh": {
        "运营部": [("优化运营流程", "流程优化项目数", "个", "up", 8),
                ("降低运营成本", "单位订单成本", "元/单", "down", 38),
                ("加强数据分析", "月度分析报告", "次", "up", 12)],
        "市场部": [("提升品牌影响力", "品牌曝光量", "万次", "up", 5000),
                ("拓展新客户", "市场线索数", "个", "up", 1800),
                ("控制获客成本", "单个线索成本", "元/个", "down", 120)],
        "销售部": [("提升销售收入", "年度销售额", "万元", "up", 12000),
                ("拓展新客户", "新签客户数", "个", "up", 120),
                ("缩短回款周期", "平均回款天数", "天", "down", 45)],
        "财务部": [("降低费用", "管理费用", "万元", "down", 800),
                ("提高结账效率", "月结天数", "天", "down", 5),
                ("员工培训", "培训课时", "小时", "up", 200)],
        "客户服务部": [("提高客户满意度", "客户满意度", "%", "up", 92),
                  ("缩短响应时间", "平均响应小时", "小时/单", "down", 4),
                  ("员工培训", "培训课时", "小时", "up", 400)],
    },
    "en": {
        "Operations": [("Better processes", "Processes improved", "units", "up", 8),
                       ("Lower operating cost", "Cost per order", "CNY/order", "down", 38),
                       ("Data analysis", "Monthly analysis reports", "units", "up", 12)],
        "Marketing": [("Brand reach", "Brand impressions", "units", "up", 5000),
                      ("Win new customers", "Marketing leads", "units", "up", 1800),
                      ("Cheaper leads", "Cost per lead", "CNY/lead", "down", 120)],
        "Sales": [("Grow revenue", "Annual sales", "CNY", "up", 12000000),
                  ("Win new customers", "New customers", "units", "up", 120),
                  ("Faster collection", "Days sales outstanding", "days", "down", 45)],
        "Finance": [("Lower expenses", "Administrative expenses", "CNY", "down", 800000),
                    ("Faster closing", "Days to close a month", "days", "down", 5),
                    ("Training", "Training hours", "hours", "up", 200)],
        "Customer Service": [("Satisfied customers", "CSAT", "%", "up", 92),
                             ("Faster response", "Hours to respond", "hours/ticket", "down", 4),
                             ("Training", "Training hours", "hours", "up", 400)],
    },
}


def _quarters(target: float, additive: bool) -> list[float]:
    if not additive:
        return [float(target)] * 4
    split = [round(float(v), 2) for v in SPLIT * target]
    split[3] = round(target - sum(split[:3]), 2)
    return split


def _row(item_id: str, department: str, objective: str, kpi: str, unit: str, direction: str,
         target: float, owner: str, budget: float, priority: str, year: int,
         units: set[str]) -> dict[str, object]:
    q = _quarters(target, unit.lower() in units)
    return {"item_id": item_id, "department": department, "objective": objective, "kpi": kpi,
            "unit": unit, "direction": direction, "target": float(target), "q1": q[0],
            "q2": q[1], "q3": q[2], "q4": q[3], "budget": budget, "owner": owner,
            "start": pd.Timestamp(f"{year}-01-01"), "end": pd.Timestamp(f"{year}-12-31"),
            "priority": priority}


def actuals_for(plan: pd.DataFrame, rng: np.random.Generator, months: int,
                behind: tuple[int, ...] = (3,)) -> pd.DataFrame:
    """Monthly actuals for the first ``months`` months, near the quarterly targets (additive
    items a third of their quarter a month); the items at ``behind`` reach about 60 %."""
    units = PlanSettings().units()
    quarters = plan[["q1", "q2", "q3", "q4"]].to_numpy(dtype=float)
    additive = plan["unit"].str.lower().isin(units).to_numpy()
    monthly = np.repeat(np.where(additive[:, None], quarters / 3, quarters), 3, axis=1)[:, :months]
    factor = rng.uniform(0.92, 1.12, size=monthly.shape)
    factor[[b for b in behind if b < len(plan)]] = 0.6
    down = plan["direction"].eq("down").to_numpy()
    factor = np.where(down[:, None], 2 - factor, factor)
    year = int(plan["start"].iloc[0].year)
    return pd.DataFrame({
        "item_id": np.repeat(plan["item_id"].to_numpy(), months),
        "month": np.tile([f"{year}-{m:02d}" for m in range(1, months + 1)], len(plan)),
        "actual": np.round(monthly * factor, 2).reshape(-1)})


def sample_frames(seed: int = 7, lang: str = "zh", department: str | None = None,
                  year: int = 2027, prefix: str = "OPS") -> dict[str, pd.DataFrame]:
    """A department's plan for ``year``: eight items, quarterly targets, monthly actuals for
    the first quarter (one item behind)."""
    rng = np.random.default_rng(seed)
    department = department or sampling.DEPARTMENTS[lang][0]
    owners = list(sampling.names(rng, len(ITEMS[lang]), lang))
    units = PlanSettings().units()
    plan = pd.DataFrame([
        _row(f"{prefix}-{n + 1:02d}", department, objective, kpi, unit, direction, target,
             owners[n], float(rng.integers(5, 60)) * 10000, ["high", "medium", "low"][n % 3],
             year, units)
        for n, ((objective, kpi, unit, direction), target) in enumerate(zip(ITEMS[lang],
                                                                             TARGETS))])
    return {"Plan": plan, "Actuals": actuals_for(plan, rng, 3),
            "Review": pd.DataFrame(columns=["item_id", "reviewer", "comment", "decision"]),
            "Settings": sampling.settings(year=year, department=department, version="1",
                                          status="draft")}


def department_plans(seed: int = 7, lang: str = "zh", year: int = 2027,
                     conflicts: bool = True) -> dict[str, dict[str, pd.DataFrame]]:
    """One plan per sample department (by department name), three items each. With
    ``conflicts``, the sales plan's quarters for new customers do not add up and the
    customer-service plan reuses an ID of the operations plan (things to follow up)."""
    rng = np.random.default_rng(seed)
    units = PlanSettings().units()
    out = {}
    for d, (department, items) in enumerate(DEPARTMENT_ITEMS[lang].items()):
        owners = list(sampling.names(rng, len(items), lang))
        plan = pd.DataFrame([
            _row(f"D{d + 1}-{n + 1:02d}", department, *item[:4], item[4], owners[n],
                 float(rng.integers(5, 60)) * 10000, ["high", "medium", "low"][n % 3], year,
                 units) for n, item in enumerate(items)])
        out[department] = {"Plan": plan, "Actuals": actuals_for(plan, rng, 6, behind=(2,)),
                           "Settings": sampling.settings(year=year, department=department,
                                                         version="1", status="submitted")}
    if conflicts:
        names = list(out)
        sales = out[names[2]]["Plan"]
        sales.loc[1, "q4"] = sales.loc[1, "q4"] - 10
        out[names[4]]["Plan"].loc[0, "item_id"] = out[names[0]]["Plan"].loc[0, "item_id"]
    return out


def benchmark_plans(count: int, items: int, seed: int = 11, year: int = 2027,
                    lang: str = "zh") -> list[dict[str, pd.DataFrame]]:
    """``count`` department plans of ``items`` items each, for timing consolidation."""
    rng = np.random.default_rng(seed)
    units = PlanSettings().units()
    base = ITEMS[lang]
    plans = []
    for d in range(count):
        department = f"部门{d + 1:03d}" if lang == "zh" else f"Department {d + 1:03d}"
        owners = sampling.names(rng, items, lang)
        rows = [_row(f"P{d + 1:03d}-{n + 1:03d}", department, base[n % len(base)][0],
                     f"{base[n % len(base)][1]} {d + 1}-{n + 1}", base[n % len(base)][2],
                     base[n % len(base)][3], TARGETS[n % len(TARGETS)], owners[n],
                     float(rng.integers(5, 60)) * 1000, ["high", "medium", "low"][n % 3], year,
                     units) for n in range(items)]
        plans.append({"Plan": pd.DataFrame(rows),
                      "Settings": sampling.settings(year=year, department=department,
                                                    version="1", status="submitted")})
    return plans
