"""Blank and sample templates of each kind, written with XlsxWriter.

Each template has an instructions sheet, one sheet per sheet of the kind (a title block, a
frozen header row, widths, number formats and drop-down lists) and the Settings sheet with
every default and a description of each key.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

import pandas as pd
import xlsxwriter

from opsbook.core.kind import Kind
from opsbook.core.spec import YES_NO, Field, Sheet
from opsbook.core.values import excel_value
from opsbook.io.atomic import replace_atomically
from opsbook.io.xlsx import Styles, write_cell, write_title

HEADER_ROW = 2  # 0-based: title, subtitle, then the header
DATA_ROWS = 1000
#: A fixed creation date, so that the same template gives the same bytes.
_EPOCH = dt.datetime(2026, 1, 1)

SETTINGS_HEADERS = {"en": ("Key", "Value", "Description"), "zh": ("参数", "值", "说明")}
INSTRUCTIONS = {"en": "Instructions", "zh": "填写说明"}
SUBTITLE = {
    "en": "Fill in from the row below the header. Red headers are required. "
          "English or Chinese values are both accepted.",
    "zh": "请从表头下一行开始填写；红色表头为必填项；中英文取值均可识别。",
}


def write_template(spec: Kind, lang: str, target: Path, *, sample: bool = False,
                   before: Callable[[Any], None] | None = None, seed: int = 7,
                   frames: dict[str, pd.DataFrame] | None = None) -> Path:
    """Write the standard template of a kind in ``lang`` ("zh" or "en") to ``target``.

    ``sample`` fills it with the kind's seeded sample data (or ``frames``, by sheet id and
    "Settings" as key/value rows). ``before`` is called with the new XlsxWriter workbook
    before any sheet is added (the macro build adds its sheets there).
    """
    target = Path(target)
    if frames is None:
        frames = spec.sample(seed=seed, lang=lang) if sample and spec.sample else {}

    def write(temp: Path) -> None:
        workbook = xlsxwriter.Workbook(str(temp), {"strings_to_numbers": False,
                                                    "strings_to_formulas": False,
                                                    "strings_to_urls": False})
        workbook.set_properties({"title": spec.title(lang), "created": _EPOCH,
                                 "comments": "opsbook standard workbook"})
        if before is not None:
            before(workbook)
        styles = Styles(workbook)
        _instructions(workbook, styles, spec, lang)
        for sheet in spec.sheets:
            _data_sheet(workbook, styles, sheet, lang, frames.get(sheet.id))
        _settings(workbook, styles, spec, lang, frames.get("Settings"))
        workbook.close()

    replace_atomically(target, write)
    return target


def _instructions(workbook: Any, styles: Styles, spec: Kind, lang: str) -> None:
    ws = workbook.add_worksheet(INSTRUCTIONS[lang])
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 4)
    ws.set_column(1, 1, 90)
    ws.write_string(0, 1, spec.title(lang), styles.title)
    lines = spec.instructions_zh if lang == "zh" else spec.instructions_en
    for n, line in enumerate(lines, start=2):
        ws.write_number(n, 0, n - 1, styles.text)
        ws.write_string(n, 1, line, styles.wrap)
    tail = len(lines) + 3
    _printable(ws)
    ws.write_string(tail, 1, "opsbook validate / opsbook calculate" if lang == "en" else
                    "命令行：opsbook validate 校验，opsbook calculate 计算", styles.subtitle)


def _printable(ws: Any, landscape: bool = False) -> None:
    """Pages one sheet wide, as many long as it takes."""
    if landscape:
        ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)


def _label(f: Field, value: Any, lang: str) -> Any:
    """A value as the template writes it: a canonical choice value as its label in the
    template language; a date in a month column as its month, ``YYYY-MM`` (a date cell
    with no date format would be read back as a serial number)."""
    if f.type == "month" and isinstance(value, (dt.date, pd.Timestamp)) and not pd.isna(value):
        return f"{value.year:04d}-{value.month:02d}"
    if f.type not in ("choice", "bool") or value is None:
        return value
    if isinstance(value, bool):
        value = "yes" if value else "no"
    for c in (f.choices or YES_NO):
        if c.value == value:
            return c.label(lang)
    return value


def _data_sheet(workbook: Any, styles: Styles, sheet: Sheet, lang: str,
                frame: pd.DataFrame | None) -> None:
    ws = workbook.add_worksheet(sheet.name(lang))
    title = sheet.name(lang)
    write_title(ws, styles, title, SUBTITLE[lang])
    ws.set_row(HEADER_ROW, 30)
    rows = max(DATA_ROWS, 0 if frame is None else len(frame) + 200)
    for col, f in enumerate(sheet.fields):
        fmt = styles.for_field(f)
        ws.set_column(col, col, f.width, fmt)
        ws.write_string(HEADER_ROW, col, f.header(lang),
                        styles.required if f.required else styles.header)
        note = f.note_zh if lang == "zh" else f.note_en
        if note:
            ws.write_comment(HEADER_ROW, col, note)
        if f.type in ("choice", "bool"):
            labels = [c.label(lang) for c in (f.choices or YES_NO)]
            ws.data_validation(HEADER_ROW + 1, col, HEADER_ROW + rows, col, {
                "validate": "list", "source": labels, "error_type": "warning",
                "error_title": "opsbook",
                "error_message": "值不在列表中" if lang == "zh" else "Not one of the listed values",
            })
        if frame is not None and f.id in frame.columns:
            for r, value in enumerate(frame[f.id].tolist(), start=HEADER_ROW + 1):
                write_cell(ws, r, col, _label(f, value, lang), fmt)
    ws.freeze_panes(HEADER_ROW + 1, 0)
    _printable(ws, landscape=len(sheet.fields) > 6)
    ws.repeat_rows(HEADER_ROW)
    ws.autofilter(HEADER_ROW, 0, HEADER_ROW + (0 if frame is None else len(frame)),
                  len(sheet.fields) - 1)


def _settings(workbook: Any, styles: Styles, spec: Kind, lang: str,
              values: pd.DataFrame | None) -> None:
    ws = workbook.add_worksheet("设置" if lang == "zh" else "Settings")
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 18)
    ws.set_column(2, 2, 70)
    given = {} if values is None else dict(zip(values["key"], values["value"]))
    for col, text in enumerate(SETTINGS_HEADERS[lang]):
        ws.write_string(0, col, text, styles.header)
    row = 1
    time_keys = {key for key, info in spec.settings.model_fields.items()
                 if dt.time in (info.annotation, *getattr(info.annotation, "__args__", ()))}
    for key, default, en, zh, label in spec.settings.rows():
        value = excel_value(given.get(key, default))
        ws.write_string(row, 0, key, styles.bold)
        fmt = styles.text
        if isinstance(value, dt.datetime):
            fmt = styles.by_type["date"]
        elif isinstance(value, float) and key in time_keys:
            fmt = styles.by_type["time"]
        write_cell(ws, row, 1, value, fmt)
        said = zh if zh.startswith(label) else f"{label}：{zh}"  # the label said once
        ws.write_string(row, 2, said if lang == "zh" else en, styles.wrap)
        row += 1
    for key, value in given.items():
        if key not in spec.settings.model_fields:
            ws.write_string(row, 0, key, styles.bold)
            write_cell(ws, row, 1, value, styles.text)
            row += 1
    ws.freeze_panes(1, 0)
    _printable(ws, landscape=True)
