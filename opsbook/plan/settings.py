"""Plan settings, with the defaults of the standard workbook."""

from __future__ import annotations

from typing import Literal

from opsbook.core.settings import SettingsModel, Text, setting


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

    def units(self) -> set[str]:
        return {u.strip().lower() for u in self.additive_units.replace("\uff0c", ",").split(",")
                if u.strip()}
