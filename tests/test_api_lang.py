"""Every library function that takes ``lang`` refuses a language opsbook does not speak, in
both languages, before it reads anything (the path given here does not even exist)."""

from __future__ import annotations

import pytest

import opsbook
from opsbook.api.common import Refused

CALLS = {
    "score_appraisal": lambda p: opsbook.score_appraisal(p, lang="fr"),
    "summarize_attendance": lambda p: opsbook.summarize_attendance([p], lang="fr"),
    "project_status": lambda p: opsbook.project_status([p], lang="fr"),
    "consolidate_plans": lambda p: opsbook.consolidate_plans([p], lang="fr"),
    "diff_plans": lambda p: opsbook.diff_plans(p, p, lang="fr"),
    "track_plan": lambda p: opsbook.track_plan(p, lang="fr"),
    "build_report": lambda p: opsbook.build_report(p, p.with_suffix(".html"), lang="fr"),
    "send_summary": lambda p: opsbook.send_summary(p, to=["a@example.com"], lang="fr"),
    "annotate": lambda p: opsbook.annotate(p, p.with_name("marked.xlsx"), lang="fr"),
    "new_workbook": lambda p: opsbook.new_workbook("plan", "fr", p),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_an_unknown_language_is_refused_first(tmp_path, name):
    with pytest.raises(Refused) as refused:
        CALLS[name](tmp_path / "missing.xlsx")
    assert "'fr'" in str(refused.value) and "应为 en 或 zh" in refused.value.zh


def test_a_report_or_an_issue_in_an_unknown_language_is_refused_not_english(tmp_path):
    book = opsbook.new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)
    report = opsbook.validate(book)
    report.issues.append(opsbook.Issue("missing-value", "error", str(book), "Plan", "C4"))
    for say in (lambda: report.to_json(lang="fr"), lambda: report.to_frame(lang="fr"),
                lambda: report.issues[-1].message("fr")):
        with pytest.raises(Refused) as refused:
            say()
        assert "'fr'" in str(refused.value) and "应为 en 或 zh" in refused.value.zh
    assert "C4" in report.to_json(lang="zh") and report.issues[-1].message("zh")


def test_a_template_is_written_as_an_xlsx_only(tmp_path):
    target = tmp_path / "plan.csv"
    with pytest.raises(Refused) as refused:
        opsbook.new_workbook("plan", "en", target)
    assert "templates are .xlsx files" in str(refused.value)
    assert "模板是 .xlsx 文件" in refused.value.zh and not target.exists()
    with pytest.raises(Refused, match="got None"):  # a template has one language
        opsbook.new_workbook("plan", None, tmp_path / "plan.xlsx")
