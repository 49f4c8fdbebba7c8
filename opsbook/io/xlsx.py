"""Writing sheets with XlsxWriter: one set of styles and one way to write a typed frame."""

from __future__ import annotations

import datetime as dt
from typing import Any

from opsbook.core.output import TITLE_COLOR
from opsbook.core.spec import Field
from opsbook.core.values import excel_value

HEADER_FILL = f"#{TITLE_COLOR}"
REQUIRED_FILL = "#C00000"
TITLE = f"#{TITLE_COLOR}"
NUMBER_FORMATS = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "time": "hh:mm",
    "percent": "0%",
    "number": "#,##0.00",
    "integer": "0",
    "text": "@",
    "id": "@",
}
FONT = {"font_name": "Microsoft YaHei", "font_size": 10}


class Styles:
    """The formats of one workbook, made once."""

    def __init__(self, workbook: Any):
        add = workbook.add_format
        self.title = add({**FONT, "bold": True, "font_size": 16, "font_color": TITLE})
        self.subtitle = add({**FONT, "italic": True, "font_color": "#595959"})
        self.header = add({**FONT, "bold": True, "font_color": "#FFFFFF", "bg_color": HEADER_FILL,
                           "border": 1, "text_wrap": True, "valign": "vcenter"})
        self.required = add({**FONT, "bold": True, "font_color": "#FFFFFF",
                             "bg_color": REQUIRED_FILL, "border": 1, "text_wrap": True,
                             "valign": "vcenter"})
        self.text = add({**FONT})
        self.wrap = add({**FONT, "text_wrap": True, "valign": "top"})
        self.bold = add({**FONT, "bold": True})
        self.by_type = {kind: add({**FONT, "num_format": fmt}) for kind, fmt in
                        NUMBER_FORMATS.items()}
        self.decimal = add({**FONT, "num_format": "0.00"})

    def for_field(self, f: Field) -> Any:
        return self.by_type.get(f.type, self.text)


def write_cell(ws: Any, row: int, col: int, value: Any, fmt: Any) -> None:
    """Write one value (0-based row and column) with its format, blanks as formatted blanks."""
    value = excel_value(value)
    kind = type(value)
    if kind is str:
        ws.write_string(row, col, value, fmt)
    elif kind is float or kind is int:
        ws.write_number(row, col, value, fmt)
    elif value is None:
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, dt.datetime):
        ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def write_title(ws: Any, styles: Styles, title: str, subtitle: str) -> None:
    """The title block above a header: a big title and a one-line hint."""
    ws.set_row(0, 26)
    ws.write_string(0, 0, title, styles.title)
    ws.write_string(1, 0, subtitle, styles.subtitle)
