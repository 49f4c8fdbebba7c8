"""Project settings, with the defaults of the standard workbook."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, Literal

from pydantic import PrivateAttr, field_validator, model_validator

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


def _formula(text: str) -> str:
    """A formula as typed, folded: lower case, full width, no spaces or brackets, one sign
    for minus and for times, no leading "EAC =" or 完工估算 (``AC + (BAC − EV)`` is
    ``ac+bac-ev``)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = re.sub(r"[\s()\[\]]+", "", folded)
    folded = folded.removeprefix("完工估算").removeprefix("eac").removeprefix("=")
    return re.sub(r"[×·・]", "*", folded.replace("−", "-"))


#: The EAC methods as the status workbook writes them (its "EAC for ETC and VAC" column
#: and headers), folded by :func:`_formula`.
FORMULA = {"bac/cpi": "cpi", "ac+bac-ev": "remaining", "ac+bac-ev/cpi*spi": "cpi_spi"}
#: The EAC methods in words, as people name them in Chinese and English (PMBOK's
#: "typical" variance goes on at the CPI, an "atypical" one not), folded by :func:`_formula`
#: and without a leading 按 or a trailing 法/方法/公式/计算.
WORDS = {
    "cpi": ("成本绩效指数", "典型偏差", "典型", "typical"),
    "remaining": ("剩余", "剩余预算", "预算", "剩余工作按预算", "剩余工作按计划", "非典型偏差",
                  "非典型", "atypical", "budget", "budgetrate"),
    "cpi_spi": ("cpi和spi", "cpi与spi", "cpi及spi", "cpi+spi", "综合", "综合指数",
                "成本和进度", "成本与进度", "进度和成本", "进度与成本"),
}
_WORD = {word: method for method, words in WORDS.items() for word in words}


#: Currencies by their ISO code, and how people write them: trackers whose amounts are in
#: one currency, written "CNY", "cny", "人民币" or "元", are added up together.
CURRENCIES = {
    "CNY": ("rmb", "人民币", "元", "人民币元", "¥", "rmb¥"),
    "USD": ("美元", "美金", "$", "us$", "usd$"),
    "EUR": ("欧元", "€", "euro", "euros"),
    "HKD": ("港币", "港元", "hk$"),
    "JPY": ("日元", "円", "yen"),
    "GBP": ("英镑", "£"),
}
_CURRENCY = {name: code for code, names in CURRENCIES.items() for name in names}


def currency_code(text: str) -> str:
    """A currency as one name, whichever way it is written: its ISO code for the names of
    :data:`CURRENCIES` and for three letters in any case or width ("cny", "ＣＮＹ" and
    "人民币" are CNY); anything else (万元: amounts in tens of thousands) as typed, trimmed."""
    typed = unicodedata.normalize("NFKC", text).strip()
    folded = "".join(typed.split()).casefold()
    if folded in _CURRENCY:
        return _CURRENCY[folded]
    return folded.upper() if re.fullmatch(r"[a-z]{3}", folded) else typed


def time_of_day(value: object) -> tuple[Any, str | None]:
    """A status date as the Day setting takes it, and the time of day it was typed with, as
    HH:MM (HH:MM:SS with seconds), else None: a date-time cell (14:30, =NOW()), an Excel
    serial with a fraction (46310.6) or a text with a time ("2026-10-15 14:30",
    "2026/10/15 下午2点"). A text keeps the day typed: "2026-11-30 24:00" is 30 November,
    at 24:00, not 1 December. The time is not used (the whole status date counts as
    elapsed) and is said so."""
    if isinstance(value, dt.datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and 59 < value < 2958466:
        seconds = round(value % 1 * 86400) % 86400
    elif isinstance(value, str) and value.strip():
        return _typed(value)
    else:
        return value, None
    return value, clock(seconds) if seconds else None


def _typed(text: str) -> tuple[Any, str | None]:
    """A text's day as typed and its time, split where a date ends and a time follows."""
    from opsbook.core.dates import parse_date, parse_time

    moment = parse_date(text)
    if moment is None:
        return text, None
    text = text.strip()
    for cut in range(1, len(text)):
        since = parse_time(text[cut:].strip().removeprefix("T").removeprefix("t").strip())
        day = parse_date(text[:cut]) if since is not None else None
        if day is not None and day + since == moment:
            seconds = int(since.total_seconds())
            return day.date(), clock(seconds) if seconds else None
    return text, None


def clock(seconds: int) -> str:
    """A time of day as HH:MM, with the seconds when it has any (24:00 and later kept)."""
    hours, minutes, rest = seconds // 3600, seconds % 3600 // 60, seconds % 60
    return f"{hours:02d}:{minutes:02d}" + (f":{rest:02d}" if rest else "")


#: A status date written as the word for today (今天, today, =TODAY() as text), folded by
#: :func:`_formula`: today, as a blank means.
TODAY = frozenset({"今天", "今日", "当天", "当日", "today", "now"})


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
    _status_time: str | None = PrivateAttr(default=None)
    _today_word: str | None = PrivateAttr(default=None)

    @property
    def status_time(self) -> str | None:
        """The time of day the ``status_date`` setting was typed with, as HH:MM (not used:
        the whole status date counts as elapsed), else None."""
        return self._status_time

    @property
    def today_word(self) -> str | None:
        """The word for today the ``status_date`` setting was typed as (今天, today,
        =TODAY() as text), trimmed, else None: the status is as of today, as for a blank."""
        return self._today_word

    @model_validator(mode="wrap")
    @classmethod
    def _keep_time(cls, data: Any, handler: Any) -> Any:
        # the Day type keeps the day only: the time typed with it is kept aside, to be said
        time = word = None
        if isinstance(data, dict) and isinstance(data.get("status_date"), str) \
                and _formula(data["status_date"]) in TODAY:  # 今天 is what a blank means
            word = data["status_date"].strip()
            data = {**data, "status_date": None}
        if isinstance(data, dict) and data.get("status_date") is not None:
            day, time = time_of_day(data["status_date"])
            data = {**data, "status_date": day}
        settings = handler(data)
        settings._status_time = time
        settings._today_word = word
        return settings

    @field_validator("eac_method", mode="before")
    @classmethod
    def _method(cls, value: object) -> object:
        # cpi_spi as typed: CPI-SPI, cpi spi, cpi－spi (full-width), Cpi__Spi, and as the
        # formula writes it: CPI×SPI, CPI*SPI, CPI·SPI; each method also as the status
        # workbook names it (EAC for ETC and VAC: BAC/CPI, AC+(BAC−EV), ...) and in words
        # (按CPI, CPI法, 剩余预算, 综合指数: see WORDS)
        if not isinstance(value, str):
            return value
        folded = _formula(value)
        word = re.sub(r"(计算|方法|法|公式)$", "", folded.removeprefix("按"))
        named = FORMULA.get(folded) or _WORD.get(word) or (word if word in EAC_METHODS else None)
        return named or re.sub(r"[\s_\-－×*＊·・]+", "_", value.strip().lower())

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        return currency_code(value)

    @field_validator("work_days")
    @classmethod
    def _work_days(cls, value: str) -> str:
        weekmask(value)
        return value
