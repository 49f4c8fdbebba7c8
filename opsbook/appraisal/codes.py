"""Issue codes of the appraisal workbook: a stable slug, its category and its messages."""

from __future__ import annotations

from opsbook.core.messages import Code

CODES: dict[str, Code] = {
    "weights-sum": Code(
        "data",
        "{detail} add up to {value}, not 100%.",
        "{detail_zh}合计为 {value}，不等于 100%。",
    ),
    "overlapping-bands": Code(
        "data",
        "Grade bands overlap: minimum score {value} is used by more than one grade.",
        "等级区间重叠：最低分 {value} 被多个等级使用。",
    ),
    "grade-above-scale": Code(
        "data",
        "Grade {grade} starts at {value}, above the highest score of the scale (scale_max "
        "{scale_max}): no total can reach it. Write the grade bands on the scale of the scores.",
        "等级 {grade} 的最低分 {value} 高于评分上限（scale_max {scale_max}）：任何总分都达不到。"
        "请按评分的分制填写等级分数段。",
    ),
    "grade-as-fraction": Code(
        "data",
        "Grade {grade} starts at {value}, and no grade starts above 1 on a scale to "
        "{scale_max}: a minimum score is in points, not a share of the scale (type 90 for "
        "90%, or format the cell as a percentage).",
        "等级 {grade} 的最低分为 {value}，而所有等级的最低分都不超过 1，评分上限为 "
        "{scale_max}：最低分按分数填写，不是分制的比例（90% 请填 90，或将单元格设为百分比格式）。",
    ),
    "self-reference": Code(
        "data",
        "'{column}' refers to the row's own employee ({value}).",
        "“{column}”引用了本人（{value}）。",
    ),
    "no-scores": Code(
        "data",
        "Employee {value} has no scores: not graded.",
        "员工 {value} 没有任何评分：未评定等级。",
    ),
    "peers-below-minimum": Code(
        "data",
        "Only {count} peer(s) rated employee {value}, below the minimum of {minimum}: the peer "
        "scores are left out and the other roles' weights re-balanced.",
        "员工 {value} 仅有 {count} 位同事评分，少于最少 {minimum} 位：不计同事评分，"
        "其他角色权重重新分配。",
    ),
    "self-rated-as-other": Code(
        "data",
        "Rater {value} scored themselves with the role '{role}'; a rating of oneself must have "
        "the role self. The row is left out.",
        "评分人 {value} 以“{role_zh}”角色给自己评分；给自己的评分角色必须为自评。该行不计入。",
    ),
    "self-role-by-other": Code(
        "data",
        "Rater {value} rated employee {employee} with the role self; a self-rating is the "
        "employee's own (Rater ID {employee}). Write this rater's real role, or the "
        "employee's own ID. The row is left out.",
        "评分人 {value} 以“自评”角色给员工 {employee} 评分；自评只能由员工本人进行（评分人工号"
        "应为 {employee}）。请改为该评分人的实际角色，或填写员工本人的工号。该行不计入。",
    ),
    "duplicate-rating": Code(
        "data",
        "Rater {rater} ({role}) scored employee {employee} on indicator {indicator} more than "
        "once (rows {rows}), {detail}.",
        "评分人 {rater}（{role_zh}）对员工 {employee} 的指标 {indicator} 重复评分"
        "（第 {rows_zh} 行），{detail_zh}。",
    ),
    "rater-two-roles": Code(
        "data",
        "Rater {value} rates employee {employee} both as {proper} and as {role}; one person "
        "has one role per employee: keep the {proper} rows.",
        "评分人 {value} 对员工 {employee} 既以“{proper_zh}”又以“{role_zh}”身份评分；"
        "同一人对同一员工只能有一个角色，请只保留“{proper_zh}”的评分。",
    ),
    "forced-distribution": Code(
        "data",
        "{count} of {scored} employees ({share}) have grade {grade}, more than the maximum "
        "share of {maximum} ({allowed} employees).",
        "等级 {grade} 有 {count} 人（共 {scored} 人，占 {share}），超过强制分布上限 {maximum}"
        "（{allowed} 人）。",
    ),
    "unknown-indicator-column": Code(
        "structure",
        "Column '{column}' holds numbers but is no indicator of the Indicators sheet (neither "
        "an ID nor a name there); its scores are ignored. Rename it to the indicator's ID, or "
        "add the indicator.",
        "列“{column}”中有数字，但不是“考核指标”表中的指标（既不是指标编号也不是指标名称）；"
        "其评分未计入。请将列名改为指标编号，或添加该指标。",
    ),
    "cycle-as-date": Code(
        "data",
        "Cycle '{value}' is a day, as Excel writes a date: a cycle such as 2026-03 typed in a "
        "cell becomes a date, and would not match the cycle as written elsewhere. Format the "
        "cell as Text and type the cycle again (2026-03, 2026Q1).",
        "考核周期“{value}”是一个日期：在单元格中输入 2026-03 之类的周期会被 Excel 自动转换为"
        "日期，与其他地方写的周期对不上。请将单元格设为文本格式后重新输入周期（如 2026-03、"
        "2026Q1）。",
    ),
    "duplicate-history": Code(
        "data",
        "Employee {employee} has cycle {value} on more than one row (rows {rows}), {detail}.",
        "员工 {employee} 的考核周期 {value} 出现在多行（第 {rows_zh} 行），{detail_zh}。",
    ),
    "history-grade-unknown": Code(
        "data",
        "Employee {employee}'s grade {value} for cycle {cycle} is none of the Grades sheet's "
        "grades ({grades}), and the row has neither a total nor an outcome: that cycle counts "
        "as not failed. Write the grade as the Grades sheet has it, or the row's outcome.",
        "员工 {employee} 考核周期 {cycle} 的等级“{value}”不是“等级”表中的等级（{grades_zh}），"
        "该行也没有总分或结果应用：这一期按达标计算。请按“等级”表填写等级，或填写该行的结果应用。",
    ),
    "history-cycle-missing": Code(
        "data",
        "Cycle {value} is missing from History: no one has a row for it, between {before} and "
        "{after}. The failed cycles in a row of {employees} stop there, as a cycle not failed. "
        "If that cycle was appraised, add its results to History.",
        "历史考核中缺少考核周期 {value}：{before} 与 {after} 之间没有任何人的记录。"
        "{employees_zh} 的连续考核不达标次数在此中断，按达标计算。如该周期进行过考核，"
        "请将其结果补入历史考核。",
    ),
    "history-id-spelling": Code(
        "data",
        "History gives employee ID {value} for cycle {cycle}: no employee has it, but "
        "{employee} differs from it only in letter case or leading zeros, so the row is counted "
        "as {employee}'s. Write the ID as the Employees sheet does.",
        "历史考核中考核周期 {cycle} 的工号“{value}”不是任何员工的工号，"
        "与 {employee} 仅大小写或前导零不同，按 {employee} 计算。请按“员工”表填写工号。",
    ),
    "no-history": Code(
        "structure",
        "No History sheet, and no Results sheet with a cycle in its Settings: nothing was read "
        "from this file as an earlier cycle.",
        "没有“历史考核”工作表，也没有带考核周期设置的“考核结果”工作表：未从该文件读取历史考核。",
    ),
    "below-lowest-grade": Code(
        "data",
        "Employee {value}'s total of {total} is below every grade's minimum score (the lowest "
        "is {grade} from {minimum}): no grade, bonus or outcome. Add a grade from {scale_min} "
        "in the Grades sheet.",
        "员工 {value} 的总分 {total} 低于所有等级的最低分（最低的是 {grade}，{minimum} 分起）："
        "无等级、奖金和结果应用。请在“等级”表中添加一个从 {scale_min} 分起的等级。",
    ),
    "no-rating-counted": Code(
        "data",
        "Employee {value} was rated, but by no role that counts (role weights 0, or too few "
        "peers): not graded.",
        "员工 {value} 有评分，但没有一个角色计入（角色权重为 0，或同事人数不足）：未评定等级。",
    ),
    "bonus-over-budget": Code(
        "data",
        "The bonuses add up to {total}, {excess} over the budget of {budget}.",
        "绩效奖金合计 {total}，超出预算 {budget} 共 {excess}。",
    ),
}
