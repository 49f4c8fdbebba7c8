"""The project workbook (项目管理): sheets and fields as in the standard workbook."""

from __future__ import annotations

from opsbook.core.kind import Output
from opsbook.core.spec import YES_NO, Field, Sheet, choice, choices, date, ident, number, text
from opsbook.project.texts import OUTPUTS as NAMES

PHASES = choices(("initiation", "启动", ("项目启动", "立项")),
                 ("planning", "规划", ("项目规划", "计划")),
                 ("execution", "执行", ("项目执行",)), ("monitoring", "监控", ("项目监控",)),
                 ("closing", "收尾", ("项目收尾", "结项")))
OPEN_CLOSED = choices(("open", "进行中", ("未关闭", "打开", "开放")),
                      ("closed", "已关闭", ("关闭", "完成", "已完成", "done")))


def _flag(id: str, en: str, zh: str) -> Field:
    return Field(id, en, zh, "bool", choices=YES_NO, width=10)


def _project_ref(**kw) -> Field:
    return ident("project_id", "Project ID", "项目编号", ref="Projects.project_id", **kw)


PROJECTS = Sheet("Projects", "Projects", "项目", (
    ident("project_id", "Project ID", "项目编号", required=True, unique=True),
    text("name", "Project", "项目名称", required=True, width=24),
    text("owner", "Owner", "负责人"),
    choice("phase", "Phase", "阶段", PHASES, required=True, aliases=("项目阶段",)),
    text("goal", "Goal", "目标", width=28),
    text("scope", "Scope", "范围", width=28),
    date("start", "Baseline Start", "计划开始", required=True),
    date("finish", "Baseline Finish", "计划完成", required=True),
    number("budget", "Budget (BAC)", "预算", min=0, aliases=("budget", "bac"), confidential=True),
    _flag("accepted", "Accepted", "已验收"),
    _flag("lessons_learned", "Lessons Learned", "经验总结"),
    _flag("archived", "Archived", "已归档"),
))
TASKS = Sheet("Tasks", "Tasks", "任务", (
    _project_ref(required=True),
    ident("task_id", "WBS", "任务编号", required=True, aliases=("task id", "wbs编号")),
    text("name", "Task", "任务名称", required=True, width=24),
    text("owner", "Owner", "负责人"),
    date("planned_start", "Planned Start", "计划开始", required=True),
    date("planned_finish", "Planned Finish", "计划完成", required=True),
    date("actual_start", "Actual Start", "实际开始"),
    date("actual_finish", "Actual Finish", "实际完成"),
    Field("percent_complete", "% Complete", "完成百分比", "percent", min=0, max=1,
          aliases=("percent complete", "完成率", "进度")),
    number("planned_cost", "Planned Cost", "计划成本", min=0),
    number("actual_cost", "Actual Cost", "实际成本", min=0),
))
RISKS = Sheet("Risks", "Risks", "风险", (
    ident("risk_id", "Risk ID", "风险编号", required=True, unique=True),
    _project_ref(required=True),
    text("description", "Description", "描述", width=30),
    Field("probability", "Probability", "可能性", "integer", min=1, max=5),
    Field("impact", "Impact", "影响", "integer", min=1, max=5),
    text("owner", "Owner", "负责人"),
    text("mitigation", "Mitigation", "应对措施", width=30),
    choice("status", "Status", "状态", OPEN_CLOSED, default="open"),
), required=False)
ACTIONS = Sheet("Actions", "Actions", "纠正措施", (
    ident("action_id", "Action ID", "措施编号", required=True, unique=True),
    _project_ref(required=True),
    # a WBS no task has matches no deviation: said as a warning, the action kept
    ident("task_id", "WBS", "任务编号", aliases=("task id",), ref="Tasks.task_id",
          ref_severity="warning"),
    text("deviation", "Deviation", "偏差", width=28),
    text("action", "Action", "措施", width=28),
    text("owner", "Owner", "负责人"),
    date("due", "Due", "截止日期"),
    choice("status", "Status", "状态", OPEN_CLOSED, default="open"),
), required=False)

#: The sheets project status and the Calculate button add, named in both languages.
OUTPUTS = tuple(Output(key, en, zh) for key, (en, zh) in NAMES.items())
