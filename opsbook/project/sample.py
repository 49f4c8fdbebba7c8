"""Seeded sample projects: tasks with planned and actual dates and costs, risks, actions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.core import sampling

PROJECTS = {
    "zh": [("P-101", "客服流程优化", "优化客户投诉处理流程", "execution"),
           ("P-102", "销售数据看板", "建立月度销售数据分析看板", "monitoring"),
           ("P-103", "年度运营计划编制", "收集各部门计划并汇总发布", "planning"),
           ("P-104", "仓储系统升级", "完成仓储系统切换与验收", "closing")],
    "en": [("P-101", "Service process redesign", "Shorten complaint handling", "execution"),
           ("P-102", "Sales dashboard", "Monthly sales analysis dashboard", "monitoring"),
           ("P-103", "Annual operations plan", "Collect and publish the annual plan", "planning"),
           ("P-104", "Warehouse system upgrade", "Cut over and accept the new system",
            "closing")],
}
#: The status date of the sample tracker.
STATUS = pd.Timestamp("2026-11-20")
TASKS = {"zh": ["需求调研", "方案设计", "开发实施", "测试验证", "培训上线", "验收总结"],
         "en": ["Requirements", "Design", "Build", "Test", "Training and go-live", "Acceptance"]}


def sample_frames(seed: int = 7, lang: str = "zh") -> dict[str, pd.DataFrame]:
    """Four projects in different phases, six tasks each, some late or over budget."""
    rng = np.random.default_rng(seed)
    owners = list(sampling.names(rng, 8, lang))
    projects, tasks = [], []
    base = pd.Timestamp("2026-07-01")
    for p, (pid, name, goal, phase) in enumerate(PROJECTS[lang]):
        start = base + pd.Timedelta(days=14 * p)
        cursor = start
        budget = 0.0
        for t, task in enumerate(TASKS[lang]):
            length = int(rng.integers(10, 30))
            planned_start, planned_finish = cursor, cursor + pd.Timedelta(days=length)
            cost = float(rng.integers(2, 12)) * 10000
            budget += cost
            done = min(1.0, max(0.0, 1.3 - 0.25 * t - 0.1 * p + rng.normal(0, 0.08)))
            done = round(done, 2) if phase != "closing" else 1.0
            started = done > 0
            slip = int(rng.integers(-2, 6))
            tasks.append({
                "project_id": pid, "task_id": f"{t + 1}.0", "name": task,
                "owner": owners[(p + t) % len(owners)],
                "planned_start": planned_start, "planned_finish": planned_finish,
                # actual dates are never after the status date (a closing project finished)
                "actual_start": min(planned_start + pd.Timedelta(days=max(slip, 0)), STATUS)
                if started else pd.NaT,
                "actual_finish": min(planned_finish + pd.Timedelta(days=slip), STATUS)
                if done >= 1 else pd.NaT,
                "percent_complete": done,
                "planned_cost": cost,
                "actual_cost": round(cost * done * float(rng.uniform(0.85, 1.25)), -2),
            })
            cursor = planned_finish + pd.Timedelta(days=1)
        projects.append({
            "project_id": pid, "name": name, "owner": owners[p], "phase": phase, "goal": goal,
            "scope": goal, "start": start, "finish": cursor, "budget": budget,
            "accepted": phase == "closing", "lessons_learned": phase == "closing",
            "archived": False,
        })
    risks = pd.DataFrame({
        "risk_id": ["R-1", "R-2", "R-3"], "project_id": ["P-101", "P-102", "P-104"],
        "description": (["关键人员流失", "数据口径不一致", "系统切换中断业务"] if lang == "zh" else
                        ["Key people leave", "Inconsistent data definitions",
                         "Cut-over interrupts operations"]),
        "probability": [2, 4, 3], "impact": [4, 3, 5], "owner": owners[:3],
        "mitigation": (["交叉培训", "统一指标口径", "周末切换并准备回退"] if lang == "zh" else
                       ["Cross-training", "One definition per KPI", "Weekend cut-over"]),
        "status": ["open", "open", "closed"],
    })
    actions = pd.DataFrame({
        "action_id": ["A-1", "A-2", "A-3"], "project_id": ["P-102", "P-101", "P-102"],
        "task_id": ["3.0", None, None],
        "deviation": (["进度落后", "整体进度落后", "成本超支"] if lang == "zh" else
                      ["Behind schedule", "Project behind schedule", "Over budget"]),
        "action": (["增加一名数据分析师", "重排剩余工作并每周复盘", "冻结非必要支出"]
                   if lang == "zh" else ["Add one analyst", "Re-plan the remaining work, "
                                         "review weekly", "Freeze non-essential spending"]),
        "owner": [owners[1], owners[0], owners[1]],
        "due": [pd.Timestamp("2026-11-30"), pd.Timestamp("2026-11-27"),
                pd.Timestamp("2026-11-13")],
        "status": ["open", "open", "open"],
    })
    status = sampling.settings(status_date=STATUS)
    return {"Projects": pd.DataFrame(projects), "Tasks": pd.DataFrame(tasks), "Risks": risks,
            "Actions": actions, "Settings": status}
