"""Headers: matching (English or Chinese, full- or half-width, simplified or traditional) and
finding the header row of a sheet (one row, or two read as one)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from opsbook.core.cells import a1, letter
from opsbook.core.issues import Issue
from opsbook.core.parse import unstopped, visible
from opsbook.core.spec import Field, Sheet

#: How many rows from the top are searched for the header.
HEADER_SCAN_ROWS = 30

NOISE = re.compile(r"[\s\*::()()\[\]【】<>《》_\-—·./、,,']+")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _simplified(text: str) -> bool:
    """Whether a text is written in simplified characters only: GB 2312, the simplified
    character set, holds every one of them. Such a text (every header opsbook writes, most
    typed in China) is not converted, and the converter's tables are not loaded for it."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=4096)
def normalize(text: object) -> str:
    """A header as a comparable key: NFKC, simplified Chinese, lower case, no spaces or marks.

    ``"  員工編號\\n"``, ``"员工编号"`` and ``"员工 编号*"`` give the same key; so do
    ``"Ｅｍｐｌｏｙｅｅ ＩＤ"`` and ``"employee id"``.
    """
    if text is None:
        return ""
    value = visible(unicodedata.normalize("NFKC", str(text))).strip()
    if any(ord(ch) > 0x2E80 for ch in value) and not _simplified(value):
        value = _t2s().convert(value)
    return NOISE.sub("", value).lower()


def choice_key(text: object) -> str:
    """A choice as typed (a status, a decision, yes/no) as a comparable key: its
    :func:`normalize` key without the marks a sentence ends in ("通过。", "Approved!",
    "是；" as "通过", "approved", "是"); labels and typed values are compared so."""
    return normalize(unstopped(str(text))) if text is not None else ""


def is_chinese(text: object) -> bool:
    """True when the text holds CJK ideographs."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in str(text))


# --- finding the header row of a sheet ------------------------------------------------


@lru_cache(maxsize=64)
def header_lookup(spec: Sheet) -> dict[str, str]:
    """Every header a sheet's fields may have, as a key (:func:`normalize`) → field id (made
    once per sheet spec; not to be changed)."""
    table: dict[str, str] = {}
    for f in spec.fields:
        for header in f.headers():
            table.setdefault(normalize(header), f.id)
    return table


def match_count(rows: list[list[Any]], spec: Sheet,
                merged: Sequence[Any] = ()) -> tuple[int, int]:
    """(header row index, number of fields matched) for the best header candidate; a
    two-row header (cells merged down, a group caption over its fields) counts as one."""
    header = find_header(rows, spec, merged)
    return (header.index, header.found) if header else (0, 0)


#: Fewest fields a row must name to be taken as the header (a title cell that happens to
#: read "Score" is not a header).
MIN_HEADER_FIELDS = 2


@dataclass
class Header:
    """A header found: its first row (0-based), how many rows it spans, the header text of
    each column (two rows joined: "打卡时间 上班打卡") and the field each names."""

    index: int
    rows: int
    texts: list[str]
    fields: dict[int, str]  # 0-based column → field id
    #: 1 when a column is headed by one of the words that count for a header besides its
    #: fields (see :func:`find_header`'s ``also``), else 0
    also: int = 0

    @property
    def found(self) -> int:
        return len(set(self.fields.values())) + self.also


#: A note in brackets after (or within) a header: "计划成本（元）", "Weight (%)",
#: "下班打卡（Check Out）" (full-width brackets are half-width after NFKC).
_NOTE = re.compile(r"[(\[【]([^()\[\]【】]*)[)\]】]")
#: Where a header written in two languages splits: a line break, a slash or a bar, or the
#: change from Chinese to Latin letters ("上班打卡 Check In", "工号\nEmployee ID").
_SPLIT = re.compile(r"[\n\r/|\\]+|(?<=[\u2e80-\u9fff])\s*(?=[A-Za-z])"
                    r"|(?<=[A-Za-z])\s*(?=[\u2e80-\u9fff])")
#: A note that scales the numbers under the header ("万元", "$k", "'000", "millions").
_SCALE = re.compile(r"[万千亿]|(?<![a-z])(?:k|thousands?|mn|millions?|bn|billions?)(?![a-z])"
                    r"|000", re.I)


@lru_cache(maxsize=4096)
def _pieces(text: str) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """A header's parts as keys (its languages apart), its bracketed notes as keys, and the
    first note that scales the numbers under it (None when none does)."""
    value = visible(unicodedata.normalize("NFKC", text)).strip()
    notes = [note.strip() for note in _NOTE.findall(value)]
    parts = tuple(k for k in map(normalize, _SPLIT.split(_NOTE.sub(" ", value))) if k)
    scale = next((note for note in notes if _SCALE.search(note)), None)
    return parts, tuple(k for k in map(normalize, notes) if k), scale


def scale_note(text: object) -> str | None:
    """The note of a header that scales its numbers ("预算（万元）": "万元"), else None."""
    return _pieces(text)[2] if type(text) is str else None


def header_field(text: object, lookup: dict[str, str]) -> str | None:
    """The field a header names (``lookup``: :func:`header_lookup`), or None.

    A header names a field when it is one of the field's headers (:func:`normalize`), or
    when it is that header in two languages ("工号\nEmployee ID", "日期 / Date",
    "上班打卡 Check In") or with a note in brackets ("计划成本（元）", "Weight (%)"): every
    part names the same field, and no note names another. A note that scales the numbers
    ("预算（万元）") keeps the column from being read as plain amounts: no field then.
    A line break within one language's words is a wrap ("Item\nID\n编号" is "Item ID"
    over "编号"). Only text names a field: numbers and dates below a header are data.
    """
    if type(text) is not str:
        return None
    key = normalize(text)
    if key in lookup:
        return lookup[key]
    found = _named(text, lookup)
    joined = _BROKEN.sub(lambda m: " " if m.group(1) else "", text) if "\n" in text else text
    return found if found is not None or joined == text else _named(joined, lookup)


#: A line break within one language's words ("Item\nID\n编号", "计划\n开始\nPlanned
#: Start"): a space between Latin words, nothing between Chinese characters.
_BROKEN = re.compile(r"(?<=[A-Za-z0-9%])([ \t]*[\r\n]+[ \t]*)(?=[A-Za-z0-9%(])"
                     r"|(?<=[\u2e80-\u9fff])[ \t]*[\r\n]+[ \t]*(?=[\u2e80-\u9fff])")


def _named(text: str, lookup: dict[str, str]) -> str | None:
    """The field a header in two languages, or with a note, names (see
    :func:`header_field`), or None."""
    parts, notes, scale = _pieces(text)
    if not parts or scale is not None or (len(parts) == 1 and not notes):
        return None
    named = {lookup.get(part) for part in parts}
    if len(named) != 1 or None in named:
        return None
    found = named.pop()
    return found if all(lookup.get(note, found) == found for note in notes) else None


def _row_fields(texts: Sequence[Any], lookup: dict[str, str]) -> dict[int, str]:
    return {col: found for col, text in enumerate(texts)
            if (found := header_field(text, lookup)) is not None}


def find_header(rows: list[list[Any]], spec: Sheet, merged: Sequence[Any] = (),
                minimum: int = 1, also: frozenset[str] = frozenset()) -> Header | None:
    """The best header of a sheet among its first rows, or None when no row names at least
    ``minimum`` fields. A column headed by one of ``also`` (:func:`normalize` keys of
    columns read as extra columns, a Punches sheet's Name) counts as one field more, once
    however many there are.

    A row whose cells are merged down into the next row, or that holds a caption merged over
    several columns, is tried together with the next row as one two-row header: each column
    reads as its caption and its own header together ("打卡时间" over "上班打卡"), or as
    whichever of the two names a field.
    """
    lookup = header_lookup(spec)
    best: Header | None = None
    spans = [((r0, c0), (r1, c1)) for (r0, c0), (r1, c1) in merged if r0 < HEADER_SCAN_ROWS]
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        texts = ["" if v is None else str(v).strip() for v in row]
        header = Header(index, 1, texts, _row_fields(row, lookup))
        if index + 1 < len(rows) and any(r0 == index and (r1 > r0 or c1 > c0)
                                         for (r0, c0), (r1, c1) in spans):
            joined = _two_rows(rows, index, spans, lookup)
            below = len(set(_row_fields(rows[index + 1], lookup).values()))
            # cells merged down say the header takes both rows, even when the first names
            # every field the two do (实际值 over 数值 and 备注, 编号 merged down beside it)
            down = any(r0 == index and r1 > r0 for (r0, _), (r1, _) in spans)
            if joined.found > below and (joined.found > header.found
                                         or down and joined.found == header.found):
                header = joined  # else the next row is the header, or data
        if also:
            header.also = int(any(normalize(t) in also for c, t in enumerate(header.texts)
                                  if c not in header.fields))
        if header.found > (best.found if best else 0):
            best = header
            if best.found == len(spec.fields):  # every field named: no row can do better
                break
    if best is None or best.found < minimum:
        return None
    return best


def _two_rows(rows: list[list[Any]], index: int, spans: Sequence[Any],
              lookup: dict[str, str]) -> Header:
    """Rows ``index`` and ``index + 1`` read as one header."""
    width = max(len(rows[index]), len(rows[index + 1]))
    top = ["" if v is None else str(v).strip() for v in rows[index]] + [""] * width
    bottom = ["" if v is None else str(v).strip() for v in rows[index + 1]] + [""] * width
    down: set[int] = set()
    for (r0, c0), (r1, c1) in spans:
        if r0 != index:
            continue
        for col in range(c0, min(c1, width - 1) + 1):
            top[col] = top[c0]  # a caption over several columns stands over each of them
            if r1 > r0:
                down.add(col)
    texts: list[str] = []
    fields: dict[int, str] = {}
    for col in range(width):
        upper, lower = top[col], bottom[col]
        if col in down or not lower:
            choices = [upper]
        elif not upper:
            choices = [lower]
        else:
            choices = [f"{upper} {lower}", lower, upper]
        match, by = next(((found, c) for c in choices if (found := header_field(c, lookup))),
                         (None, None))
        texts.append(" ".join(c for c in (upper, lower if col not in down else "") if c))
        # a caption over several columns names its field once: the first column under it
        # that its own header does not name otherwise (实际值 over 数值 and 备注: 数值)
        if match is not None and not (by == upper != lower and col not in down
                                      and match in fields.values()):
            fields[col] = match
    return Header(index, 2, texts, fields)


def similar_column(f: Field, extras: dict[str, int], *, strict: bool = False
                   ) -> tuple[str, int] | None:
    """The extra column whose header looks most like one of the field's headers. With
    ``strict`` (said of an optional field, which nothing else calls for): only a header that
    begins with one of the field's ("实际成本合计", "计划成本（万元）") or nearly is one (a
    typo); "Department Name" is not taken for "Name"."""
    from difflib import SequenceMatcher

    keys = [k for k in map(normalize, f.headers()) if k]
    best, score = None, 0.0
    for text, column in extras.items():
        key = normalize(text)
        for wanted in keys:
            ratio = SequenceMatcher(None, key, wanted).ratio()
            near = key.startswith(wanted) if strict else (wanted in key or key in wanted)
            if near and min(len(key), len(wanted)) >= 2:
                ratio = max(ratio, 0.8 if not strict else 0.85)
            if ratio > score:
                best, score = (text, column), ratio
    return best if score >= (0.85 if strict else 0.7) else None


def missing_column(f: Field, extras: dict[str, int], sheet: str, header_row: int,
                   file: str | None) -> Issue:
    """missing-column; when an extra column's header looks like the field's, said with it."""
    issue = Issue("missing-column", file=file, sheet=sheet, row=header_row,
                  column=f"{f.en} / {f.zh}", field=f.id)
    like = similar_column(f, extras)
    if like is not None:
        text, column = like
        issue.cell, issue.value = a1(header_row, column), text
        issue.params = _rename(f, text, column, lead=True)
    return issue


def unread_columns(fields: Sequence[Field], extras: dict[str, int], sheet: str,
                   header_row: int, file: str | None,
                   holds: Callable[[int], bool] = lambda column: True) -> list[Issue]:
    """unread-column warnings: an optional field that was not found while a column holding
    data (``extras``: header → 1-based column; ``holds(column)``: it holds data) is headed
    like it ("计划成本（万元）", "实际成本合计"), so that its values are not left out without
    a word. A column is named once."""
    issues: list[Issue] = []
    left = dict(extras)
    for f in fields:
        like = similar_column(f, left, strict=True)
        while like is not None and not holds(like[1]):  # an empty column loses nothing
            del left[like[0]]
            like = similar_column(f, left, strict=True)
        if like is None:
            continue
        text, column = like
        del left[text]
        issues.append(Issue("unread-column", "warning", file, sheet, a1(header_row, column),
                            header_row, f"{f.en} / {f.zh}", f.id, text,
                            {"cell_column": letter(column), **_rename(f, text, column)}))
    return issues


def _rename(f: Field, text: str, column: int, lead: bool = False) -> dict[str, str]:
    """The hint (en, zh) to rename a look-alike column's header to the field's; when the
    header gives a unit that scales its numbers ("万元"), to write the amounts in full too.
    ``lead``: the hint first names the column (after a sentence about the field)."""
    col = letter(column)
    en = f" Column {col} is headed '{text}', which looks like it:" if lead else ""
    zh = f"第 {col} 列的表头“{text}”与之相似：" if lead else ""
    scale = scale_note(text)
    if scale is not None:
        return {"hint": f"{en} its header gives the unit '{scale}', and opsbook reads plain "
                        f"numbers: write the amounts in full (not in {scale}) and rename the "
                        f"header to '{f.en}' (or '{f.zh}').",
                "hint_zh": f"{zh}表头注明了单位“{scale}”，而 opsbook 按原数读取：请填写完整数额"
                           f"（不以“{scale}”为单位），并将表头改为“{f.zh}”（或“{f.en}”）。"}
    return {"hint": f"{en} if that is the column, rename its header to '{f.en}' (or "
                    f"'{f.zh}').",
            "hint_zh": f"{zh}如就是该列，请将表头改为“{f.zh}”（或“{f.en}”）。"}
