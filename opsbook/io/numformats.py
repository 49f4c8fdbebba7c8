"""Which cells of an .xlsx/.xlsm are shown as percentages.

python-calamine gives a cell's value but not its number format. A cell formatted ``0%``
that shows 150% holds 1.5, and one that shows 95% holds 0.95; read without its format, 1.5
looks like "1.5 percent points" and 0.95 like "0.95". The cell's style index (``s="3"`` in
the sheet XML) points into the ``cellXfs`` of the styles part, whose ``numFmtId`` is a
built-in format (9 ``0%`` and 10 ``0.00%``, ECMA-376 Part 1 §18.8.30) or one of the
workbook's own ``numFmt`` codes. Nothing here raises for a damaged part: what cannot be
read gives no percentage cells.
"""

from __future__ import annotations

import re

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
#: A cell's start tag, and its reference and style in it.
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c\s([^>]*?)/?>", re.S)
_REF = re.compile(rb'\br="([A-Za-z]+\d+)"')
_STYLE = re.compile(rb'\bs="(\d+)"')


def shows_percent(code: str) -> bool:
    """Whether a number format code shows its number as a percentage (a ``%`` outside quoted
    text, escapes and brackets, in any of its sections)."""
    return "%" in _LITERAL.sub("", code)


def percent_styles(package: Package, workbook: str) -> frozenset[bytes]:
    """The style indices (as they appear in ``s="…"``, bytes) whose number format shows a
    percentage; empty when the workbook has no styles part or none of them does."""
    try:
        part = next((r.target for r in package.relationships(workbook)
                     if r.type.endswith(STYLES) and not r.external), None)
        if part is None:
            return frozenset()
        xml = package.read(part)
    except PackageGap:
        return frozenset()
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


def _built_in(number: int) -> bytes:
    return b'numFmtId="%d"' % number


def percent_cells(xml: bytes, styles: frozenset[bytes]) -> set[str]:
    """The references (``"C4"``) of the cells of a piece of sheet XML whose style is one of
    ``styles`` (see :func:`percent_styles`)."""
    if not styles or not any(b's="' + s + b'"' in xml for s in styles):
        return set()
    cells = set()
    for attrs in _CELL_TAG.findall(xml):
        style = _STYLE.search(attrs)
        if style is not None and style[1] in styles:
            ref = _REF.search(attrs)
            if ref is not None:
                cells.add(ref[1].decode().upper())
    return cells
