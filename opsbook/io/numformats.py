"""Which cells of an .xlsx/.xlsm are shown as percentages, or with leading zeros.

python-calamine gives a cell's value but not its number format. A cell formatted ``0%``
that shows 150% holds 1.5, and one that shows 95% holds 0.95; read without its format, 1.5
looks like "1.5 percent points" and 0.95 like "0.95". The cell's style index (``s="3"`` in
the sheet XML) points into the ``cellXfs`` of the styles part, whose ``numFmtId`` is a
built-in format (9 ``0%`` and 10 ``0.00%``, ECMA-376 Part 1 §18.8.30) or one of the
workbook's own ``numFmt`` codes. Nothing here raises for a damaged part: what cannot be
read gives no percentage cells. A format of zeros only (``00000``, an employee number) shows
2 as 00002: a text field (an ID) reads what the cell shows.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from opsbook.io.package import Package, PackageGap, attributes

#: The built-in number formats that show a percentage (ECMA-376 Part 1, §18.8.30).
BUILT_IN_PERCENT = frozenset({9, 10})
STYLES = "/styles"

_NUM_FMTS = re.compile(rb"<(?:[\w.-]+:)?numFmts\b.*?</(?:[\w.-]+:)?numFmts>", re.S)
_NUM_FMT = re.compile(rb"<(?:[\w.-]+:)?numFmt\b([^>]*?)/?>", re.S)
_CELL_XFS = re.compile(rb"<(?:[\w.-]+:)?cellXfs\b.*?</(?:[\w.-]+:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:[\w.-]+:)?xf\b([^>]*?)/?>", re.S)
#: What a format code holds that is not a placeholder: quoted text, an escaped character,
#: a colour or condition in brackets.
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
#: The start of a cell's start tag (not a row's, which has a style too).
_CELL_START = re.compile(rb"<(?:[\w.-]+:)?c\s")
#: A cell's reference in its start tag.
_REF = re.compile(rb'\br="([A-Za-z]+\d+)"')


def shows_percent(code: str) -> bool:
    """Whether a number format code shows its number as a percentage (a ``%`` outside quoted
    text, escapes and brackets, in any of its sections)."""
    return "%" in _LITERAL.sub("", code)


def _styles_xml(package: Package, workbook: str) -> bytes:
    """The workbook's styles part, or b"" when it has none (or it cannot be read)."""
    try:
        part = next((r.target for r in package.relationships(workbook)
                     if r.type.endswith(STYLES) and not r.external), None)
        return b"" if part is None else package.read(part)
    except PackageGap:
        return b""


def percent_styles(package: Package, workbook: str) -> frozenset[bytes]:
    """The style indices (as they appear in ``s="…"``, bytes) whose number format shows a
    percentage; empty when the workbook has no styles part or none of them does."""
    return _percent_styles(_styles_xml(package, workbook))


@lru_cache(maxsize=32)
def _percent_styles(xml: bytes) -> frozenset[bytes]:
    """:func:`percent_styles` of a styles part, kept by content: the files made from one
    template share it."""
    if b"%" not in xml and not any(_built_in(n) in xml for n in BUILT_IN_PERCENT):
        return frozenset()  # the common case, said without parsing the part
    percent = set(BUILT_IN_PERCENT)
    formats = _NUM_FMTS.search(xml)  # the workbook's own codes (not a <dxf>'s)
    for element in _NUM_FMT.findall(formats[0] if formats else b""):
        attrs = attributes(element)
        if shows_percent(attrs.get("formatCode", "")) and attrs.get("numFmtId", "").isdigit():
            percent.add(int(attrs["numFmtId"]))
    block = _CELL_XFS.search(xml)
    if block is None:
        return frozenset()
    found = set()
    for n, element in enumerate(_XF.findall(block[0])):
        fmt = attributes(element).get("numFmtId", "0")
        if fmt.isdigit() and int(fmt) in percent:
            found.add(str(n).encode())
    return frozenset(found)


#: A format that shows a whole number with leading zeros, "00000" (2 shows 00002), with
#: literal text around it ("E"000 shows E002): groups prefix, zeros, suffix.
_PADDED = re.compile(r'^((?:"[^"]*"|\\.)*)(0{2,})((?:"[^"]*"|\\.)*)$')


def padded_styles(package: Package, workbook: str) -> dict[bytes, tuple[str, int, str]]:
    """The style indices (as in ``s="…"``) whose number format pads whole numbers with
    leading zeros (``00000``, ``"E"000``), each with its (prefix, digits, suffix); empty
    when there is none (the common case, said without parsing the cell styles)."""
    return dict(_padded_styles(_styles_xml(package, workbook)))


@lru_cache(maxsize=32)
def _padded_styles(xml: bytes) -> tuple[tuple[bytes, tuple[str, int, str]], ...]:
    """:func:`padded_styles` of a styles part as pairs, kept by content."""
    formats = _NUM_FMTS.search(xml) if b'formatCode="' in xml else None
    codes: dict[int, tuple[str, int, str]] = {}
    for element in _NUM_FMT.findall(formats[0] if formats else b""):
        attrs = attributes(element)
        padded = padded_code(attrs.get("formatCode", ""))
        if padded and attrs.get("numFmtId", "").isdigit():
            codes[int(attrs["numFmtId"])] = padded
    block = _CELL_XFS.search(xml) if codes else None
    found = {}
    for n, element in enumerate(_XF.findall(block[0]) if block else []):
        fmt = attributes(element).get("numFmtId", "0")
        if fmt.isdigit() and int(fmt) in codes:
            found[str(n).encode()] = codes[int(fmt)]
    return tuple(found.items())


#: A quoted text or an escaped character of a format code, as the text it shows.
_LITERAL_TEXT = re.compile(r'"([^"]*)"|\\(.)')


def padded_code(code: str) -> tuple[str, int, str] | None:
    """A number format that pads whole numbers with leading zeros (``00000``, ``"E"000``) as
    (prefix, digits, suffix): ``("E", 3, "")``; None for any other format."""
    padded = _PADDED.match(code)
    if padded is None:
        return None
    return (_LITERAL_TEXT.sub(r"\1\2", padded[1]), len(padded[2]),
            _LITERAL_TEXT.sub(r"\1\2", padded[3]))


def _built_in(number: int) -> bytes:
    return b'numFmtId="%d"' % number


def percent_cells(xml: bytes, styles: frozenset[bytes]) -> set[str]:
    """The references (``"C4"``) of the cells of a piece of sheet XML whose style is one of
    ``styles`` (see :func:`percent_styles`)."""
    return set(styled_cells(xml, styles))


def styled_cells(xml: bytes, styles: Collection[bytes]) -> dict[str, bytes]:
    """The references (``"C4"``) of the cells of a piece of sheet XML whose style is one of
    ``styles``, each with its style."""
    if not styles or not any(b's="' + s + b'"' in xml for s in styles):
        return {}
    cells = {}
    for style in _styled(frozenset(styles)).finditer(xml):  # few cells have such a style
        if not xml[style.start() - 1:style.start()].isspace():
            continue  # the end of another attribute's name (cs="3")
        start = xml.rfind(b"<", 0, style.start())
        tag = _CELL_START.match(xml, start)
        if tag is not None and tag.end() <= style.start():
            ref = _REF.search(xml, tag.end(), xml.find(b">", style.end()))
            if ref is not None:
                cells[ref[1].decode().upper()] = style[1]
    return cells


@lru_cache(maxsize=64)
def _styled(styles: frozenset[bytes]) -> re.Pattern[bytes]:
    """A pattern finding the style attributes ``s="…"`` that name one of ``styles``; the
    tag each is in is looked at only then."""
    return re.compile(rb's="(' + b"|".join(sorted(styles)) + rb')"')  # found as text
