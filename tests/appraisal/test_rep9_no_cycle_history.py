"""A cycle scored without a ``cycle`` setting: its rows have no cycle, and a History row
without one is refused when the file is read back as ``--history`` ("'Cycle' is required but
empty", exit 1, nothing written). The results workbook's History keeps the earlier cycles
only, and the blank setting is a warning in both languages; the next cycle reads the file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook

SCORES = [("E1", "B0", "superior", "K1", 95), ("E2", "E1", "superior", "K1", 50)]
PEOPLE = {"E1": "运营部", "E2": "运营部"}


@pytest.mark.parametrize("lang, said", [
    ("en", "Setting 'cycle': is blank, so this cycle's results are not added to the History "
           "sheet (a cycle without a name cannot be ordered among the others). Set it (e.g. "
           "2026Q4) and score again to pass the results on to the next cycle."),
    ("zh", "设置项“cycle”（考核周期）：为空，本期结果未写入“历史考核”（没有名称的周期无法与"
           "其他周期排序）。请填写考核周期（如 2026Q4）后重新计算，以便下期作为历史考核使用。"),
])
def test_no_cycle_keeps_history_readable(tmp_path: Path, lang: str, said: str):
    path = appraisal_book(tmp_path / "k.xlsx", SCORES, {"cycle": None}, lang=lang,
                          departments=PEOPLE, history=[("E2", "2026Q2", 50.0, "D")])
    out = tmp_path / "results.xlsx"
    done = run_cli("appraisal", "score", path, "-o", out)
    assert done.returncode == 0 and said in done.stdout
    history = openpyxl.load_workbook(out)["历史考核" if lang == "zh" else "History"]
    assert [row[:2] for row in history.iter_rows(min_row=3, values_only=True)] == [
        ("E2", "2026Q2")]
    following = appraisal_book(tmp_path / "next.xlsx", SCORES, {"cycle": "2026Q3"},
                               lang=lang, departments=PEOPLE)
    scored = opsbook.score_appraisal(following, history=[out])
    assert scored.exit_code == 0
    e2 = scored.result.results.set_index("employee_id").loc["E2"]
    assert e2["consecutive_failures"] == 2  # 2026Q2 and this one


def test_with_a_cycle_nothing_is_said(tmp_path: Path):
    path = appraisal_book(tmp_path / "k.xlsx", SCORES, {"cycle": "2026Q3"},
                          departments=PEOPLE)
    done = opsbook.score_appraisal(path)
    assert not [i for i in done.report.issues if i.code == "invalid-setting"]
    assert sorted(done.result.history_rows["cycle"]) == ["2026Q3", "2026Q3"]
