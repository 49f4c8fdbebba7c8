"""Formula cells of an .xlsx/.xlsm: which have no saved value and which hold an error.

python-calamine gives cached values only, so the sheet XML is looked at for the rest. The
parts are found through the package's relationships (see :mod:`opsbook.io.package`); a
sheet or part that cannot be found is skipped and said in ``gaps``, never raised.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import IO, Collection, Iterable, Iterator

from opsbook.io.extent import measured
from opsbook.io.numformats import (
    padded_styles,
    percent_cells,
    percent_styles,
    styled_cells,
)
from opsbook.io.package import (
    ZIP_ERRORS,
    Package,
    PackageGap,
    date1904,
    part_key,
    workbook_sheets,
    write_protected,
)

_CELL = re.compile(rb'<(?:[\w.-]+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:[\w.-]+:)?c>)', re.S)
_REF = re.compile(rb'\br="([A-Za-z]+\d+)"')
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v>(.*?)</(?:[\w.-]+:)?v>", re.S)
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s>/]")


@dataclass
class PackageScan:
    """What the package says beyond the values: per sheet name, formula cells with no saved
    value and cells holding an error (``"C4" → "#DIV/0!"``); per sheet name, the cells shown
    as percentages and those shown with leading zeros, with their (prefix, digits, suffix)
    (:mod:`opsbook.io.numformats`); the 1904 date system; and the parts that could not be
    looked at (``gaps``, one short English phrase each)."""

    formulas: dict[str, tuple[set[str], dict[str, str]]] = field(default_factory=dict)
    percents: dict[str, set[str]] = field(default_factory=dict)
    padded: dict[str, dict[str, tuple[str, int, str]]] = field(default_factory=dict)
    date1904: bool = False
    #: Excel asks for a password to modify it, or recommends opening it read-only.
    write_protected: bool = False
    gaps: list[str] = field(default_factory=list)
    #: per sheet name, (last row, last column) of its filled cells (:mod:`opsbook.io.extent`)
    extents: dict[str, tuple[int, int]] = field(default_factory=dict)


#: A formula element, with or without a namespace prefix (``<f>``, ``<f t="shared" …>``,
#: ``<x:f>``), and not the ``<formula1>`` of a data validation or a ``<fill>``.
_ANY_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
#: The same without a prefix: a pattern that begins with a fixed text is searched for
#: several times faster (a sheet with data validations holds ``<f`` in every ``<formula1>``).
_PLAIN_FORMULA = re.compile(rb"<f[\s>/]")


def _has_formula(xml: bytes) -> bool:
    """Whether a piece of sheet XML holds a formula element (see :data:`_ANY_FORMULA`)."""
    return (_PLAIN_FORMULA.search(xml) is not None
            or b":f" in xml and _ANY_FORMULA.search(xml) is not None)


def scan_package(source: str | IO[bytes]) -> PackageScan:
    """Scan an .xlsx/.xlsm package (a path or a binary file object); never raises for a
    damaged package — what cannot be read is listed in ``gaps``."""
    try:
        with zipfile.ZipFile(source) as archive:
            return scan(Package(archive))
    except ZIP_ERRORS as error:
        found = PackageScan()
        found.gaps.append(f"the package cannot be opened ({type(error).__name__})")
        return found


def scan(package: Package) -> PackageScan:
    """:func:`scan_package` of a package already open (its archive open while this runs);
    never raises for a damaged part."""
    found = PackageScan()
    try:
        workbook = package.main_part()
        sheets = workbook_sheets(package, workbook)
    except PackageGap as gap:
        found.gaps.append(str(gap))
        return found
    try:
        found.date1904 = date1904(package, workbook)
        found.write_protected = write_protected(package, workbook)
    except PackageGap as gap:  # pragma: no cover - the part was just read
        found.gaps.append(str(gap))
    styles = percent_styles(package, workbook)
    zeros = padded_styles(package, workbook)
    for sheet in sheets:
        if sheet.part is None:
            found.gaps.append(f"no relationship for sheet '{sheet.name}'")
            continue
        try:
            percents: set[str] = set()
            padded: dict[str, bytes] = {}
            extent = [0, 0]
            if package.sizes.get(part_key(sheet.part), PIECE + 1) <= PIECE:
                cells = _formula_cells(measured([package.read(sheet.part)], extent), styles,
                                       percents, zeros, padded)
            else:
                with package.open(sheet.part) as stream:
                    cells = _formula_cells(measured(_pieces(stream), extent), styles,
                                           percents, zeros, padded)
            found.extents[sheet.name] = (extent[0], extent[1])
        except PackageGap as gap:
            found.gaps.append(f"sheet '{sheet.name}': {gap}")
            continue
        except ZIP_ERRORS as error:
            found.gaps.append(f"sheet '{sheet.name}': part {sheet.part} cannot be read "
                              f"({type(error).__name__})")
            continue
        if cells is not None:
            found.formulas[sheet.name] = cells
        if percents:
            found.percents[sheet.name] = percents
        if padded:
            found.padded[sheet.name] = {ref: zeros[style] for ref, style in padded.items()}
    return found


#: Where a piece of sheet XML may be cut: after a cell or a row ends. Text cannot hold an
#: unescaped ``<``, so ``</`` only ever starts a closing tag.
_CUT = re.compile(rb"</(?:[\w.-]+:)?(?:c|row)>")
#: How much of a sheet's XML is looked at at once, in bytes.
PIECE = 1 << 20


def _pieces(stream: IO[bytes], size: int = PIECE) -> Iterator[bytes]:
    """A sheet's XML in pieces of about ``size`` bytes, each cut after a cell or a row ends,
    so that no cell is split between two pieces; memory stays near two pieces whatever the
    size of the sheet (a year of attendance is tens of MB of XML)."""
    rest = b""
    while block := stream.read(size):
        text = rest + block
        end = len(text)
        while (end := text.rfind(b"</", 0, end)) >= 0:
            close = _CUT.match(text, end)
            if close is not None:
                yield text[:close.end()]
                rest = text[close.end():]
                break
        else:
            rest = text  # no cell ends in it yet: take the next block too
    if rest:
        yield rest


def _formula_cells(pieces: Iterable[bytes], styles: frozenset[bytes] = frozenset(),
                   percents: set[str] | None = None, zeros: Collection[bytes] = (),
                   padded: dict[str, bytes] | None = None,
                   ) -> tuple[set[str], dict[str, str]] | None:
    """Formula cells without a saved value and error cells of a sheet given as pieces of
    its XML (see :func:`_pieces`); None when it has neither. The cells whose style is one
    of ``styles`` (shown as percentages) are added to ``percents`` on the way, and those
    whose style is one of ``zeros`` (shown with leading zeros) to ``padded``, with it."""
    missing: set[str] = set()
    errors: dict[str, str] = {}
    seen = False
    for xml in pieces:
        if styles and percents is not None:
            percents |= percent_cells(xml, styles)
        if zeros and padded is not None:
            padded.update(styled_cells(xml, zeros))
        if b't="e"' not in xml and not _has_formula(xml):
            continue  # the common case: no formula and no error cell, nothing to parse
        seen = True
        for attrs, body in _CELL.findall(xml):
            ref = _REF.search(attrs)
            if ref is None:
                continue
            cell = ref[1].decode().upper()
            body = body or b""
            if b't="e"' in attrs:
                value = _VALUE.search(body)
                errors[cell] = value[1].decode("utf-8", "replace") if value else "#ERROR"
            elif _FORMULA.search(body) and _no_value(attrs, body):
                missing.add(cell)
    return (missing, errors) if seen else None


def _no_value(attrs: bytes, body: bytes) -> bool:
    """True for a formula cell without a cached value: no ``<v>``, or an empty one (openpyxl
    writes ``<v />``) unless the formula gives text (``t="str"``), whose value may be ""."""
    value = _VALUE.search(body)
    return value is None or (not value[1] and b't="str"' not in attrs)
