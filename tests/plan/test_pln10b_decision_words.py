"""A reviewer's decision typed past the drop-down as reviewers write it — 不同意, 未通过,
Not approved, Approved, 已通过 — is the decision it says: a 不同意 keeps the plan from
becoming final (at its cell), as 不通过 does, and an Approved does not; before, each was an
invalid-choice error and 不同意 was said as a mistyped value, not as the reject it is. Real
workbooks on disk, run as a user runs them."""

from __future__ import annotations

import openpyxl
from conftest import run_cli, sha256
from test_pln7_review_carry import decide, department_plans

from opsbook import load, validate


def _company(tmp_path):
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)           # Review: O1 (row 3), S1 (row 4), S2 (row 5)
    assert run_cli("plan", "consolidate", folder, "-o", out).returncode == 0
    return out


def test_a_disagreement_in_words_keeps_the_plan_from_final(tmp_path):
    out = _company(tmp_path)
    decide(out, {"O1": ("李总", "目标太低", "不同意"), "S1": ("张总", None, "Approved"),
                 "S2": ("张总", None, "已通过")})
    assert "✓" in run_cli("validate", out).stdout          # every decision read
    for status in ("submitted", "reviewed"):
        assert run_cli("plan", "status", out, "--set", status).returncode == 0
    before = sha256(out)
    done = run_cli("plan", "status", out, "--set", "final")
    assert done.returncode == 1, done.stdout + done.stderr
    assert ("审核意见!F3  [unresolved-decision] 计划项 O1 的审核结论为“不通过”，尚未解决"
            in done.stdout)
    assert "invalid-choice" not in done.stdout and "F4" not in done.stdout
    assert sha256(out) == before                            # refused: the file untouched


def test_each_word_is_read_as_its_decision(tmp_path):
    out = _company(tmp_path)
    book = openpyxl.load_workbook(out)
    sheet = book["审核意见"]
    words = {"未通过": "reject", "Not approved": "reject", "rejected": "reject",
             "否决": "reject", "需修改": "revise", "Needs revision": "revise",
             "同意": "accept", "APPROVED": "accept", "已同意": "accept"}
    for word in words:
        sheet.append(["O1", "运营部", None, "王", None, word])
    book.save(out)
    read = load(out)["Review"]
    assert read["decision"].tolist()[-len(words):] == list(words.values())
    assert not [i for i in validate(out).issues if i.severity == "error"]
