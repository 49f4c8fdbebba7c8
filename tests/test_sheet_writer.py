"""Result rows written as a block (opsbook.io.sheetdata) are the cells XlsxWriter writes one
at a time: same values, types and styles, same chart caches, links and fills; and a results
workbook holds what the openpyxl renderer puts into a user's workbook."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import math
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest
import xlsxwriter
import xlsxwriter.packager
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xlsxwriter.sharedstrings import SharedStrings

from opsbook.core.output import Chart, SheetOut
from opsbook.core.summary import Summary
from opsbook.io.outsheet import fill_worksheet
from opsbook.io.sheetdata import CHUNK_ROWS, BlockSheet, ResultsWorkbook
from opsbook.io.sheets import write_sheets
from opsbook.io.xlsx import FONT, write_cell
from opsbook.reports.render import write_report

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
NUMBER_FORMATS = ["", "0", "0.00", "yyyy-mm-dd", "[h]:mm", "0.0%"]
FILLS = ["FFC7CE", "C6EFCE", "1F4E78"]


def cells(path: Path, sheet: int = 1) -> dict[str, tuple[Any, ...]]:
    """Every cell of a sheet as (type, value, number format, font, fill, border, alignment),
    shared strings and style indices resolved, read from the file's XML."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        strings = []
        if "xl/sharedStrings.xml" in names:
            sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
            strings = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
                       for si in sst.findall("m:si", NS)]
        styles = ET.fromstring(z.read("xl/styles.xml"))
        sheet_xml = ET.fromstring(z.read(f"xl/worksheets/sheet{sheet}.xml"))

    def items(tag: str) -> list[str]:
        section = styles.find(f"m:{tag}", NS)
        return [ET.tostring(e).decode() for e in (section if section is not None else [])]

    fonts, fills, borders = items("fonts"), items("fills"), items("borders")
    codes = {e.get("numFmtId"): e.get("formatCode") for e in styles.iter(f"{{{NS['m']}}}numFmt")}
    xfs = []
    for xf in styles.find("m:cellXfs", NS):
        alignment = xf.find("m:alignment", NS)
        xfs.append((codes.get(xf.get("numFmtId"), xf.get("numFmtId")),
                    fonts[int(xf.get("fontId"))], fills[int(xf.get("fillId"))],
                    borders[int(xf.get("borderId"))],
                    None if alignment is None else sorted(alignment.attrib.items())))
    found = {}
    for c in sheet_xml.iter(f"{{{NS['m']}}}c"):
        value = c.find("m:v", NS)
        text = None if value is None else value.text
        if c.get("t") == "s":
            text = strings[int(text)]
        found[c.get("r")] = (c.get("t"), text, *xfs[int(c.get("s", 0))])
    return found


def sheet_outside_data(path: Path, sheet: int = 1) -> str:
    """The sheet's XML less its cells: dimension, panes, columns, links, filters, print setup."""
    with zipfile.ZipFile(path) as z:
        text = z.read(f"xl/worksheets/sheet{sheet}.xml").decode()
    return re.sub(r"<sheetData>.*</sheetData>", "", text, flags=re.S)


def chart_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/charts/")}


def formats_of(book: Any) -> Any:
    """A function giving the workbook's format of (number format, fill), made once."""
    made: dict[tuple[str, str], Any] = {}

    def fmt(number: str, fill: str = "") -> Any:
        if (number, fill) not in made:
            spec = {**FONT, **({"num_format": number} if number else {}),
                    **({"bg_color": f"#{fill}"} if fill else {})}
            made[number, fill] = book.add_format(spec)
        return made[number, fill]

    return fmt


def write_both(tmp_path: Path, rows: list[list[Any]], numbers: list[str],
               fills: dict[tuple[int, int], str], links: dict[int, str],
               chart_columns: tuple[int, ...] = ()) -> tuple[Path, Path]:
    """The same rows written as a block and cell by cell, each into a new workbook."""
    paths = []
    for how in ("block", "cells"):
        path = tmp_path / f"{how}.xlsx"
        book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False,
                                               "strings_to_formulas": False,
                                               "strings_to_urls": False})
        fmt = formats_of(book)
        ws = book.add_worksheet("Data", worksheet_class=BlockSheet if how == "block" else None)
        ws.write_string(0, 0, "Title", fmt("", "1F4E78"))
        cell_fills = {(r, c): fmt(numbers[c] if c < len(rows[r]) else "", fill)
                      for (r, c), fill in fills.items()}
        if how == "block":
            ws.write_block(2, rows, [fmt(n) for n in numbers], cell_fills)
        else:
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    write_cell(ws, 2 + r, c, value, cell_fills.get((r, c), fmt(numbers[c])))
            for (r, c), f in cell_fills.items():
                if c >= len(rows[r]):
                    ws.write_blank(2 + r, c, None, f)
        for r, target in links.items():
            ws.write_url(2 + r, 0, f"internal:'Data'!{target}", string=str(rows[r][0]))
        ws.write_string(3 + len(rows), 0, "a note under the table")
        for col in chart_columns:
            chart = book.add_chart({"type": "line"})
            chart.add_series({"values": ["Data", 2, col, 1 + len(rows), col],
                              "categories": ["Data", 2, 0, 1 + len(rows), 0]})
            ws.insert_chart(0, 8 + col, chart)
        book.close()
        paths.append(path)
    return paths[0], paths[1]


def assert_same_workbooks(block: Path, one_by_one: Path) -> None:
    assert cells(block) == cells(one_by_one)
    assert sheet_outside_data(block) == sheet_outside_data(one_by_one)
    assert chart_files(block) == chart_files(one_by_one)


class Mode(str, enum.Enum):
    a = "a"


VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_infinity=False, width=64), st.just(float("nan")),
    st.text(max_size=12), st.sampled_from(["<&>\"'", " padded ", "\x01\x1f", "=SUM(A1)", "迟到"]),
    st.dates(dt.date(1899, 12, 31), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 1, 1)),
    st.sampled_from([np.float64(2.5), np.int64(7), pd.Timestamp("2026-06-01 08:30"),
                     pd.NaT, dt.timedelta(hours=9, minutes=5), dt.time(18, 30)]),
    # equal to other values yet written otherwise: Decimal("1") == 1 is text, Mode.a == "a"
    st.sampled_from([decimal.Decimal("1"), decimal.Decimal("2.50"), Mode.a, 1, "a"]),
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_block_is_the_cells_xlsxwriter_writes_one_by_one(tmp_path: Path, data) -> None:
    width = data.draw(st.integers(1, 5))
    rows = data.draw(st.lists(st.lists(VALUES, min_size=0, max_size=width), min_size=1,
                              max_size=8))
    numbers = data.draw(st.lists(st.sampled_from(NUMBER_FORMATS), min_size=width,
                                 max_size=width))
    fills = data.draw(st.dictionaries(st.tuples(st.integers(0, len(rows) - 1),
                                                st.integers(0, width + 1)),
                                      st.sampled_from(FILLS), max_size=6))
    numbers += [""] * 2  # fills may reach two columns past the values
    links = {r: "B2" for r in data.draw(st.sets(st.integers(0, len(rows) - 1), max_size=2))
             if rows[r]}
    for r in links:  # a link's text is written by XlsxWriter as it is (in an attribute too)
        rows[r][0] = f"row {r}"
    assert_same_workbooks(*write_both(tmp_path, rows, numbers, fills, links))


def test_equal_values_written_differently_stay_apart(tmp_path: Path) -> None:
    column = [1, decimal.Decimal("1"), True, 1.0, "a", Mode.a, 0, False, None]
    rows = [[v, v] for v in column] + [[v, v] for v in reversed(column)]
    block, one_by_one = write_both(tmp_path, rows, ["", "0"], {}, {})
    assert_same_workbooks(block, one_by_one)
    found = cells(block)
    assert [found[f"A{3 + n}"][:2] for n in range(4)] == [
        (None, "1"), ("s", "1"), ("b", "1"), (None, "1")]
    assert found["A8"][:2] == ("s", "Mode.a") and found["A10"][:2] == ("b", "0")


def test_text_longer_than_excel_takes_is_cut_and_shared(tmp_path: Path) -> None:
    long, wide = "x" * 40000, "迟" * 20000  # 40,000 and 20,000 UTF-16 code units
    rows = [[long, 1], [long + "z", long], ["y", "y"], [wide, None]]
    path = tmp_path / "long.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Data", worksheet_class=BlockSheet)
    plain = book.add_format()
    ws.write_block(0, rows, [plain, plain])
    book.close()
    found = cells(path)
    assert found["A1"][1] == found["A2"][1] == found["B2"][1] == "x" * 32767
    assert found["A4"][1] == "迟" * 20000 and found["B3"][1] == "y"
    shared = ET.fromstring(zipfile.ZipFile(path).read("xl/sharedStrings.xml"))
    assert (shared.get("count"), shared.get("uniqueCount")) == ("6", "3")


def test_many_rows_over_several_chunks_with_links_charts_and_fills(tmp_path: Path) -> None:
    n = 2 * CHUNK_ROWS + 7
    rows = [[f"E{r % 500:04d}", float(r % 97) / 4, dt.datetime(2026, 6, 1) + dt.timedelta(r % 30),
             None if r % 3 else r] for r in range(n)]
    fills = {(r, 1): FILLS[r % 3] for r in range(0, n, 11)}
    fills.update({(r, 6): "C6EFCE" for r in range(5, n, 13)})  # a grid beyond the values
    links = {0: "A1", CHUNK_ROWS: "B5", n - 1: "C9"}
    block, one_by_one = write_both(tmp_path, rows, ["", "0.00", "yyyy-mm-dd", "0", "", "", ""],
                                   fills, links, chart_columns=(1, 3))
    assert_same_workbooks(block, one_by_one)
    found = cells(block)
    assert found[f"A{2 + CHUNK_ROWS + 1}"][:2] == ("s", f"E{CHUNK_ROWS % 500:04d}")
    assert float(found[f"B{n + 2}"][1]) == ((n - 1) % 97) / 4
    assert found["C3"][1] == "46174"  # 2026-06-01 as Excel's day number
    assert "C6EFCE" in found["G8"][4] and found["G8"][1] is None


def test_an_infinite_number_is_written_as_a_blank(tmp_path: Path) -> None:
    sheet = SheetOut("Data", "Data", ["x"], [[1.0], [math.inf], [-math.inf]], formats=["0"])
    write_sheets(tmp_path / "inf.xlsx", [sheet])
    values = [c.value for c in openpyxl.load_workbook(tmp_path / "inf.xlsx")["Data"]["A"]]
    assert 1 in values and not any(isinstance(v, float) and math.isinf(v) for v in values)


def test_text_that_looks_like_a_number_has_no_error_triangle(tmp_path: Path) -> None:
    """IDs and headers written as text on purpose (the heat map's 1…5, an ID "1001") are
    not flagged by Excel as numbers stored as text."""
    sheet = SheetOut("Heat", "Heat map", ["Impact", "1", "2"], [["1001", "5", 3.0]])
    write_sheets(tmp_path / "heat.xlsx", [sheet])
    with zipfile.ZipFile(tmp_path / "heat.xlsx") as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    assert '<ignoredError sqref="A1:XFD1048576" numberStoredAsText="1"/>' in xml


def attendance_like() -> SheetOut:
    rows = [["E0001" if d % 2 else "E0002", dt.datetime(2026, 6, d), "present" if d % 5 else "late",
             0.375 + d / 1440, None if d % 5 else d * 1.0, 8.0] for d in range(1, 31)]
    return SheetOut("Daily", "Daily attendance 2026-06",
                    ["Employee ID", "Date", "Status", "Check In", "Late Minutes", "Hours"], rows,
                    formats=["", "yyyy-mm-dd", "", "[h]:mm", "0", "0.00"],
                    widths=[12, 10, 12, 9, 10, 10], links={4: ("Daily", "C7")},
                    fills={(r, 2): "FFC7CE" for r in range(4, 30, 5)} | {(0, 7): "C6EFCE"},
                    charts=[Chart("column", "Hours", 1, (5,))], key_columns=2,
                    notes=["2 employees"])


@pytest.mark.parametrize("writer", ["results", "report"])
def test_a_results_workbook_holds_what_the_openpyxl_renderer_writes(tmp_path: Path,
                                                                     writer: str) -> None:
    """The results workbook, and a report workbook's detail sheet, hold the cells, formats,
    fills (a grid fill past a row's values too), links and notes of the renderer's."""
    out = attendance_like()
    if writer == "results":
        write_sheets(tmp_path / "results.xlsx", [out])
    else:
        write_report(tmp_path / "results.xlsx", Summary("Report", "en"), [out])
    book = openpyxl.Workbook()
    fill_worksheet(book.active, out)
    book.active.title = out.name
    book.save(tmp_path / "filled.xlsx")
    written = openpyxl.load_workbook(tmp_path / "results.xlsx")["Daily"]
    filled = openpyxl.load_workbook(tmp_path / "filled.xlsx")["Daily"]

    def looks(ws: Any, r: int, c: int) -> tuple[Any, ...]:
        cell = ws.cell(row=r, column=c)
        fill = cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type == "solid" else None
        link = cell.hyperlink and (cell.hyperlink.location or cell.hyperlink.target.lstrip("#"))
        return cell.value, cell.number_format if cell.value is not None else "", fill, link

    for r in range(2, 3 + len(out.rows) + 1 + len(out.notes)):
        for c in range(1, 9):
            assert looks(written, r, c) == looks(filled, r, c), (r, c)
    assert written["A7"].hyperlink.location == "'Daily'!C7"
    assert looks(written, 7, 3)[2] == "FFC7CE" and looks(written, 3, 8)[2] == "C6EFCE"
    assert written["E7"].value == 5 and written["D3"].number_format == "[h]:mm"
    assert written.freeze_panes == filled.freeze_panes == "C3"
    assert written.print_title_rows == filled.print_title_rows == "$2:$2"
    assert len(written._charts) == len(filled._charts) == 1


def test_a_results_workbook_is_zipped_fast_and_leaves_xlsxwriter_as_it_was(tmp_path: Path
                                                                          ) -> None:
    rows = [[f"E{r:05d}", r * 0.25, f"note {r % 97}"] for r in range(20_000)]

    def write(book: Any) -> None:
        ws = book.add_worksheet("Data", worksheet_class=BlockSheet)
        ws.write_block(0, rows, [book.add_format()] * 3)
        book.close()

    ours, default = tmp_path / "ours.xlsx", tmp_path / "default.xlsx"
    write(ResultsWorkbook(ours))
    write(xlsxwriter.Workbook(str(default), {"strings_to_numbers": False}))
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile  # given back after storing
    with zipfile.ZipFile(ours) as z:  # every part deflated, at a lighter level than 6
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_DEFLATED}
        assert z.testzip() is None
    assert ours.stat().st_size > default.stat().st_size
    assert cells(ours) == cells(default)
    sheet = openpyxl.load_workbook(ours, read_only=True)["Data"]
    assert [c.value for c in next(sheet.iter_rows(min_row=20_000, max_row=20_000))] == [
        "E19999", 4999.75, "note 17"]


@pytest.mark.parametrize("extra", [[], ["bell\x07", "_x0041_ typed", "cr\rlf"],
                                   ["no\uffffchar"]],
                         ids=["plain", "with-escapes", "not-in-xml"])
def test_a_results_workbook_writes_the_shared_strings_xlsxwriter_writes(
        tmp_path: Path, extra: list[str]) -> None:
    texts = ["销售额", "a & b < c > d", " lead", "trail ", "\tTab", "line\nbreak", "x\n",
             "\u3000全角空格", "\"quoted\" 'single'", "", "E0001", *extra]

    def write(book: Any) -> bytes:
        ws = book.add_worksheet("Data")
        for row, text in enumerate(texts):
            ws.write_string(row, 0, text)
        book.close()
        with zipfile.ZipFile(book.filename) as z:
            return z.read("xl/sharedStrings.xml")

    ours = write(ResultsWorkbook(tmp_path / "ours.xlsx"))
    theirs = write(xlsxwriter.Workbook(str(tmp_path / "theirs.xlsx")))
    assert ours == theirs
    assert xlsxwriter.packager.SharedStrings is SharedStrings
