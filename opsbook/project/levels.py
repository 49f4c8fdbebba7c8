"""A risk's probability or impact written as a level in words (高/中/低, High/Medium/Low,
很高, 3级), and a task's % Complete as a state (已完成, 未开始): read as the number they name,
with a warning saying the number taken, instead of a type error that would leave the whole
tracker out.

The five levels are PMBOK's probability and impact scale: very low 1, low 2, medium 3,
high 4, very high 5 — a three-level register (高/中/低) reads as 4, 3 and 2.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import replace
from typing import Any, Callable

from opsbook.core.book import Book
from opsbook.core.headers import normalize

#: Each level by the words registers give it (compared as :func:`normalize` folds them).
#: Beside PMBOK's words, the scales of Chinese registers (GB/T 27921's 极轻微 … 灾难性 and
#: 几乎不可能 … 几乎确定) and of ISO 31000 ones (insignificant … catastrophic, rare …
#: almost certain); a three-level 严重/一般/轻微 reads as 4, 3 and 2, as 高/中/低 does.
LEVELS = {
    1: ("很低", "极低", "非常低", "极小", "很小", "极轻微", "可忽略", "几乎不可能", "罕见",
        "veryLow", "very unlikely", "rare", "vl", "insignificant", "negligible"),
    2: ("低", "较低", "小", "较小", "轻微", "不太可能", "不大可能", "low", "unlikely", "minor",
        "l"),
    3: ("中", "中等", "一般", "适中", "可能", "有可能", "medium", "moderate", "possible", "m",
        "med"),
    4: ("高", "较高", "大", "较大", "严重", "重大", "很可能", "high", "likely", "major", "h"),
    5: ("很高", "极高", "非常高", "极大", "很大", "特别严重", "特别重大", "灾难性", "几乎确定",
        "几乎肯定", "very high", "almost certain", "severe", "vh", "critical", "catastrophic"),
}
_LEVEL = {normalize(word): level for level, words in LEVELS.items() for word in words}
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
FIELDS = ("probability", "impact")


def level(text: object) -> int | None:
    """The 1–5 level a text names: a word of :data:`LEVELS` (a trailing 风险, 概率 or 影响
    left out), a numeral 一 … 五, or a number with 级 or 分 (3级); else None."""
    key = re.sub(r"(风险|概率|可能性|影响|程度)$", "", normalize(text)) or normalize(text)
    if key in _LEVEL:
        return _LEVEL[key]
    found = re.fullmatch(r"([1-5一二三四五])(级|分)?", key)
    if found is None:
        return None
    digit = found.group(1)
    return _NUMERALS.get(digit) or int(digit)


#: A task's progress in words, as its % Complete: done is 100 %, not started 0 %.
PROGRESS = {1.0: ("已完成", "完成", "已完工", "完工", "已结束", "已交付", "done", "complete",
                  "completed", "finished"),
            0.0: ("未开始", "尚未开始", "待开始", "未启动", "not started", "to do", "todo")}
_PROGRESS = {normalize(word): share for share, words in PROGRESS.items() for word in words}


def progress(text: object) -> float | None:
    """The share done a text says (:data:`PROGRESS`: 已完成 1.0, 未开始 0.0), else None."""
    return _PROGRESS.get(normalize(text))


def chance(value: object) -> int | None:
    """The 1–5 level of a probability written as a percentage ("30%", a cell shown 30 %,
    "３０％") or as a fraction between 0 and 1 (0.3, "0.3"), by PMBOK's probability scale
    (0.1, 0.3, 0.5, 0.7, 0.9): up to 20 % very low 1, up to 40 % low 2, up to 60 % medium
    3, up to 80 % high 4, up to 100 % very high 5; else None (0 %, over 100 %, a number of
    1 or more, any other text)."""
    if isinstance(value, str):
        typed = unicodedata.normalize("NFKC", value).strip()
        percent = typed.endswith("%")
        try:
            share = float(typed.removesuffix("%").strip()) / (100 if percent else 1)
        except ValueError:
            return None
        if not percent and share >= 1:  # 3 or "3.5": a level, or no whole number
            return None
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 1:
        share = float(value)
    else:
        return None
    if not 0 < share <= 1:
        return None
    return max(1, math.ceil(round(share * 100, 9) / 20))


def level_words(book: Book) -> None:
    """In place: each probability or impact of the Risks sheet refused as no whole number but
    naming a level (:func:`level`) takes that level, and its ``type-error`` becomes a
    ``risk-level-word`` warning at the same cell, with the number taken; a probability
    written as a percentage or a fraction (:func:`chance`: 30 %, 0.3, refused as out of
    range or no whole number; "3%", which would be read as 3) likewise, a
    ``risk-probability-percent`` warning; and a task's % Complete in words
    (:func:`progress`), a ``progress-word`` warning."""
    _words(book, "Risks", FIELDS, level, "risk-level-word", str)
    _words(book, "Risks", ("probability",), chance, "risk-probability-percent", str,
           codes=("out-of-range", "type-error", "coerced-value"), texts=False)
    _words(book, "Tasks", ("percent_complete",), progress, "progress-word",
           lambda share: f"{share:.0%}")


def _words(book: Book, sheet: str, fields: tuple[str, ...], read: Callable[[Any], Any],
           code: str, shown: Callable[[Any], str], *, codes: tuple[str, ...] = ("type-error",),
           texts: bool = True) -> None:
    """Each issue of ``codes`` (with ``texts``, those on a text only) on ``fields`` of
    ``sheet`` whose value ``read`` takes: the value read put in the sheet's frame, the error
    made a ``code`` warning at the same cell saying the value (as ``shown`` writes it)."""
    table = book.tables.get(sheet)
    if table is None:
        return
    taken = {n: read(i.value) for n, i in enumerate(book.issues)
             if i.code in codes and i.field in fields and i.sheet == table.name
             and (isinstance(i.value, str) or not texts)}
    taken = {n: value for n, value in taken.items() if value is not None}
    if not taken:
        return
    frame = table.frame.copy()  # the sheet's own rows, never the frame of the books read with it
    for n, value in taken.items():
        issue = book.issues[n]
        frame.loc[issue.row, issue.field] = float(value)
        book.issues[n] = replace(issue, code=code, severity="warning",
                                 params={**{k: v for k, v in issue.params.items()
                                            if k != "result_zh"},  # a coerced value's
                                         "result": shown(value)})
    table.frame = frame
