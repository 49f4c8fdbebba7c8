"""A forced-distribution cap keyed as people type it: `MAX_SHARE_S` was checked but said at
no cell ("Settings" alone), and `max_share_ S` (a space) or `max_share_Ｓ` (full width) was
refused as naming no grade, so the cap was not checked at all. The grade in the key is now
compared as names are (case, width, spaces), and what is said of it is at the key's cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

# 95, 92 and 91 are all S (≥ 90): 3 of 3, while 25% of 3 allows floor(0.75) = 0
SCORES = [("E1", "B0", "superior", "K1", 95), ("E2", "B0", "superior", "K1", 92),
          ("E3", "B0", "superior", "K1", 91)]


@pytest.mark.parametrize("key", ["MAX_SHARE_S", "Max_Share_ s", "max_share_Ｓ"])
def test_cap_found_and_said_at_its_cell(tmp_path: Path, key: str) -> None:
    book = appraisal_book(tmp_path / "a.xlsx", SCORES, {"cycle": "2026Q4", key: "25%"})
    done = run_cli("appraisal", "score", book, "-o", tmp_path / "r.xlsx", "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Settings!B12  [forced-distribution] 3 of 3 employees (100%) have grade S, more " \
           "than the maximum share of 25% (0 employees)." in done.stdout
    assert "invalid-setting" not in done.stdout
