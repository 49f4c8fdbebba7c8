"""Other names people give a setting in a Settings sheet, besides its key and Chinese label:
年度 for the plan's 计划年度 (``year``), 统计月份 for attendance's 考勤月份 (``month``) …"""

from __future__ import annotations

#: Chinese label of a setting → other names it is typed under (in any case, width or
#: spacing, as a key is read); only names that no other setting of a kind could mean. A
#: kind may give more with ``setting(..., aliases=...)``.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "计划年度": ("年度", "年份", "计划年份", "预算年度", "plan year", "fiscal year", "FY"),
    "考勤月份": ("统计月份", "考勤月", "月份", "考勤期间", "attendance month"),
    "状态日期": ("统计日期", "数据日期", "截至日期", "报告日期", "as of", "as of date",
                 "data date"),
    "考核周期": ("考评周期", "绩效周期", "考核期间", "考核期", "appraisal cycle",
                 "review cycle", "review period"),
    "币种": ("货币", "币别", "货币种类"),
    "版本": ("版本号", "计划版本"),
    "状态": ("计划状态",),
    "完工估算方法": ("EAC方法", "EAC method"),
    "上班时间": ("上班", "上班时刻"),
    "下班时间": ("下班", "下班时刻"),
    "迟到宽限分钟": ("迟到宽限", "迟到宽限时间"),
    "早退宽限分钟": ("早退宽限", "早退宽限时间"),
    "最短加班分钟": ("加班起算分钟", "最短加班"),
    "上级权重": ("上级评分权重",),
    "同事权重": ("同事评分权重", "同事互评权重"),
    "奖金预算": ("奖金总额",),
    "校准方式": ("校准",),
}
