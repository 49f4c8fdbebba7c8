"""Number settings typed as text, read as a number cell is: one reader for every kind.

A count, a score or a duration in a Settings sheet is often typed as text: full-width
digits (``５``), thousands separators (``1,000``), or the setting's own unit (``10分钟``,
``4 h``, ``3次``), a half said with 半 (``半天``, ``1个半小时``).
:func:`typed_number` reads those; anything else is left as typed, for the setting's located
refusal in words (``2人`` for a count, ``4小时`` or ``半小时`` for minutes, ``十分钟``,
``50%``): a number is never read in a unit the setting does not take.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Callable, Iterable

from opsbook.core.parse import parse_number

#: The words of a unit a number setting may end in (compared case-folded), by unit.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "minutes": ("分钟", "minutes", "minute", "mins", "min", "分"),
    "hours": ("个小时", "小时", "hours", "hour", "hrs", "hr", "h"),
    "days": ("天", "days", "day", "日"),
    "times": ("times", "次"),
}


def _half(text: str) -> float | None:
    """A number said with 半 (a half): "半" is 0.5, "1个半" and "1半" are 1.5; else None.
    (Numbers in Chinese numerals, "十", are not read: a setting takes digits.)"""
    if not text.endswith("半"):
        return None
    head = text[:-1].strip()
    head = head[:-1].strip() if head.endswith("个") else head
    if not head:
        return 0.5
    number = parse_number(head)
    return None if number is None else number + 0.5


def typed_number(units: Iterable[str] = ()) -> Callable[[Any], Any]:
    """A pydantic ``BeforeValidator`` reader of a number setting typed as text, ending, if
    at all, in a word of one of ``units`` (keys of :data:`UNIT_WORDS`), the number in digits
    or a half said with 半 (``半天`` is 0.5 for days, ``1个半小时`` 1.5 for hours). Gives an
    int for a whole number, a float otherwise; a percentage, another unit or any other text
    is returned as it is (the model refuses it at its cell). Non-text values pass
    unchanged."""
    words = tuple(sorted({w for unit in units for w in UNIT_WORDS[unit]}, key=len, reverse=True))

    def read(value: Any) -> Any:
        if not isinstance(value, str) or not value.strip():
            return value
        text = unicodedata.normalize("NFKC", value).strip()
        if "%" in text:
            return value  # a share is no count, score or duration
        low = text.casefold()
        for word in words:
            head = low[:-len(word)].strip()
            if low.endswith(word) and (head[-1:].isdigit() or _half(head) is not None):
                text = text[:-len(word)].strip()
                break
        number = parse_number(text)
        number = _half(text) if number is None else number
        if number is None:
            return value
        return int(number) if float(number).is_integer() else float(number)

    return read
