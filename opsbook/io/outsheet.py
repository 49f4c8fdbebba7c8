"""A SheetOut written into an openpyxl worksheet: what Calculate and Validate add to a user's
workbook, laid out and printable like the sheets of a new results workbook."""

from __future__ import annotations

from typing import Any

from opsbook.core.output import TITLE_COLOR, Chart, SheetOut
from opsbook.io.xlsx import FONT, HEADER_FILL

FIRST_ROW = 3  # 1-based: the title, the header, then the rows


def fill_worksheet(ws: Any, out: SheetOut) -> None:
    """Title in A1, headers in row 2, rows from row 3, with number formats, fills, links,
    widths, the "no findings" line, notes, charts, frozen panes and print setup."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    font = Font(name=FONT["font_name"], size=FONT["font_size"])
    ws.append([out.title])
    ws["A1"].font = Font(name=FONT["font_name"], bold=True, size=14, color=TITLE_COLOR)
    ws.append(out.headers)
    header_fill = PatternFill("solid", start_color=HEADER_FILL[1:], end_color=HEADER_FILL[1:])
    for cell in ws[2]:
        cell.font = Font(name=FONT["font_name"], bold=True, color="FFFFFF")
        cell.fill = header_fill
    for row in out.rows:
        ws.append(row)
    for col, fmt in enumerate(out.formats, start=1):
        for (cell,) in ws.iter_rows(min_row=FIRST_ROW, min_col=col, max_col=col):
            cell.font = font
            if fmt:
                cell.number_format = fmt
    fills: dict[str, PatternFill] = {}
    for (r, col), color in out.fills.items():
        fill = fills.setdefault(color, PatternFill("solid", start_color=color, end_color=color))
        ws.cell(row=FIRST_ROW + r, column=col + 1).fill = fill
    for col, width in enumerate(out.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for offset, (sheet, ref) in out.links.items():
        cell = ws.cell(row=FIRST_ROW + offset, column=1)
        cell.hyperlink = f"#'{sheet}'!{ref}"
        cell.font = Font(name=FONT["font_name"], color="0563C1", underline="single")
    after = FIRST_ROW + len(out.rows)
    quiet = Font(name=FONT["font_name"], italic=True, color="595959")
    if not out.rows and out.empty:
        ws.cell(row=FIRST_ROW, column=1, value=out.empty).font = quiet
        after += 1
    for n, line in enumerate(out.notes):
        ws.cell(row=after + 1 + n, column=1, value=line).font = quiet
    for n, chart in enumerate(out.charts):
        _chart(ws, out, chart, n)
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=out.key_columns + 1).coordinate
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "2:2"
    if out.key_columns:
        ws.print_title_cols = f"A:{get_column_letter(out.key_columns)}"


def _chart(ws: Any, out: SheetOut, spec: Chart, n: int) -> None:
    from openpyxl import chart as charts
    from openpyxl.utils import get_column_letter

    if not out.rows:
        return
    kinds = {"column": charts.BarChart, "bar": charts.BarChart, "line": charts.LineChart,
             "pie": charts.PieChart, "scatter": charts.ScatterChart}
    chart = kinds[spec.type]()
    if spec.type in ("column", "bar"):
        chart.type = "col" if spec.type == "column" else "bar"
    chart.title = spec.title
    last = FIRST_ROW + len(out.rows) - 1
    labels = charts.Reference(ws, min_col=spec.categories + 1, min_row=FIRST_ROW, max_row=last)
    for col in spec.values:
        values = charts.Reference(ws, min_col=col + 1, min_row=FIRST_ROW - 1, max_row=last)
        if spec.type == "scatter":
            series = charts.Series(values, labels, title_from_data=True)
            series.marker.symbol = "circle"
            series.graphicalProperties.line.noFill = True
            chart.series.append(series)
        else:
            chart.add_data(values, titles_from_data=True)
    if spec.type != "scatter":
        chart.set_categories(labels)
    if spec.type != "pie":
        chart.x_axis.title, chart.y_axis.title = spec.x_title or None, spec.y_title or None
    anchor = spec.anchor or f"{get_column_letter(len(out.headers) + 2)}{FIRST_ROW + 16 * n}"
    ws.add_chart(chart, anchor)
