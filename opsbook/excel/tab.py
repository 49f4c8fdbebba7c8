"""The buttons of the add-in's **opsbook** tab: what each ``RunPython`` call of
``macros/addin/OpsbookRibbon.bas`` runs, on the workbook the user is looking at.

The add-in's xlwings module passes the *active* workbook's name to Python, so
``xw.Book.caller()`` is that workbook, whatever its name and type (``.xlsx`` or ``.xlsm``),
never the add-in. Validate and Calculate run the same handlers as the workbook buttons and
the command line (:func:`opsbook.excel.buttons.press`); before that, a workbook of no known
kind, or one opened read-only, gets a message and is left untouched. Every outcome is said
in a message box, in the workbook's language; nothing ends in a traceback.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

from opsbook.core.book import SETTINGS_NAMES
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue, Report
from opsbook.core.kind import BUTTONS

__all__ = ["calculate", "decode_path", "new_workbook", "refusal", "settings", "validate"]

_TEXT = {
    "unknown": {
        "en": "“{name}” is not one of the standard workbooks (appraisal, attendance, project "
              "tracker, annual plan): no known sheet or header was found, so nothing was "
              "changed. New workbook on the opsbook tab makes one.",
        "zh": "“{name}”不是标准工作簿（绩效考核、考勤、项目管理、年度运营计划）：未找到可识别的"
              "工作表或表头，未作任何改动。可用 opsbook 选项卡上的“新建工作簿”新建。",
    },
    "output-workbook": {
        "en": "“{name}” holds results opsbook wrote (its {what} sheets), not data to check, so "
              "nothing was changed. Open the workbook they were made from and click {caption} "
              "there.",
        "zh": "“{name}”是 opsbook 生成的结果工作簿（{what_zh}的结果表），不是需要校验的数据，"
              "因此未作任何改动。请打开生成它的原工作簿，在其中点击“{caption}”。",
    },
    "ambiguous-kind": {
        "en": "“{name}” fits {kinds} equally: which standard workbook it is cannot be told, so "
              "nothing was changed. Name its sheets as the standard workbook of its kind does "
              "(New workbook makes one).",
        "zh": "“{name}”同样符合{kinds_zh}：无法判断是哪种标准工作簿，因此未作任何改动。请按该"
              "类型标准工作簿的写法命名其工作表（可用“新建工作簿”新建一个对照）。",
    },
    "read_only": {
        "en": "“{name}” is open read-only: what {caption} writes could not be saved, so "
              "nothing was changed. Save a copy (File → Save As) or open it for editing, "
              "then click {caption} again.",
        "zh": "“{name}”以只读方式打开：“{caption}”写入的内容无法保存，因此未作任何改动。请另存"
              "一份（文件 → 另存为）或以可编辑方式打开后，再点击“{caption}”。",
    },
    "no_settings": {
        "en": "“{name}” has no Settings sheet: its checks and results follow the default "
              "rules. A new workbook of its kind (New workbook) has one to copy.",
        "zh": "“{name}”没有“设置”工作表：校验和计算按默认规则进行。新建一个同类型的工作簿"
              "（新建工作簿），可复制其中的“设置”工作表。",
    },
    "exists": {
        "en": "{path} exists already: New workbook never writes over a file (opsbook new "
              "does not either, without --force). Choose another name, or delete that file "
              "first.",
        "zh": "{path} 已存在：“新建工作簿”不会覆盖已有文件（opsbook new 不加 --force 时也不会）。"
              "请换一个文件名，或先删除该文件。",
    },
    "written": {
        "en": "The new workbook is saved as {path}; open it with File → Open.",
        "zh": "新工作簿已保存为 {path}，请用“文件 → 打开”打开。",
    },
    "not_written": {
        "en": "The new workbook could not be saved as {path}: {detail}. Choose another name "
              "or folder and try again.",
        "zh": "新工作簿无法保存为 {path}：{detail}。请换一个文件名或文件夹后重试。",
    },
}


def validate(book: Any = None) -> Report | None:
    """The tab's Validate: the Validate button's handler on the active workbook.

    Returns its Report, or None when the workbook was refused (see :func:`refusal`) or the
    run failed (said in the workbook, as for the workbook buttons).
    """
    return _press("validate", book)


def calculate(book: Any = None) -> Report | None:
    """The tab's Calculate: validate, then the results sheets, on the active workbook."""
    return _press("calculate", book)


def settings(book: Any = None) -> str | None:
    """The tab's Settings: go to the active workbook's Settings sheet; return its name.

    A workbook of no known kind, or without a Settings sheet, gets a message instead (None).
    """
    from opsbook.excel.handlers import read_book
    from opsbook.excel.xlwings_book import XlwingsBook

    book = _caller(book)
    if book is None:
        return None
    port = XlwingsBook(book)
    names = port.sheet_names()
    lang = _lang(names)
    read = read_book(port)
    if isinstance(read, Issue):
        _alert(book, _why_none(book.name, read, lang, "Settings" if lang == "en" else "设置"))
        return None
    keys = {normalize(name) for name in SETTINGS_NAMES}
    found = next((name for name in names if normalize(name) in keys), None)
    if found is None:
        _alert(book, _TEXT["no_settings"][lang].format(name=book.name))
        return None
    book.sheets[found].activate()
    return found


def new_workbook(kind: str, lang: str, target: str, book: Any = None) -> Path | None:
    """The tab's New workbook: the blank template of ``kind`` in ``lang``, saved at
    ``target`` (hexadecimal UTF-16, see :func:`decode_path`; ``.xlsx`` added when the name
    has another ending) and opened in the caller's Excel. Returns the file written, or None
    (with a message) when it could not be written or a file of that name exists already
    (never written over, as ``opsbook new`` without ``--force``).
    """
    from opsbook.api import new_workbook as write_template

    path = decode_path(target)
    said = lang if lang in _TEXT["written"] else "en"
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    book = _caller(book)
    if book is None:
        return None
    if path.exists():  # Excel's save dialog may not ask: a workbook of the user's, kept
        _alert(book, _TEXT["exists"][said].format(path=path))
        return None
    try:
        write_template(kind, lang, path)
    except Exception as error:  # a locked file, a folder without permission: say it
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        _alert(book, _TEXT["not_written"][said].format(path=path, detail=detail))
        return None
    try:
        book.app.books.open(str(path))
    except Exception:  # an engine that cannot open files: the user opens it
        _alert(book, _TEXT["written"][said].format(path=path))
    return path


def decode_path(text: str) -> Path:
    """A path as the VBA sends it: UTF-16 code units, four hexadecimal digits each.

    ``"0043003A005C0061"`` → ``Path("C:\\\\a")``. Raises ``ValueError`` for other text.
    """
    if len(text) % 4:
        raise ValueError(f"not a path in hexadecimal UTF-16: {text!r}")
    return Path(bytes.fromhex(text).decode("utf-16-be"))


def refusal(book: Any, action: str) -> str | None:
    """Why the tab's ``action`` must leave ``book`` alone, in its language; None if it may run.

    Refused: a workbook opened read-only (where the engine can tell), one that is of no
    known kind, one that fits two kinds equally, and a result opsbook wrote.
    """
    from opsbook.excel.handlers import read_book
    from opsbook.excel.xlwings_book import XlwingsBook

    port = XlwingsBook(book)
    lang = _lang(port.sheet_names())
    caption = BUTTONS[action][0 if lang == "en" else 1]
    if is_read_only(book):
        return _TEXT["read_only"][lang].format(name=book.name, caption=caption)
    found = read_book(port)
    return _why_none(book.name, found, lang, caption) if isinstance(found, Issue) else None


def _why_none(name: str, found: Issue, lang: str, caption: str) -> str:
    """Why the workbook ``name`` is read as no kind (``found``), as the command line tells
    it: a result opsbook wrote, two kinds alike, or none at all."""
    text = _TEXT.get(found.code, _TEXT["unknown"])[lang]
    return text.format(**{**found.params, "name": name, "caption": caption})


def is_read_only(book: Any) -> bool:
    """Whether Excel opened ``book`` read-only (``Workbook.ReadOnly`` on Windows, ``read only``
    on macOS); False where the engine cannot say."""
    from opsbook.excel.xlwings_read import book_flag

    return book_flag(book, "ReadOnly", "read_only") is True


def _press(action: str, book: Any) -> Report | None:
    from opsbook.excel.buttons import press

    book = _caller(book)
    if book is None:
        return None
    try:
        reason = refusal(book, action)
    except Exception:  # reading failed: the handler meets it again and reports it
        reason = None
    if reason is not None:
        _alert(book, reason)
        return None
    return press(action, book)


def _caller(book: Any) -> Any:
    """``book``, or the workbook the tab was clicked on; None (said on stderr, which xlwings
    shows in a message box) when Python cannot reach it."""
    if book is not None:
        return book
    import xlwings as xw

    try:
        return xw.Book.caller()
    except Exception as error:
        print(f"opsbook: Python could not reach the active workbook ({type(error).__name__}:"
              f" {error}). Run 'opsbook addin status' in a terminal to see which Python the"
              " add-in starts. / Python 无法连接到当前工作簿，请在终端运行"
              "“opsbook addin status”查看加载项使用的 Python。", file=sys.stderr)
        return None


def _lang(sheet_names: list[str]) -> str:
    from opsbook.excel.buttons import workbook_lang

    return workbook_lang(sheet_names)


def _alert(book: Any, text: str) -> None:
    with contextlib.suppress(Exception):
        book.app.alert(text, title="opsbook")
