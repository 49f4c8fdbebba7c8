"""Parsers for one text value typed into a cell: numbers as people type them ("1,200 元",
"85%") and any cell as text; dates, times and months are read by :mod:`opsbook.core.dates`.
Each returns the value or None."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

#: Characters that show nothing and that pasting from a web page, a chat or a CSV file with
#: a byte-order mark leaves in a cell: zero-width space, word joiner, BOM, soft hyphen, the
#: direction marks, and the variation selectors a phone's keyboard puts after a mark to draw
#: it as an emoji (✔️ is ✔ and U+FE0F). Left in, "P-101" and "P-101\u200b" would look the
#: same in every message and still differ.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200e\u200f\u2060\u2061\u2062"
                                    "\u2063\u2064\u202a\u202b\u202c\u202d\u202e"
                                    "\u2066\u2067\u2068\u2069\ufe0e\ufe0f\ufeff"))


#: Any of :data:`_INVISIBLE`: looked for before a text is translated, which costs several
#: times more than the search, and the text that holds none is most of them.
_ANY_INVISIBLE = re.compile("[" + "".join(map(chr, _INVISIBLE)) + "]")


def visible(text: str) -> str:
    """``text`` without the characters that show nothing (:data:`_INVISIBLE`)."""
    if text.isascii() or _ANY_INVISIBLE.search(text) is None:
        return text
    return text.translate(_INVISIBLE)


def clean_text(value: Any) -> str:
    """A text cell as a person reads it: NFKC (full-width letters and digits as ASCII), no
    invisible characters, no spaces around."""
    return visible(unicodedata.normalize("NFKC", value)).strip()


def folded(value: Any) -> str:
    """A name as two spellings of it compare (IDs, departments, cycles): NFKC (full-width
    as ASCII), no invisible characters, no spaces of any kind, case folded."""
    return "".join(visible(unicodedata.normalize("NFKC", str(value))).split()).casefold()


#: Marks a sentence ends in, typed after a choice as after a word in a sentence ("通过。",
#: "Approved!", "是；"): full and half width (NFKC makes the full-width ones half-width
#: but for 。), and ｡, the half-width ideographic full stop.
_STOPS = "。｡．.！!；;"


def unstopped(text: str) -> str:
    """``text`` without the marks that end a sentence (:data:`_STOPS`) at its end, nor the
    spaces around them: "通过。" → "通过", "Approved !" → "Approved"."""
    return text.rstrip(_STOPS + " \t\u3000")


#: Chinese units of count a number may end in, as powers of ten: 千 (a thousand), 万 (ten
#: thousand), 十万, 百万 (a million), 千万 and 亿 (a hundred million).
UNITS = {"千": 3, "万": 4, "十万": 5, "百万": 6, "千万": 7, "亿": 8}


def count_unit(text: str) -> str:
    """The unit of count (:data:`UNITS`) ``text`` ends in, the longest ("3千万": "千万"),
    else ""."""
    return next((u for u in sorted(UNITS, key=len, reverse=True) if text.endswith(u)), "")


#: A number as typed once signs and units are off: digits, thousands grouped in threes by
#: commas or by spaces (one or the other), a decimal point, an exponent. "12,00", "1.234,50"
#: and "1 2 3" are not numbers a person can be taken to mean; nor are "nan", "inf" or "1_000",
#: which Python's float() would read.
_NUMBER = re.compile(r"[+-]?(?=\.?\d)(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d*)"
                     r"(?:\.\d*)?(?:[eE][+-]?\d+)?")
#: Currency signs and 元 are dropped; a minus sign (−, U+2212, as a web page writes one) is a
#: hyphen-minus.
_SIGNS = str.maketrans({"¥": None, "￥": None, "$": None, "€": None, "£": None, "元": None,
                        "\u2212": "-"})
#: A currency written as a word before or after the figure (RMB 5000, 5000 CNY, 人民币5000),
#: and 整 closing an amount as a cheque or an invoice writes it (5000元整).
_CURRENCY = re.compile(r"^(?:RMB|CNY|USD|HKD|EUR|人民币|US|HK)\s*|\s*(?:RMB|CNY|USD|HKD|EUR|整)$",
                       re.I)
#: An amount as accounts write a negative one: in brackets, (1,200), or with its minus at
#: the end, 1200- (as SAP and other ledgers export it).
_NEGATIVE = re.compile(r"\((?P<bracketed>[^()]+)\)|(?P<trailing>[^-]+)-")


def _figure(text: str) -> float | None:
    """The number ``text`` writes (signs and units already off), finite, or None."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    try:
        number = float(Decimal(text.replace(",", "").replace(" ", "")))
    except (InvalidOperation, ValueError):
        return None
    return number if math.isfinite(number) else None


def parse_number(text: str) -> float | None:
    """A number as people type it: thousands separators, a currency sign or 元, a currency
    word (RMB 5000, 人民币5000元整), a trailing % (85% → 0.85) or a Chinese unit of count
    (5千 → 5000, 1.2万 → 12000, 3千万 → 30000000, 3亿 → 300000000; :data:`UNITS`); a
    negative amount as accounts write it, (1,200) or 1200- (→ -1200); None when the text
    is not a number (separators not in threes, "12,00"; "nan", "inf"; a number too large
    for a float)."""
    cleaned = _CURRENCY.sub("", clean_text(text).translate(_SIGNS).strip()).strip()
    negative = _NEGATIVE.fullmatch(cleaned)
    if negative and not cleaned.startswith(("-", "+")):
        figure = parse_number(negative["bracketed"] or negative["trailing"])
        return None if figure is None or figure < 0 else -figure
    unit = count_unit(cleaned)
    if unit:  # scaled in decimal, so that 1.1万 is 11000, not 11000.000000000002
        places, cleaned = UNITS[unit], cleaned[:-len(unit)].strip()
        figure = _figure(cleaned) if cleaned[-1:].isdigit() else None
        if figure is None:
            return None
        scaled = float(Decimal(cleaned.replace(",", "").replace(" ", "")).scaleb(places))
        return scaled if math.isfinite(scaled) else None
    if cleaned.endswith("%"):
        figure = _figure(cleaned[:-1])
        return None if figure is None else figure / 100
    return _figure(cleaned)


def number_as_shown(text: str) -> float | None:
    """:func:`parse_number`, but a trailing % keeps the figure shown ("85%" → 85, not 0.85):
    a number field (a score, a KPI's target, a weight) reads a value as it is shown, as it
    reads a cell formatted as a percentage. None when the text is not a number."""
    stripped = clean_text(text).strip()
    bracketed = _NEGATIVE.fullmatch(stripped)
    if bracketed and bracketed["bracketed"]:  # (85%) as shown: -85
        figure = number_as_shown(bracketed["bracketed"])
        return None if figure is None or figure < 0 else -figure
    if stripped.endswith(("%", "％")):
        figure = stripped[:-1].strip()
        return parse_number(figure) if figure and not count_unit(figure) else None
    return parse_number(text)


def as_text(value: Any) -> str:
    """A cell as text: 12345.0 → "12345", dates in ISO form."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return clean_text(str(value))


def percent_points(value: float) -> float:
    """The number a cell shown as a percentage shows: 0.925 → 92.5 (rounded to 12 decimals,
    so that 0.07 is 7, not 7.000000000000001)."""
    return round(value * 100, 12)


def percent_text(value: float) -> str:
    """A number as a cell formatted as a percentage shows it: 1.5 → "150%"."""
    return f"{value * 100:.15g}%"


def padded_text(number: float, code: tuple[str, int, str]) -> str | None:
    """A whole ``number`` as a zero-padding number format shows it, ``code`` being its
    (prefix, digits, suffix): 2 in ``00000`` is "00002", 7 in ``"E"000`` "E007"; None for a
    number that is not whole or is negative (shown otherwise)."""
    if not math.isfinite(number) or number != int(number) or number < 0:
        return None
    return f"{code[0]}{int(number):0{code[1]}d}{code[2]}"
