"""A results sheet's header row is tall enough for its longest wrapped header, so that a
spreadsheet program that keeps row heights as written (LibreOffice) shows it whole."""

from __future__ import annotations

import openpyxl

import opsbook
from opsbook.api import write_output
from opsbook.io.sheets import HEADER_LINE, header_lines


def test_the_lines_a_header_takes_count_chinese_characters_twice():
    assert header_lines(["ID", "Name"], [10, 20]) == 1
    assert header_lines(["进度绩效指数（SPI）"], [12]) == 2          # 20 columns wide in 11
    assert header_lines(["完工估算 AC+(BAC−EV)/(CPI·SPI)"], [12]) == 3
    assert header_lines(["x" * 200], [10]) == 4                       # at most four lines


def test_the_status_workbook_header_rows_fit_their_headers(tmp_path):
    tracker = opsbook.new_workbook("project", "zh", tmp_path / "t.xlsx", sample=True)
    done = opsbook.project_status([tracker])
    out = write_output(tmp_path / "status.xlsx", done.sheets)
    book = openpyxl.load_workbook(out)
    for ws in book.worksheets:
        headers = [c.value for c in ws[2]]
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[2]]
        lines = header_lines(headers, widths)
        height = ws.row_dimensions[2].height
        assert (height or HEADER_LINE) == HEADER_LINE * lines, (ws.title, headers, height)
    status = book.worksheets[0]
    assert status.row_dimensions[2].height >= 2 * HEADER_LINE  # 进度绩效指数（SPI） wraps
