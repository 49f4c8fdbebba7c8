"""Running a button: the workbook that called, its adapter, the handler, and every failure
reported in the workbook itself (the status cell, and for Validate the Issues sheet), in the
workbook's language and never as a traceback."""

from __future__ import annotations

import contextlib
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from opsbook.core.issues import Report
from opsbook.core.kind import BUTTONS
from opsbook.core.output import BookPort
from opsbook.core.outsheets import failure_sheet
from opsbook.excel import handlers, reporting
from opsbook.excel.xlwings_book import XlwingsBook


def _beside(port: XlwingsBook) -> Path | None:
    """The folder of the workbook open in Excel; None when it was never saved."""
    full = Path(port.book.fullname)
    return full.parent if full.is_absolute() else None


HANDLERS: dict[str, Callable[[BookPort], Report]] = {
    "validate": handlers.validate,
    "calculate": handlers.calculate,
    "report": lambda port: reporting.report(port, _beside(port)),  # type: ignore[arg-type]
    "email": lambda port: reporting.email(port, _beside(port)),  # type: ignore[arg-type]
}
#: Where the traceback of the last failed button run is kept, for whoever looks after opsbook.
ERROR_LOG = Path(tempfile.gettempdir()) / "opsbook-last-error.txt"


def press(action: str, book: Any = None) -> Report | None:
    """Run the handler of ``action`` on ``book`` (default: the workbook whose button called).

    Returns the handler's Report, or None when the run failed; a failure is reported in the
    workbook, not raised.
    """
    if action not in HANDLERS:
        raise ValueError(f"no button action {action!r}; expected one of {', '.join(HANDLERS)}")
    if book is None:
        import xlwings as xw

        try:
            book = xw.Book.caller()
        except Exception as error:  # xlwings could not attach: no workbook to write into
            _log(error)
            print(cannot_attach_message(action, error), file=sys.stderr)
            return None
    port = XlwingsBook(book)
    with _screen_off(book), _same_sheet_active(book):
        try:
            return HANDLERS[action](port)
        except Exception as error:  # every failure lands in the workbook, as one message
            report_failure(port, action, error)
            return None


def workbook_lang(sheet_names: list[str]) -> str:
    """The language of a workbook: its Control sheet's, else its sheet names'."""
    for lang in ("zh", "en"):
        if handlers.CONTROL_SHEET[lang] in sheet_names:
            return lang
    return handlers.guess_lang(sheet_names)


def failure_message(action: str, error: BaseException, lang: str) -> str:
    """One line saying which button did not finish and why, without a traceback."""
    said = getattr(error, "zh", None) if lang == "zh" else None  # a refusal said in Chinese
    text = str(said or error).strip().splitlines()
    colon = "：" if lang == "zh" else ": "
    detail = f"{type(error).__name__}{colon}{text[0].rstrip('。.')}" if text else (
        type(error).__name__)
    if len(detail) > 160:
        detail = detail[:159] + "…"
    caption = BUTTONS[action][1 if lang == "zh" else 0]
    if lang == "zh":
        return (f"“{caption}”未完成：{detail}。请检查工作簿后重试；如仍失败，"
                "请把这条消息发给负责 opsbook 的同事。")
    return (f"{caption} did not finish: {detail}. Check the workbook and try again; if it "
            "fails again, send this message to whoever looks after opsbook.")


def _log(error: BaseException) -> None:
    """Keep the whole traceback for whoever looks after opsbook (never shown to the user)."""
    with contextlib.suppress(OSError):
        ERROR_LOG.write_text("".join(traceback.format_exception(error)), encoding="utf-8")


def cannot_attach_message(action: str, error: BaseException) -> str:
    """The line shown when Python could not reach the workbook that pressed the button."""
    caption = " / ".join(reversed(BUTTONS[action]))
    return (f"opsbook: {caption}: Python could not reach the workbook ({type(error).__name__}). "
            "Check the interpreter on the xlwings.conf sheet and that the workbook is saved; "
            f"details: {ERROR_LOG}. / Python 无法连接到工作簿，请检查 xlwings.conf 工作表中的"
            "解释器设置，并确认工作簿已保存。")


def report_failure(port: XlwingsBook, action: str, error: BaseException) -> None:
    """Put a failure into the workbook; if even that fails, say it in an alert box."""
    _log(error)
    try:
        names = port.sheet_names()
    except Exception:
        names = []
    lang = workbook_lang(names)
    text = failure_message(action, error, lang)
    shown = False
    with contextlib.suppress(Exception):
        port.message(text)
        shown = True
    if action == "validate":
        with contextlib.suppress(Exception):
            carried = handlers.marked_rows(port)
            handlers.replace_issues_sheet(
                port, failure_sheet(handlers.ISSUES_SHEET[lang], lang, text, carried))
            shown = True
    if not shown:
        with contextlib.suppress(Exception):
            port.book.app.alert(text, title="opsbook", mode="critical")


@contextlib.contextmanager
def _screen_off(book: Any) -> Iterator[None]:
    """No screen redraw while a run writes cell by cell (faster in Excel)."""
    app = None
    with contextlib.suppress(Exception):
        app = book.app
        app.screen_updating = False
    try:
        yield
    finally:
        if app is not None:
            with contextlib.suppress(Exception):
                app.screen_updating = True


@contextlib.contextmanager
def _same_sheet_active(book: Any) -> Iterator[None]:
    """Leave the user on the sheet they clicked on (adding a sheet activates it)."""
    active = None
    with contextlib.suppress(Exception):
        active = book.sheets.active.name
    try:
        yield
    finally:
        if active is not None:
            with contextlib.suppress(Exception):
                book.sheets[active].activate()
