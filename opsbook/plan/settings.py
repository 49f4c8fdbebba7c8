"""Plan settings, with the defaults of the standard workbook."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from opsbook.core.said import Said
from opsbook.core.settings import Day, Fraction, SettingsModel, Text, setting

#: Settings keys ``source_1``, ``source_2`` … record the files a company plan was made from
#: (the kind's ``setting_prefixes`` let them through).
SOURCE_PREFIX = "source_"
SOURCE_KEY = re.compile(r"source_\d+")
_YEAR_TEXT = re.compile(r"(?:FY)?\s*(\d{4})\s*(?:年度|年)?", re.IGNORECASE)


def _year(value: Any) -> Any:
    """A year typed as text the way people write it: "2027", "2027年", "2027 年度", "FY2027",
    full-width digits; anything else is left for the integer check to refuse."""
    if isinstance(value, str):
        match = _YEAR_TEXT.fullmatch(unicodedata.normalize("NFKC", value).strip())
        return int(match.group(1)) if match else value
    return value


Year = Annotated[int, BeforeValidator(_year)]

#: A status as people type it in the Settings sheet: its Chinese label, as the setting's
#: description lists them, or the English word in any case or width.
STATUS_LABELS = {"草稿": "draft", "已提交": "submitted", "已审核": "reviewed", "定稿": "final"}


def read_status(value: Any) -> Any:
    """A status as typed ("已提交", "Submitted", "ＤＲＡＦＴ") as its id; anything else is
    left as it is, for the choice check to refuse."""
    if isinstance(value, str):
        said = unicodedata.normalize("NFKC", value).strip()
        return STATUS_LABELS.get(said, said.lower() if said.lower() in
                                 STATUS_LABELS.values() else value)
    return value


Status = Annotated[Literal["draft", "submitted", "reviewed", "final"],
                   BeforeValidator(read_status)]

#: The years a plan can have (the bounds of the ``year`` setting).
YEARS = (1900, 2200)


class YearRefused(Said, ValueError):
    """A plan year asked for that is none (its message in English and, as ``zh``, Chinese)."""


def plan_year(value: Any, name: str = "year") -> int | None:
    """A plan year asked for (``--year``, ``year=``): an integer, or a text "2027",
    "2027年"; None stays None. Anything else, or a year outside :data:`YEARS`, is
    :class:`YearRefused`, named as ``name``."""
    if value is None:
        return None
    year = _year(value)
    if isinstance(year, float) and year.is_integer():
        year = int(year)
    low, high = YEARS
    if isinstance(year, bool) or not isinstance(year, int) or not low <= year <= high:
        raise YearRefused(f"{name} {value}: a plan year is from {low} to {high}, e.g. 2027",
                          f"{name} {value}：计划年度应在 {low} 到 {high} 之间，如 2027。")
    return year


class PlanSettings(SettingsModel):
    year: Year | None = setting(None, "Plan year, e.g. 2027.", "计划年度，如 2027。", "计划年度",
                               ge=YEARS[0], le=YEARS[1])
    department: Text = setting("", "The department whose plan this is (blank for a company plan).",
                               "本计划所属部门（公司汇总计划留空）。", "部门")
    version: Text = setting("1", "Version of this plan.", "计划版本。", "版本")
    status: Status = setting(
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
        """The additive units, as :func:`opsbook.plan.items.unit_set` reads the setting
        (commas, 、 or semicolons between them; case and full-width forms folded)."""
        from opsbook.plan.items import unit_set

        return set(unit_set(self.additive_units))

    def sources(self) -> dict[str, str]:
        """The ``source_N`` entries of a company plan: key → "file sha256:…", in order."""
        extra = self.extra_items()
        keys = sorted((k for k in extra if SOURCE_KEY.fullmatch(k)), key=lambda k: int(k[7:]))
        return {k: str(extra[k]) for k in keys}
