"""A rater's role written as appraisal forms write it (领导, 主管, 直接上级, 互评, 平级, 自我,
boss) is read as the role it names, as 直属上级 and supervisor were (a word no role has stays
an error), and the total is the same as with the standard words."""

from __future__ import annotations

from pathlib import Path

import pytest
from appraisalbooks import appraisal_book

import opsbook

STANDARD = [("E2", "E1", "superior", "K1", 80), ("E2", "E3", "peer", "K1", 60),
            ("E2", "E2", "self", "K1", 90)]


@pytest.mark.parametrize("superior, peer, self_", [
    ("领导", "互评", "自我"), ("主管", "平级", "自我"), ("直接上级", "同事互评", "自我"),
    ("Boss", "peer", "self")])
def test_a_role_in_other_words_scores_as_the_standard_one(tmp_path: Path, superior, peer,
                                                          self_):
    words = dict(zip(("superior", "peer", "self"), (superior, peer, self_)))
    managers = {"E2": "E1", "E3": "E1"}
    typed = [(e, r, words[role], k, s) for e, r, role, k, s in STANDARD]
    other = appraisal_book(tmp_path / "other.xlsx", typed, {"cycle": "2026Q4"}, lang="zh",
                           managers=managers)
    standard = appraisal_book(tmp_path / "standard.xlsx", STANDARD, {"cycle": "2026Q4"},
                              lang="zh", managers=managers)
    report = opsbook.validate(other)
    assert not [i for i in report.issues if i.severity == "error"]
    totals = [opsbook.score_appraisal(p).result.results.set_index("employee_id").at["E2", "total"]
              for p in (other, standard)]
    assert totals[0] == totals[1]
