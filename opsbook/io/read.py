"""Reading workbook files with python-calamine; every way a file can fail becomes an Issue."""

from __future__ import annotations

import io
import itertools
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import python_calamine as calamine

from opsbook.core.issues import Issue
from opsbook.core.table import RawSheet
from opsbook.io.cellerrors import ods_errors, xls_errors, xlsb_errors
from opsbook.io.compound import Unfit, compound_format
from opsbook.io.datesystem import EPOCH_1900, EPOCH_1904, ods_epoch, xls_epoch, xlsb_epoch
from opsbook.io.decrypt import UNLOCK, inner_format, open_default
from opsbook.io.disguised import HEAD, another_file, disguised
from opsbook.io.extent import TOO_FAR, oversized, xlsb_extents
from opsbook.io.formulas import PackageScan, scan, scan_package
from opsbook.io.locks import lock_file
from opsbook.io.package import ZIP_ERRORS, Package, PackageGap

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
READ_ONLY_SUFFIXES = (".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class FileProblem(Exception):
    """A file that cannot be read at all; carries the Issue that says why."""

    def __init__(self, issue: Issue):
        super().__init__(issue.message())
        self.issue = issue


def _fail(code: str, path: Path, detail: str = "") -> FileProblem:
    return FileProblem(Issue(code, file=str(path), params={"detail": detail}))


#: Why a file cannot be opened, in words a person understands, with what to do (en, zh).
INCOMPLETE = ("it ends too early, as when a copy or download is cut off part way; take the "
              "file again from where it came from",
              "文件不完整（像是复制或下载中途中断）；请从原处重新获取该文件")
DAMAGED = ("parts of it are damaged; open it in Excel or LibreOffice and save it again as "
           ".xlsx, or take the file again from where it came from",
           "文件部分内容已损坏；请用 Excel 或 LibreOffice 打开后另存为 .xlsx，或从原处重新获取")
NOT_SPREADSHEET = ("the content is not a spreadsheet", "内容不是电子表格")
#: What a .csv named explicitly is, for the ``csv-file`` message (a .tsv or .txt is a text file).
CSV = ("A CSV file", "CSV 文件")


def _detail(code: str, path: Path, words: tuple[str, str], reason: str = "") -> FileProblem:
    """A FileProblem whose message says ``words``; ``reason`` (the reader's own text) is kept
    in the issue's params for a bug report, never shown in the message."""
    return FileProblem(Issue(code, file=str(path), params={
        "detail": words[0], "detail_zh": words[1], "reason": reason}))


def check_file(path: Path) -> str:
    """The format of a file that looks readable ("xlsx", "xls" …, or "encrypted" for an
    Office file inside an encrypted container), or a FileProblem."""
    return _checked(path)[0]


def _checked(path: Path, scanned: bool = False) -> tuple[str, PackageScan | None]:
    """:func:`check_file`, and with ``scanned`` the formula scan of an .xlsx/.xlsm, made
    while its package is open for the check (a package is opened once, not twice)."""
    if not path.exists():
        raise _fail("file-not-found", path)
    if path.is_dir():
        raise _detail("not-a-workbook", path, ("a folder", "这是一个文件夹"))
    locked = lock_file(path)
    if locked is not None:
        raise FileProblem(locked)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        raise _detail("csv-file", path, CSV if suffix == ".csv" else (
            f"A text file ({suffix})", f"文本文件（{suffix}）"))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
            if head != _OLE_MAGIC and head[:2] != b"PK":
                blob = head + handle.read(HEAD - len(head))
    except OSError as error:
        raise _detail("file-unreadable", path, NO_ACCESS, error.strerror or str(error)) from None
    if size == 0:
        raise _fail("empty-file", path)
    if head == _OLE_MAGIC:
        return _check_compound(path), None
    if head[:2] == b"PK":
        return _check_zip(path, scanned, suffix)
    if suffix in WORKBOOK_SUFFIXES:
        what = disguised(blob)
        raise (_detail("not-a-workbook", path, what) if what
               else _detail("corrupt-file", path, NOT_SPREADSHEET))
    shown = suffix or path.name
    raise _detail("not-a-workbook", path, (f"'{shown}' is not a spreadsheet file",
                                           f"“{shown}”不是电子表格文件"))


def _check_compound(path: Path) -> str:
    """"xls" or "encrypted" (:func:`compound_format`), or the FileProblem saying why not."""
    try:
        return compound_format(path)
    except Unfit as unfit:
        if unfit.what is not None:
            raise _detail("not-a-workbook", path, another_file(unfit.what)) from None
        words = INCOMPLETE if unfit.why == "incomplete" else DAMAGED
        raise _detail("corrupt-file", path, words, unfit.reason) from None


NO_ACCESS = ("it is open in another program, or you have no permission to read it; close it "
             "there or ask for access, then run again",
             "文件可能已被其他程序打开，或没有读取权限；请关闭该程序或申请权限后重试")


def _check_zip(path: Path, scanned: bool, suffix: str) -> tuple[str, PackageScan | None]:
    """The format of a zip workbook, as its content shows it (:func:`_zip_format`), and
    with ``scanned`` the formula scan of an .xlsx/.xlsm package (see
    :func:`opsbook.io.formulas.scan`). A zip that is cut short is incomplete; a zip holding
    another kind of document (a Word file renamed .xlsx) is not a workbook."""
    found = None
    try:
        with zipfile.ZipFile(path) as archive:
            package = Package(archive)
            other = package.other_document()
            fmt = _zip_format(package, suffix)
            if scanned and other is None and fmt in ("xlsx", "xlsm"):
                found = scan(package)
    except zipfile.BadZipFile as error:
        raise _detail("corrupt-file", path, INCOMPLETE, _short(error)) from None
    except ZIP_ERRORS as error:  # after BadZipFile (cut short): damaged within
        raise _detail("corrupt-file", path, DAMAGED, _short(error)) from None
    if other is not None:
        raise _detail("not-a-workbook", path, another_file(other))
    return fmt, found


def _zip_format(package: Package, suffix: str) -> str:
    """"ods", "xlsb", "xlsm" or "xlsx" as the package's parts show it, whatever its name
    says (an .ods or .xlsb saved under an .xlsx name, an .xlsx named .xls)."""
    try:
        if b"opendocument.spreadsheet" in package.read("/mimetype"):
            return "ods"
    except PackageGap:
        pass
    if any(key.endswith("/workbook.bin") for key in package.names):
        return "xlsb"
    return "xlsm" if suffix == ".xlsm" else "xlsx"


#: The format python-calamine takes a file for by its name (it does not look inside).
_NAMED = {".xls": "xls", ".xla": "xls", ".xlsb": "xlsb", ".ods": "ods"}


def _misnamed(path: Path, fmt: str) -> bool:
    """True when a workbook's name says another format than its content (an .xls saved as
    .xlsx, as some systems export): it is then read from its bytes, by its content."""
    return _NAMED.get(path.suffix.lower(), "xlsx") != {"xlsm": "xlsx"}.get(fmt, fmt)


@dataclass
class RawBook:
    """A workbook file as read: its sheets from A1, its format ("xlsx", "xls" …) and notes
    about the reading itself (write-protected, parts skipped) as info issues."""

    sheets: list[RawSheet]
    format: str
    notes: list[Issue] = field(default_factory=list)


def read_raw(path: Path) -> tuple[list[RawSheet], str]:
    """Every worksheet of a file as raw values from A1, and the file's format."""
    book = read_book(path)
    return book.sheets, book.format


def read_book(path: Path) -> RawBook:
    """Read a workbook file: every worksheet, its format and notes; FileProblem when nothing
    of it can be read.

    An encrypted workbook whose password is Excel's default (a write-protected workbook,
    which Excel opens without asking) is decrypted in memory and read, with a note.
    """
    fmt, scanned = _checked(path, scanned=True)
    notes: list[Issue] = []
    data: bytes | None = None
    try:
        if fmt == "encrypted":
            data = _decrypted(path, notes)
            fmt = inner_format(path, data)
        elif _misnamed(path, fmt):
            data = path.read_bytes()
        try:
            return _read(path, fmt, data, notes, scanned)
        except calamine.PasswordError:
            if data is not None or fmt != "xls":
                raise
            data = _decrypted(path, notes)
            return _read(path, fmt, data, notes)
    except calamine.PasswordError:
        raise _detail("password-protected", path, UNLOCK.get(fmt, UNLOCK["excel"])) from None
    except (calamine.ZipError, zipfile.BadZipFile) as error:
        words = INCOMPLETE if "EOCD" in str(error) or "central directory" in str(error) else DAMAGED
        raise _detail("corrupt-file", path, words, _short(error)) from None
    except (calamine.XmlError, calamine.CalamineError, OSError) as error:
        if isinstance(error, OSError) and error.errno is not None:  # the system's: no access
            raise _detail("file-unreadable", path, NO_ACCESS, error.strerror) from None
        if "cell limit exceeded" in str(error).lower():  # the reader's own limit (an .ods)
            raise _detail("file-unreadable", path, TOO_FAR, _short(error)) from None
        raise _detail("corrupt-file", path, DAMAGED, _short(error)) from None  # a part damaged


def _decrypted(path: Path, notes: list[Issue]) -> bytes:
    data = open_default(path)
    if data is None:
        raise _detail("password-protected", path, UNLOCK["excel"])
    notes.append(Issue("write-protected", "info", file=str(path)))
    return data


def _read(path: Path, fmt: str, data: bytes | None, notes: list[Issue],
          scanned: PackageScan | None = None) -> RawBook:
    source = (lambda: io.BytesIO(data)) if data is not None else (lambda: str(path))
    book = (calamine.CalamineWorkbook.from_filelike(source()) if data is not None
            else calamine.CalamineWorkbook.from_path(str(path)))  # from_path: no copy in memory
    formulas: dict[str, tuple[set[str], dict[str, str]]] = {}
    percents: dict[str, set[str]] = {}
    padded: dict[str, dict[str, tuple[str, int, str]]] = {}
    epoch, extents = EPOCH_1900, {}
    if fmt in ("xlsx", "xlsm"):
        found = scanned if scanned is not None and data is None else scan_package(source())
        formulas, percents, padded, extents = (found.formulas, found.percents, found.padded,
                                               found.extents)
        epoch = EPOCH_1904 if found.date1904 else EPOCH_1900
        if found.write_protected and not any(n.code == "write-protected" for n in notes):
            notes.append(Issue("write-protected", "info", file=str(path)))
        if found.gaps:
            shown = "; ".join(found.gaps[:3]) + ("; …" if len(found.gaps) > 3 else "")
            notes.append(Issue("formula-scan-skipped", "info", file=str(path),
                               params={"detail": shown}))
    elif fmt == "xls":
        epoch = xls_epoch(source())
        formulas = {name: (set(), cells) for name, cells in xls_errors(source()).items()}
    elif fmt == "xlsb":
        epoch, extents = xlsb_epoch(source()), xlsb_extents(source())
        formulas = {name: (set(), cells) for name, cells in xlsb_errors(source()).items()}
    elif fmt == "ods":
        epoch = ods_epoch(str(path))
        formulas = {name: (set(), cells) for name, cells in ods_errors(source()).items()}
    sheets = []
    try:
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            if too_large := oversized(meta.name, extents.get(meta.name)):  # before it is read
                raise _detail("file-unreadable", path, too_large)
            sheet = book.get_sheet_by_name(meta.name)
            try:
                merged = sheet.merged_cell_ranges or []
            except Exception:  # not every format records merged cells
                merged = []
            missing, errors = formulas.get(meta.name, (set(), {}))
            sheets.append(RawSheet(meta.name, _values(sheet, path, fmt, source), list(merged),
                                   missing, errors, epoch=epoch,
                                   percent_cells=percents.get(meta.name, set()),
                                   padded_cells=padded.get(meta.name, {})))
    finally:
        book.close()
    return RawBook(sheets, fmt, notes)


def _values(sheet: calamine.CalamineSheet, path: Path, fmt: str,
            source: Callable[[], Any]) -> list[list[Any]]:
    """A sheet's values from A1.

    calamine panics (a ``BaseException``, not an ``Exception``) on a date or time cell whose
    number is far outside the calendar; such a sheet of an .xlsx is read with openpyxl, which
    gives the cell as ``#VALUE!``.
    """
    try:
        return _from_a1(sheet)
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
    if fmt not in ("xlsx", "xlsm"):
        raise _detail("corrupt-file", path, (
            f"sheet '{sheet.name}' holds a value out of range",
            f"工作表“{sheet.name}”中有超出范围的值"))
    return _values_by_openpyxl(source(), sheet.name)


def _from_a1(sheet: calamine.CalamineSheet) -> list[list[Any]]:
    """A sheet's values as rows from A1, all of one width (what ``to_python(
    skip_empty_area=False)`` gives); a sheet of more than :data:`SMALL_SHEET` cells is read
    a row at a time through :func:`shared_values`, which keeps its memory down.

    python-calamine's ``iter_rows`` starts at the first column that holds something (and,
    in the versions seen, at row 1); the blank columns and rows before are put back here.
    """
    if sheet.start is None:
        return []
    (bottom, right) = sheet.end
    width = right + 1
    if (bottom + 1) * width <= SMALL_SHEET:  # a small sheet costs less at once
        return sheet.to_python(skip_empty_area=False)
    rows = iter(sheet.iter_rows())
    first = next(rows, None)
    if first is None:
        return []
    rows = shared_values(itertools.chain([first], rows), lead=width - len(first))
    missing = bottom + 1 - len(rows)
    return [[""] * width for _ in range(missing)] + rows if missing > 0 else rows


#: Cells up to which a sheet is read at once (``to_python``), not a row at a time.
SMALL_SHEET = 1 << 14
#: Distinct values :func:`shared_values` remembers before it starts afresh.
SHARED_LIMIT = 1 << 16


def shared_values(rows: Iterable[list[Any]], limit: int = SHARED_LIMIT, lead: int = 0
                  ) -> list[list[Any]]:
    """``rows`` as lists, equal cells of the same type made one object (all are immutable:
    text, numbers, booleans, dates, times).

    A year of attendance repeats 500 employee ids and a few hundred dates and clock times
    in 180,000 rows: one object each instead of one per cell makes the rows less than half
    the memory (42 → 20 MB) while they wait to be typed. Equal means equal value *and*
    type (``1``, ``1.0`` and ``True`` stay apart). At most ``limit`` values are remembered
    at a time (then it starts afresh), so a sheet of all-different values costs little.
    ``lead`` blank cells ("") are put before each row.
    """
    memo: dict[tuple[Any, type], Any] = {}
    same = memo.setdefault
    blank = [""] * lead
    out: list[list[Any]] = []
    for row in rows:  # the cells of a row go through C (map, zip), not Python bytecode
        shared = list(map(same, zip(row, map(type, row)), row))
        out.append(blank + shared if lead else shared)
        if len(memo) > limit:
            memo.clear()
    return out


def _values_by_openpyxl(path: Any, name: str) -> list[list[Any]]:
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


def format_note(path: Path, fmt: str) -> Issue | None:
    """An info issue for formats that are read but cannot be written back."""
    if fmt in ("xls", "xlsb", "ods"):
        detail = {"detail": f".{fmt}"}
        if _misnamed(path, fmt):  # an .xls saved under an .xlsx name: said as it is
            suffix = path.suffix.lower()
            detail = {"detail": f".{fmt} (under an {suffix} name)",
                      "detail_zh": f".{fmt}（文件名却是 {suffix}）"}
        return Issue("read-only-format", "info", file=str(path), params=detail)
    return None


UNEXPECTED = ("opsbook met something in it that it cannot handle. Open it in Excel or "
              "LibreOffice and save it again as .xlsx, then run again; if that does not help, "
              "report it to the opsbook project with the file",
              "opsbook 在文件中遇到无法处理的内容。请用 Excel 或 LibreOffice 打开并另存为 .xlsx 后"
              "重试；如仍不行，请将文件反馈给 opsbook 项目")


def failed_file(path: Path | str, error: BaseException) -> Issue:
    """The file-category issue for an unexpected failure while reading or checking one file:
    words a user understands and what to do; the error itself is kept in ``params["reason"]``
    (for a bug report), never in the message."""
    return Issue("file-unreadable", file=str(path), params={
        "detail": UNEXPECTED[0], "detail_zh": UNEXPECTED[1],
        "reason": f"{type(error).__name__}: {_short(error) if str(error) else ''}"})
