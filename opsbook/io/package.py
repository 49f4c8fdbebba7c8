"""An .xlsx/.xlsm package read the way Open Packaging Conventions say: through its relationships.

The workbook part is wherever ``/_rels/.rels`` points (not always ``xl/workbook.xml``); its
sheets are wherever the workbook's own relationships point. Part names are matched without
regard to case and with ``\\`` taken as ``/``, as the spreadsheet readers do (some exporters
write ``xl\\workbook.xml``). Nothing here raises for a damaged package: what cannot be found
is reported as a :class:`PackageGap` and the caller skips it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO

OFFICE_DOCUMENT = "/officeDocument"
_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?Relationship\b([^>]*?)/?>", re.S)
_ATTRIBUTE = re.compile(r'([\w.:-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')', re.ASCII)  # as on bytes
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\b([^>]*?)/?>", re.S)
_WORKBOOK_PR = re.compile(rb"<(?:[\w.-]+:)?workbookPr\b([^>]*?)/?>", re.S)
_FILE_SHARING = re.compile(rb"<(?:[\w.-]+:)?fileSharing\b([^>]*?)/?>", re.S)

#: Main content of other Office documents, as their package relationships or content types
#: name it: what a file is when it is a zip but not a spreadsheet.
OTHER_DOCUMENTS = {
    b"wordprocessingml": ("a Word document", "Word 文档"),
    b"presentationml": ("a PowerPoint presentation", "PowerPoint 演示文稿"),
    b"opendocument.text": ("a text document (.odt)", "文本文档（.odt）"),
    b"opendocument.presentation": ("a presentation (.odp)", "演示文稿（.odp）"),
}


#: What reading a damaged zip package raises: a part cut short or a deflate stream that
#: does not inflate (``zlib.error``) as much as a bad central directory.
ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError,
              zlib.error)
#: Parts up to this size (bytes, uncompressed) are kept once read.
SMALL_PART = 1 << 16


class PackageGap(Exception):
    """A part or relationship the package does not have (or cannot give)."""


def attributes(text: bytes) -> dict[str, str]:
    """The attributes of one XML start tag, by local name (``r:id`` → ``id``)."""
    out: dict[str, str] = {}
    for name, double, single in _ATTRIBUTE.findall(text.decode("utf-8", "replace")):
        value = double or single
        out.setdefault(name.rpartition(":")[2], _unescape(value) if "&" in value else value)
    return out


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def part_key(name: str) -> str:
    """A part name as a comparable key: ``xl\\Workbook.xml`` → ``/xl/workbook.xml``."""
    return "/" + name.replace("\\", "/").lstrip("/").lower()


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    target: str  # the part name it points to ("/xl/worksheets/sheet1.xml"), or a URL
    external: bool = False


@dataclass
class Package:
    """The parts of a zip package by name; read through relationships."""

    archive: zipfile.ZipFile
    names: dict[str, str] = field(default_factory=dict)
    #: Uncompressed size of each part, by key.
    sizes: dict[str, int] = field(default_factory=dict)
    #: Small parts already read (the workbook part and relationships are read twice).
    _read: dict[str, bytes] = field(default_factory=dict)
    #: Relationships already parsed, by source part.
    _rels: dict[str, list[Relationship]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for info in self.archive.infolist():
            key = part_key(info.filename)
            if key not in self.names:
                self.names[key], self.sizes[key] = info.filename, info.file_size

    def has(self, part: str) -> bool:
        return part_key(part) in self.names

    def read(self, part: str) -> bytes:
        """The bytes of a part; PackageGap when it is absent or cannot be read."""
        key = part_key(part)
        name = self.names.get(key)
        if name is None:
            raise PackageGap(f"no part {part}")
        if key in self._read:
            return self._read[key]
        try:
            data = self.archive.read(name)
            if len(data) <= SMALL_PART:
                self._read[key] = data
            return data
        except ZIP_ERRORS as error:
            raise PackageGap(f"part {part} cannot be read ({type(error).__name__})") from None

    def open(self, part: str) -> IO[bytes]:
        """A part as a binary stream, read a block at a time (a large worksheet is never
        held whole); PackageGap when it is absent or cannot be opened. Reading it may raise
        what :meth:`read` turns into a PackageGap (a damaged part)."""
        name = self.names.get(part_key(part))
        if name is None:
            raise PackageGap(f"no part {part}")
        try:
            return self.archive.open(name)
        except ZIP_ERRORS as error:
            raise PackageGap(f"part {part} cannot be read ({type(error).__name__})") from None

    def relationships(self, source: str) -> list[Relationship]:
        """The relationships of part ``source`` ("/" for the package itself)."""
        if source in self._rels:
            return self._rels[source]
        folder, name = posixpath.split(part_key(source) if source != "/" else "/")
        out = list(_relationships(folder, self.read(posixpath.join(folder, "_rels",
                                                                   f"{name}.rels"))))
        self._rels[source] = out
        return out

    def main_part(self) -> str:
        """The package's main document part (the workbook of a spreadsheet)."""
        for rel in self.relationships("/"):
            if rel.type.endswith(OFFICE_DOCUMENT) and not rel.external and rel.target:
                return rel.target
        raise PackageGap("the package names no main document")

    def other_document(self) -> tuple[str, str] | None:
        """(English, Chinese) words for what the package is when it is another kind of
        document (a Word file renamed .xlsx), else None."""
        probes = []
        for part in ("/[Content_Types].xml", "/mimetype"):
            try:
                probes.append(self.read(part))
            except PackageGap:
                continue
        text = b" ".join(probes).lower()
        if b"spreadsheetml" in text or b"opendocument.spreadsheet" in text or b"ms-excel" in text:
            return None
        for marker, words in OTHER_DOCUMENTS.items():
            if marker.lower() in text:
                return words
        books = [name.replace("\\", "/").rsplit("/", 1)[-1] for name in self.names.values()
                 if name.lower().endswith((".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"))]
        if books:  # workbooks zipped and the zip named as one: not 'holding no spreadsheet'
            shown = ", ".join(books[:3]) + (", …" if len(books) > 3 else "")
            return (f"a zip archive of workbooks ({shown})",
                    f"内含工作簿（{shown.replace(', ', '、')}）的压缩包")
        if not any("workbook" in key or key == "/content.xml" for key in self.names):
            return ("a zip archive holding no spreadsheet", "不含电子表格的压缩包")
        return None


@lru_cache(maxsize=64)
def _relationships(folder: str, rels: bytes) -> tuple[Relationship, ...]:
    """The relationships a ``.rels`` part of ``folder`` holds, targets resolved from it.
    Kept by content: the files made from one template share their parts."""
    out = []
    for element in _ELEMENT.findall(rels):
        attrs = attributes(element)
        target = attrs.get("Target", "").replace("\\", "/")
        external = attrs.get("TargetMode", "").lower() == "external"
        if not external and target:
            target = posixpath.normpath(target if target.startswith("/")
                                        else posixpath.join(folder, target))
        out.append(Relationship(attrs.get("Id", ""), attrs.get("Type", ""), target,
                                external))
    return tuple(out)


@dataclass
class SheetPart:
    name: str
    part: str | None  # None when the workbook's relationship for the sheet is missing


def workbook_sheets(package: Package, workbook: str) -> list[SheetPart]:
    """The workbook's sheets in order, each with its part name (through relationships)."""
    xml = package.read(workbook)
    try:
        targets = {r.id: r.target for r in package.relationships(workbook) if not r.external}
    except PackageGap:
        targets = {}
    return [SheetPart(name, targets.get(rid)) for name, rid in _sheet_names(xml)]


@lru_cache(maxsize=64)
def _sheet_names(xml: bytes) -> tuple[tuple[str, str], ...]:
    """(name, relationship id) of each sheet a workbook part lists, in order; kept by
    content, as :func:`_relationships` is."""
    named = (attributes(element) for element in _SHEET.findall(xml))
    return tuple((attrs["name"], attrs.get("id", "")) for attrs in named if "name" in attrs)


def write_protected(package: Package, workbook: str) -> bool:
    """True when Excel asks for a password to modify the workbook (``fileSharing`` with a
    password hash) or recommends opening it read-only (ECMA-376 Part 1, 18.2.12): saving
    over it would lose that protection."""
    found = _FILE_SHARING.search(package.read(workbook))
    if found is None:
        return False
    attrs = attributes(found[1])
    return bool(attrs.get("hashValue") or attrs.get("reservationPassword")) or attrs.get(
        "readOnlyRecommended", "").strip().lower() in ("1", "true")


def file_write_protected(path: object) -> bool:
    """:func:`write_protected` of the workbook file at ``path`` (False for a file that is no
    package or cannot be read: what reading it says is said there)."""
    try:
        with zipfile.ZipFile(path) as archive:  # type: ignore[arg-type]
            package = Package(archive)
            return write_protected(package, package.main_part())
    except (PackageGap, *ZIP_ERRORS):
        return False


def date1904(package: Package, workbook: str) -> bool:
    """True when the workbook counts dates from 1904 (Excel for Mac's date system)."""
    found = _WORKBOOK_PR.search(package.read(workbook))
    value = attributes(found[1]).get("date1904", "") if found else ""
    return value.strip().lower() in ("1", "true")
