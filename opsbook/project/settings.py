"""Project settings, with the defaults of the standard workbook."""

from __future__ import annotations

from opsbook.core.settings import Day, SettingsModel, Text, setting


class ProjectSettings(SettingsModel):
    status_date: Day | None = setting(
        None, "Status date for earned value; blank means today.",
        "挣值计算的状态日期；留空为今天。", "状态日期")
    spi_green: float = setting(1.0, "SPI at or above this is green.",
                               "进度绩效指数（SPI）达到此值为绿。", "SPI绿灯", ge=0)
    spi_amber: float = setting(0.9, "SPI at or above this is amber; below is red.",
                               "SPI 达到此值为黄，低于为红。", "SPI黄灯", ge=0)
    cpi_green: float = setting(1.0, "CPI at or above this is green.",
                               "成本绩效指数（CPI）达到此值为绿。", "CPI绿灯", ge=0)
    cpi_amber: float = setting(0.9, "CPI at or above this is amber; below is red.",
                               "CPI 达到此值为黄，低于为红。", "CPI黄灯", ge=0)
    currency: Text = setting("CNY", "Currency of budgets and costs.", "预算与成本的币种。", "币种")
