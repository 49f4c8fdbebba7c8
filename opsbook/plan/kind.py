"""The plan kind as the registry sees it: sheets, settings, rules, codes, sample."""

from __future__ import annotations

from opsbook.core.kind import Kind
from opsbook.core.lazy import Lazy
from opsbook.plan.codes import CODES
from opsbook.plan.figures import figures_in_units
from opsbook.plan.months import months_in_plan_year
from opsbook.plan.rules import RULES
from opsbook.plan.schema import ACTUALS, OUTPUTS, PLAN, REVIEW
from opsbook.plan.settings import SOURCE_PREFIX, PlanSettings

KIND = Kind(
    "plan", "Annual Operations Plan", "年度运营计划", (PLAN, ACTUALS, REVIEW), PlanSettings,
    RULES,
    prepare=(months_in_plan_year, figures_in_units),
    one_book=True,
    instructions_en=(
        "Plan: one row per plan item: objective, KPI, annual and quarterly targets, budget.",
        "Quarterly targets of additive units (amounts, counts) add up to the annual target.",
        "Actuals: the actual value of each item per month (YYYY-MM).",
        "Review: the reviewer's comment and decision (accept / revise / reject).",
        "Settings: year, department, version and status (draft → final).",
    ),
    instructions_zh=(
        "计划：每个计划项一行，填写目标、关键指标、年度及季度目标值、预算和负责人。",
        "金额、数量等可加总单位的四个季度目标之和应等于年度目标。",
        "执行情况：按月（YYYY-MM）填写各计划项的实际值。",
        "审核意见：上级领导的审核意见与结论（通过/修改/不通过）。",
        "设置：计划年度、部门、版本及状态（草稿→已提交→已审核→定稿）。",
    ),
    codes=CODES,
    sample=Lazy("opsbook.plan.sample:sample_frames"),
    calculate=Lazy("opsbook.plan.calculate:calculate"),
    outputs=OUTPUTS,
    calculate_outputs=("tracking", "tracking_departments", "behind", "monthly"),
    setting_prefixes=(SOURCE_PREFIX,),
    summary=Lazy("opsbook.plan.summary:summary"),
    help={"calculate": (
        "Tracks the plan: actuals by month (Actuals sheet) against the targets to date, "
        "completion per item, department and company, and the items behind schedule, on new "
        "sheets; the data you entered is not changed.",
        "按“执行情况”工作表的月度实际值跟踪计划：计算截至当前的完成率（按计划项、部门和公司）"
        "及进度滞后的计划项，写入新的工作表；已填写的数据不会改动。")},
)
