"""An appraisal's results workbook carries the History sheet on for the next cycle: History
is an input sheet too, yet the workbook is a result opsbook wrote (in Chinese as in
English). So scoring again into it replaces it, and validate skips it, never reading its
考核结果 sheet as an attendance Employees sheet by its headers."""

from __future__ import annotations

import pytest
from conftest import run_cli

import opsbook


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scoring_again_into_the_results_replaces_them_and_validate_skips_them(tmp_path, lang):
    sample = opsbook.new_workbook("appraisal", lang, tmp_path / "a.xlsx", sample=True)
    out = tmp_path / "results.xlsx"
    for _ in range(2):
        done = run_cli("appraisal", "score", sample, "-o", out)
        assert done.returncode == 0, done.stdout + done.stderr
    report = opsbook.validate(out)
    assert [i.code for i in report.issues] == ["output-workbook"]
    history, issues = opsbook.api.appraisal.history_of(out)  # still the next cycle's history
    assert (history["cycle"] == "2026Q4").sum() == 36  # this cycle's 36, earlier ones too
    assert not [i for i in issues if i.severity == "error"]
