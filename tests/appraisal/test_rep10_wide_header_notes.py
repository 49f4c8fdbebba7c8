"""A wide-form Scores sheet's indicator columns are found as every header is: with a note
in brackets ("业绩（分）", "K2 (score)") or in both forms ("K1 / 业绩"), as README says
headers are read. Before, such a sheet was refused as a long-form sheet missing its
Indicator ID and Score columns (exit 1), although each column named its indicator."""

from __future__ import annotations

import pytest
from appraisalbooks import wide_book

import opsbook


@pytest.mark.parametrize("first, second", [("业绩（分）", "K2 (score)"),
                                           ("K1 / 业绩", "能力\n(0-100)")])
def test_indicator_headers_with_notes_are_read(tmp_path, first, second):
    path = wide_book(tmp_path / "wide.xlsx", second, (70, 90), first=first)
    done = opsbook.score_appraisal(path)
    assert done.report.valid, [i.code for i in done.report.issues]
    totals = done.result.results.set_index("employee_id")["total"]
    assert totals.to_dict() == {"E1": 90.0, "E2": 76.0}  # 0.6×90+0.4×90; 0.6×80+0.4×70


def test_a_note_naming_another_indicator_is_no_match(tmp_path):
    path = wide_book(tmp_path / "wide.xlsx", "能力 (K1)", (70, 90))  # which one? said, not read
    said = [i for i in opsbook.validate(path).issues if i.code == "unknown-indicator-column"]
    assert [(i.cell, i.value) for i in said] == [("E1", "能力 (K1)")]
