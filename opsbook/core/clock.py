"""Times of day typed as text: ``8:59``, ``6:03 PM``, ``下午 6:03``, ``6:03 下午``, ``9点``,
``次日 01:30``; read by :func:`parse_time` (re-exported by :mod:`opsbook.core.dates`)."""

from __future__ import annotations

import datetime as dt
import re

from opsbook.core.parse import clean_text

_NEXT_DAY = r"次日|隔日|翌日|next\s*day|\+\s*1"
#: The half of the day a time is in, written before it (``下午 6:03``) or after it
#: (``6:03 下午``, as the Excel format "h:mm 上午/下午" shows it).
_HALVES = r"上午|早上|凌晨|中午|下午|晚上"
_CLOCK = re.compile(
    rf"(?:(?P<before>{_NEXT_DAY})\s*)?(?:(?P<half>{_HALVES})\s*)?"
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    rf"\s*(?:(?P<ap>[ap])\.?\s?m\.?|(?P<half_after>{_HALVES}))?"
    rf"(?:\s*\(?\s*(?P<after>{_NEXT_DAY})\s*\)?)?", re.I)
#: An hour written in Chinese: ``9点``, ``9点钟``, ``8点30分``, ``8点半``, ``9点1刻``,
#: ``9时5分10秒``.
_CHINESE_HOUR = re.compile(r"(\d{1,2})\s*(?:点钟?|[时時])\s*(?:(半)|([13])\s*刻|(\d{1,2})\s*分?)?"
                           r"(?:\s*(\d{1,2})\s*秒)?")
#: A number in Chinese numerals next to the hour's words: 九点, 十点十五, 下午两点半, 九点一刻,
#: 八点零五分 (the numerals before 点/时/分/秒/刻, or right after 点/时).
_NUMERALS = "零〇一二两三四五六七八九十"
_CHINESE_NUMBER = re.compile(rf"[{_NUMERALS}]+(?=\s*(?:点|时|時|分|秒|刻))"
                             rf"|(?<=[点时時])[{_NUMERALS}]+")
_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def colon_hours(text: str) -> str:
    """``text`` with every hour written in Chinese (``9点``, ``8点半``, ``9时5分``, in
    Chinese numerals too: ``九点``, ``下午两点半``, ``十点十五``, ``九点一刻``) written ``H:MM``
    instead, as time readers parse it; other text unchanged."""
    if "点" in text or "时" in text or "時" in text:
        return _CHINESE_HOUR.sub(_colon_form, _CHINESE_NUMBER.sub(_arabic, text))
    return text


def _arabic(numerals: re.Match[str]) -> str:
    """Chinese numerals up to 99 as digits (十五 15, 二十 20, 零五 05); others as written."""
    text = numerals[0]
    tens, ten, ones = text.partition("十")
    if ten and len(tens) <= 1 and len(ones) <= 1:
        return str((_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0))
    if not ten and len(text) <= 2:
        return "".join(str(_DIGITS[c]) for c in text)
    return text


def _colon_form(hour: re.Match[str]) -> str:
    """An hour in Chinese as ``H:MM`` (``H:MM:SS``); 一刻 is 15 minutes, 三刻 45."""
    minutes = "30" if hour[2] else str(int(hour[3]) * 15) if hour[3] else (hour[4] or "0")
    return f"{hour[1]}:{minutes.zfill(2)}" + (f":{hour[5].zfill(2)}" if hour[5] else "")


def parse_time(text: str) -> dt.timedelta | None:
    """A time of day typed as text, as the time since midnight; None when it is not one.

    ``8:59``, ``08:59:30``, ``6:03 PM``, ``6:03 p.m.``, ``上午 8:59``, ``下午 6:03`` or
    ``6:03 下午`` (18:03), ``中午 12:30``,
    ``晚上 9:00`` (21:00), ``凌晨 1:30`` (01:30), and the hour in words: ``9点``, ``8点30分``,
    ``8点半``, ``下午6点``, ``9时``; seconds may have a fraction, as exports from a
    database write them (``09:00:00.000``: the fraction is dropped). A time of the next
    day — ``次日 01:30``, ``隔日 01:30``, ``01:30(次日)``, ``next day 01:30``, or written
    past 24 as ``25:30`` — is 24 hours more (25:30), as a check-out after midnight is kept.
    """
    match = _CLOCK.fullmatch(colon_hours(clean_text(text)))
    if not match:
        return None
    if match["half"] and match["half_after"]:  # 上午 8:00 下午: which half?
        return None
    later, suffix = match["before"] or match["after"], (match["ap"] or "").lower()
    half = match["half"] or match["half_after"]
    hours, minutes, seconds = int(match["h"]), int(match["m"]), int(match["s"] or 0)
    if minutes > 59 or seconds > 59:
        return None
    if suffix or half:
        if hours > 12 and (suffix == "a" or half in ("上午", "早上", "凌晨")) or hours > 23:
            return None
        hours = _half_day(hours, half, suffix)
    if hours > (23 if later else 47):
        return None
    return dt.timedelta(days=1 if later else 0, hours=hours, minutes=minutes, seconds=seconds)


def _half_day(hours: int, half: str | None, suffix: str) -> int:
    """The hour of a time marked AM/PM or 上午/下午…: ``下午 6`` is 18, ``上午 12`` is 0, and
    ``晚上 12`` is midnight, 0 (a check-out then reads as the next morning)."""
    if suffix:
        return hours % 12 + (12 if suffix == "p" else 0)
    if half in ("下午", "晚上") and hours < 12 or half == "中午" and hours < 11:
        return hours + 12
    return 0 if half in ("上午", "早上", "凌晨", "晚上") and hours == 12 else hours
