"""The file adapter of the book interface: a workbook on disk, read with python-calamine and
written with openpyxl into a copy (or, atomically, in place), keeping macros and buttons."""

from __future__ import annotations

import errno
import io
import shutil
from pathlib import Path
from typing import Any

from opsbook.core.output import (
    ERROR_FILL,
    NOTE_PREFIX,
    WARNING_FILL,
    Mark,
    SheetOut,
    by_cell,
    note_text,
    worst,
)
from opsbook.core.table import RawSheet
from opsbook.io.atomic import WRITE_PROTECTED, WriteFailed, replace_atomically
from opsbook.io.decrypt import open_default
from opsbook.io.formula_values import save_keeping_values
from opsbook.io.package import file_write_protected
from opsbook.io.read import read_raw
from opsbook.io.unkept import load_for_writing


def close_workbook(book: Any) -> None:
    """Let go of an openpyxl workbook and of the zip files it holds.

    A workbook loaded with ``keep_vba=True`` keeps the macro workbook's parts in an in-memory
    zip opened for appending (``vba_archive``); openpyxl's ``Workbook.close`` leaves it open,
    and the garbage collector closing it after its buffer (at exit) prints "Exception
    ignored in: ZipFile.__del__ … I/O operation on closed file". Closing it here, on every
    path, prevents that.
    """
    archive = getattr(book, "vba_archive", None)
    if archive is not None:
        book.vba_archive = None
        archive.close()
    book.close()


def _solid_rgb(fill) -> str | None:
    """The RRGGBB colour of a user's solid fill (not one of opsbook's marks), else None."""
    color = getattr(fill, "fgColor", None)
    rgb = getattr(color, "rgb", None) if fill is not None and fill.fill_type == "solid" else None
    if not isinstance(rgb, str) or getattr(color, "type", "rgb") != "rgb":
        return None
    rgb = rgb[-6:].upper()
    return None if rgb in (ERROR_FILL, WARNING_FILL) else rgb


def _misnamed(source: Path, fmt: str) -> WriteFailed:
    """Why a workbook of another format under an .xlsx name is not written: openpyxl writes
    only .xlsx/.xlsm (its content is read for checking, as that format's files are)."""
    suffix = source.suffix.lower()
    error = WriteFailed(0, f"it is an .{fmt} workbook under an {suffix} name", str(source))
    error.reason_zh = f"这是 .{fmt} 格式的工作簿，只是文件名为 {suffix}"
    error.advice = ("Open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook), "
                    "then run again.")
    error.advice_zh = "请用 Excel 或 LibreOffice 打开，另存为 .xlsx（Excel 工作簿）后重试。"
    return error


class FileBook:
    """A workbook file behind the BookPort interface.

    Changes are kept in memory and written by :meth:`save` to ``target`` (a new file, or
    the source itself through a temporary file and a rename); the source is never touched
    before that, and not at all when the target is another file. Use it in a ``with`` block
    (or call :meth:`close`): the openpyxl workbook of a macro workbook holds an open zip.
    """

    def __init__(self, source: Path, target: Path | None = None):
        self.source = Path(source)
        self.target = Path(target) if target else self.source
        self.name = str(self.source)
        self._raw, self.format = read_raw(self.source)
        self._book: Any = None
        self._loaded_from: Path | io.BytesIO = self.source
        self._written: set[str] = set()  # sheets opsbook wrote anew (its results)
        self.messages: list[str] = []

    def __enter__(self) -> FileBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the openpyxl workbook, if one was loaded (see :func:`close_workbook`)."""
        book, self._book = self._book, None
        if book is not None:
            close_workbook(book)

    # reading ---------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        if self._book is not None:
            return list(self._book.sheetnames)
        return [s.name for s in self._raw]

    def sheets(self) -> list[RawSheet]:
        return list(self._raw)

    def values(self, sheet: str) -> list[list[Any]]:
        for raw in self._raw:
            if raw.name == sheet:
                return raw.rows
        return []

    # writing ---------------------------------------------------------------------------
    @property
    def book(self) -> Any:
        if self._book is None:
            if self.format not in ("xlsx", "xlsm"):  # an .xls saved under an .xlsx name
                raise _misnamed(self.source, self.format)
            self._loaded_from = self._writable_source()
            self._book = load_for_writing(self.source, self._loaded_from, self.target,
                                          [raw.name for raw in self._raw])
        return self._book

    def _writable_source(self) -> Path | io.BytesIO:
        """The source, or for a write-protected workbook (Excel's default password) its
        decrypted bytes: a copy is written without the protection; in place it is refused,
        as it is for a workbook Excel asks a password to modify or recommends opening
        read-only (saving over it would lose that)."""
        data = open_default(self.source)
        if data is None and not file_write_protected(self.source):
            return self.source
        if self.target == self.source:
            error = WriteFailed(errno.EACCES, WRITE_PROTECTED, str(self.source))
            error.advice = ("Write the results to another file, or save a copy without the "
                            "protection in Excel and use that.")
            error.advice_zh = ("请把结果写入另一个文件，或在 Excel 中另存一份不带写保护的副本"
                               "再使用。")
            raise error
        return io.BytesIO(data) if data is not None else self.source

    def clear_marks(self, cells: list[tuple[str, str, str | None]]) -> None:
        from openpyxl.styles import PatternFill

        for sheet, ref, before in cells:
            if sheet not in self.book.sheetnames:
                continue
            cell, _inside = self._writable(sheet, ref)
            cell.fill = (PatternFill("solid", start_color=before, end_color=before) if before
                         else PatternFill(fill_type=None))
            if cell.comment is not None and cell.comment.text.startswith(NOTE_PREFIX):
                cell.comment = None

    def mark(self, marks: list[Mark]) -> dict[tuple[str, str], str | None]:
        from openpyxl.comments import Comment
        from openpyxl.styles import PatternFill

        fills = {sev: PatternFill("solid", start_color=color, end_color=color)
                 for sev, color in (("error", ERROR_FILL), ("warning", WARNING_FILL))}
        before: dict[tuple[str, str], str | None] = {}
        placed: list[Mark] = []  # a mark inside a merged range goes on its top-left cell
        for m in marks:
            cell, inside = self._writable(m.sheet, m.cell)
            note = f"{m.note} ({m.cell})" if inside else m.note
            placed.append(Mark(m.sheet, cell.coordinate, note, m.severity))
            before[(m.sheet, m.cell)] = _solid_rgb(cell.fill)
        for (sheet, ref), group in by_cell(placed).items():
            cell = self.book[sheet][ref]
            cell.fill = fills[worst(group)]
            if cell.comment is not None and not cell.comment.text.startswith(NOTE_PREFIX):
                continue  # the user's own note stays; the Issues sheet lists the problem
            comment = Comment(note_text(group), "opsbook")
            comment.width, comment.height = 320, 60 + 40 * len(group)
            cell.comment = comment
        return before

    def _writable(self, sheet: str, ref: str) -> tuple[Any, bool]:
        """The cell at ``ref``, or the top-left cell of the merged range it lies in (and
        whether it did: only that cell of a merged range holds a fill and a note)."""
        ws = self.book[sheet]
        cell = ws[ref]
        if type(cell).__name__ != "MergedCell":
            return cell, False
        for merged in ws.merged_cells.ranges:
            if ref in merged:
                return ws.cell(row=merged.min_row, column=merged.min_col), True
        return cell, False

    def delete_sheet(self, name: str) -> None:
        if name in self.book.sheetnames:
            del self.book[name]

    def write_sheet(self, out: SheetOut) -> None:
        from opsbook.io.outsheet import fill_worksheet

        book = self.book
        index = book.sheetnames.index(out.name) if out.name in book.sheetnames else None
        if index is not None:
            del book[out.name]
        self._written.add(out.name)
        fill_worksheet(book.create_sheet(out.name, index), out)

    def message(self, text: str) -> None:
        self.messages.append(text)

    def save(self) -> Path:
        """Write the changes to the target; the source stays as it was if anything fails.
        Formulas keep the values they had (:mod:`opsbook.io.formula_values`)."""
        if self._book is None:
            if self.target != self.source:
                shutil.copyfile(self.source, self.target)
            return self.target
        replace_atomically(self.target, lambda temp: save_keeping_values(
            self._book, temp, self._loaded_from, self._written))
        return self.target
