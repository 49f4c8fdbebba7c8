"""Headers: matching (English or Chinese, full- or half-width, simplified or traditional) and
finding the header row of a sheet (one row, or two read as one)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from opsbook.core.cells import a1, letter
from opsbook.core.issues import Issue
from opsbook.core.spec import Field, Sheet

#: How many rows from the top are searched for the header.
HEADER_SCAN_ROWS = 30

NOISE = re.compile(r"[\s\*::()()\[\]【】<>《》_\-—·./、,,']+")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def normalize(text: object) -> str:
    """A header as a comparable key: NFKC, simplified Chinese, lower case, no spaces or marks.

    ``"  員工編號\\n"``, ``"员工编号"`` and ``"员工 编号*"`` give the same key; so do
    ``"Ｅｍｐｌｏｙｅｅ ＩＤ"`` and ``"employee id"``.
    """
    if text is None:
        return ""
    value = unicodedata.normalize("NFKC", str(text)).strip()
    if any(ord(ch) > 0x2E80 for ch in value):
        value = _t2s().convert(value)
    return NOISE.sub("", value).lower()


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

    @property
    def found(self) -> int:
        return len(set(self.fields.values()))


def _row_fields(texts: Sequence[Any], lookup: dict[str, str]) -> dict[int, str]:
    # only text names a field: numbers and dates below a header are data
    return {col: lookup[key] for col, text in enumerate(texts)
            if type(text) is str and (key := normalize(text)) in lookup}


def find_header(rows: list[list[Any]], spec: Sheet, merged: Sequence[Any] = (),
                minimum: int = 1) -> Header | None:
    """The best header of a sheet among its first rows, or None when no row names at least
    ``minimum`` fields.

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
            if joined.found > max(header.found, below):  # else the next row is the header
                header = joined
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
        match = next((c for c in choices if normalize(c) in lookup), None)
        texts.append(" ".join(c for c in (upper, lower if col not in down else "") if c))
        if match is not None:
            fields[col] = lookup[normalize(match)]
    return Header(index, 2, texts, fields)


def similar_column(f: Field, extras: dict[str, int]) -> tuple[str, int] | None:
    """The extra column whose header looks most like one of the field's headers."""
    from difflib import SequenceMatcher

    keys = [k for k in map(normalize, f.headers()) if k]
    best, score = None, 0.0
    for text, column in extras.items():
        key = normalize(text)
        for wanted in keys:
            ratio = SequenceMatcher(None, key, wanted).ratio()
            if (wanted in key or key in wanted) and min(len(key), len(wanted)) >= 2:
                ratio = max(ratio, 0.8)
            if ratio > score:
                best, score = (text, column), ratio
    return best if score >= 0.7 else None


def missing_column(f: Field, extras: dict[str, int], sheet: str, header_row: int,
                   file: str | None) -> Issue:
    """missing-column; when an extra column's header looks like the field's, said with it."""
    issue = Issue("missing-column", file=file, sheet=sheet, row=header_row,
                  column=f"{f.en} / {f.zh}", field=f.id)
    like = similar_column(f, extras)
    if like is not None:
        text, column = like
        issue.cell, issue.value = a1(header_row, column), text
        issue.params = {
            "hint": f" Column {letter(column)} is headed '{text}', which looks like it: if that "
                    f"is the column, rename its header to '{f.en}' (or '{f.zh}').",
            "hint_zh": f"第 {letter(column)} 列的表头“{text}”与之相似：如就是该列，请将表头改为"
                       f"“{f.zh}”（或“{f.en}”）。"}
    return issue
