"""Plan settings, with the defaults of the standard workbook."""

from __future__ import annotations

import re
from typing import Literal

from opsbook.core.settings import Day, Fraction, SettingsModel, Text, setting

#: Settings keys ``source_1``, ``source_2`` … record the files a company plan was made from
#: (the kind's ``setting_prefixes`` let them through).
SOURCE_PREFIX = "source_"
SOURCE_KEY = re.compile(r"source_\d+")


class PlanSettings(SettingsModel):
    year: int | None = setting(None, "Plan year, e.g. 2027.", "计划年度，如 2027。", "计划年度",
                               ge=1900, le=2200)
    department: Text = setting("", "The department whose plan this is (blank for a company plan).",
                               "本计划所属部门（公司汇总计划留空）。", "部门")
    version: Text = setting("1", "Version of this plan.", "计划版本。", "版本")
    status: Literal["draft", "submitted", "reviewed", "final"] = setting(
        "draft", "draft, submitted, reviewed or final.", "草稿 draft / 已提交 submitted / "
        "已审核 reviewed / 定稿 final。", "状态")
    additive_units: Text = setting(
        "元,万元,件,个,人,次,hours,小时,CNY,units",
        "Units whose quarterly targets add up to the annual target (comma separated).",
        "季度目标相加等于年度目标的单位（逗号分隔）。", "可加总单位")
    behind_threshold: Fraction = setting(
        0.9, "Completion to date below this share is behind schedule (tracking).",
        "截至当前的完成率低于此比例即为进度滞后（执行跟踪）。", "滞后阈值", ge=0)
    final_on: Day | None = setting(None, "The date the plan became final (set by the status move).",
                                   "计划定稿日期（变更状态为定稿时记录）。", "定稿日期")

    def units(self) -> set[str]:
        return {u.strip().lower() for u in self.additive_units.replace("\uff0c", ",").split(",")
                if u.strip()}

    def sources(self) -> dict[str, str]:
        """The ``source_N`` entries of a company plan: key → "file sha256:…", in order."""
        extra = self.extra_items()
        keys = sorted((k for k in extra if SOURCE_KEY.fullmatch(k)), key=lambda k: int(k[7:]))
        return {k: str(extra[k]) for k in keys}
