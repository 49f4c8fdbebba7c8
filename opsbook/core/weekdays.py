"""Working weekdays as people write them: ``Mon-Fri``, ``Mon,Tue,Sat``, ``周一至周五``,
``1-5`` (1 is Monday), in half- or full-width forms. One reader for every kind's
``work_days`` setting."""

from __future__ import annotations

import re
import unicodedata

from opsbook.core.parse import unstopped

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ALIASES = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6, "tues": 1, "thur": 3, "thurs": 3}
_RANGE = r"-|–|—|~|〜|至|到"
#: Words for every day of the week (a shop, a plant or a service desk that never closes).
_EVERY_DAY = frozenset({"每天", "每日", "天天", "全周", "全周无休", "全年无休", "7天",
                        "daily", "every day", "everyday", "all week", "7 days"})
#: A week named by its days off: 双休 (Saturday and Sunday off), 单休 (Sunday off).
_WEEKS = {"双休": frozenset(range(5)), "周末双休": frozenset(range(5)),
          "单休": frozenset(range(6)), "周日单休": frozenset(range(6))}


def _day(token: str) -> int:
    token = token.strip().lower().rstrip(".")  # Mon.-Fri.: abbreviations with their dot
    if token in DAYS:
        return DAYS.index(token)
    if token in _ALIASES:
        return _ALIASES[token]
    match = re.fullmatch(r"(?:周|星期|礼拜)?([一二三四五六日天])", token)
    if match:
        return _ZH[match[1]]
    if re.fullmatch(r"[1-7]", token):  # 1 is Monday, 7 Sunday (ISO)
        return int(token) - 1
    raise ValueError(f"not a weekday: {token!r}")


def weekdays(text: str) -> frozenset[int]:
    """The weekday numbers (Monday 0 … Sunday 6) a ``work_days`` text names.

    A range (``Mon-Fri``, ``Mon.-Fri.``, ``周一至周五``, ``1-5``; ``Fri-Mon`` runs over the
    weekend), a word for every day (``每天``, ``全周``, ``daily``), a week named by its days
    off (``双休``: Monday to Friday; ``单休``: Monday to Saturday) or a list separated by
    commas, semicolons, slashes, spaces or 、, in half- or full-width forms (``Mon，Tue``).
    Raises ValueError for text that names no weekday.
    """
    days: set[int] = set()
    text = unstopped(unicodedata.normalize("NFKC", str(text)))  # ，；～－ as ASCII; 周一至周五。
    said = re.sub(r"\s+", " ", text.strip().lower())
    if said in _EVERY_DAY:
        return frozenset(range(7))
    if said in _WEEKS:
        return _WEEKS[said]
    text = re.sub(r"\s+(?:to|through|thru)\s+", "-", text.strip(), flags=re.I)  # Mon to Fri
    text = re.sub(rf"\s*({_RANGE})\s*", r"\1", text)
    for part in re.split(r"[,、;/\s]+", text):
        if not part:
            continue
        ends = re.split(_RANGE, part)
        if len(ends) == 2:
            first, last = _day(ends[0]), _day(ends[1])
            days.update(range(first, last + 1) if first <= last else
                        [*range(first, 7), *range(0, last + 1)])
        elif len(ends) == 1:
            days.add(_day(ends[0]))
        else:
            raise ValueError(f"not a range of weekdays: {part!r}")
    if not days:
        raise ValueError("no working weekday given")
    return frozenset(days)
