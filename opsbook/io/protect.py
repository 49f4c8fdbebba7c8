"""Writing settings into a user's workbook and protecting its sheets (openpyxl).

Protection here has no password: it guards a published plan against slips (a value typed
into the wrong cell), not against anyone who wants to change it — Excel's Review > Unprotect
Sheet lifts it without asking anything.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from opsbook.io.atomic import replace_atomically
from opsbook.io.formula_values import save_keeping_values
from opsbook.io.unkept import load_for_writing

#: What to do when a workbook holds what opsbook cannot keep in saving it in place.
KEEP_AS_IT_IS = ("Remove them in Excel (or keep them in another workbook) and run again; "
                 "this workbook is left as it is.",
                 "请先在 Excel 中删除这些内容（或移到另一个工作簿），然后重新运行；"
                 "本工作簿保持不变。")


def write_settings(path: Path, values: dict[str, Any], cells: dict[str, tuple[str, str]],
                   settings_sheet: str, *, protect: bool = False,
                   target: Path | None = None) -> Path:
    """Set Settings values in a workbook, optionally protecting every sheet; atomic.

    ``cells`` maps a key to the (sheet, A1) cell its value was read from; a key without one
    is added as a new key/value row at the end of ``settings_sheet`` (made if missing, with
    a Key/Value header row: 参数/值 for a Chinese sheet name), or, when the sheet's keys run
    across a row with their values below, at the end of that row.
    Macros are kept in an .xlsm, and formulas keep their calculated values. The original is
    replaced only when all went well (``target`` writes elsewhere).
    """
    from openpyxl.workbook.protection import WorkbookProtection

    from opsbook.core.cells import split
    from opsbook.core.headers import is_chinese
    from opsbook.io.filebook import close_workbook

    path = Path(path)
    # keys laid out across a row, values below: a new key goes at the row's end
    rows = {split(ref)[0] for sheet, ref in cells.values() if sheet == settings_sheet}
    across = rows.pop() if len(rows) == 1 and len(cells) > 1 and rows != {1} else None
    # never a Strict one, one openpyxl cannot load, or one it would save without a part
    book = load_for_writing(path, target=target, advice=KEEP_AS_IT_IS)
    try:
        for key, value in values.items():
            if key in cells and cells[key][0] in book.sheetnames:
                sheet, ref = cells[key]
                cell = book[sheet][ref]
            else:
                if settings_sheet in book.sheetnames:
                    ws = book[settings_sheet]
                else:  # a new Settings sheet, headed as the templates head theirs
                    ws = book.create_sheet(settings_sheet)
                    ws.append(["参数", "值"] if is_chinese(settings_sheet) else ["Key", "Value"])
                if across is not None and settings_sheet in book.sheetnames:
                    column = max((c.column for c in ws[across - 1] if c.value is not None),
                                 default=0) + 1
                    ws.cell(across - 1, column, key)
                    cell = ws.cell(across, column)
                else:
                    row = ws.max_row + 1 if ws.max_row > 1 or ws["A1"].value is not None else 1
                    ws.cell(row, 1, key)
                    cell = ws.cell(row, 2)
            cell.value = value
            if isinstance(value, (dt.date, dt.datetime)):
                cell.number_format = "yyyy-mm-dd"
        if protect:
            for ws in book.worksheets:
                ws.protection.sheet = True
            book.security = WorkbookProtection(lockStructure=True)

        def write(temp: Path) -> None:
            save_keeping_values(book, temp, path)  # formulas keep their calculated values

        return replace_atomically(Path(target) if target else path, write)
    finally:
        close_workbook(book)  # an .xlsm's macros are held in an open zip


def is_protected(path: Path) -> dict[str, bool]:
    """Sheet name → whether the sheet is protected."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    try:
        return {ws.title: bool(ws.protection.sheet) for ws in book.worksheets}
    finally:
        book.close()
