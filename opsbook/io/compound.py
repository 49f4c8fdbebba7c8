"""What an OLE compound file holds, checked before python-calamine is given it.

An .xls is a compound file (CFB) holding a ``Workbook`` (or BIFF5 ``Book``) stream; an
encrypted .xlsx/.xlsb is one holding an ``EncryptedPackage``; so are a Word ``.doc``, a
PowerPoint ``.ppt`` and an Outlook ``.msg``. python-calamine trusts the container and the
BIFF records it reads: a file cut short or with a few bytes damaged makes it panic (a Rust
stack trace on the terminal) or ask for tens of gigabytes, which ends the whole process, and
every other file of the run with it. So these are checked here first, and what fails is said
as what it is: the container ([MS-CFB]: no sector in use past the end of the file, a stream
as long as its directory entry says) and the records ([MS-XLS] 2.1.4: at most 8,224 bytes
each, 2,080 in BIFF5; each sheet's substream starting with a BOF record where its BOUNDSHEET
says; at most 65,536 rows and 256 columns, in a DIMENSIONS record and in the cells).
"""

from __future__ import annotations

import struct
from pathlib import Path

#: The smallest compound file there is: its header and two sectors ([MS-CFB] 2.2).
SMALLEST = 1536
_BOF, _BOUNDSHEET, _FILEPASS, _DIMENSIONS = 0x0809, 0x0085, 0x002F, 0x0200
#: BIFF cell records whose body starts with the row and the column (u16 each), and the two
#: that end with the column of their last cell (MULRK, MULBLANK).
_CELLS = frozenset({0x0006, 0x00FD, 0x00D6, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E})
_MULTI = frozenset({0x00BD, 0x00BE})
_LAST_COLUMN = 255
#: Streams of other Office documents: (stream name in lower case, English, Chinese).
_OTHERS = (
    ("worddocument", "a Word document (.doc)", "Word 文档（.doc）"),
    ("powerpoint document", "a PowerPoint presentation (.ppt)", "PowerPoint 演示文稿（.ppt）"),
    ("visiodocument", "a Visio drawing (.vsd)", "Visio 绘图（.vsd）"),
    ("__properties_version1.0", "an Outlook message (.msg)", "Outlook 邮件（.msg）"),
)
NO_SPREADSHEET = ("an Office file holding no spreadsheet", "不含电子表格的 Office 文件")


class Unfit(Exception):
    """A compound file python-calamine must not be given: ``why`` is "incomplete",
    "damaged" or "other" (another kind of document: ``what`` gives its (English,
    Chinese) name); ``reason`` is the checker's own text, for a bug report."""

    def __init__(self, why: str, reason: str = "", what: tuple[str, str] | None = None):
        super().__init__(reason or why)
        self.why, self.reason, self.what = why, reason, what


def compound_format(path: Path) -> str:
    """"encrypted" (an Office file in an encrypted container) or "xls" for a compound file
    that can be given to python-calamine; :class:`Unfit` when it is cut short, damaged or
    another kind of document."""
    import olefile

    if path.stat().st_size < SMALLEST:
        raise Unfit("incomplete", "shorter than a compound file's header")
    cut = cut_short(path)
    if cut:
        raise Unfit("incomplete", cut)
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if any(used != olefile.FREESECT for used in ole.fat[ole.nb_sect:]):
                raise Unfit("incomplete", f"sectors past the end of the file ({ole.nb_sect})")
            names = {"/".join(parts).lower(): "/".join(parts) for parts in ole.listdir()}
            if "encryptedpackage" in names:
                return "encrypted"
            stream = next((names[n] for n in ("workbook", "book") if n in names), None)
            data = ole.openstream(stream).read() if stream is not None else None
            if data is not None and len(data) < ole.get_size(stream):
                raise Unfit("incomplete", f"a workbook stream of {len(data)} bytes, not "
                                          f"{ole.get_size(stream)}")
    except Unfit:
        raise
    except Exception as error:  # noqa: BLE001 - olefile raises several kinds; all say damaged
        text = str(error)
        raise Unfit("incomplete" if "incomplete" in text else "damaged",
                    f"{type(error).__name__}: {text}"[:160]) from None
    if data is None:
        for name, english, chinese in _OTHERS:
            if name in names or (name.startswith("__") and any(
                    n.startswith("__substg1.0_") for n in names)):
                raise Unfit("other", what=(english, chinese))
        raise Unfit("other", what=NO_SPREADSHEET)
    fault = biff_fault(data)
    if fault:
        raise Unfit("damaged", fault)
    return "xls"


def biff_fault(data: bytes) -> str | None:
    """What is wrong with a workbook stream's record structure (BIFF5 or BIFF8), or None.

    One pass over the record headers (a 65,000-row sheet of 8 columns in about a quarter of a
    second): a cell's column is beyond 255 when the high byte of its 16 bits is set."""
    if len(data) < 8 or struct.unpack_from("<H", data)[0] != _BOF:
        return "the workbook stream does not start with a BOF record"
    wide = struct.unpack_from("<H", data, 4)[0] == 0x0600  # BIFF8 (rows counted in 32 bits)
    limit = 8224 if wide else 2080
    sheets: set[int] = set()
    reached = 0
    position, end = 0, len(data)
    header = struct.Struct("<HH").unpack_from
    cells, multi = _CELLS, _MULTI
    while position + 4 <= end:
        kind, size = header(data, position)
        body = position + 4
        if size > limit or body + size > end:
            return f"a record of {size} bytes at {position}, in {end}"
        if kind in cells:
            if size >= 4 and data[body + 3]:
                return f"a cell in column {struct.unpack_from('<H', data, body + 2)[0] + 1}"
        elif kind in multi:
            if size >= 6 and data[body + size - 1]:
                return "cells beyond column IV"
        elif kind == _DIMENSIONS and size >= (14 if wide else 10):
            rows, columns = struct.unpack_from("<IxxH" if wide else "<HxxH", data,
                                               body + (4 if wide else 2))
            if rows > 65536 or columns > _LAST_COLUMN + 1:
                return f"a sheet of {rows} rows and {columns} columns at {position}"
        elif kind == _BOUNDSHEET and size >= 4:
            sheets.add(struct.unpack_from("<I", data, body)[0])
        elif kind == _FILEPASS:
            return None  # record bodies from here on are encrypted: the reader decrypts
        if position in sheets:
            reached += 1
        position = body + size
    if reached < len(sheets) or any(struct.unpack_from("<H", data, start)[0] != _BOF
                                    for start in sheets if start + 2 <= end):
        return "a sheet is not where the workbook says it starts"
    return None


def cut_short(path: Path) -> str | None:
    """What shows a compound file to be cut short, from its header and the allocation
    table the header points to (the first 109 of its sectors): a sector of that table, or
    one it gives to a stream, past the end of the file. None when nothing shows it."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(512)
        shift = struct.unpack_from("<H", header, 30)[0]
        if not 9 <= shift <= 12:
            return None  # a damaged header: olefile says so
        sector = 1 << shift
        held = -(-(size - 512) // sector)  # sectors the file holds, the last maybe in part
        table = struct.unpack_from("<109I", header, 76)
        for number, index in enumerate(table):
            if index >= 0xFFFFFFFA:
                continue  # no table sector here
            if index >= held:
                return f"allocation table sector {index} past the end ({held} sectors)"
            handle.seek(512 + index * sector)
            entries = struct.unpack(f"<{sector // 4}I", handle.read(sector).ljust(sector, b"\xff"))
            first = number * (sector // 4)
            used = [first + n for n, entry in enumerate(entries)
                    if first + n >= held and entry != 0xFFFFFFFF]
            if used:
                return f"sector {used[0]} in use past the end ({held} sectors)"
    return None
