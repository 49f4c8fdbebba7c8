"""Clock check-in and check-out cells holding the word an attendance app writes for a missing
punch (缺卡, 未打卡, 漏卡, 旷工, --:-- … as a DingTalk or WeCom daily report copied into the
Clock sheet has them; Missed, No punch in English): the cell is read as blank — the punch is
missing, as the word says, and the day is judged as any day with a blank cell is (a single
punch, or absent) — instead of a type error that stopped the whole summary. The workbook's
Punches sheet and punch exports pass these words over alike."""

from __future__ import annotations

from opsbook.core.book import Book
from opsbook.core.parse import folded

#: Words for "no punch", folded (case, width, spaces).
NO_PUNCH = frozenset(folded(w) for w in (
    "缺卡", "未打卡", "漏打卡", "漏卡", "无打卡", "没打卡", "无记录", "未签到", "未签退", "漏签",
    "缺勤", "旷工", "--:--",
    "missed", "missing", "no punch", "no record", "not punched"))


def no_punch_words(book: Book) -> None:
    """Drop the type errors of Clock check-in and check-out cells that hold a word for no
    punch (their values are already blank)."""
    table = book.tables.get("Clock")
    if table is None:
        return
    book.issues[:] = [i for i in book.issues if not (
        i.code == "type-error" and i.sheet == table.name and i.field in ("check_in", "check_out")
        and isinstance(i.value, str) and folded(i.value) in NO_PUNCH)]
