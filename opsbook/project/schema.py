"""The project workbook (项目管理): sheets and fields as in the standard workbook."""

from __future__ import annotations

from dataclasses import replace

from opsbook.core.kind import Output
from opsbook.core.spec import YES_NO, Field, Sheet, choice, choices, date, ident, number, text
from opsbook.project.texts import OUTPUTS as NAMES

#: The phases, also as the policy names them (项目启动阶段, 监控阶段), as PMBOK's process
#: groups (initiating, executing, monitoring and controlling) and as trackers say them
#: (实施 for execution, 策划 for planning, 验收 for closing).
PHASES = choices(("initiation", "启动", ("项目启动", "立项", "启动阶段", "项目启动阶段",
                                         "立项阶段", "启动中", "initiating", "initiate")),
                 ("planning", "规划", ("项目规划", "计划", "规划阶段", "项目规划阶段", "计划阶段",
                                       "策划", "策划阶段", "规划中", "计划中")),
                 ("execution", "执行", ("项目执行", "执行阶段", "项目执行阶段", "执行中", "实施",
                                        "实施阶段", "项目实施", "实施中", "executing",
                                        "execute")),
                 ("monitoring", "监控", ("项目监控", "监控阶段", "项目监控阶段", "监控与控制",
                                         "监督与控制", "monitoring and controlling",
                                         "monitoring & controlling", "monitor")),
                 ("closing", "收尾", ("项目收尾", "结项", "收尾阶段", "项目收尾阶段", "结项阶段",
                                      "收尾中", "验收", "验收阶段", "已结项", "close", "closed")))
#: A risk's or an action's state as registers say it: still to watch or to do (监控中, 未发生,
#: 待处理, 未解决, 跟进中, 暂停, new, pending, on hold), late or waiting to be checked (延期,
#: 推迟, 待验证, 部分完成, 整改中, delayed, blocked) is open; avoided, removed, ended, verified
#: or cancelled (已规避, 已消除, 已解除, 已结束, 已验证, 已闭环, 已取消) closed. "Mitigated"
#: (已缓解) says neither.
OPEN_CLOSED = choices(("open", "进行中", ("未关闭", "打开", "开放", "处理中", "跟踪中",
                                         "in progress", "监控中", "未发生", "待处理", "未开始",
                                         "新建", "逾期", "active", "new", "pending", "ongoing",
                                         "not started", "overdue", "未解决", "未处理", "未完成",
                                         "待办", "待确认", "跟进中", "执行中", "实施中", "进行",
                                         "暂停", "on hold", "延期", "已延期", "推迟", "已推迟",
                                         "待验证", "验证中", "部分完成", "跟踪", "解决中",
                                         "整改中", "待整改", "待跟进", "搁置", "delayed",
                                         "postponed", "blocked", "in review")),
                      ("closed", "已关闭", ("关闭", "完成", "已完成", "done", "已解决", "已落实",
                                           "completed", "resolved", "已处理", "已规避", "已消除",
                                           "已取消", "取消", "cancelled", "canceled",
                                           "avoided", "处理完毕", "已结束", "结束", "已解除",
                                           "已验证", "验证通过", "已整改", "整改完成", "已闭环",
                                           "闭环", "verified")))


#: Headers people give the owner and the planned dates besides the standard ones.
OWNER = ("责任人",)
START, FINISH = ("计划开始日期",), ("计划完成日期", "计划结束", "计划结束日期")
#: Headers a task's columns are given in trackers people keep (and in MS Project's export):
#: a column under one of them is read, never left out unsaid as a column of no field.
TASK_START = (*START, "开始日期", "开始时间", "计划开始时间", "start", "start date", "开始")
TASK_FINISH = (*FINISH, "结束日期", "完成日期", "结束时间", "计划完成时间", "计划结束时间", "结束",
               "finish", "finish date", "end date")


def _flag(id: str, en: str, zh: str, done: tuple[str, ...], undone: tuple[str, ...],
          headers: tuple[str, ...]) -> Field:
    """A yes/no column of the closing gate; its state as said in words is read too (已验收
    or 完成 under 已验收 is yes, 未归档 or 待归档 under 已归档 no)."""
    yes, no = YES_NO
    return Field(id, en, zh, "bool", width=10, aliases=headers,
                 choices=(replace(yes, aliases=yes.aliases + done + ("完成",)),
                          replace(no, aliases=no.aliases + undone + ("未完成",))))


#: A project's ID as trackers head it besides 项目编号 (项目ID, 项目编码).
PROJECT_ID = ("项目id", "项目编码", "项目代码", "项目号", "project code", "project no")


def _project_ref(**kw) -> Field:
    return ident("project_id", "Project ID", "项目编号", ref="Projects.project_id",
                 aliases=PROJECT_ID, **kw)


PROJECTS = Sheet("Projects", "Projects", "项目", (
    ident("project_id", "Project ID", "项目编号", required=True, unique=True,
          aliases=PROJECT_ID),
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
           aliases=("budget", "bac", "预算（元）", "项目预算", "总预算", "预算金额",
                    "budget amount")),
    _flag("accepted", "Accepted", "已验收", ("已验收", "验收通过", "通过", "accepted"),
          ("未验收", "待验收", "验收未通过", "not accepted"), ("是否验收", "验收")),
    _flag("lessons_learned", "Lessons Learned", "经验总结", ("已总结", "已完成总结"),
          ("未总结", "待总结"), ("经验教训", "经验教训总结", "lessons")),
    _flag("archived", "Archived", "已归档", ("已归档", "archived"),
          ("未归档", "待归档", "not archived"), ("是否归档", "归档")),
))
TASKS = Sheet("Tasks", "Tasks", "任务", (
    _project_ref(required=True),
    ident("task_id", "WBS", "任务编号", required=True,
          aliases=("task id", "wbs编号", "wbs编码", "wbs code", "任务编码", "任务id", "任务号")),
    text("name", "Task", "任务名称", required=True, width=24,
         aliases=("任务", "工作内容", "任务内容", "工作任务", "task name")),
    text("owner", "Owner", "负责人",
         aliases=(*OWNER, "执行人", "assigned to", "assignee", "resource names")),
    date("planned_start", "Planned Start", "计划开始", required=True, aliases=TASK_START),
    date("planned_finish", "Planned Finish", "计划完成", required=True, aliases=TASK_FINISH),
    date("actual_start", "Actual Start", "实际开始",
         aliases=("实际开始日期", "实际开始时间", "actual start date")),
    date("actual_finish", "Actual Finish", "实际完成",
         aliases=("实际完成日期", "实际结束", "实际结束日期", "实际完成时间", "实际结束时间",
                  "actual finish date", "actual end date")),
    Field("percent_complete", "% Complete", "完成百分比", "percent", min=0, max=1,
          aliases=("percent complete", "完成率", "进度", "完成进度", "完成比例", "完成百分比（%）",
                   "完成%", "当前进度", "完成百分比%",
                   "完成进度（%）", "完成率（%）", "进度（%）", "完成度", "进度百分比",
                   "% done", "percent done", "progress")),
    number("planned_cost", "Planned Cost", "计划成本", min=0,
           aliases=("计划成本（元）", "计划费用", "预算", "预算成本", "budget", "budgeted cost")),
    number("actual_cost", "Actual Cost", "实际成本", min=0,
           aliases=("实际成本（元）", "实际费用", "实际花费", "实际支出", "已发生成本",
                    "已发生费用", "actual spend")),
))
RISKS = Sheet("Risks", "Risks", "风险", (
    ident("risk_id", "Risk ID", "风险编号", required=True, unique=True,
          aliases=("风险id", "风险编码")),
    _project_ref(required=True),
    text("description", "Description", "描述", width=30,
         aliases=("风险描述", "风险名称", "风险内容", "risk")),
    Field("probability", "Probability", "可能性", "integer", min=1, max=5,
          aliases=("发生概率", "概率", "可能性（1-5）", "probability (1-5)", "发生可能性",
                   "风险概率", "可能性等级", "概率等级", "likelihood")),
    Field("impact", "Impact", "影响", "integer", min=1, max=5,
          aliases=("影响程度", "影响（1-5）", "impact (1-5)", "风险影响", "影响等级", "影响度",
                   "严重程度", "severity", "consequence")),
    text("owner", "Owner", "负责人", aliases=OWNER),
    text("mitigation", "Mitigation", "应对措施", width=30,
         aliases=("应对策略", "应对计划", "缓解措施", "response", "response plan")),
    choice("status", "Status", "状态", OPEN_CLOSED, default="open",
           aliases=("风险状态", "当前状态")),
), required=False)
ACTIONS = Sheet("Actions", "Actions", "纠正措施", (
    ident("action_id", "Action ID", "措施编号", required=True, unique=True,
          aliases=("措施id", "措施编码", "纠正措施编号")),
    _project_ref(required=True),
    # a WBS no task has matches no deviation: said as a warning, the action kept
    ident("task_id", "WBS", "任务编号", aliases=("task id", "wbs编号", "wbs编码", "任务编码",
                                                "任务id", "任务号"),
          ref="Tasks.task_id", ref_severity="warning"),
    text("deviation", "Deviation", "偏差", width=28,
         aliases=("偏差描述", "偏差情况", "问题描述", "问题", "issue")),
    text("action", "Action", "措施", width=28,
         aliases=("纠正措施", "corrective action", "整改措施", "纠偏措施", "措施内容")),
    text("owner", "Owner", "负责人", aliases=OWNER),
    date("due", "Due", "截止日期", aliases=("完成期限", "期限", "due date", "截止时间", "完成时限",
                                          "要求完成日期", "计划完成日期", "deadline")),
    choice("status", "Status", "状态", OPEN_CLOSED, default="open",
           aliases=("措施状态", "当前状态", "完成情况", "执行状态")),
), required=False)

#: The sheets project status and the Calculate button add, named in both languages.
OUTPUTS = tuple(Output(key, en, zh) for key, (en, zh) in NAMES.items())
