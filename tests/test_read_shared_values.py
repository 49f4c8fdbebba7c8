"""Sheets are read at once when small, else row by row with equal cells shared: either way
the same rows from A1 as python-calamine's ``to_python(skip_empty_area=False)``; shared, equal
values are one object, and values of different types (1, 1.0, True) are kept apart."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
import python_calamine as calamine

from opsbook.io import read as reading
from opsbook.io.read import read_book, shared_values


@pytest.mark.parametrize("small", [reading.SMALL_SHEET, 0], ids=["at-once", "row-by-row"])
def test_rows_from_a1_as_calamine_gives_them(tmp_path, monkeypatch, small):
    monkeypatch.setattr(reading, "SMALL_SHEET", small)
    book = openpyxl.Workbook()
    offset = book.active
    offset.title = "Offset"
    offset["C3"], offset["D5"] = "x", 1
    rows = book.create_sheet("Rows")
    rows["A3"], rows["B4"] = "y", 2
    book.create_sheet("Empty")
    cols = book.create_sheet("Cols")
    cols["B1"], cols["C2"] = "z", 3
    path = tmp_path / "offsets.xlsx"
    book.save(path)

    read = {s.name: s.rows for s in read_book(path).sheets}
    assert read["Offset"] == [["", "", "", ""], ["", "", "", ""], ["", "", "x", ""],
                              ["", "", "", ""], ["", "", "", 1.0]]
    assert read["Rows"] == [["", ""], ["", ""], ["y", ""], ["", 2.0]]
    assert read["Empty"] == []
    assert read["Cols"] == [["", "z", ""], ["", "", 3.0]]
    reference = calamine.CalamineWorkbook.from_path(str(path))
    for name, got in read.items():
        assert got == reference.get_sheet_by_name(name).to_python(skip_empty_area=False)


def test_equal_cells_are_one_object_and_types_stay_apart():
    day = dt.date(2026, 1, 5)
    rows = shared_values([["E1", dt.date(2026, 1, 5), 1, 1.0, True],
                          ["E" + "1", day, 1.0, True, 1]])
    assert rows == [["E1", day, 1, 1.0, True], ["E1", day, 1.0, True, 1]]
    assert [type(v) for v in rows[1][2:]] == [float, bool, int]
    assert rows[0][0] is rows[1][0] and rows[0][1] is rows[1][1]
    assert rows[1][2] is rows[0][3] and rows[1][3] is rows[0][4]


def test_a_full_memory_starts_afresh_and_keeps_every_value():
    rows = shared_values([[n, f"t{n % 3}"] for n in range(50)], limit=10)
    assert rows == [[n, f"t{n % 3}"] for n in range(50)]
    assert shared_values([["a"]], lead=2) == [["", "", "a"]]
