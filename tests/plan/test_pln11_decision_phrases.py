"""More of the words reviewers write past the drop-down: 不予通过 and 审核不通过 are a
reject, 退回, 打回 and Needs revisions a revise, 审核通过, 予以通过 and Passed an accept.
A 不予通过 keeps the plan from becoming final at its cell, as 不通过 does (before, it was an
invalid-choice error, a plan-has-errors refusal that did not say which item was rejected).
Real workbooks on disk, run as a user runs them."""

from __future__ import annotations

import openpyxl
from conftest import run_cli, sha256
from test_pln7_review_carry import decide
from test_pln10b_decision_words import _company

from opsbook import load, validate

#: word → the decision it is read as
WORDS = {"不予通过": "reject", "审核不通过": "reject", "不予批准": "reject", "退回": "revise",
         "打回": "revise", "Needs revisions": "revise", "需调整": "revise",
         "审核通过": "accept", "Passed": "accept", "同意通过": "accept"}


def test_an_official_reject_keeps_the_plan_from_final(tmp_path):
    out = _company(tmp_path)
    decide(out, {"O1": ("李总", "成本偏高", "不予通过"), "S1": ("张总", None, "审核通过"),
                 "S2": ("张总", None, "予以通过")})
    moved = [run_cli("plan", "status", out, "--set", s).returncode
             for s in ("submitted", "reviewed")]
    assert moved == [0, 0]
    before = sha256(out)
    done = run_cli("plan", "status", out, "--set", "final", "--lang", "en")
    assert done.returncode == 1, done.stdout + done.stderr
    assert ("审核意见!F3  [unresolved-decision] Item O1 has the unresolved decision 'reject'"
            in done.stdout)
    assert "invalid-choice" not in done.stdout and "plan-has-errors" not in done.stdout
    assert sha256(out) == before


def test_each_phrase_is_read_as_its_decision(tmp_path):
    out = _company(tmp_path)
    book = openpyxl.load_workbook(out)
    for word in WORDS:
        book["审核意见"].append(["O1", "运营部", None, "王", None, word])
    book.save(out)
    assert load(out)["Review"]["decision"].tolist()[-len(WORDS):] == list(WORDS.values())
    assert [i.code for i in validate(out).issues if i.severity == "error"] == []
