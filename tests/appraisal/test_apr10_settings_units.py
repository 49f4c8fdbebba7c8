"""Appraisal settings typed with their unit, as the scores are: scale_max 100分 is 100,
consecutive_failure_limit 3次 is 3. Before, each was refused at its cell ("not a number"),
though a score of 85分 was read; another unit stays an error (and min_peers 2人 is refused
as a count, as test_rep9_settings_typed says)."""

from __future__ import annotations

from pathlib import Path

import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook

#: E1 scores 50 (D, improve); two peers rate E2; E3 rated by one peer only.
SCORES = [("E1", "E2", "superior", "K1", 50), ("E2", "B0", "superior", "K1", 90),
          ("E2", "E1", "peer", "K1", 60), ("E2", "E3", "peer", "K1", 70),
          ("E3", "E1", "superior", "K1", 80), ("E3", "E2", "peer", "K1", 20)]


def write(path: Path, **settings: object) -> Path:
    return appraisal_book(path, SCORES, {"cycle": "2026Q4", **settings},
                          history=[("E1", "2026Q3", 50.0, "D"), ("E1", "2026Q2", 55.0, "D")])


def test_settings_with_their_units_are_read(tmp_path: Path):
    path = write(tmp_path / "q4.xlsx", scale_max="100分", scale_min="0 分", min_peers="２",
                 consecutive_failure_limit="3次")
    done = opsbook.score_appraisal(path)
    assert not done.report.errors
    results = done.result.results.set_index("employee_id")
    # E1 failed 2026Q2, 2026Q3 and now: 3 in a row, the limit
    assert (results.at["E1", "consecutive_failures"], results.at["E1", "escalate"]) == (3, True)
    # E2: superior 90 × 0.6/0.9 + peers (60 + 70) / 2 × 0.3/0.9 = 60 + 21.67 = 81.67
    assert results.at["E2", "total"] == pytest.approx(81.666666667)
    # E3: one peer, fewer than 2: left out, superior alone
    assert results.at["E3", "total"] == 80


@pytest.mark.parametrize("key, value, cell, said", [
    ("scale_max", "10分钟", "B8", "which is not a number"),
    ("min_peers", "2天", "B6", "which is not a whole number"),
    ("consecutive_failure_limit", "2.5次", "B9", "which is not a whole number"),
])
def test_another_unit_is_still_an_error_at_its_cell(tmp_path: Path, key, value, cell, said):
    done = run_cli("validate", write(tmp_path / "q4.xlsx", **{key: value}))
    assert done.returncode == 1
    # the template's Settings: each key on its own row, in the order of the settings
    assert f"Settings!{cell}  [invalid-setting]" in done.stdout
    assert f"holds '{value}', {said}" in done.stdout
