"""What a workbook holds that openpyxl does not keep when it saves it.

Results are written into a user's workbook by loading it with openpyxl and saving it again.
openpyxl keeps values, styles, formulas, comments, merged cells, data validation, conditional
formats, tables, pictures, charts and (in an .xlsm) macros and buttons, but drops what it has
no model for: text boxes and other shapes, sparklines, slicers and timelines, threaded
comments, form controls of an .xlsx, embedded objects, pictures and data types placed in cells
(Excel's rich values, WPS's cell images), formulas whose results spill (dynamic arrays),
data connections and queries (Power Query), a data model (Power Pivot), and the Excel 2010
form of data validation kept in a sheet's extension list. A workbook holding any of them is
not written in place (it would come back without them); a copy may be written, the original
stays whole.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

from opsbook.io.package import ZIP_ERRORS, Package, PackageGap, workbook_sheets

#: A shape of a drawing (``<xdr:sp>``, a connector ``<xdr:cxnSp>``), whole.
_SHAPE = re.compile(rb"<((?:[\w.-]+:)?(?:sp|cxnSp))\b.*?</\1>", re.S)
#: What a form control's shape in a drawing carries: the id of the legacy (VML) control it
#: mirrors, which openpyxl keeps in a macro workbook.
_CONTROL_MIRROR = b"compatExt"
#: Pictures (and linked data types) placed in cells: Excel's rich values, WPS's cell images.
IN_CELLS = ("pictures or data types placed in cells", "嵌入单元格的图片或数据类型")
QUERIES = ("data connections or queries (Power Query)", "数据连接或查询（Power Query）")
#: Parts of the package, by folder (or name), that openpyxl drops: (English, Chinese) words.
_PART_FOLDERS = {
    "/xl/slicers/": ("slicers", "切片器"),
    "/xl/timelines/": ("timelines", "日程表"),
    "/xl/threadedcomments/": ("threaded comments", "新式批注（批注会话）"),
    "/xl/embeddings/": ("embedded objects", "嵌入对象"),
    "/xl/richdata/": IN_CELLS,
    "/xl/cellimages.xml": IN_CELLS,
    "/xl/connections.xml": QUERIES,
    "/xl/querytables/": QUERIES,
    "/xl/model/": ("a data model (Power Pivot)", "数据模型（Power Pivot）"),
}
#: Formulas whose results spill (Excel 365's dynamic arrays: FILTER, UNIQUE, SORT …) are
#: marked through the metadata part; without it they come back as fixed array formulas.
SPILLS = ("formulas whose results spill (dynamic arrays)", "结果会溢出的公式（动态数组）")
_SPILL_PART, _SPILL_MARK = "/xl/metadata.xml", b"XLDAPR"
FORM_CONTROLS = ("form controls (check boxes, lists)", "表单控件（复选框、列表框等）")
SHAPES = ("text boxes or shapes", "文本框或形状")
SPARKLINES = ("sparklines", "迷你图")
NEW_VALIDATION = ("drop-down lists in Excel 2010 form", "Excel 2010 格式的下拉列表（数据验证）")
#: What a sheet's XML holds when it has sparklines, or Excel 2010 data validation.
_SHEET_MARKERS = ((b"sparklineGroup", SPARKLINES), (b"x14:dataValidation", NEW_VALIDATION))
_DRAWING = "/drawing"
#: What to do when a workbook holds what opsbook cannot keep in saving it in place: write
#: the results into a copy.
IN_A_COPY = ("Give -o OUT to write the results into a copy (the copy will not have them); "
             "this workbook is left as it is.",
             "请用 -o 指定输出文件，把结果写入副本（副本中不含这些内容）；本工作簿保持不变。")


def unkept(path: Path, macros: bool | None = None) -> list[tuple[str, str]]:
    """(English, Chinese) words for each kind of thing the .xlsx/.xlsm at ``path`` holds that
    saving it with openpyxl would drop, with the sheets it is on ("sparklines (Tasks)");
    [] when there is none, and when the package cannot be looked at (reading it says why).
    ``macros``: whether it is loaded keeping its macros (by default, an .xlsm is)."""
    if macros is None:
        macros = Path(path).suffix.lower() == ".xlsm"
    try:
        with zipfile.ZipFile(path) as archive:
            return _unkept(Package(archive), macros)
    except ZIP_ERRORS:
        return []


def _unkept(package: Package, macros: bool) -> list[tuple[str, str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for folder, words in _PART_FOLDERS.items():
        if any(key.startswith(folder) for key in package.names):
            found.setdefault(words, [])
    if not macros and any(key.startswith("/xl/ctrlprops/") for key in package.names):
        found.setdefault(FORM_CONTROLS, [])
    if _SPILL_PART in package.names and _holds_spills(package):
        found.setdefault(SPILLS, [])
    try:
        sheets = workbook_sheets(package, package.main_part())
    except PackageGap:
        sheets = []
    for sheet in sheets:
        if sheet.part is None:
            continue
        try:
            held = _markers(package, sheet.part)
        except (PackageGap, *ZIP_ERRORS):
            held = []
        for words in held:
            found.setdefault(words, []).append(sheet.name)
        try:  # a sheet with no relationships part has no drawing
            drawings = [r.target for r in package.relationships(sheet.part)
                        if r.type.endswith(_DRAWING) and not r.external]
        except PackageGap:
            drawings = []
        if any(_has_shapes(package, drawing) for drawing in drawings):
            found.setdefault(SHAPES, []).append(sheet.name)
    return [_said(words, names) for words, names in found.items()]


def _holds_spills(package: Package) -> bool:
    try:
        return _SPILL_MARK in package.read(_SPILL_PART)
    except (PackageGap, *ZIP_ERRORS):
        return False


def _markers(package: Package, part: str) -> list[tuple[str, str]]:
    """The :data:`_SHEET_MARKERS` a sheet's XML holds, read a block at a time (a year of
    attendance is tens of MB of XML)."""
    overlap = max(len(marker) for marker, _words in _SHEET_MARKERS)
    held: list[tuple[str, str]] = []
    tail = b""
    with package.open(part) as stream:
        while block := stream.read(1 << 20):
            text = tail + block
            held += [words for marker, words in _SHEET_MARKERS
                     if words not in held and marker in text]
            tail = text[-overlap:]
    return held


def _has_shapes(package: Package, drawing: str) -> bool:
    """Whether a drawing part holds a shape that is not the mirror of a legacy control."""
    try:
        xml = package.read(drawing)
    except PackageGap:
        return False
    return any(_CONTROL_MIRROR not in shape[0] for shape in _SHAPE.finditer(xml))


def _said(words: tuple[str, str], sheets: list[str]) -> tuple[str, str]:
    if not sheets:
        return words
    return (f"{words[0]} ({', '.join(sheets)})", f"{words[1]}（{'、'.join(sheets)}）")


def joined(found: list[tuple[str, str]]) -> tuple[str, str]:
    """The things :func:`unkept` found as one English and one Chinese phrase."""
    english = [w[0] for w in found]
    text = english[0] if len(english) == 1 else ", ".join(english[:-1]) + " and " + english[-1]
    return text, "、".join(w[1] for w in found)


def refuse_unkept(path: Path, advice: tuple[str, str]) -> None:
    """Raise :class:`~opsbook.io.atomic.WriteFailed` when saving the workbook at ``path`` in
    place would drop something it holds (:func:`unkept`), saying what and where, and
    ``advice`` (English, Chinese): what to do instead."""
    from opsbook.io.atomic import WriteFailed

    found = unkept(path)
    if not found:
        return
    english, chinese = joined(found)
    error = WriteFailed(0, f"it holds {english}, which opsbook cannot keep in saving it",
                        str(path))
    error.reason_zh = f"工作簿中有{chinese}，opsbook 保存时无法保留"
    error.advice, error.advice_zh = advice
    raise error


#: The namespace of a workbook saved as Strict Open XML (ISO/IEC 29500 Strict), which
#: openpyxl reads as a workbook without sheets: saved again, every sheet would be gone.
STRICT_NAMESPACE = b"purl.oclc.org/ooxml/spreadsheetml/main"
#: Why it is not written ({which}: "it", or the workbook's name when a copy is asked for).
STRICT = ("{which} is saved as a Strict Open XML Spreadsheet, which opsbook reads but cannot "
          "write", "{which}保存为“Strict Open XML 电子表格”格式，opsbook 只能读取，无法写入")
SAVE_AS_XLSX = ("In Excel, save it as Excel Workbook (.xlsx) and run again; this workbook is "
                "left as it is.",
                "请在 Excel 中另存为“Excel 工作簿 (.xlsx)”后重新运行；本工作簿保持不变。")


def is_strict(path: Path) -> bool:
    """Whether the .xlsx/.xlsm at ``path`` is saved as Strict Open XML; False when its
    package cannot be looked at (reading it says why)."""
    try:
        with zipfile.ZipFile(path) as archive:
            package = Package(archive)
            return STRICT_NAMESPACE in package.read(package.main_part())[:4096]
    except (PackageGap, *ZIP_ERRORS):
        return False


def refuse_strict(path: Path, target: Path | None = None) -> None:
    """Raise :class:`~opsbook.io.atomic.WriteFailed` about ``target`` (by default ``path``
    itself) for a Strict Open XML workbook at ``path``: openpyxl would write it back (or a
    copy of it) without any of its sheets."""
    from opsbook.io.atomic import WriteFailed

    if is_strict(path):
        copy = target is not None and Path(target) != Path(path)
        error = WriteFailed(0, STRICT[0].format(which=path if copy else "it"),
                            str(target if copy else path))
        error.reason_zh = STRICT[1].format(which=f"工作簿 {path} " if copy else "该工作簿")
        error.advice, error.advice_zh = SAVE_AS_XLSX
        raise error


#: Why a workbook whose package openpyxl cannot load (parts where only their relationships
#: say, ``\\`` in part names), or loads without all its sheets, is not written.
LAID_OUT = ("{which}'s package is laid out in a way opsbook reads but cannot write",
            "{which}的内部结构（文件包中各部件的位置）opsbook 只能读取，无法写入")


def load_for_writing(path: Path, source: Any = None, target: Path | None = None,
                     sheets: list[str] | None = None,
                     advice: tuple[str, str] = IN_A_COPY) -> Any:
    """The workbook at ``path`` loaded with openpyxl to be saved to ``target`` (by default
    ``path`` itself), from ``source`` (a path or bytes, by default ``path``): an .xlsm
    keeping its macros. Raises :class:`~opsbook.io.atomic.WriteFailed`, saying why in both
    languages and what to do, for a Strict Open XML workbook, for one holding what openpyxl
    drops when it is saved in place (:func:`refuse_unkept`, with ``advice``), and for one
    openpyxl cannot load or loads without some of ``sheets`` (the sheets read for
    checking)."""
    import openpyxl

    from opsbook.io.atomic import WriteFailed
    from opsbook.io.filebook import close_workbook

    path = Path(path)
    copy = target is not None and Path(target) != path
    refuse_strict(path, target)
    if not copy:
        refuse_unkept(path, advice)
    book = None
    try:
        with warnings.catch_warnings():  # "… extension is not supported and will be removed"
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(source if source is not None else path,
                                          keep_vba=path.suffix.lower() == ".xlsm",
                                          rich_text=True)
        lost = [name for name in sheets or [] if name not in book.sheetnames]
    except Exception:  # noqa: BLE001 - whatever openpyxl makes of it, it is not written
        lost = ["?"]
    if not lost:
        return book
    if book is not None:
        close_workbook(book)
    error = WriteFailed(0, LAID_OUT[0].format(which=path if copy else "the workbook"),
                        str(target if copy else path))
    error.reason_zh = LAID_OUT[1].format(which=f"工作簿 {path} " if copy else "该工作簿")
    error.advice, error.advice_zh = SAVE_AS_XLSX
    raise error
