"""The appraisal kind as the registry sees it: sheets, settings, rules, codes, sample."""

from __future__ import annotations

from opsbook.appraisal.codes import CODES
from opsbook.appraisal.rules import RULES
from opsbook.appraisal.schema import (
    EMPLOYEES,
    GRADES,
    HISTORY,
    INDICATORS,
    OUTPUTS,
    RESULTS_AS_HISTORY,
    SCORES,
)
from opsbook.appraisal.settings import AppraisalSettings
from opsbook.appraisal.wide import long_scores
from opsbook.core.kind import Kind
from opsbook.core.lazy import Lazy

KIND = Kind(
    "appraisal", "Performance Appraisal", "绩效考核",
    (EMPLOYEES, INDICATORS, SCORES, GRADES, HISTORY), AppraisalSettings, RULES,
    prepare=(long_scores,),
    one_book=True,
    instructions_en=(
        "Employees: one row per person appraised; Manager ID is the direct superior.",
        "Indicators: work results, abilities and attitude, with weights adding up to 100.",
        "Scores: one row per rater and indicator; role is superior, peer or self.",
        "Grades: the score bands, bonus coefficient and outcome of each grade.",
        "Settings: cycle, rater-role weights, scale, pass rules; blank means default.",
        "Validate checks every cell; Calculate adds the Results sheets.",
    ),
    instructions_zh=(
        "员工：每位被考核人一行；直属上级工号填写其直接上级。",
        "考核指标：工作业绩、工作能力、工作态度三类，权重合计 100。",
        "评分：每位评分人每个指标一行；角色为上级、同事或自评。",
        "等级：各等级的最低分、奖金系数和结果应用（表彰/改进面谈）。",
        "设置：考核周期、上级/同事/自评权重、评分范围等；留空即用默认值。",
        "点击“校验”检查每个单元格；点击“计算”生成考核结果。",
    ),
    codes=CODES,
    sample=Lazy("opsbook.appraisal.sample:sample_frames"),
    calculate=Lazy("opsbook.appraisal.calculate:calculate"),
    outputs=OUTPUTS,
    results_as_history=RESULTS_AS_HISTORY,
    summary=Lazy("opsbook.appraisal.summary:summary"),
    setting_prefixes=("max_share_",),
    help={"calculate": (
        "Scores every employee (total, grade, bonus, outcome) with the rules on the Settings "
        "sheet and writes a new Results sheet; the data you entered is not changed.",
        "按“设置”工作表中的规则计算每位员工的考核得分、等级和绩效奖金，写入新的“考核结果”"
        "工作表；已填写的数据不会改动。")},
)
