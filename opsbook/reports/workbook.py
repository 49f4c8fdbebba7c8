"""The summary workbook: a Summary sheet with native Excel charts, then the detail sheets.

The Summary sheet holds the report's sections top to bottom (purpose, method, headline
figures with the previous period and the change, charts, tables, findings and
recommendations). Each chart's numbers are written in a block to the right of the text
(from column :data:`DATA_COLUMN`) and the native chart draws from those cells, so a reader
can check and reuse them. Detail sheets are the kind's ``SheetOut`` list, with their fills
and charts. Written with XlsxWriter through a temporary file and an atomic rename.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from opsbook.core.output import SheetOut
from opsbook.core.summary import ChartData, Summary
from opsbook.io.atomic import replace_atomically
from opsbook.io.sheetdata import ResultsWorkbook
from opsbook.io.sheets import Formats, add_sheet
from opsbook.io.xlsx import FONT, Styles, write_cell

#: Column (0-based) where chart data blocks start, right of the report text (K).
DATA_COLUMN = 10
CHART_ROWS = 18
TEXT_WIDTH = 8
SERIES_COLORS = ("#9DC3E6", "#1F4E78", "#ED7D31", "#70AD47", "#FFC000", "#7030A0")


def write_workbook(target: Path, summary: Summary, sheets: list[SheetOut] | tuple = ()
                   ) -> Path:
    """Write the summary workbook to ``target`` (replaced atomically); returns its path."""

    def write(temp: Path) -> None:
        book = ResultsWorkbook(temp)
        book.set_properties({"title": summary.title, "author": "opsbook"})
        styles = _Styles(book)
        _summary_sheet(book, styles, summary)
        formats = Formats(book, styles)
        for sheet in sheets:  # the detail sheets as every results workbook writes them
            add_sheet(book, styles, formats, sheet)
        book.close()

    return replace_atomically(Path(target), write)


class _Styles(Styles):
    def __init__(self, book: Any):
        super().__init__(book)
        self._add = add = book.add_format
        self.section = add({**FONT, "bold": True, "font_size": 12, "font_color": "#1F4E78",
                            "bottom": 2, "bottom_color": "#1F4E78"})
        self.para = add({**FONT, "text_wrap": True, "valign": "top"})
        self.good = add({**FONT, "font_color": "#2E7D32", "bold": True})
        self.bad = add({**FONT, "font_color": "#C00000", "bold": True})
        self.note = add({**FONT, "italic": True, "font_color": "#7F7F7F"})
        self._numbers: dict[tuple[str, str], Any] = {}

    def number(self, fmt: str, tone: str = "") -> Any:
        key = (fmt, tone)
        if key not in self._numbers:
            color = {"good": "#2E7D32", "bad": "#C00000"}.get(tone)
            props = {**FONT, "num_format": fmt or "General"}
            if color:
                props.update(font_color=color, bold=True)
            self._numbers[key] = self._add(props)
        return self._numbers[key]


def _summary_sheet(book: Any, styles: _Styles, s: Summary) -> None:
    words = s.labels
    ws = book.add_worksheet(words["summary_sheet"])
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 26)
    ws.set_column(1, TEXT_WIDTH - 1, 13)
    ws.set_row(0, 26)
    ws.write_string(0, 0, s.title, styles.title)
    ws.write_string(1, 0, words["generated"], styles.subtitle)
    row = 3
    if s.restricted:
        ws.write_string(row - 1, 0, words["confidential_left_out"], styles.note)
    row = _paragraphs(ws, styles, row, words["purpose"], [s.purpose] if s.purpose else [])
    row = _paragraphs(ws, styles, row, words["method"], s.method)

    ws.write_string(row, 0, words["results"], styles.section)
    row += 1
    for col, text in enumerate((words["figure"], words["value"], words["previous"].capitalize(),
                                words["change"].capitalize())):
        ws.write_string(row, col, text, styles.header)
    row += 1
    for f in s.figures:
        ws.write_string(row, 0, f.label, styles.text)
        write_cell(ws, row, 1, f.value, styles.number(f.format))
        write_cell(ws, row, 2, f.previous, styles.number(f.format))
        change = f.change
        if change is not None:
            ws.write_number(row, 3, change, styles.number(_signed(f.format), f.tone))
        row += 1
    row += 1
    data_row = 1
    for chart in s.charts:
        data_row = _chart(book, ws, styles, chart, row, data_row)
        row += CHART_ROWS
    for table in s.tables:
        row = _table(ws, styles, row, table.title, list(table.headers),
                     [list(r) for r in table.rows], list(table.formats))
    row = _paragraphs(ws, styles, row, words["findings"], [f.text for f in s.findings])
    row = _paragraphs(ws, styles, row, words["recommendations"],
                      [f"{n}. {text}" for n, text in enumerate(s.recommendations, start=1)]
                      or [words["none"]])
    ws.print_area(0, 0, row, TEXT_WIDTH - 1)
    ws.fit_to_pages(1, 0)
    ws.activate()


def _signed(fmt: str) -> str:
    fmt = fmt or "0.00"
    return f"+{fmt};-{fmt};0"


def _paragraphs(ws: Any, styles: _Styles, row: int, heading: str, lines: list[str]) -> int:
    """A section heading and one merged, wrapped row per line; returns the next free row."""
    if not lines:
        return row
    ws.write_string(row, 0, heading, styles.section)
    row += 1
    for line in lines:
        ws.merge_range(row, 0, row, TEXT_WIDTH - 1, line, styles.para)
        ws.set_row(row, 15 * (1 + len(line) // (90 if line.isascii() else 50)))
        row += 1
    return row + 1


def _table(ws: Any, styles: _Styles, row: int, title: str, headers: list[str],
           rows: list[list[Any]], formats: list[str]) -> int:
    if not rows:
        return row
    ws.write_string(row, 0, title, styles.section)
    row += 1
    for col, text in enumerate(headers):
        ws.write_string(row, col, str(text), styles.header)
    for r, values in enumerate(rows, start=row + 1):
        for col, value in enumerate(values):
            fmt = formats[col] if col < len(formats) else ""
            write_cell(ws, r, col, value, styles.number(fmt) if fmt else styles.text)
    return row + len(rows) + 2


#: The one category of a chart with nothing to plot.
EMPTY_CATEGORY = "—"


def _chart(book: Any, ws: Any, styles: _Styles, chart: ChartData, row: int,
           data_row: int) -> int:
    """Write the chart's data block at (data_row, DATA_COLUMN) and the chart at (row, A).

    Returns the first free row below the data block.
    """
    name = ws.get_name()
    top = data_row
    col = DATA_COLUMN
    ws.write_string(top, col, chart.title, styles.bold)
    head = top + 1
    ws.write_string(head, col, "", styles.header)
    x_col = col + 1 if chart.type == "scatter" else None
    if x_col is not None:
        ws.write_string(head, x_col, chart.x_title, styles.header)
    start = col + (2 if x_col is not None else 1)
    for k, series in enumerate(chart.series):
        ws.write_string(head, start + k, series.name, styles.header)
    for i, label in enumerate(chart.categories):
        r = head + 1 + i
        ws.write_string(r, col, str(label), styles.text)
        if x_col is not None:
            write_cell(ws, r, x_col, chart.x[i], styles.number(chart.number_format))
        for k, series in enumerate(chart.series):
            write_cell(ws, r, start + k, series.values[i], styles.number(chart.number_format))
    if not chart.categories:  # nothing to plot (no project yet): one empty row, so that the
        # chart's ranges are a row of blanks, never L4:L3, which Excel reads as L3:L4
        ws.write_string(head + 1, col, EMPTY_CATEGORY, styles.text)
    last = head + max(len(chart.categories), 1)
    ws.set_column(col, start + len(chart.series) - 1, 12)

    native = book.add_chart({"type": chart.type})
    for k in range(len(chart.series)):
        props: dict[str, Any] = {
            "name": [name, head, start + k],
            "categories": [name, head + 1, x_col if x_col is not None else col, last, x_col
                           if x_col is not None else col],
            "values": [name, head + 1, start + k, last, start + k],
        }
        color = SERIES_COLORS[k + 1] if len(chart.series) == 1 else SERIES_COLORS[k % 6]
        if chart.type in ("column", "bar"):
            props.update(fill={"color": color}, data_labels={"value": True})
        elif chart.type == "line":
            props.update(line={"color": color}, marker={"type": "circle"})
        elif chart.type == "scatter":
            props.update(marker={"type": "circle", "fill": {"color": color}},
                         data_labels={"value": False})
        native.add_series(props)
    native.set_title({"name": chart.title, "name_font": {"size": 12, "name": FONT["font_name"]}})
    if chart.type != "pie":
        x_axis, y_axis = _axes(chart)
        native.set_x_axis(x_axis)
        native.set_y_axis(y_axis)
    native.set_legend({"position": "bottom"} if len(chart.series) > 1 else {"none": True})
    native.set_size({"width": 640, "height": 340})
    ws.insert_chart(xl_rowcol_to_cell(row, 0), native, {"object_position": 1})
    return last + 2


def _axes(chart: ChartData) -> tuple[dict[str, Any], dict[str, Any]]:
    """The native chart's x and y axis options, each set once (XlsxWriter's ``set_y_axis``
    replaces every option given before: a second call for a bar chart's order dropped its
    numbers' format and gridlines). A bar chart's x axis is its value axis and its y axis
    the categories, top to bottom; a column or line chart's category names are turned as
    the images turn them (see :func:`opsbook.reports.images.tick_layout`)."""
    from opsbook.reports.images import tick_layout

    values = {"num_format": chart.number_format or "General",
              "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}}
    if chart.type == "bar":
        return {"name": chart.y_title, **values}, {"name": "", "reverse": True}
    x: dict[str, Any] = {"name": chart.x_title}
    if chart.type in ("column", "line"):
        angle = tick_layout(list(chart.categories))[1]
        if angle:
            x["num_font"] = {"rotation": -angle}
    return x, {"name": chart.y_title, **values}
