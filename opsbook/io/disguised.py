"""What a file under a spreadsheet's name is when it is no spreadsheet package at all, from
its first bytes: a web page, an Excel 2003 XML spreadsheet or a text (CSV) file, as systems
export a table and name it ``.xls`` (Excel opens them, with a warning), or a PDF, a picture
or a compressed archive saved under the wrong name. Each is told as what it is, with what to
do, never as a damaged file (nor a PDF as text)."""

from __future__ import annotations

import codecs
import re

#: How many bytes of a file are looked at.
HEAD = 4096
_HTML = re.compile(rb"<\s*(?:!doctype\s+html|html|table|head|body|meta)\b", re.I)
_XML_2003 = (b"urn:schemas-microsoft-com:office:spreadsheet", b'progid="excel.sheet"')
_SAVE = ("open it in Excel and save it as .xlsx (File > Save As > Excel Workbook)",
         "请用 Excel 打开，另存为 .xlsx（文件 > 另存为 > Excel 工作簿）")
WEB_PAGE = (f"it is a web page (HTML) under a spreadsheet's name, as some systems export a "
            f"table; {_SAVE[0]}",
            f"这是网页（HTML）文件，只是用了电子表格的文件名（有些系统这样导出表格）；{_SAVE[1]}")
XML_2003 = (f"it is an XML Spreadsheet 2003 file under a spreadsheet's name; {_SAVE[0]}",
            f"这是 XML 电子表格 2003 文件，只是用了电子表格的文件名；{_SAVE[1]}")
TEXT = (f"it is a text file (such as a CSV export) under a spreadsheet's name; {_SAVE[0]}, "
        "or choose the right file",
        f"这是文本文件（如 CSV 导出文件），只是用了电子表格的文件名；{_SAVE[1]}，或选择正确的文件")


#: Other files by their first bytes: (signature, what it is in English, in Chinese).
SIGNATURES = (
    (b"%PDF-", "a PDF document", "PDF 文档"),
    (b"\x89PNG\r\n\x1a\n", "a picture (.png)", "图片（.png）"),
    (b"\xff\xd8\xff", "a picture (.jpg)", "图片（.jpg）"),
    (b"GIF8", "a picture (.gif)", "图片（.gif）"),
    (b"\x1f\x8b", "a compressed file (.gz)", "压缩文件（.gz）"),
    (b"7z\xbc\xaf\x27\x1c", "a compressed file (.7z)", "压缩文件（.7z）"),
    (b"Rar!\x1a\x07", "a compressed file (.rar)", "压缩文件（.rar）"),
)


def another_file(what: tuple[str, str]) -> tuple[str, str]:
    """The (English, Chinese) detail of a ``not-a-workbook`` issue for a file that is
    ``what`` (English, Chinese: "a Word document") under a spreadsheet's name."""
    return (f"it is {what[0]} under a spreadsheet's name; open it with the program it belongs "
            "to, or choose the right file",
            f"这是{' ' if what[1][:1].isascii() else ''}{what[1]}，只是用了电子表格的文件名；"
            "请用相应的程序打开，或选择正确的文件")


def _text(head: bytes) -> str | None:
    """``head`` as text when it is text (UTF-16 with its mark, UTF-8 or GB18030), else
    None; a character cut at the end of ``head`` is allowed."""
    for mark, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(mark):
            return head[len(mark):].decode(encoding, "ignore")
    if b"\x00" in head:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
    return None


def disguised(head: bytes) -> tuple[str, str] | None:
    """The (English, Chinese) detail of a ``not-a-workbook`` issue for the first
    :data:`HEAD` bytes of a file under a spreadsheet's name that are a web page, an XML
    Spreadsheet 2003 or other text (a CSV export, a note); None when they are none of
    these (the file is damaged then). A PDF, a picture or a compressed file (by its
    :data:`SIGNATURES`) is said as what it is (:func:`another_file`)."""
    for signature, english, chinese in SIGNATURES:
        if head.startswith(signature):
            return another_file((english, chinese))
    text = _text(head)
    if text is None:
        return None
    raw = text.encode("utf-8", "ignore").lower()
    if any(marker in raw for marker in _XML_2003):
        return XML_2003
    if _HTML.search(raw):
        return WEB_PAGE
    if not text.strip() or any(ord(c) < 32 and c not in "\t\r\n\f" for c in text):
        return None
    return TEXT
