"""Count and scale settings typed as text are read as number cells are: full-width digits
(２, as a Chinese input method types them), spaces, thousands separators. Before,
``consecutive_failure_limit`` ２ or ``min_peers`` １ were refused as "not a whole number"
and ``scale_max`` １００ as "not a number"; a count with a unit (2人) is still refused in
words, as a count, not as an amount."""

from __future__ import annotations

from pathlib import Path

import pytest
from appraisalbooks import appraisal_book

import opsbook


def write(path: Path, lang: str, **typed: str) -> Path:
    """E2 rated by one superior (E1, 50) and one peer (E3, 70); failed 2026Q2 and 2026Q3.
    Every setting a text cell, as typed."""
    return appraisal_book(
        path, [("E2", "E1", "superior", "K1", 50), ("E2", "E3", "peer", "K1", 70)],
        {"cycle": "2026Q4", **typed}, lang=lang, managers={"E2": "E1", "E3": "E1"},
        history=[("E2", "2026Q2", 50.0, "D"), ("E2", "2026Q3", 55.0, "D")])


def test_full_width_counts_and_scale_are_read(tmp_path: Path):
    path = write(tmp_path / "k.xlsx", "zh", consecutive_failure_limit="３", min_peers="１",
                 scale_max="１００ ")
    done = opsbook.score_appraisal(path)
    assert [i.code for i in done.report.issues if i.severity == "error"] == []
    settings = opsbook.load(path).settings
    assert (settings.consecutive_failure_limit, settings.min_peers, settings.scale_max) == \
        (3, 1, 100.0)
    e2 = done.result.results.set_index("employee_id").loc["E2"]
    assert e2["total"] == pytest.approx(50 * 2 / 3 + 70 / 3)  # the one peer counts: 56.67
    assert (e2["consecutive_failures"], e2["escalate"]) == (3, True)


@pytest.mark.parametrize("lang, said", [
    ("en", "Setting 'min_peers': cell Settings!B6 holds '2人', which is not a whole number; "
           "expected a whole number of 0 or more."),
    ("zh", "设置项“min_peers”（最少同事人数）：单元格 设置!B6 的值为“2人”，不是整数；应为大于"
           "或等于 0 的整数。"),
])
def test_a_count_with_a_unit_is_refused_as_a_count(tmp_path: Path, lang, said):
    done = opsbook.score_appraisal(write(tmp_path / "k.xlsx", lang, min_peers="2人"))
    [issue] = [i for i in done.report.issues if i.code == "invalid-setting"]
    assert issue.message(lang) == said
