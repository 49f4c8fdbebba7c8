"""The appraisal workbook (绩效考核): sheets and fields as in the standard workbook."""

from __future__ import annotations

from opsbook.core.common import DEPARTMENT, EMPLOYEE_ID, NAME, employee_ref
from opsbook.core.kind import Output
from opsbook.core.spec import Sheet, choice, choices, ident, number, text

#: The largest bonus base and bonus coefficient read: bonus = base × coefficient, and
#: numbers near the largest float would overflow to infinity (no result could show it).
BONUS_BASE_LIMIT = 1e12
BONUS_COEFFICIENT_LIMIT = 100
#: A score may be typed with its unit, 分 (points): "85分" is 85
SCORE_UNITS = ("分", "points", "pts")

GROUPS = choices(("results", "工作业绩", ("业绩", "work results")),
                 ("ability", "工作能力", ("能力", "abilities")),
                 ("attitude", "工作态度", ("态度",)))
ROLES = choices(("superior", "上级", ("直属上级", "直接上级", "上级领导", "领导", "主管",
                                     "上级评价", "manager", "supervisor", "boss")),
                ("peer", "同事", ("同级", "平级", "互评", "同事互评", "peers", "colleague")),
                ("self", "自评", ("本人", "自我评价", "自我", "自己")))
OUTCOMES = choices(("commend", "表彰", ("表彰奖励", "commendation")),
                   ("none", "无", ("-", "正常")),
                   ("improve", "改进面谈", ("绩效面谈", "improvement", "improvement interview")))

EMPLOYEES = Sheet("Employees", "Employees", "员工", (
    EMPLOYEE_ID, NAME, DEPARTMENT,
    text("position", "Position", "岗位", aliases=("职位",)),
    ident("manager_id", "Manager ID", "直属上级工号", ref="Employees.employee_id",
          aliases=("上级工号",)),
    number("bonus_base", "Bonus Base", "绩效奖金基数", min=0, max=BONUS_BASE_LIMIT,
           confidential=True,
           aliases=("奖金基数",), width=14),
))
INDICATORS = Sheet("Indicators", "Indicators", "考核指标", (
    ident("indicator_id", "Indicator ID", "指标编号", required=True, unique=True),
    choice("group", "Group", "类别", GROUPS, required=True, aliases=("指标类别",)),
    text("name", "Indicator", "指标名称", required=True, width=24),
    number("weight", "Weight", "权重", required=True, min=0, min_exclusive=True),
    text("description", "Description", "说明", width=40),
), aliases=("指标", "kpi"))
SCORES = Sheet("Scores", "Scores", "评分", (
    employee_ref(required=True),
    ident("rater_id", "Rater ID", "评分人工号", required=True, aliases=("评分人",)),
    choice("rater_role", "Rater Role", "评分人角色", ROLES, required=True,
           aliases=("角色", "评价方式")),
    ident("indicator_id", "Indicator ID", "指标编号", required=True,
          ref="Indicators.indicator_id"),
    number("score", "Score", "分数", required=True, aliases=("得分", "评分"),
           units=SCORE_UNITS),
    text("comment", "Comment", "评语", width=30, aliases=("备注",)),
), aliases=("评分表", "ratings"))
GRADES = Sheet("Grades", "Grades", "等级", (
    text("grade", "Grade", "等级", required=True, unique=True),
    number("min_score", "Minimum Score", "最低分", required=True, aliases=("min score",),
           units=SCORE_UNITS),
    number("bonus_coefficient", "Bonus Coefficient", "奖金系数", min=0,
           max=BONUS_COEFFICIENT_LIMIT, confidential=True, fraction=True),
    choice("outcome", "Outcome", "结果应用", OUTCOMES, default="none"),
), required=False, aliases=("等级标准",))
HISTORY = Sheet("History", "History", "历史考核", (
    ident("employee_id", "Employee ID", "工号", required=True),
    text("cycle", "Cycle", "考核周期", required=True),
    number("total", "Total Score", "总分", units=SCORE_UNITS),
    text("grade", "Grade", "等级"),
    choice("outcome", "Outcome", "结果应用", OUTCOMES),
), required=False, aliases=("历史", "history"))

#: How a Results sheet written by opsbook is read back as history (cycle from Settings).
RESULTS_AS_HISTORY = Sheet("Results", "Results", "考核结果", (
    ident("employee_id", "Employee ID", "工号", required=True),
    number("total", "Total", "总分", units=SCORE_UNITS),
    text("grade", "Grade", "等级"),
    choice("outcome", "Outcome", "结果应用", OUTCOMES),
))

#: The sheets the Calculate button adds, named in both languages.
OUTPUTS = (
    Output("results", "Results", "考核结果"),
    Output("departments", "Departments", "部门统计"),
    Output("raters", "Raters", "评分人统计"),
    Output("self_gap", "Self-rating Gap", "自评偏差"),
    Output("checks", "Checks", "考核提示"),
    Output("history", "History", "历史考核"),
)
