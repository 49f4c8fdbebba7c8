"""Writing into a user's workbook keeps each formula's calculated value (io.formula_values):
openpyxl saves formulas without them, and opsbook's next read (python-calamine) would see
none — formula-no-value after ``calculate`` in place, ``plan status`` or an annotation.

Workbooks are written part by part (fixabooks) as Excel stores formulas: shared formulas,
cached text in the shared strings or inline, errors, booleans, elements with a prefix."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from fixabooks import package, sheet_xml, workbook_xml

from opsbook.core.output import SheetOut
from opsbook.io.filebook import FileBook
from opsbook.io.formula_values import save_keeping_values
from opsbook.io.formulas import scan_package
from opsbook.io.protect import write_settings
from opsbook.io.read import read_raw

#: A1:A3 numbers; B1:B3 one shared formula =A*2 (written on B1 only, as Excel writes it);
#: C1 text from the shared strings; D1 an error; E1 a boolean; F1 text stored with the cell.
ROWS = ('<row r="1"><c r="A1"><v>1</v></c>'
        '<c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c>'
        '<c r="C1" t="s"><f>"beta &amp; co"</f><v>1</v></c>'
        '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        '<c r="E1" t="b"><f>A1&gt;0</f><v>1</v></c>'
        '<c r="F1" t="str"><f>"x"&amp;A1</f><v>x1</v></c></row>'
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>'
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>')
STRINGS = ["alpha", "beta &amp; co"]
#: What python-calamine reads from it (an error cell reads empty; the scan gives it).
READ = [[1.0, 2.0, "beta & co", "", True, "x1"], [2.0, 4.0, "", "", "", ""],
        [3.0, 6.0, "", "", "", ""]]
RESULTS = SheetOut("Results", "Results", ["Item", "Total"], [["a", 12]])


def _calculated_in_place(path: Path) -> Path:
    """What Calculate does to the file: a results sheet written, the workbook saved in place."""
    with FileBook(path) as book:
        book.write_sheet(RESULTS)
        book.save()
    return path


def _values(path: Path, sheet: str = "Data") -> list[list]:
    return next(raw.rows for raw in read_raw(path)[0] if raw.name == sheet)


@pytest.mark.parametrize("prefix", ["", "x"])
def test_every_kind_of_formula_value_is_kept_in_place(tmp_path, prefix):
    path = package(tmp_path / "book.xlsx", {"Data": ROWS}, STRINGS, prefix)
    assert _values(path) == READ
    _calculated_in_place(path)
    assert _values(path) == READ
    assert ["a", 12.0] in _values(path, "Results")
    assert scan_package(str(path)).formulas["Data"] == (set(), {"D1": "#DIV/0!"})
    xml = sheet_xml(path)
    # the shared formula spelt out on each cell by openpyxl, with its own value
    assert '<c r="B2"><f>A2*2</f><v>4</v></c>' in xml
    assert '<c r="B3"><f>A3*2</f><v>6</v></c>' in xml
    # a cached shared string becomes text in the cell: indexes differ between packages
    assert '<c r="C1" t="str"><f>"beta &amp; co"</f><v>beta &amp; co</v></c>' in xml
    assert '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' in xml
    assert '<c r="E1" t="b"><f>A1&gt;0</f><v>1</v></c>' in xml
    assert re.search(r'<calcPr [^>]*fullCalcOnLoad="1"', workbook_xml(path))


def test_a_formula_opsbook_changed_gets_no_old_value(tmp_path):
    """B1's formula is not the original's any more: its old value would be wrong."""
    path = package(tmp_path / "book.xlsx", {"Data": ROWS}, STRINGS)
    with FileBook(path) as book:
        book.book["Data"]["B1"] = "=A1*3"
        book.book["Data"]["F1"] = 5  # a formula replaced by a number
        book.save()
    xml = sheet_xml(path)
    assert re.search(r'<c r="B1"><f>A1\*3</f><v ?/>|<c r="B1"><f>A1\*3</f><v></v>', xml)
    assert '<c r="F1" t="n"><v>5</v></c>' in xml
    assert scan_package(str(path)).formulas["Data"] == ({"B1"}, {"D1": "#DIV/0!"})
    assert _values(path)[1][1] == 4.0


def test_the_sheets_opsbook_writes_are_not_touched(tmp_path):
    """A sheet named as written anew keeps what openpyxl wrote, even the same formula."""
    path = package(tmp_path / "book.xlsx", {"Data": ROWS, "Results": (
        '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>')}, STRINGS)
    book = openpyxl.load_workbook(path)
    target = tmp_path / "saved.xlsx"
    save_keeping_values(book, target, path, written=["Results"])
    assert scan_package(str(target)).formulas["Results"] == ({"A1"}, {})
    assert _values(target) == READ


def test_a_copy_written_by_annotate_keeps_the_values(tmp_path):
    path = package(tmp_path / "book.xlsx", {"Data": ROWS}, STRINGS)
    copy = tmp_path / "copy.xlsx"
    with FileBook(path, copy) as book:
        book.write_sheet(RESULTS)
        book.save()
    assert _values(copy) == READ


def test_plan_status_settings_keep_the_values(tmp_path):
    """write_settings (plan status --set): the Status cell written, the formulas kept."""
    path = package(tmp_path / "plan.xlsx", {"Data": ROWS, "Settings": (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Status</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>draft</t></is></c></row>')}, STRINGS)
    write_settings(path, {"Status": "final"}, {"Status": ("Settings", "B1")}, "Settings",
                   protect=True)
    assert _values(path) == READ
    assert _values(path, "Settings") == [["Status", "final"]]


def test_a_text_result_stored_inline_or_empty_is_kept(tmp_path):
    rows = ('<row r="1"><c r="A1" t="inlineStr"><f>"a"&amp;"b"</f><is><t>ab</t></is></c>'
            '<c r="B1" t="str"><f>""</f><v></v></c><c r="C1"><f>1+1</f><v>2</v></c></row>')
    path = _calculated_in_place(package(tmp_path / "book.xlsx", {"Data": rows}))
    assert _values(path) == [["ab", "", 2.0]]
    assert scan_package(str(path)).formulas["Data"] == (set(), {})


def test_an_unreadable_original_leaves_the_workbook_as_openpyxl_saved_it(tmp_path):
    book = openpyxl.Workbook()
    book.active["A1"] = "=1+1"
    target = tmp_path / "saved.xlsx"
    save_keeping_values(book, target, io.BytesIO(b"not a zip"))
    assert openpyxl.load_workbook(target).active["A1"].value == "=1+1"


def test_a_large_sheet_keeps_every_value(tmp_path):
    """Nearly 2 MB of sheet XML, rewritten a piece (1 MiB) at a time: no value lost at a
    cut."""
    count = 20000
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><f>A{r}*2</f>'
                   f'<v>{2 * r}</v></c></row>' for r in range(1, count + 1))
    path = _calculated_in_place(package(tmp_path / "big.xlsx", {"Data": rows}))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 1 << 20
    values = _values(path)
    assert len(values) == count
    assert all(row == [float(r), 2.0 * r] for r, row in enumerate(values, 1))


def test_an_array_formula_keeps_its_value(tmp_path):
    rows = ('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>'
            '<c r="C1"><f t="array" ref="C1">SUM(A1:B1*3)</f><v>9</v></c></row>')
    path = _calculated_in_place(package(tmp_path / "book.xlsx", {"Data": rows}))
    assert _values(path) == [[1.0, 2.0, 9.0]]
    assert '<f t="array" ref="C1">SUM(A1:B1*3)</f><v>9</v>' in sheet_xml(path)
