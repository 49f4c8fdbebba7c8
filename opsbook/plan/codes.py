"""Issue codes of the plan workbook: a stable slug, its category and its messages.

The conflicts of a company plan reuse the shared codes where one fits (``quarters-mismatch``,
``outside-year``, ``date-order``, ``out-of-range``) and add their own below.
"""

from __future__ import annotations

from opsbook.core.messages import Code

CODES: dict[str, Code] = {
    "no-actuals": Code(
        "structure",
        "Not a plan with an Actuals sheet (or no workbook in this folder): it adds nothing "
        "to the tracking.",
        "这不是带执行情况表的计划（或该文件夹中没有工作簿）：未向跟踪计入任何实际值。",
    ),
    "company-plan-stale": Code(
        "data",
        "This sheet no longer matches the Plan sheet, edited since it was consolidated: "
        "{where} has {there} there, {here} here. The totals, By Quarter and Conflicts are "
        "out of date: consolidate the department plans again, or correct them, before the "
        "plan is published.",
        "本表与合并后又修改过的“计划”工作表不再一致：{where_zh}在计划表中有{there_zh}，"
        "本表为{here_zh}。各项合计、“按季度”和“冲突”已过时："
        "请重新汇总各部门计划或加以更正后再发布。",
    ),
    "no-actual-at-all": Code(
        "data",
        "No actual was found: the plan's Actuals sheet and the workbooks given hold none, so "
        "nothing can be measured yet. Fill in the Actuals sheet, or give the department "
        "plans whose Actuals sheets hold them.",
        "未找到任何实际值：计划的执行情况表及所给工作簿中均没有，尚无可计量的计划项。"
        "请填写执行情况表，或提供填有执行情况表的部门计划。",
    ),
    "quarters-mismatch": Code(
        "data",
        "Quarter targets add up to {value}, not the annual target {expected}.",
        "四个季度目标合计 {value}，与年度目标 {expected} 不一致。",
    ),
    "outside-year": Code(
        "data",
        "'{column}' ({value}) is outside the plan year {expected}.",
        "“{column}”（{value}）不在计划年度 {expected} 内。",
    ),
    # the plan cycle: consolidation, status moves, tracking
    "duplicate-item": Code(
        "data",
        "Item ID {value} is used by more than one plan item ({other}).",
        "编号 {value} 被多个计划项使用（{other_zh}）。",
    ),
    "duplicate-kpi": Code(
        "data",
        "KPI '{value}' is planned more than once ({other}).",
        "关键指标“{value}”重复制定（{other_zh}）。",
    ),
    "missing-department": Code(
        "data",
        "Department {value} was expected but sent no plan{other}.",
        "未收到部门“{value}”的计划{other_zh}。",
    ),
    "unit-not-additive": Code(
        "data",
        "This plan's additive_units leave out '{value}', an additive unit in {other}: the "
        "company plan adds up its targets and checks its quarters as theirs. Agree on one "
        "meaning, or give a level its own unit name (such as 'hours (average)').",
        "本计划的可加总单位（additive_units）不含“{value}”，而{other_zh}将其列为可加总单位："
        "公司计划会将其目标相加并核对季度目标。请统一口径，或为水平类指标另用单位名称"
        "（如“小时（平均）”）。",
    ),
    "department-twice": Code(
        "data",
        "Department {value} is claimed by more than one file: {other}.",
        "部门“{value}”同时出现在多个文件中：{other_zh}。",
    ),
    "company-plan-left-out": Code(
        "structure",
        "This is a company plan ({mark}), not a department's plan: it is left out. Keep "
        "company plans out of the folder of department plans.",
        "这是公司计划（{mark_zh}），不是部门计划，未纳入汇总。请勿将公司计划放在部门计划"
        "文件夹中。",
    ),
    "no-plan-consolidated": Code(
        "file",
        "No department plan could be consolidated: every file was left out or could not be "
        "read (see above); no company plan is written.",
        "没有可汇总的部门计划：所有文件均未纳入或无法读取（见上文）；未生成公司计划。",
    ),
    "plan-left-out": Code(
        "structure",
        "This file cannot be read as a plan ({detail}); it is left out of the company plan.",
        "该文件无法作为计划读取（{detail_zh}），未纳入公司计划。",
    ),
    "status-step": Code(
        "data",
        "The plan is {value}; it can move only one step, to {expected}, not to {target}.",
        "计划当前状态为“{value_zh}”，只能推进一步至“{expected_zh}”，不能直接改为“{target_zh}”。",
    ),
    "status-already": Code(
        "data",
        "The plan is already {value}; its next step is {expected}.",
        "计划已是“{value_zh}”状态；下一步应为“{expected_zh}”。",
    ),
    "status-final": Code(
        "data",
        "The plan is already final; a final plan does not change status.",
        "计划已定稿，定稿后不能再变更状态。",
    ),
    "unresolved-decision": Code(
        "data",
        "Item {value} has the unresolved decision '{decision}': the plan cannot become final "
        "until it is accepted or the item is removed.",
        "计划项 {value} 的审核结论为“{decision_zh}”，尚未解决："
        "改为“通过”或删除该计划项后才能定稿。",
    ),
    "plan-has-errors": Code(
        "data",
        "The plan has {value} error(s) (conflicts included); fix them before it becomes "
        "final.",
        "计划中有 {value} 个错误（含冲突），修正后才能定稿。",
    ),
    "actual-unknown-item": Code(
        "data",
        "Actual for item {value}{department}, which is not in the plan: ignored.",
        "实际值对应的计划项 {value}{department_zh}不在计划中，已忽略。",
    ),
    "actual-twice": Code(
        "data",
        "Item {value} has more than one actual for {month}; the last one is used.",
        "计划项 {value} 在 {month} 有多个实际值，取最后一个。",
    ),
    "actual-outside-year": Code(
        "data",
        "Actual for {month} is outside the plan year {expected}: ignored.",
        "{month} 的实际值不在计划年度 {expected} 内，已忽略。",
    ),
    "review-carried": Code(
        "data",
        "{rows} reviewer row(s) on {items} item(s) carried over from the company plan this "
        "run replaces (matched by department and item ID; the items are unchanged).",
        "已从本次替换的公司计划沿用 {items} 个计划项的 {rows} 条审核意见"
        "（按部门和编号匹配，计划项未变）。",
    ),
    "review-dropped": Code(
        "data",
        "The review of {subject}{department}{held} is not carried over to the new company "
        "plan: {reason}.",
        "{subject_zh}{department_zh}的审核意见{held_zh}未沿用到新的公司计划：{reason_zh}。",
    ),
    "earlier-plan-left-behind": Code(
        "data",
        "The company plan replaced held what the new one does not keep: {what}.",
        "被替换的公司计划中有新计划未保留的内容：{what_zh}。",
    ),
    "earlier-plan-unreadable": Code(
        "file",
        "A file is already at the output path and it cannot be read ({detail}), so the "
        "reviewers' decisions it may hold cannot be carried over: nothing was written. Move "
        "it away, or give another -o.",
        "输出路径上已有文件且无法读取（{detail_zh}），其中可能的审核意见无法沿用：未写入任何内容。"
        "请先移走该文件，或用 -o 指定其他输出文件。",
    ),
    "earlier-plan-protected": Code(
        "file",
        "The company plan at the output path is write-protected in Excel (a password to "
        "modify, read-only recommended, or Excel's own default password): replacing it would "
        "lose that, so nothing was written. Remove the protection in Excel, or give another -o.",
        "输出路径上的公司计划在 Excel 中设置了写保护（修改权限密码、建议只读或 Excel 默认密码）："
        "替换它会丢失该保护，因此未写入任何内容。请在 Excel 中取消保护，或用 -o 指定其他输出文件。",
    ),
    "earlier-plan-final": Code(
        "file",
        "The company plan at the output path is final (published, version {value}): a new "
        "consolidation would replace it with a draft, so nothing was written. Give another "
        "-o for the revised plan.",
        "输出路径上的公司计划已定稿（已发布，版本 {value}）：重新汇总会以草稿替换它，"
        "因此未写入任何内容。请用 -o 为修订后的计划指定另一个文件。",
    ),
    "as-of-before-year": Code(
        "data",
        "The tracking date {value} is before the plan year {expected}: no target is due yet, "
        "so no item can be measured.",
        "跟踪截止日期 {value} 早于计划年度 {expected}：尚无到期的目标，无法计量任何计划项。",
    ),
    "earlier-plan-other-year": Code(
        "file",
        "The company plan at the output path is the plan for {value}, and the plans "
        "consolidated are for {expected}: its reviewers' decisions are not for this year's "
        "items and replacing it would lose it, so nothing was written. Give another -o for "
        "the {expected} plan.",
        "输出路径上的公司计划是 {value} 年度的计划，而本次汇总的是 {expected} 年度的计划："
        "其审核意见不适用于本年度的计划项，替换又会丢失该计划，因此未写入任何内容。"
        "请用 -o 为 {expected} 年度的计划指定另一个文件。",
    ),
    "earlier-plan-department": Code(
        "file",
        "The file at the output path is a department's plan ({value} item(s), no By "
        "Department sheet), not a company plan: it would be replaced, so nothing was "
        "written. Give another -o for the company plan.",
        "输出路径上的文件是部门计划（{value} 个计划项，没有“按部门”工作表），不是公司计划："
        "写入会将其替换，因此未写入任何内容。请用 -o 为公司计划指定另一个文件。",
    ),
    "review-decision-dropped": Code(
        "data",
        "The decision '{value}' on {item}{department} is none of accept, revise or reject: "
        "it is not carried over to the new company plan{kept}. Choose one from the "
        "drop-down there.",
        "{item}{department_zh}的结论“{value}”不是通过、修改或不通过之一，未沿用到新的公司计划"
        "{kept_zh}。请在新计划中从下拉列表选择。",
    ),
}
