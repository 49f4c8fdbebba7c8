"""A cell holding an error value (#N/A, #DIV/0!, #REF!) in an .ods, .xls or .xlsb is a
``formula-error`` at its cell, as in an .xlsx. Before, the reader gave it as an empty cell:
a required Score of #N/A was "required but empty", and an optional figure of #N/A was
silently blank."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import quirkbooks
from conftest import _soffice

import opsbook
from opsbook.io.cellerrors import ods_errors, xls_errors, xlsb_errors

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
       'office:version="1.3"')
ERRORS = {"#N/A": "of:=NA()", "#DIV/0!": "of:=1/0", "#REF!": "of:=#REF!+1"}


def _cell(value: object) -> str:
    if value in ERRORS:  # as LibreOffice saves an error: a formula, its value marked error
        return (f'<table:table-cell table:formula="{ERRORS[value]}" office:value-type="string" '
                f'office:string-value="" calcext:value-type="error"><text:p>{value}</text:p>'
                "</table:table-cell>")
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value="'
                f'{value.isoformat()}"><text:p>{value}</text:p></table:table-cell>')
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>")


def write_ods(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A minimal .ods of ``sheets``, error values written as LibreOffice writes them."""
    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join("<table:table-row>" + "".join(map(_cell, row)) + "</table:table-row>"
                  for row in rows)
        + "</table:table>" for name, rows in sheets.items())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS}>'
               f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:'
            'oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
            '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>'))
        archive.writestr("content.xml", content)
    return path


def _scores(errors: dict[int, str]) -> dict[str, list[list[object]]]:
    """The base appraisal with the Score of the Scores sheet's data rows ``errors`` keys
    (2 = its row 2) replaced by error values."""
    sheets = quirkbooks.base("appraisal")
    for row, error in errors.items():
        sheets["Scores"][row - 1][4] = error
    return sheets


def test_the_error_cells_of_an_ods_are_found_where_they_are():
    """Rows and columns repeated (as LibreOffice writes blank runs) keep the positions."""
    content = (f'<office:document-content {_NS}><office:body><office:spreadsheet>'
               '<table:table table:name="评分"><table:table-row table:number-rows-repeated='
               '"2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>'
               '<table:table-row><table:table-cell table:number-columns-repeated="2"/>'
               f'{_cell("#N/A")}<table:covered-table-cell/>{_cell("#REF!")}</table:table-row>'
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", content)
    assert ods_errors(io.BytesIO(buffer.getvalue())) == {"评分": {"C3": "#N/A", "E3": "#REF!"}}


def test_a_score_of_na_in_an_ods_is_a_formula_error_at_its_cell(tmp_path):
    path = write_ods(tmp_path / "scores.ods", _scores({2: "#N/A", 4: "#DIV/0!"}))
    report = opsbook.validate(path)
    errors = [(i.code, i.sheet, i.cell, i.message("en"), i.message("zh"))
              for i in report.issues if i.severity == "error"]
    assert errors == [
        ("formula-error", "Scores", "E2", "The cell holds the error #N/A.",
         "单元格包含错误值 #N/A。"),
        ("formula-error", "Scores", "E4", "The cell holds the error #DIV/0!.",
         "单元格包含错误值 #DIV/0!。")]


def test_an_optional_figure_of_na_is_not_silently_blank(tmp_path):
    sheets = quirkbooks.base("project")
    at = sheets["Tasks"][0].index("Actual Cost")
    sheets["Tasks"][2][at] = "#N/A"  # a lookup that found nothing
    path = write_ods(tmp_path / "tracker.ods", sheets)
    errors = [(i.code, i.cell) for i in opsbook.validate(path).issues if i.severity == "error"]
    assert errors == [("formula-error", f"{chr(ord('A') + at)}3")]


@pytest.mark.slow
def test_a_score_of_na_in_an_xls_is_a_formula_error_at_its_cell(tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    sheets = _scores({2: "=NA()", 3: "=1/0", 5: "=#REF!+1"})
    source = quirkbooks.write(tmp_path / "scores.xlsx", sheets)
    (tmp_path / "xls").mkdir()
    log = _soffice(tmp_path / "profile", "--convert-to", "xls", "--outdir",
                   str(tmp_path / "xls"), str(source))
    path = tmp_path / "xls" / "scores.xls"
    assert path.exists(), log
    assert xls_errors(str(path)) == {"Scores": {"E2": "#N/A", "E3": "#DIV/0!", "E5": "#REF!"}}
    errors = [(i.code, i.cell, i.message("en")) for i in opsbook.validate(path).issues
              if i.severity == "error"]
    assert errors == [("formula-error", "E2", "The cell holds the error #N/A."),
                      ("formula-error", "E3", "The cell holds the error #DIV/0!."),
                      ("formula-error", "E5", "The cell holds the error #REF!.")]


def test_a_file_that_is_no_xls_has_no_error_cells(tmp_path):
    (tmp_path / "x.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert xls_errors(str(tmp_path / "x.xls")) == {}
    assert ods_errors(str(tmp_path / "x.xls")) == {}


def _brt(kind: int, body: bytes = b"") -> bytes:
    """One .xlsb record: type and size in 7-bit groups, low first (the high bit says
    another follows; a size below 128 here), then the body."""
    assert len(body) < 128
    head = bytes([kind & 0x7F | 0x80, kind >> 7]) if kind >= 128 else bytes([kind])
    return head + bytes([len(body)]) + body


def test_the_error_cells_of_an_xlsb_are_found_where_they_are(tmp_path):
    """Rows are told by their BrtRowHdr, columns by each cell; sheets through the
    workbook part's relationships, whatever the part names."""
    name = "评分"
    bundle = (struct.pack("<II", 0, 1) + struct.pack("<I", 4) + "rId7".encode("utf-16-le")
              + struct.pack("<I", len(name)) + name.encode("utf-16-le"))
    sheet = b"".join([
        _brt(0x00, struct.pack("<I", 1) + bytes(13)),                   # row 2
        _brt(0x03, struct.pack("<II", 4, 0) + bytes([0x2A])),           # E2: #N/A
        _brt(0x00, struct.pack("<I", 6) + bytes(13)),                   # row 7
        _brt(0x0B, struct.pack("<II", 0, 0) + bytes([0x07, 0, 0]) + bytes(4)),  # A7 #DIV/0!
        _brt(0x05, struct.pack("<II", 1, 0) + struct.pack("<d", 88.0)),  # B7: a number
    ])
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="{id}" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/{type}" Target="{target}"/></Relationships>')
    path = tmp_path / "scores.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", rels.format(id="rId1", type="officeDocument",
                                                    target="book/main.bin"))
        archive.writestr("book/_rels/main.bin.rels", rels.format(
            id="rId7", type="worksheet", target="parts/s.bin"))
        archive.writestr("book/main.bin", _brt(0x9C, bundle))
        archive.writestr("book/parts/s.bin", sheet)
    assert xlsb_errors(str(path)) == {name: {"E2": "#N/A", "A7": "#DIV/0!"}}
    assert xlsb_errors(str(tmp_path / "x.xls")) == {}  # no such file: nothing, no error
