"""A score typed with its unit ("85分", "90 分", "72 points") is that score, with a
coerced-value warning at its cell, in the long Scores sheet, in a wide-form indicator
column and in History; 分 is a score's unit only: a number field of another kind (a
bonus base in money, where 分 is a cent) still refuses it."""

from __future__ import annotations

import openpyxl
import pandas as pd
from appraisalbooks import appraisal_book, wide_book
from conftest import run_cli

import opsbook
from opsbook.core.coerce import read_column
from opsbook.core.spec import number


def test_scores_typed_with_their_unit(tmp_path):
    path = appraisal_book(tmp_path / "a.xlsx", [
        ("E1", "E2", "superior", "K1", "85分"), ("E2", "E1", "superior", "K1", "90 分"),
        ("E3", "E1", "superior", "K1", "72 Points")], {"cycle": "2026Q4"},
        history=[("E1", "2026Q3", "88分", "A")])
    book = opsbook.load(path)
    assert book["Scores"]["score"].tolist() == [85.0, 90.0, 72.0]
    assert book["History"]["total"].tolist() == [88.0]
    said = [(i.sheet, i.cell, i.code, i.severity) for i in opsbook.validate(path).issues
            if i.code in ("coerced-value", "type-error")]
    assert said == [("Scores", "E4", "coerced-value", "warning"),
                    ("Scores", "E5", "coerced-value", "warning"),
                    ("Scores", "E6", "coerced-value", "warning"),
                    ("History", "C4", "coerced-value", "warning")]


def test_a_unit_alone_or_another_unit_is_still_a_type_error(tmp_path):
    path = appraisal_book(tmp_path / "a.xlsx", [
        ("E1", "E2", "superior", "K1", "分"), ("E2", "E1", "superior", "K1", "85 kg"),
        ("E3", "E1", "superior", "K1", 80)], {"cycle": "2026Q4"})
    errors = [(i.cell, i.code) for i in opsbook.validate(path).issues if i.severity == "error"]
    assert errors == [("E4", "type-error"), ("E5", "type-error")]


def test_wide_form_scores_with_their_unit(tmp_path):
    path = wide_book(tmp_path / "wide.xlsx", "K2", ("75分", "六十"))
    report = opsbook.validate(path)
    assert [(i.cell, i.code) for i in report.issues if i.severity == "error"] == \
        [("E3", "type-error")]  # a number in words is no score
    path = wide_book(tmp_path / "wide2.xlsx", "K2", ("75分", "65 分"))
    out = tmp_path / "results.xlsx"
    done = run_cli("appraisal", "score", path, "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "考核结果"
    # E2 rated 80 (K1, 60 %) and 75 (K2, 40 %) by a superior: 80 × 0.6 + 75 × 0.4 = 78
    results = opsbook.score_appraisal(path).result
    totals = dict(zip(results.results["employee_id"], results.results["total"]))
    assert (totals["E2"], totals["E1"]) == (78.0, 90 * 0.6 + 65 * 0.4)


def test_a_field_without_units_still_refuses_them():
    # a money column's 分 is a cent: only a field that declares its units reads them
    plain = number("bonus_base", "Bonus Base", "奖金基数")
    column, _ = read_column(pd.Series(["5000分", "5000"], dtype=object), plain)
    assert column.values.tolist()[1] == 5000.0 and pd.isna(column.values.tolist()[0])
    assert [(p.code, p.positions.tolist()) for p in column.problems] == \
        [("coerced-value", [1]), ("type-error", [0])]
