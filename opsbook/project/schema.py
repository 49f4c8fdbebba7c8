"""The project workbook (项目管理): sheets and fields as in the standard workbook."""

from __future__ import annotations

from dataclasses import replace

from opsbook.core.kind import Output
from opsbook.core.spec import YES_NO, Field, Sheet, choice, choices, date, ident, number, text
from opsbook.project.texts import OUTPUTS as NAMES

#: The phases, also as the policy names them (项目启动阶段, 监控阶段) and as PMBOK's process
#: groups (initiating, executing, monitoring and controlling).
PHASES = choices(("initiation", "启动", ("项目启动", "立项", "启动阶段", "项目启动阶段",
                                         "initiating")),
                 ("planning", "规划", ("项目规划", "计划", "规划阶段", "项目规划阶段", "计划阶段")),
                 ("execution", "执行", ("项目执行", "执行阶段", "项目执行阶段", "executing")),
                 ("monitoring", "监控", ("项目监控", "监控阶段", "项目监控阶段",
                                         "monitoring and controlling",
                                         "monitoring & controlling")),
                 ("closing", "收尾", ("项目收尾", "结项", "收尾阶段", "项目收尾阶段")))
OPEN_CLOSED = choices(("open", "进行中", ("未关闭", "打开", "开放", "处理中", "跟踪中",
                                         "in progress")),
                      ("closed", "已关闭", ("关闭", "完成", "已完成", "done", "已解决", "已落实",
                                           "completed", "resolved")))


#: Headers people give the owner and the planned dates besides the standard ones.
OWNER = ("责任人",)
START, FINISH = ("计划开始日期",), ("计划完成日期", "计划结束", "计划结束日期")


def _flag(id: str, en: str, zh: str, done: tuple[str, ...], undone: tuple[str, ...],
          headers: tuple[str, ...]) -> Field:
    """A yes/no column of the closing gate; its state as said in words is read too (已验收
    under 已验收 is yes, 未归档 under 已归档 no)."""
    yes, no = YES_NO
    return Field(id, en, zh, "bool", width=10, aliases=headers,
                 choices=(replace(yes, aliases=yes.aliases + done),
                          replace(no, aliases=no.aliases + undone)))


def _project_ref(**kw) -> Field:
    return ident("project_id", "Project ID", "项目编号", ref="Projects.project_id", **kw)


PROJECTS = Sheet("Projects", "Projects", "项目", (
    ident("project_id", "Project ID", "项目编号", required=True, unique=True),
    text("name", "Project", "项目名称", required=True, width=24),
    text("owner", "Owner", "负责人", aliases=OWNER + ("项目经理", "项目负责人", "project manager")),
    choice("phase", "Phase", "阶段", PHASES, required=True, aliases=("项目阶段",)),
    text("goal", "Goal", "目标", width=28, aliases=("项目目标",)),
    text("scope", "Scope", "范围", width=28, aliases=("项目范围",)),
    date("start", "Baseline Start", "计划开始", required=True,
         aliases=(*START, "开始日期", "基准开始", "start")),
    date("finish", "Baseline Finish", "计划完成", required=True,
         aliases=(*FINISH, "结束日期", "完成日期", "基准完成", "finish")),
    number("budget", "Budget (BAC)", "预算", min=0, confidential=True,
           aliases=("budget", "bac", "预算（元）", "项目预算", "总预算")),
    _flag("accepted", "Accepted", "已验收", ("已验收", "验收通过", "accepted"),
          ("未验收", "not accepted"), ("是否验收", "验收")),
    _flag("lessons_learned", "Lessons Learned", "经验总结", ("已总结", "已完成总结"),
          ("未总结",), ("经验教训", "经验教训总结", "lessons")),
    _flag("archived", "Archived", "已归档", ("已归档", "archived"), ("未归档", "not archived"),
          ("是否归档", "归档")),
))
TASKS = Sheet("Tasks", "Tasks", "任务", (
    _project_ref(required=True),
    ident("task_id", "WBS", "任务编号", required=True,
          aliases=("task id", "wbs编号", "wbs编码", "wbs code", "任务编码")),
    text("name", "Task", "任务名称", required=True, width=24),
    text("owner", "Owner", "负责人", aliases=OWNER),
    date("planned_start", "Planned Start", "计划开始", required=True, aliases=START),
    date("planned_finish", "Planned Finish", "计划完成", required=True, aliases=FINISH),
    date("actual_start", "Actual Start", "实际开始", aliases=("实际开始日期",)),
    date("actual_finish", "Actual Finish", "实际完成",
         aliases=("实际完成日期", "实际结束", "实际结束日期")),
    Field("percent_complete", "% Complete", "完成百分比", "percent", min=0, max=1,
          aliases=("percent complete", "完成率", "进度", "完成进度", "完成比例", "完成百分比（%）",
                   "完成进度（%）", "完成率（%）", "进度（%）")),
    number("planned_cost", "Planned Cost", "计划成本", min=0, aliases=("计划成本（元）",)),
    number("actual_cost", "Actual Cost", "实际成本", min=0, aliases=("实际成本（元）",)),
))
RISKS = Sheet("Risks", "Risks", "风险", (
    ident("risk_id", "Risk ID", "风险编号", required=True, unique=True),
    _project_ref(required=True),
    text("description", "Description", "描述", width=30, aliases=("风险描述",)),
    Field("probability", "Probability", "可能性", "integer", min=1, max=5,
          aliases=("发生概率", "概率", "可能性（1-5）", "probability (1-5)")),
    Field("impact", "Impact", "影响", "integer", min=1, max=5,
          aliases=("影响程度", "影响（1-5）", "impact (1-5)")),
    text("owner", "Owner", "负责人", aliases=OWNER),
    text("mitigation", "Mitigation", "应对措施", width=30),
    choice("status", "Status", "状态", OPEN_CLOSED, default="open", aliases=("风险状态",)),
), required=False)
ACTIONS = Sheet("Actions", "Actions", "纠正措施", (
    ident("action_id", "Action ID", "措施编号", required=True, unique=True),
    _project_ref(required=True),
    # a WBS no task has matches no deviation: said as a warning, the action kept
    ident("task_id", "WBS", "任务编号", aliases=("task id", "wbs编号", "wbs编码", "任务编码"),
          ref="Tasks.task_id", ref_severity="warning"),
    text("deviation", "Deviation", "偏差", width=28, aliases=("偏差描述", "偏差情况")),
    text("action", "Action", "措施", width=28, aliases=("纠正措施", "corrective action")),
    text("owner", "Owner", "负责人", aliases=OWNER),
    date("due", "Due", "截止日期", aliases=("完成期限", "期限", "due date", "截止时间")),
    choice("status", "Status", "状态", OPEN_CLOSED, default="open", aliases=("措施状态",)),
), required=False)

#: The sheets project status and the Calculate button add, named in both languages.
OUTPUTS = tuple(Output(key, en, zh) for key, (en, zh) in NAMES.items())
