"""Number settings typed as text, read as a number cell is: one reader for every kind.

A count, a score or a duration in a Settings sheet is often typed as text: full-width
digits (``５``), thousands separators (``1,000``), or the setting's own unit (``10分钟``,
``4 h``, ``3次``). :func:`typed_number` reads those; anything else is left as typed, for the
setting's located refusal in words (``2人`` for a count, ``4小时`` for minutes, ``50%``).
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


def typed_number(units: Iterable[str] = ()) -> Callable[[Any], Any]:
    """A pydantic ``BeforeValidator`` reader of a number setting typed as text, ending, if
    at all, in a word of one of ``units`` (keys of :data:`UNIT_WORDS`). Gives an int for a
    whole number, a float otherwise; a percentage, another unit or any other text is
    returned as it is (the model refuses it at its cell). Non-text values pass unchanged."""
    words = tuple(sorted({w for unit in units for w in UNIT_WORDS[unit]}, key=len, reverse=True))

    def read(value: Any) -> Any:
        if not isinstance(value, str) or not value.strip():
            return value
        text = unicodedata.normalize("NFKC", value).strip()
        if "%" in text:
            return value  # a share is no count, score or duration
        low = text.casefold()
        for word in words:
            if low.endswith(word) and low[:-len(word)].strip()[-1:].isdigit():
                text = text[:-len(word)].strip()
                break
        number = parse_number(text)
        if number is None:
            return value
        return int(number) if number.is_integer() else number

    return read
