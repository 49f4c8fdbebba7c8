"""What ``calculate FILE`` and ``plan status`` leave behind must read as it did: the user's
workbook, valid before, is valid after, so that a second click, a report or the next step of
the plan cycle works: results sheets are never read back as input sheets, and formulas keep
their calculated values."""

from __future__ import annotations

import mtx9books as books
import pytest
from conftest import sha256
from mtx9cli import clean, opsbook


@pytest.mark.parametrize("kind", books.DATA)
def test_a_workbook_calculated_in_place_still_validates(tmp_path, kind):
    """A workbook without the optional sheets (History, Holidays, Actuals, Risks, Actions):
    after calculate, validate reads it as calculate itself reads it (the output sheets are
    opsbook's, never input)."""
    file = books.valid(kind, tmp_path)
    assert opsbook("validate", file).code == 0
    calculated = opsbook("calculate", file)
    assert calculated.code == 0, calculated.text
    again = opsbook("validate", file)
    assert again.code == 0 and "0 error(s)" in clean(again), again.text


@pytest.mark.parametrize("kind", books.DATA)
def test_annotate_and_a_second_calculate_agree_after_calculate(tmp_path, kind):
    """The button's own reading (annotate, calculate) skips the output sheets."""
    file = books.valid(kind, tmp_path)
    assert opsbook("calculate", file).code == 0
    assert opsbook("validate", file, "--annotate", tmp_path / "marked.xlsx").code == 0
    assert opsbook("calculate", file).code == 0


def test_formulas_keep_their_values_through_calculate_in_place(tmp_path):
    file = books.with_formulas("project", tmp_path)
    assert opsbook("validate", file).code == 0
    assert opsbook("calculate", file).code == 0
    again = opsbook("validate", file)
    assert again.code == 0 and "formula-no-value" not in clean(again), again.text


def test_a_plan_with_formulas_goes_through_the_whole_status_cycle(tmp_path):
    file = books.with_formulas("plan", tmp_path)
    assert opsbook("validate", file).code == 0
    for step in ("submitted", "reviewed", "final"):
        moved = opsbook("plan", "status", file, "--set", step)
        assert moved.code == 0, moved.text
    assert "formula-no-value" not in clean(opsbook("validate", file))


def test_calculate_o_leaves_a_workbook_with_formulas_as_it_was(tmp_path):
    file = books.with_formulas("project", tmp_path)
    before = sha256(file)
    assert opsbook("calculate", file, "-o", tmp_path / "copy.xlsx").code == 0
    assert sha256(file) == before and opsbook("validate", file).code == 0
