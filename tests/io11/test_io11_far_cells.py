"""A value typed far from the table (XFD1048576, where Ctrl+End and Ctrl+arrows take a user).

Before: python-calamine asked for 17 billion cells (512 GB) and the process ended ("memory
allocation of 549755813888 bytes failed", exit 134): no report for that file nor for any
other of the run, and ``opsbook.validate`` ended the user's Python. Excel opens the workbook
without a word. Now the sheet's extent is measured in its XML before it is read: a sheet of
more than 2**25 cells is ``file-unreadable``, naming the sheet and the far cell and saying
what to do, in both languages, exit 2, the other files checked, no byte changed. A cell that
is only formatted there, and a sheet that is simply wide, are read as before.
"""

from __future__ import annotations

import json

import openpyxl
from conftest import run_cli, sha256
from openpyxl.styles import Font
from rawfiles import write_ods, write_xlsb

import opsbook
from opsbook.api import new_workbook
from opsbook.io.extent import MOST_CELLS, measure, measured

FAR_EN = ("The file cannot be read: sheet 'Employees' reaches as far as XFD1048576 (1,048,576 "
          "rows by 16,384 columns), too large to read: something is typed or left far from the "
          "table. On that sheet press Ctrl+End to find it, delete those rows and columns, save "
          "the workbook and run again")
FAR_ZH = ("无法读取文件：工作表“Employees”的范围一直延伸到 XFD1048576（1,048,576 行 × 16,384 列），"
          "过大而无法读取：表格之外很远处有内容。请在该工作表按 Ctrl+End 找到它，删除这些行和列，"
          "保存工作簿后重试")


def _attendance(path, far=None, styled=None):
    """The English sample attendance workbook, saved by openpyxl with ``far`` typed into the
    Employees sheet's cell ``far``, or only a bold font at ``styled``."""
    new_workbook("attendance", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    if far:
        book["Employees"][far] = "x"
    if styled:
        book["Employees"][styled].font = Font(bold=True)
    book.save(path)
    return path


def test_a_value_in_the_last_cell_is_said_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    far = _attendance(folder / "far.xlsx", far="XFD1048576")
    good = new_workbook("attendance", "en", folder / "good.xlsx", sample=True)
    before = {far: sha256(far), good: sha256(good)}
    (issue,) = opsbook.validate(far).issues
    assert (issue.code, issue.severity, issue.message("en"), issue.message("zh")) == (
        "file-unreadable", "error", FAR_EN, FAR_ZH)
    done = run_cli("validate", folder, "--jobs", "1", "--format", "json")
    assert done.returncode == 2, done.stderr
    report = json.loads(done.stdout)
    assert sorted(report["files"]) == sorted([str(far), str(good)])
    assert [(i["file"], i["code"]) for i in report["issues"] if i["severity"] == "error"] == [
        (str(far), "file-unreadable")]
    done = run_cli("attendance", "summarize", far, "-o", tmp_path / "summary.xlsx", "--lang",
                   "zh")
    assert done.returncode == 2 and FAR_ZH in done.stdout + done.stderr
    assert "memory allocation" not in done.stderr
    assert {p: sha256(p) for p in before} == before


def test_a_last_cell_only_formatted_and_a_wide_table_are_read(tmp_path):
    styled = _attendance(tmp_path / "styled.xlsx", styled="XFD1048576")
    wide = _attendance(tmp_path / "wide.xlsx", far="AZ1")  # 52 columns, above the table: read
    for path in (styled, wide):
        report = opsbook.validate(path)
        assert [i.code for i in report.issues if i.severity == "error"] == [], path


def test_the_extent_counts_filled_cells_with_or_without_a_prefix():
    extent = [0, 0]
    measure(b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="XFD1" s="2"/></row>', extent)
    assert extent == [1, 26]  # an only formatted cell far right is not counted
    measure(b'<x:row r="9"><x:c r="AB9"><x:v>1</x:v></x:c></x:row>', extent)
    assert extent == [9, 28]
    measure(b'<row r="70000"><c r="B70000"><is><t>x</t></is></c></row>'
            b'<row r="80000"><c r="C80000" s="1"/></row>', extent)
    assert extent == [70000, 28]
    assert MOST_CELLS >= 1_048_576 * 26  # columns A-Z never reach the limit: not counted


def test_a_sheets_dimension_answers_unless_it_is_one_cell_or_too_large():
    far = b'<row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row></sheetData>'
    for dimension, expected in [
        (b'<dimension ref="A1:C3"/>', [3, 3]),  # small enough: taken as it says
        (b'<dimension ref="A1"/>', [1_048_576, 16_384]),  # one cell (Apache POI): measured
        (b"", [1_048_576, 16_384]),  # none: measured
        (b'<dimension ref="A1:XFD1048576"/>', [1_048_576, 16_384]),  # too large: measured
    ]:
        extent = [0, 0]
        head = b"<worksheet>" + dimension + b"<sheetData>"
        assert list(measured([head, far], extent)) == [head, far]
        assert extent == expected, dimension


_ODS_FAR = (  # no text between the elements: python-calamine takes none there
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
    '<office:body><office:spreadsheet><table:table table:name="Employees">'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Employee ID'
    '</text:p></table:table-cell></table:table-row>'
    '<table:table-row table:number-rows-repeated="1048574"><table:table-cell/></table:table-row>'
    '<table:table-row><table:table-cell table:number-columns-repeated="16383"/>'
    '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    '</table:table-row></table:table></office:spreadsheet></office:body>'
    '</office:document-content>')


def test_an_ods_with_a_value_in_the_last_cell_is_too_far_not_damaged(tmp_path):
    """Before: "The file is damaged … save it again" (python-calamine's own cell limit)."""
    path = write_ods(tmp_path / "far.ods", _ODS_FAR)
    before = sha256(path)
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.message("en"), issue.message("zh")) == (
        "file-unreadable",
        "The file cannot be read: a sheet reaches too far beyond its table to be read: "
        "something is typed or left far from the table. On each sheet press Ctrl+End to find "
        "it, delete those rows and columns, save the workbook and run again",
        "无法读取文件：有工作表的范围延伸得过远，无法读取：表格之外很远处有内容。请在各工作表按 "
        "Ctrl+End 找到它，删除这些行和列，保存工作簿后重试")
    assert sha256(path) == before


def test_an_xlsb_with_a_value_far_right_is_said_with_its_cell(tmp_path):
    """Before: 3,002 rows by 16,384 columns took 13 s and 2 GB; 20,000 rows 96 s and 13 GB;
    the whole sheet ended the process. The .xlsb's BrtWsDim says the extent, and when that
    is too large its filled cells are counted."""
    rows = [["Employee ID"]] + [[] for _ in range(3000)] + [[None] * 16383 + ["x"]]
    path = write_xlsb(tmp_path / "far.xlsb", {"Employees": rows})
    (issue,) = opsbook.validate(path).issues
    assert (issue.code, issue.message("en")) == ("file-unreadable", FAR_EN.replace(
        "XFD1048576 (1,048,576", "XFD3002 (3,002"))
    assert "XFD3002（3,002 行 × 16,384 列）" in issue.message("zh")
