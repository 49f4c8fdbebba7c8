"""Writing result sheets (SheetOut) into a new workbook with XlsxWriter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter

from opsbook.core.output import SheetOut
from opsbook.io.atomic import replace_atomically
from opsbook.io.xlsx import Styles, write_cell


def write_sheets(target: Path, sheets: list[SheetOut]) -> Path:
    """A new workbook with one styled sheet per SheetOut: title, header, rows, links."""

    def write(temp: Path) -> None:
        workbook = xlsxwriter.Workbook(str(temp), {"strings_to_numbers": False,
                                                    "strings_to_formulas": False,
                                                    "strings_to_urls": False})
        styles = Styles(workbook)
        formats: dict[str, Any] = {}
        for out in sheets:
            ws = workbook.add_worksheet(out.name[:31])
            ws.write_string(0, 0, out.title, styles.title)
            for col, text in enumerate(out.headers):
                ws.write_string(1, col, str(text), styles.header)
            for col, width in enumerate(out.widths):
                ws.set_column(col, col, width)
            cell_formats = []
            for col in range(len(out.headers)):
                fmt = out.formats[col] if col < len(out.formats) else ""
                if fmt and fmt not in formats:
                    formats[fmt] = workbook.add_format({"num_format": fmt,
                                                        "font_name": "Microsoft YaHei",
                                                        "font_size": 10})
                cell_formats.append(formats[fmt] if fmt else styles.text)
            for r, row in enumerate(out.rows, start=2):
                for col, value in enumerate(row):
                    write_cell(ws, r, col, value, cell_formats[col])
            for offset, (sheet, ref) in out.links.items():
                ws.write_url(2 + offset, 0, f"internal:'{sheet}'!{ref}",
                             string=str(out.rows[offset][0]))
            ws.freeze_panes(2, 0)
            if out.rows:
                ws.autofilter(1, 0, 1 + len(out.rows), len(out.headers) - 1)
        workbook.close()

    return replace_atomically(Path(target), write)
