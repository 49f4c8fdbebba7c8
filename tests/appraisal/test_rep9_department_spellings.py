"""One department however its employees' rows spell it ("Sales", "sales ", "ＳＡＬＥＳ"): the
Departments sheet, the rank in department and the report's parts count it once, so the head
of Sales mailed with --per-department gets every one of its employees, not a third of them.
"""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest
from appraisalbooks import appraisal_book

import opsbook

# E1 95, E2 50 and E3 70 are in Sales, spelt three ways (two of them "Sales"); E4 80 in 运营部
SPELT = {"E1": "Sales", "E2": "sales ", "E3": "Sales", "E4": "运营部"}
TOTALS = {"E1": 95.0, "E2": 50.0, "E3": 70.0, "E4": 80.0}


def write(path: Path, spelt: dict[str, str]) -> Path:
    return appraisal_book(path, [(e, "B0", "superior", "K1", TOTALS[e]) for e in spelt],
                          {"cycle": "2026Q4"}, departments=spelt)


@pytest.mark.parametrize("spelt", [SPELT, {**SPELT, "E3": "ＳＡＬＥＳ", "E2": "Sales"},
                                   dict(reversed(list(SPELT.items())))])
def test_one_department_in_results_ranks_and_departments(tmp_path: Path, spelt):
    done = opsbook.score_appraisal(write(tmp_path / "2026Q4.xlsx", spelt))
    results = done.result.results.set_index("employee_id")
    assert results["department"].to_dict() == {"E1": "Sales", "E2": "Sales", "E3": "Sales",
                                               "E4": "运营部"}
    assert results["department_rank"].to_dict() == {"E1": 1, "E2": 3, "E3": 2, "E4": 1}
    departments = done.result.departments.set_index("department")
    assert departments.loc["Sales", "headcount"] == 3
    assert departments.loc["Sales", "mean"] == pytest.approx((95 + 50 + 70) / 3)
    assert sorted(departments.index) == ["Sales", "运营部"]


def test_the_head_of_sales_gets_all_of_sales(tmp_path: Path):
    path = write(tmp_path / "2026Q4.xlsx", SPELT)
    config = tmp_path / "opsbook.toml"
    config.write_text('[mail]\nsender = "ops@example.com"\n[recipients]\n'
                      'SALES = "head@example.com"\n', encoding="utf-8")
    sent = opsbook.send_summary(path, per_department=True, outbox=tmp_path / "outbox",
                                config=config)
    [eml] = sent.outcome.written
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    text = message.get_body(("plain",)).get_content()
    assert "Appraisal report 2026Q4: Sales" in text
    assert "The 3 employee(s) of Sales" in text and "Mean total: 71.67" in text
