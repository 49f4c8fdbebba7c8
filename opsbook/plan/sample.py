"""Seeded sample plan items of one department, with monthly actuals."""

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


def sample_frames(seed: int = 7, lang: str = "zh", department: str | None = None,
                  year: int = 2027, prefix: str = "OPS") -> dict[str, pd.DataFrame]:
    """A department's plan for ``year``: eight items, quarterly targets, monthly actuals."""
    rng = np.random.default_rng(seed)
    department = department or sampling.DEPARTMENTS[lang][0]
    owners = list(sampling.names(rng, len(ITEMS[lang]), lang))
    units = PlanSettings().units()
    rows = []
    for n, ((objective, kpi, unit, direction), target) in enumerate(zip(ITEMS[lang], TARGETS)):
        additive = unit.lower() in units
        split = np.array([0.2, 0.25, 0.25, 0.3]) * target if additive else [target] * 4
        split = [round(float(v), 2) for v in split]
        if additive:
            split[3] = round(target - sum(split[:3]), 2)
        rows.append({
            "item_id": f"{prefix}-{n + 1:02d}", "department": department, "objective": objective,
            "kpi": kpi, "unit": unit, "direction": direction, "target": float(target),
            "q1": split[0], "q2": split[1], "q3": split[2], "q4": split[3],
            "budget": float(rng.integers(5, 60)) * 10000, "owner": owners[n],
            "start": pd.Timestamp(f"{year}-01-01"), "end": pd.Timestamp(f"{year}-12-31"),
            "priority": ["high", "medium", "low"][n % 3],
        })
    plan = pd.DataFrame(rows)
    months = [f"{year}-{m:02d}" for m in range(1, 4)]
    actuals = pd.DataFrame([
        {"item_id": r["item_id"], "month": m,
         "actual": round(r["target"] / (12 if r["unit"].lower() in units else 1)
                         * float(rng.uniform(0.8, 1.15)), 2)}
        for r in rows for m in months])
    return {"Plan": plan, "Actuals": actuals,
            "Review": pd.DataFrame(columns=["item_id", "reviewer", "comment", "decision"]),
            "Settings": sampling.settings(year=year, department=department, version="1",
                                          status="draft")}
