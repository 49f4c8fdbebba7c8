"""The formula scan reads a sheet's XML in pieces: whatever the size of a piece, it finds the
same formula cells without a saved value and the same error cells as in one piece."""

from __future__ import annotations

import io

import openpyxl
import pytest

from opsbook.io import formulas
from opsbook.io.formulas import _formula_cells, _pieces, scan_package


def _workbook(path) -> None:
    """120 rows; a formula without a saved value in C every 7th row, a formula with a
    string result in D every 11th row (a saved value: not reported)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["id", "name", "total", "note"])
    for row in range(2, 122):
        sheet.append([row, f"name {row}", f"=A{row}*2" if row % 7 == 0 else row * 2,
                      f'=CONCAT("x",A{row})' if row % 11 == 0 else "plain"])
    book.save(path)


@pytest.mark.parametrize("size", [16, 100, 4096, 1 << 20])
def test_pieces_find_every_formula_whatever_their_size(tmp_path, monkeypatch, size):
    path = tmp_path / "formulas.xlsx"
    _workbook(path)
    monkeypatch.setattr(formulas, "PIECE", size)
    missing, errors = scan_package(str(path)).formulas["Data"]
    # openpyxl saves no values: every formula cell has none
    assert missing == {f"C{r}" for r in range(7, 122, 7)} | {f"D{r}" for r in range(11, 122, 11)}
    assert errors == {}


def test_pieces_end_where_a_cell_or_row_ends_and_lose_nothing():
    xml = (b'<sheetData><row r="1"><c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1"><f>1/0</f>'
           b'</c></row><row r="2"><x:c r="A2"><x:f>A1</x:f><x:v></x:v></x:c><c r="B2"/>'
           b'</row></sheetData>')
    pieces = list(_pieces(io.BytesIO(xml), size=8))
    assert b"".join(pieces) == xml
    assert all(p.endswith((b"</c>", b"</row>", b"</x:c>")) for p in pieces[:-1])
    assert _formula_cells(pieces) == ({"B1", "A2"}, {"A1": "#DIV/0!"})
    assert _formula_cells(_pieces(io.BytesIO(b'<row r="1"><c r="A1"><v>1</v></c></row>'))) \
        is None


@pytest.mark.parametrize("xml, found", [
    (b'<c r="A1"><v>1</v></c><dataValidations><dataValidation><formula1>"a,b"</formula1>'
     b'</dataValidation></dataValidations>', None),
    (b'<c r="A1"><v>1</v></c><extLst><x14:dataValidation><x14:formula1><xm:f>L!$A$1</xm:f>'
     b'</x14:formula1></x14:dataValidation></extLst>', (set(), {})),
    (b'<c r="A1"><f\n>B1</f><v></v></c>', ({"A1"}, {})),
    (b'<c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f></c>', ({"A1"}, {})),
    (b'<c r="A1"><f/><v>2</v></c>', (set(), {})),
], ids=["validation-list", "prefixed-outside-cells", "newline", "shared", "empty-saved"])
def test_formula_elements_are_told_from_validations(xml, found):
    assert _formula_cells([xml]) == found
