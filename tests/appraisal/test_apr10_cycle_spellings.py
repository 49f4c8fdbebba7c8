"""One cycle written the usual other ways is that cycle: 2026-Q4, Q3 2026 and 2026年第三季度
are quarters, 2026/3, 2026-9 and 2026年11月 months. Before, cycles were compared as typed:
2026年第3季度 sorted after 2026Q4 and 2026-9 after 2026-12, so an earlier failed cycle was
not counted as earlier and nobody was escalated, with no word said."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook

#: E1 scores 50 (D, improve) this cycle; E2 95 (S).
SCORES = [("E1", "E2", "superior", "K1", 50), ("E2", "B0", "superior", "K1", 95)]


def book(path: Path, cycle: str, earlier: list[str]) -> Path:
    """E1 failed (D) in each ``earlier`` cycle; 3 failed cycles in a row escalate."""
    return appraisal_book(path, SCORES, {"cycle": cycle, "consecutive_failure_limit": 3},
                          departments={"E1": "运营部", "E2": "运营部"},
                          history=[("E1", c, 50.0, "D") for c in earlier])


@pytest.mark.parametrize("cycle, earlier", [
    ("2026-Q4", ["2026Q3", "2026Q2"]),          # "2026-Q4" sorted before "2026Q3"
    ("2026Q4", ["2026年第3季度", "2026-Q2"]),     # 年 sorted after Q
    ("2026年第四季度", ["Q3 2026", "2026q2"]),
    ("2026-12", ["2026年11月", "2026/10"]),
    ("2026-11", ["2026-9", "2026-10"]),          # "2026-9" sorted after "2026-11"
    ("2026年12月", ["2026-11", "2026.10"]),
])
def test_earlier_cycles_written_another_way_count(tmp_path: Path, cycle: str,
                                                  earlier: list[str]):
    done = opsbook.score_appraisal(book(tmp_path / "now.xlsx", cycle, earlier))
    e1 = done.result.results.set_index("employee_id").loc["E1"]
    # this cycle and the two before it: 3 failed in a row, at the limit of 3
    assert (e1["consecutive_failures"], e1["escalate"]) == (3, True)


def test_a_later_cycle_in_another_spelling_is_not_earlier(tmp_path: Path):
    # 2027年第一季度 is after 2026Q4: not counted; 2026年第三季度 is the one before
    done = opsbook.score_appraisal(book(tmp_path / "now.xlsx", "2026Q4",
                                        ["2027年第一季度", "2026年第三季度"]))
    assert done.result.results.set_index("employee_id").at["E1", "consecutive_failures"] == 2


def test_one_quarter_in_two_spellings_is_one_cycle(tmp_path: Path):
    # the same quarter twice: one History row of it, said as a duplicate
    done = opsbook.score_appraisal(book(tmp_path / "now.xlsx", "2026Q4",
                                        ["2026Q3", "2026年第三季度"]))
    codes = [(i.code, i.row) for i in done.report.issues if i.code == "duplicate-history"]
    assert codes == [("duplicate-history", 4), ("duplicate-history", 5)]  # under the title
    assert done.result.results.set_index("employee_id").at["E1", "consecutive_failures"] == 2


def test_on_the_command_line_with_a_history_file(tmp_path: Path):
    earlier = appraisal_book(tmp_path / "q3.xlsx", SCORES,
                             {"cycle": "2026年第三季度", "consecutive_failure_limit": 3},
                             departments={"E1": "运营部", "E2": "运营部"},
                             history=[("E1", "2026-Q2", 50.0, "D")])
    scored = tmp_path / "q3.results.xlsx"
    assert run_cli("appraisal", "score", earlier, "-o", scored).returncode == 0
    now = book(tmp_path / "q4.xlsx", "2026Q4", [])
    out = tmp_path / "q4.results.xlsx"
    done = run_cli("appraisal", "score", now, "--history", scored, "-o", out, "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    results = pd.read_excel(out, sheet_name="Results", header=1, engine="openpyxl")
    e1 = results.set_index("Employee ID").loc["E1"]
    assert (e1["Failed Cycles in a Row"], e1["Escalate"]) == (3, "yes")
