"""Project settings, with the defaults of the standard workbook."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import field_validator

from opsbook.core.settings import Day, Ratio, SettingsModel, Text, setting
from opsbook.project.workdays import weekmask

#: The three forms of the estimate at completion, by the value of the ``eac_method`` setting.
EAC_METHODS = ("cpi", "remaining", "cpi_spi")
#: The status dates taken (as the plan's years): the forecasts and the Gantt's weeks stay
#: within the dates a workbook can hold.
FIRST_STATUS_DATE, LAST_STATUS_DATE = dt.date(1900, 1, 1), dt.date(2200, 12, 31)
#: The highest SPI or CPI threshold taken: an index is a ratio near 1, and 95 typed for
#: 95 % would make a colour no project ever reaches.
MAX_THRESHOLD = 2.0


def _threshold(default: float, en: str, zh: str, label: str) -> Any:
    """An SPI/CPI threshold: a ratio from 0 to :data:`MAX_THRESHOLD` ("90%" is read as 0.9,
    as every amount typed as text is)."""
    return setting(default, en, zh, label, ge=0, le=MAX_THRESHOLD)


class ProjectSettings(SettingsModel):
    status_date: Day | None = setting(
        None, "Status date for earned value; blank means today.",
        "挣值计算的状态日期；留空为今天。", "状态日期")
    spi_green: Ratio = _threshold(1.0, "SPI at or above this is green.",
                                   "进度绩效指数（SPI）达到此值为绿。", "SPI绿灯")
    spi_amber: Ratio = _threshold(0.9, "SPI at or above this is amber; below is red.",
                                   "SPI 达到此值为黄，低于为红。", "SPI黄灯")
    cpi_green: Ratio = _threshold(1.0, "CPI at or above this is green.",
                                   "成本绩效指数（CPI）达到此值为绿。", "CPI绿灯")
    cpi_amber: Ratio = _threshold(0.9, "CPI at or above this is amber; below is red.",
                                   "CPI 达到此值为黄，低于为红。", "CPI黄灯")
    currency: Text = setting("CNY", "Currency of budgets and costs.", "预算与成本的币种。", "币种")
    eac_method: Literal["cpi", "remaining", "cpi_spi"] = setting(
        "cpi", "Which estimate at completion drives ETC and VAC: cpi (BAC/CPI), remaining "
        "(AC + BAC − EV) or cpi_spi (AC + (BAC − EV)/(CPI × SPI)).",
        "用于计算完工尚需估算（ETC）和完工偏差（VAC）的完工估算方法：cpi（BAC/CPI）、"
        "remaining（AC + BAC − EV）或 cpi_spi（AC + (BAC − EV)/(CPI × SPI)）。", "完工估算方法")
    work_days: Text = setting(
        "Mon-Fri", "Working weekdays over which planned cost is spread, e.g. Mon-Fri or "
        "Mon,Tue,Wed,Thu,Fri,Sat.",
        "计划成本按工作日平均分摊，如 Mon-Fri（周一至周五）。", "工作日")

    @field_validator("eac_method", mode="before")
    @classmethod
    def _method(cls, value: object) -> object:
        # cpi_spi as typed: CPI-SPI, cpi spi, cpi－spi (full-width), Cpi__Spi
        return re.sub(r"[\s_\-－]+", "_", value.strip().lower()) if isinstance(value, str) \
            else value

    @field_validator("work_days")
    @classmethod
    def _work_days(cls, value: str) -> str:
        weekmask(value)
        return value
