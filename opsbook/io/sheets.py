"""Writing result sheets (SheetOut) into a new workbook with XlsxWriter.

Each sheet prints well: A4 landscape, one page wide, the header row and the key columns
repeated on every page, panes frozen below the header and right of the key columns, the
templates' font; cell fills, native charts, a "no findings" line and notes as described.
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from opsbook.core.output import Chart, SheetOut
from opsbook.io.atomic import replace_atomically
from opsbook.io.sheetdata import BlockSheet, ResultsWorkbook
from opsbook.io.xlsx import FONT, Styles

#: Rows above the first data row: the title, then the header.
FIRST_ROW = 2
#: Rows below a table that a drop-down list also covers, for rows people add.
CHOICE_SPARE_ROWS = 200


def write_sheets(target: Path, sheets: list[SheetOut]) -> Path:
    """A new workbook at ``target`` (replaced atomically) with one styled sheet per SheetOut."""

    def write(temp: Path) -> None:
        workbook = ResultsWorkbook(temp)
        styles = Styles(workbook)
        formats = Formats(workbook, styles)
        for out in sheets:
            add_sheet(workbook, styles, formats, out)
        workbook.close()

    return replace_atomically(Path(target), write)


class Formats:
    """Cell formats by (number format, fill), made once per workbook."""

    def __init__(self, workbook: Any, styles: Styles):
        self.workbook, self.styles = workbook, styles
        self.made: dict[tuple[str, str], Any] = {}

    def get(self, number: str, fill: str = "") -> Any:
        if not number and not fill:
            return self.styles.text
        key = (number, fill)
        if key not in self.made:
            spec: dict[str, Any] = {**FONT}
            if number:
                spec["num_format"] = number
            if fill:
                spec["bg_color"] = f"#{fill}"
                spec["border"] = 1
                spec["border_color"] = "#FFFFFF"
            self.made[key] = self.workbook.add_format(spec)
        return self.made[key]


#: The height of one line of header text, in points; a header wraps onto at most
#: :data:`HEADER_MOST` lines.
HEADER_LINE, HEADER_MOST = 15, 4


def header_lines(headers: list[Any], widths: list[float]) -> int:
    """The lines the longest wrapped header takes in its column (1 to :data:`HEADER_MOST`):
    its display width (a Chinese or full-width character is two columns wide) over the
    column's width in characters, less one for the cell's margins. A column with no width
    given is taken as Excel's default, 8.43."""
    most = 1
    for col, text in enumerate(headers):
        width = widths[col] if col < len(widths) else 8.43
        shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))
        most = max(most, math.ceil(shown / max(width - 1, 1)))
    return min(most, HEADER_MOST)


def add_sheet(workbook: Any, styles: Styles, formats: Formats, out: SheetOut) -> None:
    """One SheetOut as a styled sheet of ``workbook`` (an XlsxWriter workbook): title,
    header, rows as one block with their formats and fills (a fill past a row's values is a
    formatted blank: the Gantt and heat-map grids), links, drop-downs, notes, filter, charts
    and print setup."""
    ws = workbook.add_worksheet(out.name[:31], worksheet_class=BlockSheet)
    ws.write_string(0, 0, out.title, styles.title)
    for col, text in enumerate(out.headers):
        ws.write_string(1, col, str(text), styles.header)
    for col, width in enumerate(out.widths):
        ws.set_column(col, col, width)
    lines = header_lines(out.headers, out.widths)
    if lines > 1:  # a wrapped header shown whole: LibreOffice keeps a row's height as written
        ws.set_row(1, HEADER_LINE * lines)
    numbers = [out.formats[c] if c < len(out.formats) else "" for c in range(len(out.headers))]
    fills = {(r, col): formats.get(numbers[col] if col < len(out.rows[r]) else "", fill)
             for (r, col), fill in out.fills.items()  # a grid cell past a row's values: blank
             if r < len(out.rows)}
    ws.write_block(FIRST_ROW, out.rows, [formats.get(number) for number in numbers], fills)
    for offset, (sheet, ref) in out.links.items():
        ws.write_url(FIRST_ROW + offset, 0, f"internal:'{sheet}'!{ref}",
                     string=str(out.rows[offset][0]))
    for col, values in out.choices.items():
        ws.data_validation(FIRST_ROW, col, FIRST_ROW + len(out.rows) + CHOICE_SPARE_ROWS, col,
                           {"validate": "list", "source": values, "error_type": "warning"})
    after = FIRST_ROW + len(out.rows)
    if not out.rows and out.empty:
        ws.write_string(FIRST_ROW, 0, out.empty, styles.subtitle)
        after += 1
    for n, line in enumerate(out.notes):
        ws.write_string(after + 1 + n, 0, line, styles.subtitle)
    if out.rows:
        ws.autofilter(1, 0, 1 + len(out.rows), (out.filter_columns or len(out.headers)) - 1)
    for n, chart in enumerate(out.charts):
        _chart(workbook, ws, out, chart, n)
    _printable(ws, out)


def _printable(ws: Any, out: SheetOut) -> None:
    # IDs, headers (the heat map's 1…5) and codes are text on purpose: no green triangles
    ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})
    ws.freeze_panes(FIRST_ROW, out.key_columns)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(1)
    if out.key_columns:
        ws.repeat_columns(0, out.key_columns - 1)
    ws.set_footer("&C&P / &N")


_TYPES = {"column": "column", "bar": "bar", "line": "line", "pie": "pie", "scatter": "scatter"}


def _chart(workbook: Any, ws: Any, out: SheetOut, spec: Chart, n: int) -> None:
    """A native chart over the sheet's own rows."""
    if not out.rows:
        return
    chart = workbook.add_chart({"type": _TYPES[spec.type]})
    name = out.name[:31].replace("'", "''")
    first, last = FIRST_ROW, FIRST_ROW + len(out.rows) - 1
    for col in spec.values:
        series: dict[str, Any] = {
            "name": [name, 1, col],
            "categories": [name, first, spec.categories, last, spec.categories],
            "values": [name, first, col, last, col],
        }
        if spec.type == "scatter":
            series["marker"] = {"type": "circle", "size": 7}
        chart.add_series(series)
    chart.set_title({"name": spec.title, "name_font": {"name": FONT["font_name"], "size": 12}})
    if spec.type != "pie":
        chart.set_x_axis({"name": spec.x_title, "num_font": {"name": FONT["font_name"]}})
        chart.set_y_axis({"name": spec.y_title, "num_font": {"name": FONT["font_name"]}})
    if len(spec.values) == 1 and spec.type != "pie":
        chart.set_legend({"none": True})
    anchor = spec.anchor or xl_rowcol_to_cell(FIRST_ROW + 16 * n, len(out.headers) + 1)
    ws.insert_chart(anchor, chart, {"x_scale": 1.2, "y_scale": 1.1})
