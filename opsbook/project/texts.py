"""The words of the project output sheets, in English and Chinese."""

from __future__ import annotations

#: Output sheet ids → (English, Chinese) sheet names. "Tasks", "Risks" and "风险" are input
#: sheets of the tracker, so the outputs are named apart: Calculate never replaces an input.
OUTPUTS = {"status": ("Status", "项目状态"), "tasks": ("Task Earned Value", "任务挣值"),
           "deviations": ("Deviations", "偏差与纠正"), "gates": ("Gates", "阶段检查"),
           "risks": ("Risk Matrix", "风险矩阵"), "gantt": ("Gantt", "甘特图")}

HEADERS: dict[str, tuple[str, str]] = {
    "source": ("File", "文件"), "status_date": ("Status Date", "状态日期"),
    "project_id": ("Project ID", "项目编号"), "name": ("Project", "项目名称"),
    "project_name": ("Project", "项目名称"), "owner": ("Owner", "负责人"),
    "phase": ("Phase", "阶段"), "bac": ("BAC", "完工预算（BAC）"),
    "pv": ("PV", "计划价值（PV）"), "ev": ("EV", "挣值（EV）"), "ac": ("AC", "实际成本（AC）"),
    "sv": ("SV", "进度偏差（SV）"), "cv": ("CV", "成本偏差（CV）"),
    "spi": ("SPI", "进度绩效指数（SPI）"), "cpi": ("CPI", "成本绩效指数（CPI）"),
    "eac_cpi": ("EAC = BAC/CPI", "完工估算 BAC/CPI"),
    "eac_remaining": ("EAC = AC+(BAC−EV)", "完工估算 AC+(BAC−EV)"),
    "eac_cpi_spi": ("EAC = AC+(BAC−EV)/(CPI·SPI)", "完工估算 AC+(BAC−EV)/(CPI·SPI)"),
    "eac_method": ("EAC for ETC and VAC", "ETC/VAC 所用完工估算"),
    "etc": ("ETC", "完工尚需估算（ETC）"), "vac": ("VAC", "完工偏差（VAC）"),
    "tcpi": ("TCPI", "完工尚需绩效指数（TCPI）"), "rag": ("RAG", "红黄绿状态"),
    "percent_complete": ("% Complete", "完成百分比"),
    "planned_finish": ("Planned Finish", "计划完成"),
    "forecast_finish": ("Forecast Finish", "预计完成"),
    "overdue_tasks": ("Overdue Tasks", "逾期任务数"), "open_risks": ("Open Risks", "未关闭风险数"),
    "top_risk_score": ("Highest Risk Score", "最高风险值"),
    "deviations_covered": ("Every Deviation Has an Action", "偏差均有纠正措施"),
    "notes": ("Notes", "说明"), "task_id": ("WBS", "任务编号"), "task_name": ("Task", "任务名称"),
    "planned_start": ("Planned Start", "计划开始"), "actual_start": ("Actual Start", "实际开始"),
    "actual_finish": ("Actual Finish", "实际完成"), "overdue": ("Overdue", "已逾期"),
    "kind": ("Deviation", "偏差"), "detail": ("Detail", "偏差情况"),
    "days_late": ("Days Late", "逾期天数"), "chase": ("Owner to Chase", "督办责任人"),
    "action_id": ("Action ID", "措施编号"), "action": ("Corrective Action", "纠正措施"),
    "action_owner": ("Action Owner", "措施负责人"), "due": ("Due", "截止日期"),
    "state": ("Action Status", "措施状态"), "requires": ("Phase Requires", "本阶段要求"),
    "missing": ("Missing", "缺少"), "passed": ("Gate Passed", "通过检查"),
    "rank": ("Rank", "排名"), "risk_id": ("Risk ID", "风险编号"),
    "description": ("Description", "描述"), "probability": ("Probability", "可能性"),
    "impact": ("Impact", "影响"), "score": ("Score (P×I)", "风险值（可能性×影响）"),
    "level": ("Level", "等级"), "mitigation": ("Mitigation", "应对措施"),
    "status": ("Status", "状态"),
}

WORDS: dict[str, tuple[str, str]] = {
    "initiation": ("initiation", "启动"), "planning": ("planning", "规划"),
    "execution": ("execution", "执行"), "monitoring": ("monitoring", "监控"),
    "closing": ("closing", "收尾"), "green": ("green", "绿"), "amber": ("amber", "黄"),
    "red": ("red", "红"), "yes": ("yes", "是"), "no": ("no", "否"),
    "project-amber": ("project amber", "项目黄灯"), "project-red": ("project red", "项目红灯"),
    "task-late": ("task past planned finish", "任务超过计划完成日期"),
    "action-overdue": ("action overdue", "措施已逾期"),
    "covered": ("corrective action open", "已有纠正措施"),
    "no-action": ("no corrective action", "无纠正措施"),
    "no-owner": ("corrective action without an owner", "纠正措施未指定负责人"),
    "low": ("low", "低"), "medium": ("medium", "中"), "high": ("high", "高"),
    "open": ("open", "进行中"), "closed": ("closed", "已关闭"),
    "cpi": ("BAC/CPI", "BAC/CPI"), "remaining": ("AC+(BAC−EV)", "AC+(BAC−EV)"),
    "cpi_spi": ("AC+(BAC−EV)/(CPI·SPI)", "AC+(BAC−EV)/(CPI·SPI)"),
}

#: Why a figure is blank (or what else a row needs said), by note code.
NOTES: dict[str, tuple[str, str]] = {
    "no-pv": ("SPI blank: nothing was planned by the status date (PV = 0), so EAC by "
              "CPI·SPI is blank too.",
              "SPI 空白：截至状态日期没有计划工作（PV = 0），按 CPI·SPI 的完工估算也空白。"),
    "no-ac": ("CPI blank: no actual cost recorded (AC = 0), so the EACs that divide by CPI "
              "are blank too.",
              "CPI 空白：未记录实际成本（AC = 0），需除以 CPI 的完工估算也空白。"),
    "no-ev": ("Nothing earned yet (EV = 0): the EACs that divide by an index of 0 are blank.",
              "尚无挣值（EV = 0）：需除以为 0 的指数的完工估算空白。"),
    "budget-spent": ("TCPI blank: no budget left to spend (BAC − AC ≤ 0).",
                     "TCPI 空白：预算已无剩余（BAC − AC ≤ 0）。"),
    "no-rag": ("RAG blank: neither SPI nor CPI has a basis yet.",
               "红黄绿状态空白：SPI 与 CPI 均无计算依据。"),
    "no-pct": ("% Complete blank: counted as 0 % (nothing earned, EV = 0).",
               "完成百分比为空：按 0% 计（无挣值，EV = 0）。"),
    "no-pct-done": ("% Complete blank: counted as 100 %, as the task has an actual finish.",
                    "完成百分比为空：该任务已有实际完成日期，按 100% 计。"),
    "no-cost": ("Planned cost blank: counted as 0, so nothing can be earned: its SPI, TCPI and "
                "the EACs that divide by an index are blank, and its CPI is blank, or 0 once it "
                "has an actual cost.",
                "计划成本为空：按 0 计，无挣值可计，SPI、TCPI 及需除以指数的完工估算空白，"
                "CPI 空白（有实际成本则为 0）。"),
    "zero-cost": ("Planned cost 0 (a milestone or unbudgeted work): nothing can be earned, "
                  "so its SPI, TCPI and the EACs that divide by an index are blank, and its CPI "
                  "is blank, or 0 once it has an actual cost; its dates still count for "
                  "lateness.",
                  "计划成本为 0（里程碑或无预算工作）：无挣值可计，SPI、TCPI 及需除以指数的完工估算"
                  "空白，CPI 空白（有实际成本则为 0）；其日期仍用于判断是否逾期。"),
    "no-bac": ("No planned cost on any task: BAC is 0, so nothing can be earned: % complete, "
               "SPI, TCPI and the EACs that divide by an index are blank, and CPI is blank, or 0 "
               "once there is an actual cost.",
               "所有任务均无计划成本：BAC 为 0，无挣值可计，完成百分比、SPI、TCPI 及需除以指数的"
               "完工估算空白，CPI 空白（有实际成本则为 0）。"),
    "no-dates": ("Planned dates missing: PV counted as 0.", "缺少计划日期：PV 按 0 计。"),
    "no-tasks": ("No tasks: nothing to measure, so every figure is 0 or blank.",
                 "没有任务：无法计算挣值，各项指标为 0 或空白。"),
    "budget-differs": ("Budget {budget} differs from the tasks' planned cost {bac}; the "
                       "figures use the tasks' total.",
                       "预算 {budget} 与任务计划成本合计 {bac} 不一致；按任务合计计算。"),
    "no-forecast": ("Forecast finish blank: too little earned yet to forecast (SPI is 0 or "
                    "near it).", "预计完成日期空白：挣值过少，无法预测（SPI 为 0 或接近 0）。"),
}

#: What each phase gate requires and what its absence is called, by requirement code.
REQUIREMENTS: dict[str, tuple[str, str]] = {
    "goal": ("goal", "目标"), "scope": ("scope", "范围"), "owner": ("owner", "负责人"),
    "tasks": ("tasks", "任务"), "task-dates": ("planned dates on every task",
                                             "每项任务的计划日期"),
    "task-costs": ("a planned cost on every task", "每项任务的计划成本"),
    "actual-starts": ("an actual start on every task due to have started",
                      "应已开始任务的实际开始日期"),
    "corrective-actions": ("a corrective action for every deviation", "每项偏差的纠正措施"),
    "accepted": ("accepted", "已验收"), "lessons_learned": ("lessons learned", "经验总结"),
    "archived": ("archived", "已归档"),
}

STATUS_FROM: dict[str, tuple[str, str]] = {
    "command": ("given for this run", "本次运行指定"),
    "settings": ("from Settings", "取自设置"),
    "today": ("today: no status date was given", "今天：未指定状态日期"),
    "today-word": ("today, as the status date setting says", "今天：状态日期设置为今天"),
}


def word(key: object, lang: str) -> object:
    """The word for a value code in the language, or the value itself."""
    pair = WORDS.get(key) if isinstance(key, str) else None
    return pair[lang == "zh"] if pair else key


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[lang == "zh"]
