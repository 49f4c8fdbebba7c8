"""Issue codes of the project tracker: a stable slug, its category and its messages."""

from __future__ import annotations

from opsbook.core.messages import Code

CODES: dict[str, Code] = {
    "duplicate-project": Code(
        "data",
        "Project {value} is also in {first_file} (row {first_row}); only that one is "
        "counted.",
        "项目 {value} 也出现在 {first_file}（第 {first_row} 行）；只计入该处。",
    ),
    "tracker-left-out": Code(
        "structure",
        "This file has errors, so it is left out of the project status; "
        "correct the errors and run again.",
        "该文件有错误，未计入项目状态；请修正错误后重新运行。",
    ),
    "no-tracker-read": Code(
        "file",
        "No project tracker could be read: every file given was skipped (see above); no "
        "status workbook is written.",
        "没有可读取的项目跟踪表：所给文件均已跳过（见上文）；未生成项目状态工作簿。",
    ),
    "status-date-today": Code(
        "data",
        "{given}: the status is as of today, {date}.",
        "{given_zh}：按今天 {date} 计算。",
    ),
    "status-date-time": Code(
        "data",
        "The status date {date} is given with a time of day ({time}), which is not used: "
        "the status is taken as of the end of {date}, the whole day counted as elapsed; "
        "give the date alone (=TODAY(), not =NOW()) to be rid of this note.",
        "状态日期 {date} 带有时刻（{time}），时刻不参与计算：按 {date} 当天结束时计算，"
        "当天整日计为已过去；只填写日期（公式用 =TODAY()，不用 =NOW()）即可不再提示。",
    ),
    "task-finished-incomplete": Code(
        "data",
        "The task has an actual finish ({finish}) but is {value} complete: set 100% when it "
        "is finished, or clear the actual finish until it is.",
        "任务已填写实际完成日期（{finish}），但完成百分比为 {value}：已完成请填 100%，"
        "否则请清空实际完成日期。",
    ),
    "actual-after-status-date": Code(
        "data",
        "The actual date {value} is after the status date {status_date}: an actual date "
        "cannot be later than the date the status is taken.",
        "实际日期 {value} 晚于状态日期 {status_date}：实际日期不应晚于状态日期。",
    ),
    "summary-task": Code(
        "data",
        "WBS {value} heads tasks of its project ({subtasks}): its costs are counted on top of "
        "theirs, so the project's BAC, EV and AC count that work twice; set a summary row's "
        "planned and actual cost to 0, or remove the row.",
        "任务编号 {value} 下还有本项目的子任务（{subtasks_zh}）：其成本会与子任务的成本重复计入，"
        "项目的完工预算、挣值和实际成本将重复计算；汇总行的计划成本和实际成本请填 0，或删除该行。",
    ),
    "action-task-other-project": Code(
        "data",
        "WBS {value} is a task of project {others} only, not of {project}: this action is matched "
        "by project and WBS, so it corrects no deviation; give the WBS of a task of "
        "{project}, or the action's project.",
        "任务编号 {value} 属于项目 {others_zh}，不属于项目 {project}：纠正措施按项目和任务编号"
        "对应，该措施不对应任何偏差；请填写项目 {project} 的任务编号，或改正措施所属项目。",
    ),
    "task-without-dates": Code(
        "data",
        "'{column}' is blank: the task is not scheduled yet, so its PV is counted as 0 and it "
        "has no Gantt bar; give its planned dates (the planning gate lists the tasks without "
        "them).",
        "“{column}”为空：该任务尚未排期，其计划价值（PV）按 0 计，甘特图中也没有条形；"
        "请填写计划日期（规划阶段检查会列出缺少计划日期的任务）。",
    ),
    "risk-level-word": Code(
        "data",
        "'{column}': '{value}' was read as {result} on the 1–5 scale (very low 1, low 2, "
        "medium 3, high 4, very high 5); enter the number to be sure.",
        "“{column}”：“{value}”按 1–5 级识别为 {result}（很低 1、低 2、中 3、高 4、很高 5）；"
        "建议直接填写数字。",
    ),
    "risk-probability-percent": Code(
        "data",
        "'{column}': {value} was read as {result} on the 1–5 scale (as PMBOK's probabilities: "
        "up to 20% very low 1, up to 40% low 2, up to 60% medium 3, up to 80% high 4, above "
        "80% very high 5); enter the level to be sure.",
        "“{column}”：{value} 按 1–5 级识别为 {result}（按 PMBOK 的概率分级：不超过 20% 为很低 1，"
        "不超过 40% 为低 2，不超过 60% 为中 3，不超过 80% 为高 4，超过 80% 为很高 5）；"
        "建议直接填写等级。",
    ),
    "progress-word": Code(
        "data",
        "'{column}': '{value}' was read as {result} complete; enter the percentage to be "
        "sure.",
        "“{column}”：“{value}”识别为完成 {result}；建议直接填写百分比。",
    ),
    "project-without-dates": Code(
        "data",
        "'{column}' is blank: the project has no baseline yet, so its planned start and "
        "finish are taken from its tasks; give the baseline dates once they are agreed.",
        "“{column}”为空：项目尚无基准日期，计划开始和完成按其任务的日期计；基准日期确定后请填写。",
    ),
}
