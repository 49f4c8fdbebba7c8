"""Names compared loosely are compared one way everywhere (core.parse.folded): an ID,
department or cycle with a zero-width space, a byte-order mark, full-width letters or other
case is the same name; a punch export's IDs are cleaned as cells are."""

from __future__ import annotations

import pytest

from opsbook.attendance.punch_cells import employee_key
from opsbook.core.parse import folded


@pytest.mark.parametrize("typed", ["A-01", "a-01", "Ａ－０１", "A-01\u200b", "\ufeffA-01",
                                   " A -01 "])
def test_one_id_however_typed(typed):
    assert folded(typed) == folded("A-01")


def test_a_punch_export_id_with_an_invisible_character_is_the_employee():
    assert employee_key("E0001\u200b") == employee_key("E0001") == "E0001"
