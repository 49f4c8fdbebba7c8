"""The annual operations plan (年度运营计划): sheets and fields as in the standard workbook."""

from __future__ import annotations

from opsbook.core.kind import Output
from opsbook.core.spec import Field, Sheet, choice, choices, date, ident, number, text

#: Directions as Chinese KPI sheets also say them: 正向/反向 (指标), 越大/越小越好, 提升/降低.
DIRECTIONS = choices(("up", "越高越好", ("higher", "高", "↑", "increase", "正向", "正向指标",
                                         "越大越好", "提升", "上升")),
                     ("down", "越低越好", ("lower", "低", "↓", "decrease", "反向", "反向指标",
                                           "越小越好", "降低", "下降")))
PRIORITIES = choices(("high", "高", ("h", "p1", "重要", "紧急", "高优先级")),
                     ("medium", "中", ("m", "p2", "normal", "一般", "普通", "中优先级")),
                     ("low", "低", ("l", "p3", "次要", "低优先级")))
#: A decision as reviewers write it past the drop-down: 同意, Approved, 不同意, 未通过 …
DECISIONS = choices(("accept", "通过", ("同意", "批准", "已通过", "已同意", "审核通过",
                                        "同意通过", "予以通过", "准予通过", "approve",
                                        "approved", "accepted", "agree", "agreed", "pass",
                                        "passed")),
                    ("revise", "修改", ("需修改", "退回修改", "待修改", "修订", "退回", "打回",
                                        "需调整", "revision", "needs revision",
                                        "needs revisions", "revise and resubmit")),
                    ("reject", "不通过", ("驳回", "拒绝", "不同意", "未通过", "不批准", "否决",
                                          "不予通过", "不予批准", "审核不通过", "rejected",
                                          "declined", "decline", "not approved",
                                          "disagree")))
_ITEM_REF = "Plan.item_id"

PLAN = Sheet("Plan", "Plan", "计划", (
    ident("item_id", "Item ID", "编号", required=True, unique=True, aliases=("item", "序号")),
    text("department", "Department", "部门", required=True),
    text("objective", "Objective", "目标", required=True, width=28),
    text("kpi", "KPI", "关键指标", required=True, width=22, aliases=("指标", "kpi指标")),
    text("unit", "Unit", "单位", width=8),
    choice("direction", "Direction", "方向", DIRECTIONS, default="up"),
    number("target", "Annual Target", "年度目标值", aliases=("年度目标", "target")),
    number("q1", "Q1 Target", "一季度目标",
           aliases=("q1", "第一季度", "q1目标", "第一季度目标", "一季度")),
    number("q2", "Q2 Target", "二季度目标",
           aliases=("q2", "第二季度", "q2目标", "第二季度目标", "二季度")),
    number("q3", "Q3 Target", "三季度目标",
           aliases=("q3", "第三季度", "q3目标", "第三季度目标", "三季度")),
    number("q4", "Q4 Target", "四季度目标",
           aliases=("q4", "第四季度", "q4目标", "第四季度目标", "四季度")),
    number("budget", "Budget", "预算", min=0, confidential=True),
    text("owner", "Owner", "负责人"),
    date("start", "Start", "开始日期"),
    date("end", "End", "结束日期"),
    choice("priority", "Priority", "优先级", PRIORITIES, default="medium"),
), aliases=("年度计划", "运营计划", "plan items"))
ACTUALS = Sheet("Actuals", "Actuals", "执行情况", (
    ident("item_id", "Item ID", "编号", required=True, ref=_ITEM_REF),
    Field(
        "month", "Month", "月份", "month", required=True, width=10),
    number("actual", "Actual", "实际值", required=True),
), required=False)
REVIEW = Sheet("Review", "Review", "审核意见", (
    # a decision on an item since removed from the plan is history, not an error: removing
    # the item is one way to resolve a revise or reject (see plan.status.unresolved)
    ident("item_id", "Item ID", "编号", required=True, ref=_ITEM_REF, ref_severity="warning"),
    text("reviewer", "Reviewer", "审核人"),
    text("comment", "Comment", "意见", width=36),
    choice("decision", "Decision", "结论", DECISIONS),
), required=False)

#: The sheets plan commands and the Calculate button add, named in both languages.
OUTPUTS = (
    Output("by_department", "By Department", "按部门"),
    Output("by_quarter", "By Quarter", "按季度"), Output("conflicts", "Conflicts", "冲突"),
    Output("tracking", "Tracking", "执行跟踪"),
    Output("tracking_departments", "Tracking by Department", "部门完成情况"),
    Output("behind", "Behind Schedule", "进度滞后"),
    Output("monthly", "Monthly Tracking", "月度明细"),
    Output("added", "Added Items", "新增计划项"), Output("removed", "Removed Items", "删除计划项"),
    Output("changed", "Changed Items", "变更明细"),
)
