"""A results sheet with no rows says why under its headers, as the Checks sheet says "No
findings": a cycle without self-ratings has no Self-rating Gap, one rated only by the
employees themselves no Raters. Before, such a sheet was blank below its headers, as if
something had failed."""

from __future__ import annotations

import openpyxl
import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli


@pytest.mark.parametrize("lang, sheet, said", [
    ("en", "Self-rating Gap", "No self-rating this cycle: no gap to show."),
    ("zh", "自评偏差", "本期没有自评，无偏差可比较。")])
def test_no_self_rating_is_said_on_the_gap_sheet(tmp_path, lang, sheet, said):
    book = appraisal_book(tmp_path / "a.xlsx", [("E1", "E2", "superior", "K1", 80),
                                                ("E2", "E1", "superior", "K1", 70)],
                          {"cycle": "2026Q4"}, lang=lang)
    assert run_cli("appraisal", "score", book, "-o", tmp_path / "r.xlsx").returncode == 0
    rows = list(openpyxl.load_workbook(tmp_path / "r.xlsx")[sheet].iter_rows(values_only=True))
    assert rows[2][0] == said and len(rows) == 3


def test_only_self_ratings_are_said_on_the_raters_sheet(tmp_path):
    book = appraisal_book(tmp_path / "a.xlsx", [("E1", "E1", "self", "K1", 80),
                                                ("E2", "E2", "self", "K1", 70)],
                          {"cycle": "2026Q4"})
    assert run_cli("appraisal", "score", book, "-o", tmp_path / "r.xlsx").returncode == 0
    rows = list(openpyxl.load_workbook(tmp_path / "r.xlsx")["Raters"].iter_rows(values_only=True))
    assert rows[2][0] == "No one rated another employee this cycle." and len(rows) == 3
