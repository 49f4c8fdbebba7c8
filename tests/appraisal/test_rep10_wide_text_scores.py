"""A wide-form Scores column that names no indicator is said (``unknown-indicator-column``)
when its scores are typed as text too ("70%", full-width "９０", "85"), as the cells of the
indicators' own columns are read: before, only numbers typed as numbers counted, so a
misspelt column of text scores was left out silently and validate said ✓."""

from __future__ import annotations

import pytest
from appraisalbooks import wide_book
from conftest import run_cli

import opsbook


@pytest.mark.parametrize("typed", [["70%", "９０"], ["85", None], [None, "1,000"]])
def test_a_column_of_scores_typed_as_text_that_names_no_indicator_is_said(tmp_path, typed):
    path = wide_book(tmp_path / "wide.xlsx", "能力值", typed)  # 能力值: no indicator
    report = opsbook.validate(path)
    (said,) = [i for i in report.issues if i.code == "unknown-indicator-column"]
    assert (said.sheet, said.cell, said.severity, said.value) == ("评分", "E1", "warning", "能力值")
    done = run_cli("validate", path, "--lang", "en")
    assert done.returncode == 0
    assert ("评分!E1  [unknown-indicator-column] Column '能力值' holds numbers but is no "
            "indicator of the Indicators sheet") in done.stdout


def test_a_column_of_words_is_no_score_column(tmp_path):
    path = wide_book(tmp_path / "wide.xlsx", "能力值", ("良好", "第一名"))
    assert not [i for i in opsbook.validate(path).issues
                if i.code == "unknown-indicator-column"]
