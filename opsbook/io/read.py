"""Reading workbook files with python-calamine; every way a file can fail becomes an Issue."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, Iterator

import python_calamine as calamine

from opsbook.core.issues import Issue
from opsbook.core.table import RawSheet

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
READ_ONLY_SUFFIXES = (".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class FileProblem(Exception):
    """A file that cannot be read at all; carries the Issue that says why."""

    def __init__(self, issue: Issue):
        super().__init__(issue.message())
        self.issue = issue


def _fail(code: str, path: Path, detail: str = "") -> FileProblem:
    return FileProblem(Issue(code, file=str(path), params={"detail": detail}))


def check_file(path: Path) -> str:
    """The format of a file that looks readable ("xlsx", "xls" …), or a FileProblem."""
    if not path.exists():
        raise _fail("file-not-found", path)
    if path.is_dir():
        raise _fail("not-a-workbook", path, "a folder")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        raise _fail("csv-file", path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _OLE_MAGIC:
                handle.seek(0)
                blob = handle.read(1 << 20)
    except OSError as error:
        raise _fail("file-unreadable", path, error.strerror or str(error)) from None
    if size == 0:
        raise _fail("empty-file", path)
    if head == _OLE_MAGIC:
        if _ENCRYPTED in blob:
            raise _fail("password-protected", path)
        return "xls"
    if head[:2] == b"PK":
        return {".xlsm": "xlsm", ".xlsb": "xlsb", ".ods": "ods"}.get(suffix, "xlsx")
    if suffix in WORKBOOK_SUFFIXES:
        raise _fail("corrupt-file", path, "the content is not a spreadsheet")
    raise _fail("not-a-workbook", path, f"'{suffix or path.name}' is not a spreadsheet file")


def read_raw(path: Path) -> tuple[list[RawSheet], str]:
    """Every worksheet of a file as raw values from A1, and the file's format."""
    fmt = check_file(path)
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
        sheets = []
        formulas = _formulas_without_value(path) if fmt in ("xlsx", "xlsm") else {}
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            try:
                merged = sheet.merged_cell_ranges or []
            except Exception:  # not every format records merged cells
                merged = []
            missing, errors = formulas.get(meta.name, (set(), {}))
            sheets.append(RawSheet(meta.name, _values(sheet, path, fmt), list(merged), missing,
                                   errors))
        book.close()
    except calamine.PasswordError:
        raise _fail("password-protected", path) from None
    except (calamine.ZipError, calamine.XmlError, zipfile.BadZipFile) as error:
        raise _fail("corrupt-file", path, _short(error)) from None
    except calamine.CalamineError as error:
        raise _fail("corrupt-file", path, _short(error)) from None
    except PermissionError as error:
        raise _fail("file-unreadable", path, error.strerror or str(error)) from None
    except OSError as error:
        raise _fail("file-unreadable", path, error.strerror or str(error)) from None
    return sheets, fmt


def _values(sheet: calamine.CalamineSheet, path: Path, fmt: str) -> list[list[Any]]:
    """A sheet's values from A1.

    calamine panics (a ``BaseException``, not an ``Exception``) on a date or time cell whose
    number is far outside the calendar; such a sheet of an .xlsx is read with openpyxl, which
    gives the cell as ``#VALUE!``.
    """
    try:
        return sheet.to_python(skip_empty_area=False)
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
    if fmt not in ("xlsx", "xlsm"):
        raise _fail("corrupt-file", path, f"sheet '{sheet.name}' holds a value out of range")
    return _values_by_openpyxl(path, sheet.name)


def _values_by_openpyxl(path: Path, name: str) -> list[list[Any]]:
    import warnings

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "the cell will be treated as an error"
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            rows = [list(row) for row in book[name].iter_rows(min_row=1, min_col=1,
                                                               values_only=True)]
        finally:
            book.close()
    width = max(map(len, rows), default=0)
    return [["" if v is None else v for v in row] + [""] * (width - len(row)) for row in rows]


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:160]


# --- formula cells: calamine gives cached values only, so look at the XML for the rest ---

_CELL = re.compile(rb'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_SHEET = re.compile(rb'<sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL = re.compile(rb'<Relationship [^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"')
_REL_REVERSED = re.compile(rb'<Relationship [^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')


def _formulas_without_value(path: Path) -> dict[str, tuple[set[str], dict[str, str]]]:
    """Per sheet: formula cells with no cached value, and cells holding an error (#DIV/0!)."""
    out: dict[str, tuple[set[str], dict[str, str]]] = {}
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
        targets = {rid: target for rid, target in _REL.findall(rels)}
        targets.update({rid: target for target, rid in _REL_REVERSED.findall(rels)})
        for name, rid in _SHEET.findall(workbook):
            target = targets.get(rid, b"").decode()
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if part not in names:
                continue
            xml = archive.read(part)
            if b"<f>" not in xml and b"<f " not in xml and b't="e"' not in xml:
                continue
            missing, errors = set(), {}
            for ref, attrs, body in _CELL.findall(xml):
                body = body or b""
                if b't="e"' in attrs:
                    value = re.search(rb"<v>(.*?)</v>", body)
                    errors[ref.decode()] = value[1].decode() if value else "#ERROR"
                elif b"<f" in body and _no_value(attrs, body):
                    missing.add(ref.decode())
            out[_unescape(name.decode())] = (missing, errors)
    return out


_VALUE = re.compile(rb"<v>(.*?)</v>", re.S)


def _no_value(attrs: bytes, body: bytes) -> bool:
    """True for a formula cell without a cached value: no ``<v>``, or an empty one (openpyxl
    writes ``<v />``) unless the formula gives text (``t="str"``), whose value may be ""."""
    value = _VALUE.search(body)
    return value is None or (not value[1] and b't="str"' not in attrs)


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def workbook_files(paths: list[Path]) -> Iterator[tuple[Path, Issue | None]]:
    """Files to read from files and folders; folder entries that are no workbook are noted."""
    for path in paths:
        if not path.is_dir():
            yield path, None
            continue
        for entry in sorted(path.rglob("*")):
            if entry.is_dir() or entry.name.startswith((".", "~$")):
                continue
            if entry.suffix.lower() in WORKBOOK_SUFFIXES:
                yield entry, None
            else:
                yield entry, Issue("skipped-file", "info", file=str(entry))


def format_note(path: Path, fmt: str) -> Issue | None:
    """An info issue for formats that are read but cannot be written back."""
    if fmt in ("xls", "xlsb", "ods"):
        return Issue("read-only-format", "info", file=str(path), params={"detail": f".{fmt}"})
    return None
