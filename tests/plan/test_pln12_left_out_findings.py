"""The rules whose findings the company plan lists as conflicts (quarters, dates, item IDs)
are not run twice: a department's file taken in is told each of them once, as a conflict; a
file left out is told every finding validation gives it, those rules' too, beside why it was
left out."""

from __future__ import annotations

from collections import Counter

import openpyxl
from planbooks import write

import opsbook
from opsbook.api.plan_consolidate import CONFLICT_RULES


def _codes(issues, file):
    return Counter((i.code, i.cell) for i in issues if i.file == str(file))


def test_a_left_out_file_is_told_what_validation_finds(tmp_path):
    plans = write(tmp_path / "plans", "en")
    book = openpyxl.load_workbook(plans["ops"])
    book["Plan"]["D5"] = None  # S-02's KPI blank: a required value missing, the file left out
    book.save(plans["ops"])
    done = opsbook.consolidate_plans(tmp_path / "plans", output=tmp_path / "company.xlsx")
    told = _codes(done.report.issues, plans["ops"])
    validated = _codes(opsbook.validate(plans["ops"]).issues, plans["ops"])
    assert told - validated == Counter({("plan-left-out", "D5"): 1})
    assert validated - told == Counter()
    # the findings of the conflict rules are among them: the end after the year, the dates
    # out of order
    assert told[("outside-year", "O4")] == 1 and told[("date-order", "O7")] == 1


def test_a_file_taken_in_is_told_each_conflict_once(tmp_path):
    plans = write(tmp_path / "plans", "en")
    done = opsbook.consolidate_plans(tmp_path / "plans", output=tmp_path / "company.xlsx")
    sales, ops = _codes(done.report.issues, plans["sales"]), _codes(done.report.issues,
                                                                     plans["ops"])
    assert sales[("quarters-mismatch", "K5")] == 1
    assert ops[("outside-year", "O4")] == 1 and ops[("date-order", "O7")] == 1
    # and the company plan lists them, as before
    assert {"quarters-mismatch", "outside-year", "date-order"} <= set(
        done.result.conflicts["code"])


def test_the_rules_left_to_the_company_plan_are_the_plan_kinds_own():
    checks = set(opsbook.registry.get("plan").checks)
    assert CONFLICT_RULES.issubset(checks)
    assert len(checks) > len(CONFLICT_RULES)  # the others are run as each file is read
