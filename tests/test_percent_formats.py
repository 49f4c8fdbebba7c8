"""Cells shown as percentages are read as they are shown (opsbook.io.numformats): 1.5 in a
cell formatted ``0%`` is 150%, and 0.925 shown as 92.5% in a number field is 92.5."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook
from opsbook.io.numformats import percent_cells, shows_percent


@pytest.mark.parametrize(("code", "percent"), [
    ("0%", True), ("0.00%", True), ("0.0%", True), ("[Red]0.0%;-0.0%", True),
    ("#,##0.0%;[Red]-#,##0.0%", True), ('0"%"', False), ("0\\%", False), ("#,##0.00", False),
    ("General", False), ('"完成率"0%', True), ("[$-804]0%", True), ("[>=100]0%;0", True),
])
def test_format_codes(code, percent):
    assert shows_percent(code) is percent


def test_percent_cells_are_the_cells_of_those_styles_only():
    """A cell's own style counts, not a row's or a column's; not a style number that only
    begins the same (30), another attribute ending in s (cs), or text in a value; cells
    with a prefix or with their attributes on other lines are found."""
    xml = (b'<row r="1" s="3" customFormat="1"><c r="A1" s="3" t="n"><v>1</v></c>'
           b'<c r="B1" s="30"><v>2</v></c><x:c r="C1" t="s" s="5"/><c s="3" r="d2"/>'
           b'<c r="E1" cs="3"/><c r="G1" t="inlineStr"><is><t>s="3"</t></is></c>'
           b'<c\ns="5"\nr="F9"/></row><col style="3"/>')
    assert percent_cells(xml, frozenset({b"3", b"5"})) == {"A1", "C1", "D2", "F9"}
    assert percent_cells(xml, frozenset({b"7"})) == set()
    assert percent_cells(xml, frozenset()) == set()


def _tracker(tmp_path, values, number_format="0%"):
    """A sample English tracker whose first task rows' % Complete hold ``values``."""
    path = tmp_path / "tracker.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Tasks"]
    column = [c.value for c in sheet[3]].index("% Complete") + 1
    for n, value in enumerate(values):
        cell = sheet.cell(4 + n, column)
        cell.value = value
        cell.number_format = number_format
    book.save(path)
    letter = openpyxl.utils.get_column_letter(column)
    return path, [f"{letter}{4 + n}" for n in range(len(values))]


def _percent_complete(path):
    return opsbook.load(path).tables["Tasks"].frame["percent_complete"]


def test_percent_field_in_a_percent_cell_is_what_it_shows(tmp_path):
    path, cells = _tracker(tmp_path, [1.5, 0.5, 1])
    report = opsbook.validate(path)
    errors = {i.cell: i for i in report.issues if i.field == "percent_complete"
              and i.code == "out-of-range"}
    assert list(errors) == [cells[0]]  # 150%: beyond 100%, never read as 1.5 %
    assert "found 150%" in errors[cells[0]].message()
    assert "实际为 150%" in errors[cells[0]].message("zh")
    values = _percent_complete(path)
    assert values.loc[5] == pytest.approx(0.5)
    assert values.loc[6] == pytest.approx(1.0)


def test_percent_field_in_a_general_cell_keeps_the_points_rule(tmp_path):
    path, cells = _tracker(tmp_path, [1.5, 85], number_format="General")
    report = opsbook.validate(path)
    assert not [i for i in report.issues if i.cell in cells and i.code == "out-of-range"]
    values = _percent_complete(path)
    assert values.loc[4] == pytest.approx(0.015)
    assert values.loc[5] == pytest.approx(0.85)


@pytest.mark.parametrize("number_format", ["0.0%", "0.00%"])
def test_number_field_shown_as_percentage_reads_the_percentage(tmp_path, number_format):
    path = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Plan"]
    header = [c.value for c in sheet[3]]
    target = header.index("Annual Target") + 1
    sheet.cell(4, target).value = 0.925  # typed "92.5%"
    sheet.cell(4, target).number_format = number_format
    sheet.cell(5, target).value = 0.07  # typed "7%": 7, not 7.000000000000001
    sheet.cell(5, target).number_format = number_format
    before = sheet.cell(6, target).value
    book.save(path)
    frame = opsbook.load(path).tables["Plan"].frame
    assert frame.loc[4, "target"] == 92.5
    assert frame.loc[5, "target"] == 7
    assert frame.loc[6, "target"] == before  # a General cell: as typed


def test_a_workbook_with_no_percent_format_reads_as_before(tmp_path):
    path = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet"
    book.active.append(["x"])
    book.save(path)
    from opsbook.io.read import read_book

    assert all(not sheet.percent_cells for sheet in read_book(path).sheets)


def _appraisal_settings(tmp_path, cells):
    """A sample appraisal workbook whose Settings values ``cells`` (key → value) are
    formatted as percentages."""
    path = tmp_path / "appraisal.xlsx"
    opsbook.new_workbook("appraisal", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Settings"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in cells:
            row[1].value = cells[row[0].value]
            row[1].number_format = "0%"
    book.save(path)
    return path


def test_a_share_setting_in_a_percent_cell_is_what_it_shows(tmp_path):
    path = _appraisal_settings(tmp_path, {"weight_superior": 0.5, "weight_peer": 0.4})
    settings = opsbook.load(path).settings
    assert (settings.weight_superior, settings.weight_peer) == (0.5, 0.4)


def test_a_share_beyond_100_percent_in_a_percent_cell_is_refused_as_shown(tmp_path):
    path = _appraisal_settings(tmp_path, {"weight_superior": 1.2})
    book = opsbook.load(path)
    [issue] = [i for i in book.issues if i.code == "invalid-setting"]
    assert issue.field == "weight_superior" and issue.value == "120%"
    assert book.settings.weight_superior == 0.6  # the default, never 1.2 %


def test_a_ratio_setting_in_a_percent_cell_keeps_its_number(tmp_path):
    """An SPI threshold of 0.9 shown as 90% is 0.9: only shares have the percent-points
    rule that a percentage format must override."""
    path = tmp_path / "tracker.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Settings"]
    for row in sheet.iter_rows(min_row=1):
        if row[0].value == "spi_amber":
            row[1].value, row[1].number_format = 0.85, "0%"
    book.save(path)
    assert opsbook.load(path).settings.spi_amber == 0.85


def test_a_free_form_share_in_a_percent_cell_is_what_it_shows(tmp_path):
    """max_share_<grade> is a share too: 1.2 in a 0% cell is 120%, refused, never 1.2 %."""
    path = tmp_path / "appraisal.xlsx"
    opsbook.new_workbook("appraisal", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Settings"]
    row = sheet.max_row + 1
    sheet.cell(row, 1).value = "max_share_A"
    sheet.cell(row, 2).value = 1.2
    sheet.cell(row, 2).number_format = "0%"
    book.save(path)
    found = [i for i in opsbook.validate(path).issues if i.field == "max_share_A"]
    assert [i.code for i in found] == ["invalid-setting"] and found[0].value == "120%"


def test_a_merged_cell_shown_as_a_percentage_is_so_in_every_cell(tmp_path):
    path = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Plan"]
    column = [c.value for c in sheet[3]].index("Annual Target") + 1
    letter = openpyxl.utils.get_column_letter(column)
    sheet.cell(5, column).value = 0.925
    sheet.cell(5, column).number_format = "0.0%"
    sheet.cell(6, column).value = None
    sheet.merge_cells(f"{letter}5:{letter}6")
    book.save(path)
    loaded = opsbook.load(path)
    frame = loaded.tables["Plan"].frame
    assert (frame.loc[5, "target"], frame.loc[6, "target"]) == (92.5, 92.5)
    [note] = [i for i in loaded.issues if i.code == "merged-cells" and i.cell == f"{letter}5"]
    assert note.value == "92.5%"
