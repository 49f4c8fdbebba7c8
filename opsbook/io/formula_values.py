"""Formulas keep their calculated values when opsbook saves a user's workbook with openpyxl.

openpyxl writes every formula without the value Excel calculated for it (an empty ``<v>``),
so python-calamine, which opsbook reads with, and any other reader that does not calculate,
would see no value: a workbook valid before ``calculate`` in place would be refused after it
(formula-no-value). :func:`save_keeping_values` saves the workbook, then copies the value of
each formula cell of the original package into the same cell of the saved one — same sheet
by name, same reference, same formula — rewriting only those sheet parts, a piece at a time,
and asks Excel to recalculate on opening (``fullCalcOnLoad``), as opsbook may have changed
what the formulas read. A cell that cannot be matched is left as openpyxl wrote it; a package
that cannot be read is left as openpyxl saved it. Text runs keep the spaces they begin or end
with, which openpyxl writes without saying to keep them (a run of one space was lost).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import IO, Any, Iterable

from opsbook.io.formulas import _CELL, _REF, _VALUE, _has_formula, _pieces
from opsbook.io.package import (
    ZIP_ERRORS,
    Package,
    PackageGap,
    attributes,
    part_key,
    workbook_sheets,
)

#: A formula element whole: its tag (with any prefix), attributes and text (None when empty).
_F = re.compile(rb"<((?:[\w.-]+:)?f)\b([^>]*?)(?:/>|>(.*?)</\1>)", re.S)
#: A value element with nothing in it, as openpyxl writes one for a formula: ``<v/>``,
#: ``<v></v>``.
_EMPTY_VALUE = re.compile(rb"<((?:[\w.-]+:)?v)\s*/>|<((?:[\w.-]+:)?v)>\s*</\2>")
#: A text run of a string item (``<t>``, ``<t xml:space="preserve">``), and a phonetic run
#: (``<rPh>``), whose text is a reading aid and not part of the value.
_TEXT = re.compile(rb"<((?:[\w.-]+:)?t)\b[^>]*?(?:/>|>(.*?)</\1>)", re.S)
_PHONETIC = re.compile(rb"<((?:[\w.-]+:)?rPh)\b.*?</\1>", re.S)
#: A shared string item.
_ITEM = re.compile(rb"<((?:[\w.-]+:)?si)\b[^>]*?(?:/>|>(.*?)</\1>)", re.S)
_SHARED_STRINGS = "/sharedStrings"

#: What identifies a formula when the saved cell is compared with the original one: its
#: kind ("" for a plain or shared one, "array", "dataTable"), the range an array or data
#: table covers, and its text as openpyxl reads it.
Formula = tuple[str, str, str]
#: A formula cell's stored value: (its formula, the cell's ``t=`` type, the ``<v>`` text).
Stored = tuple[Formula, bytes, bytes]


def save_keeping_values(book: Any, path: Path, original: str | Path | IO[bytes],
                        written: Iterable[str] = ()) -> None:
    """Save the openpyxl workbook ``book`` to ``path`` with the calculated value of each
    formula cell of ``original`` (the package it was loaded from: a path or a binary file
    object) kept where the saved cell holds the same formula; the sheets named in
    ``written`` (opsbook's own results, written anew) are not touched. When ``original``
    holds formulas, Excel is asked to recalculate them on opening. Raises what
    ``book.save`` raises; never raises for a package it cannot read (the values are then
    not kept)."""
    try:
        values, formulas = _package_values(original, set(written))
    except (PackageGap, *ZIP_ERRORS):
        values, formulas = {}, False
    if formulas and getattr(book, "calculation", None) is not None:
        book.calculation.fullCalcOnLoad = True
    book.save(path)
    try:
        _put_values(Path(path), values)
    except (PackageGap, *ZIP_ERRORS):
        pass  # the workbook stays as openpyxl saved it, whole, without the values


def _package_values(original: str | Path | IO[bytes], skip: set[str]
                    ) -> tuple[dict[str, dict[str, Stored]], bool]:
    """Sheet name → {cell: stored value} of each formula cell that has one, and whether
    the package holds any formula (in the sheets not skipped)."""
    if hasattr(original, "seek"):
        original.seek(0)
    values: dict[str, dict[str, Stored]] = {}
    formulas = False
    with zipfile.ZipFile(original) as archive:
        package = Package(archive)
        workbook = package.main_part()
        for sheet in workbook_sheets(package, workbook):
            if sheet.part is None or sheet.name in skip or sheet.name in values:
                continue
            with package.open(sheet.part) as stream:
                cells, seen = _sheet_values(_pieces(stream))
            values[sheet.name], formulas = cells, formulas or seen
        wanted = {int(v) for cells in values.values() for _f, t, v in cells.values()
                  if t == b"s"}
        strings = _shared_strings(package, workbook, wanted) if wanted else {}
    for cells in values.values():
        for ref, (formula, kind, value) in list(cells.items()):
            if kind == b"s":  # indexes differ between packages: the text itself goes
                text = strings.get(int(value))
                if text is None:
                    del cells[ref]
                else:
                    cells[ref] = (formula, b"str", text)
    return values, formulas


def _sheet_values(pieces: Iterable[bytes]) -> tuple[dict[str, Stored], bool]:
    """The stored value of each formula cell of a sheet given as pieces of its XML, by
    reference, and whether the sheet holds a formula at all."""
    cells: dict[str, Stored] = {}
    masters: dict[str, Any] = {}  # shared formula index → its translator, as openpyxl keeps
    seen = False
    for xml in pieces:
        if not _has_formula(xml):
            continue
        for found in _CELL.finditer(xml):
            element = _F.search(found[2] or b"")
            if element is None:
                continue
            seen = True
            ref = _REF.search(found[1])
            if ref is None:
                continue  # a cell placed by counting: not matched
            cell = ref[1].decode().upper()
            formula = _formula(element, cell, masters)
            stored = _stored(attributes(found[1]).get("t", "n"), found[2])
            if formula is not None and stored is not None:
                cells[cell] = (formula, *stored)
    return cells, seen


def _formula(element: re.Match[bytes], cell: str = "",
             masters: dict[str, Any] | None = None) -> Formula | None:
    """The formula of a cell as openpyxl reads it: in a sheet read in order (``masters``
    given), a shared formula's dependent cell gets the first cell's formula moved to it, as
    openpyxl moves it. None when it cannot be worked out, and for an empty formula."""
    spec = attributes(element[2])
    kind, text = spec.get("t", ""), _text(element[3] or b"")
    if kind == "shared":
        if masters is None:
            return None
        index = spec.get("si", "")
        try:
            if index in masters:
                text = masters[index].translate_formula(cell)[1:]
            elif text:
                from openpyxl.formula.translate import Translator

                masters[index] = Translator(f"={text}", cell)
        except Exception:  # noqa: BLE001 - a formula openpyxl's translator cannot move
            return None
        kind = ""
    if not kind and not text:
        return None
    return kind, spec.get("ref", "") if kind else "", text


def _text(xml: bytes) -> str:
    """Element text as an XML parser gives it: line ends made ``\\n``, references resolved."""
    text = xml.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    return html.unescape(text) if "&" in text else text


def _stored(kind: str, body: bytes) -> tuple[bytes, bytes] | None:
    """(type, value text) of a formula cell's calculated value; None when it has none.
    A value in the shared strings is kept as its index (type ``s``) until it is looked up."""
    if kind == "inlineStr":
        item = re.search(rb"<((?:[\w.-]+:)?is)\b[^>]*>(.*?)</\1>", body, re.S)
        return (b"str", _runs(item[2])) if item else None
    value = _VALUE.search(body)
    if value is None:
        return None
    if kind == "s":
        return (b"s", value[1].strip()) if value[1].strip().isdigit() else None
    if not value[1] and kind != "str":
        return None  # an empty number is no value (only a text result may be "")
    return kind.encode(), value[1]


def _runs(xml: bytes) -> bytes:
    """The text of a string item (its runs joined, phonetic runs left out), still escaped."""
    return b"".join(run[2] or b"" for run in _TEXT.finditer(_PHONETIC.sub(b"", xml)))


def _shared_strings(package: Package, workbook: str, wanted: set[int]) -> dict[int, bytes]:
    """The shared strings at the indexes ``wanted``, each as escaped text."""
    try:
        parts = [r.target for r in package.relationships(workbook)
                 if r.type.endswith(_SHARED_STRINGS) and not r.external]
        xml = package.read(parts[0]) if parts else b""
    except PackageGap:
        return {}
    last, found = max(wanted), {}
    for index, item in enumerate(_ITEM.finditer(xml)):
        if index in wanted:
            found[index] = _runs(item[2] or b"")
        if index >= last:
            break
    return found


def _put_values(path: Path, values: dict[str, dict[str, Stored]]) -> None:
    """Write ``values`` into the formula cells of the package at ``path`` that openpyxl left
    without one: its sheet parts of those names are rewritten, a piece at a time, into a
    new package beside it, which then replaces it; every other part is copied as it is."""
    with zipfile.ZipFile(path) as archive:
        package = Package(archive)
        parts = {part_key(sheet.part): values.get(sheet.name) or {}
                 for sheet in workbook_sheets(package, package.main_part())
                 if sheet.part is not None}
        if not any(values.values()) and not any(_loose(package, part) for part in parts):
            return  # nothing to put back: the package stays as openpyxl wrote it
        handle, name = tempfile.mkstemp(prefix=".", suffix=path.suffix, dir=path.parent)
        os.close(handle)
        new = Path(name)
        try:
            with zipfile.ZipFile(new, "w", zipfile.ZIP_DEFLATED) as out:
                for info in archive.infolist():
                    copy = zipfile.ZipInfo(info.filename, info.date_time)
                    copy.compress_type, copy.external_attr = (info.compress_type,
                                                              info.external_attr)
                    cells = parts.get(part_key(info.filename))
                    with archive.open(info) as source, out.open(copy, "w") as target:
                        if cells is None:
                            shutil.copyfileobj(source, target, 1 << 20)
                            continue
                        for xml in _pieces(source):
                            target.write(_spaces_kept(_filled(xml, cells) if cells else xml))
            os.replace(new, path)
        except BaseException:
            new.unlink(missing_ok=True)
            raise


#: A text element whose text begins or ends with white space and that does not say to keep
#: it: openpyxl writes a rich-text run of a space so (``<t> </t>``), and every reader then
#: drops the space ("test3 aaa" read back as "test3aaa").
_LOOSE_SPACE = re.compile(rb"<((?:[\w.-]+:)?t)>(?=[ \t\r\n]|[^<]*[ \t\r\n]</\1>)")


def _loose(package: Package, part: str) -> bool:
    """Whether a sheet part holds a text element that loses its spaces (read a piece at a
    time: a large sheet is never held whole)."""
    with package.open(part) as stream:
        return any(_LOOSE_SPACE.search(xml) for xml in _pieces(stream))


def _spaces_kept(xml: bytes) -> bytes:
    """A piece of a saved sheet's XML whose text elements keep their leading and trailing
    white space (``xml:space="preserve"``), as the text was typed."""
    return _LOOSE_SPACE.sub(rb'<\1 xml:space="preserve">', xml)


def _filled(xml: bytes, cells: dict[str, Stored]) -> bytes:
    """A piece of a saved sheet's XML with the stored values put into its formula cells."""
    if not _has_formula(xml):
        return xml
    out, done = [], 0
    for found in _CELL.finditer(xml):
        cell = _with_value(found, cells)
        if cell is not None:
            out += [xml[done:found.start()], cell]
            done = found.end()
    return b"".join(out) + xml[done:] if out else xml


def _with_value(found: re.Match[bytes], cells: dict[str, Stored]) -> bytes | None:
    """The saved cell ``found`` with its stored value, or None to leave it as it is: it is
    no formula, it has a value or a type already, or its formula is not the original's."""
    start, body = found[1], found[2] or b""
    ref, element, value = _REF.search(start), _F.search(body), _VALUE.search(body)
    if ref is None or element is None or value is not None and value[1].strip() \
            or "t" in attributes(start):
        return None
    stored = cells.get(ref[1].decode().upper())
    if stored is None or _formula(element) != stored[0]:
        return None
    kind, text = stored[1], stored[2]
    tag = found[0][1:found.start(1) - found.start()]  # "c", or "x:c" with a prefix
    v = tag[:-1] + b"v"
    typed = start if kind in (b"", b"n") else start + b' t="' + kind + b'"'
    rest = _EMPTY_VALUE.sub(b"", body[element.end():])
    return (b"<" + tag + typed + b">" + body[:element.end()]
            + b"<" + v + b">" + text + b"</" + v + b">" + rest + b"</" + tag + b">")
