"""Building the macro-enabled workbooks (``workbooks/*.xlsm``) from ``macros/`` and templates.

Each workbook is the standard template of its kind plus what makes its buttons work: the VBA
project (``macros/*.bas`` and the xlwings standalone module of the installed version), a
Control sheet with one form button per action, and a hidden ``xlwings.conf`` sheet. Builds are
reproducible: the same sources give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from opsbook.core.kind import BUTTONS, Kind
from opsbook.core.output import CONF_SHEET, CONTROL_SHEET, STATUS_CELL
from opsbook.excel.vba import Module, make_vba_project, read_modules, xlwings_modules

if TYPE_CHECKING:
    import xlsxwriter
    from xlsxwriter.worksheet import Worksheet

LANGS = ("zh", "en")

#: Where the VBA sources live: ``macros/`` at the top of the repository.
MACROS_DIR = Path(__file__).resolve().parents[2] / "macros"

#: The creation date written into every workbook, so that builds do not depend on the clock.
CREATED = datetime(2026, 1, 1, tzinfo=timezone.utc)

#: The ``xlwings.conf`` rows: keys as xlwings spells them. An empty value still counts as set:
#: it hides the same key in an ``xlwings.conf`` file beside the workbook or in the user's.
CONF_ROWS: tuple[tuple[str, str | bool], ...] = (
    ("INTERPRETER_WIN", ""),
    ("INTERPRETER_MAC", ""),
    ("PYTHONPATH", ""),
    ("CONDA PATH", ""),
    ("CONDA ENV", ""),
    ("SHOW CONSOLE", False),  # read as a Boolean: an empty cell would stop RunPython
)

_TEXT = {
    "zh": {
        "title": "{title} · 操作面板",
        "lead": "点击按钮，由 Python（opsbook）处理本工作簿。",
        "notes": "使用说明",
        "steps": (
            "1. 打开文件时请启用宏。从网上下载或通过邮件收到的文件会被 Windows 阻止："
            "在资源管理器中右键单击文件 → 属性 → 勾选“解除锁定”，或把文件放在受信任位置。",
            "2. 按钮需要安装了 opsbook 的 Python。使用哪个 Python 在隐藏的 xlwings.conf "
            "工作表中设置（右键单击工作表标签 → 取消隐藏）。",
            "3. 在各数据工作表中填写数据，不要修改工作表名称和表头。",
            "4. 运营数据属于公司保密信息，请按公司保密制度保管和传递本工作簿。",
        ),
    },
    "en": {
        "title": "{title} · Control",
        "lead": "Click a button to have Python (opsbook) process this workbook.",
        "notes": "Before you start",
        "steps": (
            "1. Enable macros when Excel asks. Windows blocks files downloaded or received by "
            "email: right-click the file in Explorer → Properties → tick Unblock, or keep it "
            "in a trusted location.",
            "2. The buttons need a Python with opsbook installed. Which Python runs is set on "
            "the hidden xlwings.conf sheet (right-click a sheet tab → Unhide).",
            "3. Fill in the data sheets; keep their names and header rows as they are.",
            "4. Operations data is confidential: keep and share this workbook only as the "
            "company's confidentiality rules allow.",
        ),
    },
}

# Control sheet layout: buttons in column A, one per row, each filling its cell.
_BUTTON_COL_WIDTH = 18  # characters: 131 pixels
_HELP_COL_WIDTH = 90
_BUTTON_ROW_HEIGHT = 33  # points: 44 pixels
_BUTTON_SIZE = {"width": 123, "height": 34, "x_offset": 4, "y_offset": 5}
_FIRST_BUTTON_ROW = 3  # 0-based; the status cell (STATUS_CELL, row 3) sits just above


class WriteTemplate(Protocol):
    """``opsbook.io.template.write_template``: writes one kind's template, calling ``before``."""

    def __call__(
        self,
        kind: Kind,
        lang: str,
        target: Path,
        *,
        sample: bool = False,
        before: Callable[[xlsxwriter.Workbook], None] | None = None,
    ) -> Path: ...


def macro_name(action: str) -> str:
    """The VBA Sub a button for ``action`` calls, e.g. ``OpsbookValidate``."""
    return "Opsbook" + action.title().replace("_", "")


def workbook_name(kind: str, lang: str) -> str:
    """``KIND.xlsm`` for the Chinese workbook, ``KIND.en.xlsm`` for its English twin."""
    return f"{kind}.xlsm" if lang == "zh" else f"{kind}.{lang}.xlsm"


def project_modules(macros_dir: Path = MACROS_DIR) -> tuple[Module, ...]:
    """The workbooks' VBA modules: ``macros/`` followed by the xlwings standalone modules."""
    return read_modules(macros_dir) + xlwings_modules()


def decorate(
    workbook: xlsxwriter.Workbook,
    kind: Kind,
    lang: str,
    actions: Sequence[str],
    *,
    modules: Sequence[Module] | None = None,
) -> None:
    """Make a new, still empty XlsxWriter workbook (an ``.xlsm``) a macro workbook of ``kind``.

    Adds the VBA project, the Control sheet (first) with one button per action, and the
    hidden ``xlwings.conf`` sheet, and fixes the creation date. ``modules`` defaults to
    :func:`project_modules`; every action's Sub must be in one of them.
    """
    if workbook.worksheets():
        raise ValueError("decorate() needs a workbook with no sheets yet")
    if isinstance(workbook.filename, (str, os.PathLike)) and (
        Path(workbook.filename).suffix.lower() != ".xlsm"
    ):
        raise ValueError(f"a workbook with macros must be an .xlsm file, not {workbook.filename}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    unknown = [action for action in actions if action not in BUTTONS]
    if unknown:
        raise ValueError(f"no button for action(s) {', '.join(map(repr, unknown))}")
    modules = project_modules() if modules is None else tuple(modules)
    subs = {sub.casefold() for module in modules for sub in module.public_subs()}
    missing = [macro_name(a) for a in actions if macro_name(a).casefold() not in subs]
    if missing:
        raise ValueError(f"no VBA Sub {', '.join(missing)} in the workbook's modules")

    workbook.set_vba_name("ThisWorkbook")
    workbook.add_vba_project(BytesIO(make_vba_project(modules)), is_stream=True)
    workbook.set_properties({**workbook.doc_properties, "created": CREATED})
    _add_control_sheet(workbook, kind, lang, actions)
    _add_conf_sheet(workbook)


def build_workbooks(
    out_dir: Path,
    write_template: WriteTemplate,
    kinds: Sequence[Kind] | None = None,
    *,
    actions: Mapping[str, Sequence[str]] | None = None,
    modules: Sequence[Module] | None = None,
) -> list[Path]:
    """Write every kind's workbook in every language into ``out_dir``; return their paths.

    ``kinds`` defaults to every kind of the registry; ``actions`` (kind id → buttons) to each
    kind's own buttons (``Kind.buttons``).
    """
    if kinds is None:
        from opsbook import registry

        kinds = list(registry.kinds().values())
    if actions is None:
        actions = {kind.id: kind.buttons for kind in kinds}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    modules = project_modules() if modules is None else tuple(modules)
    paths = []
    for kind in kinds:
        for lang in LANGS:
            def before(workbook: xlsxwriter.Workbook, kind: Kind = kind, lang: str = lang) -> None:
                decorate(workbook, kind, lang, actions[kind.id], modules=modules)

            target = out_dir / workbook_name(kind.id, lang)
            paths.append(Path(write_template(kind, lang, target, before=before)))
    return paths


def _add_control_sheet(
    workbook: xlsxwriter.Workbook, kind: Kind, lang: str, actions: Sequence[str]
) -> Worksheet:
    text = _TEXT[lang]
    sheet = workbook.add_worksheet(CONTROL_SHEET[lang])
    sheet.hide_gridlines(2)
    sheet.fit_to_pages(1, 0)
    sheet.set_column(0, 0, _BUTTON_COL_WIDTH)
    sheet.set_column(1, 1, _HELP_COL_WIDTH)
    title = workbook.add_format({"bold": True, "font_size": 16})
    heading = workbook.add_format({"bold": True, "font_size": 12})
    wrapped = workbook.add_format({"text_wrap": True, "valign": "vcenter"})
    plain = workbook.add_format({"text_wrap": True, "valign": "top"})

    sheet.set_row(0, 24)
    sheet.write_string(0, 0, text["title"].format(title=kind.title(lang)), title)
    sheet.write_string(1, 0, text["lead"])
    # Where a button run reports how it went; its text runs over into column B.
    sheet.write_blank(STATUS_CELL, None, workbook.add_format({"italic": True,
                                                              "font_color": "#7F6000"}))
    row = _FIRST_BUTTON_ROW
    for action in actions:
        caption = BUTTONS[action][1 if lang == "zh" else 0]
        sheet.set_row(row, _BUTTON_ROW_HEIGHT)
        sheet.insert_button(
            row, 0,
            {"macro": macro_name(action), "caption": caption, "description": caption,
             **_BUTTON_SIZE},
        )
        help_text = kind.help_text(action, lang)
        sheet.write_string(row, 1, help_text, wrapped)
        row += 1
    row += 1
    sheet.write_string(row, 0, text["notes"], heading)
    for step in text["steps"]:
        row += 1
        sheet.set_row(row, 30)
        sheet.merge_range(row, 0, row, 1, step, plain)
    sheet.activate()
    return sheet


def _add_conf_sheet(workbook: xlsxwriter.Workbook) -> Worksheet:
    sheet = workbook.add_worksheet(CONF_SHEET)
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 60)
    for row, (key, value) in enumerate(CONF_ROWS):
        sheet.write_string(row, 0, key)
        if isinstance(value, bool):
            sheet.write_boolean(row, 1, value)
        elif value:
            sheet.write_string(row, 1, value)
    sheet.hide()
    return sheet
