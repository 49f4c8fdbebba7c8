"""A quarter (half-year, month, year) that History has no row for at all, between periodic
cycles, ends a run of failed cycles, with a warning naming it. Before, only the cycles on
record were counted: failures in 2026Q2 and 2026Q4 with no 2026Q3 anywhere were two in a
row, and an employee was escalated on a History with a cycle left out, unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook

#: E1 scores 50 (D, improve) this cycle; E2 95 (S).
SCORES = [("E1", "E2", "superior", "K1", 50), ("E2", "B0", "superior", "K1", 95)]
PEOPLE = {"E1": "运营部", "E2": "运营部"}


def book(path: Path, cycle: str, history: list[tuple], lang: str = "en") -> Path:
    """``history`` as (employee, cycle, total, grade); 3 failed cycles in a row escalate."""
    return appraisal_book(path, SCORES, {"cycle": cycle, "consecutive_failure_limit": 3},
                          lang=lang, departments=PEOPLE, history=history)


def failed(*cycles: str) -> list[tuple]:
    """E1 failed (50, D) and E2 passed (95, S) in each of ``cycles``."""
    return [row for c in cycles for row in (("E1", c, 50.0, "D"), ("E2", c, 95.0, "S"))]


def e1(done) -> tuple[int, bool]:
    row = done.result.results.set_index("employee_id").loc["E1"]
    return int(row["consecutive_failures"]), bool(row["escalate"])


def gaps(done) -> list[tuple]:
    return [(i.value, i.params["before"], i.params["after"], i.params["employees"])
            for i in done.report.issues if i.code == "history-cycle-missing"]


@pytest.mark.parametrize("cycle, earlier, missing, before, after", [
    ("2027Q1", ("2026Q2", "2026Q4"), "2026Q3", "2026Q2", "2026Q4"),
    ("2026年12月", ("2026-09", "2026/11"), "2026-10", "2026-09", "2026-11"),
    ("2027H1", ("2025H2", "2026年下半年"), "2026H1", "2025H2", "2026H2"),
    ("2027", ("2024", "2026年度"), "2025", "2024", "2026"),
])
def test_a_cycle_missing_for_everyone_ends_the_run(tmp_path: Path, cycle, earlier, missing,
                                                   before, after):
    done = opsbook.score_appraisal(book(tmp_path / "now.xlsx", cycle, failed(*earlier)))
    # this cycle and the one before the gap: 2 in a row, under the limit of 3
    assert e1(done) == (2, False)
    assert gaps(done) == [(missing, before, after, "E1")]
    assert done.exit_code == 0


def test_the_cycle_just_before_this_one_missing(tmp_path: Path):
    done = opsbook.score_appraisal(book(tmp_path / "now.xlsx", "2027Q1",
                                        failed("2026Q2", "2026Q3")))
    assert e1(done) == (1, False)  # 2026Q4 absent: only this cycle
    assert gaps(done) == [("2026Q4", "2026Q3", "2027Q1", "E1")]


def test_no_gap_counts_every_cycle(tmp_path: Path):
    done = opsbook.score_appraisal(book(tmp_path / "now.xlsx", "2027Q1",
                                        failed("2026Q3", "2026Q4")))
    assert e1(done) == (3, True)
    assert gaps(done) == []


def test_a_gap_that_stops_no_run_is_not_said(tmp_path: Path):
    # E1 passed 2026Q2 (S): the missing 2026Q3 changes nobody's count
    history = [("E1", "2026Q2", 95.0, "S"), ("E1", "2026Q4", 50.0, "D"),
               ("E2", "2026Q2", 50.0, "D"), ("E2", "2026Q4", 50.0, "D")]
    done = opsbook.score_appraisal(book(tmp_path / "now.xlsx", "2027Q1", history))
    assert e1(done) == (2, False)
    # E2 failed both, but passes this cycle: no run to stop
    assert gaps(done) == []


def test_cycles_of_different_lengths_are_counted_as_on_record(tmp_path: Path):
    # months among quarters: no period between them can be told missing
    done = opsbook.score_appraisal(book(tmp_path / "now.xlsx", "2027Q1",
                                        failed("2026-06", "2026Q4")))
    assert e1(done) == (3, True)
    assert gaps(done) == []


@pytest.mark.parametrize("lang, said", [
    ("en", "History  [history-cycle-missing] Cycle 2026Q3 is missing from History: no one has "
           "a row for it, between 2026Q2 and 2026Q4. The failed cycles in a row of E1 stop "
           "there, as a cycle not failed. If that cycle was appraised, add its results to "
           "History."),
    ("zh", "历史考核  [history-cycle-missing] 历史考核中缺少考核周期 2026Q3：2026Q2 与 2026Q4 "
           "之间没有任何人的记录。E1 的连续考核不达标次数在此中断，按达标计算。如该周期进行过考核，"
           "请将其结果补入历史考核。"),
])
def test_said_in_both_languages(tmp_path: Path, lang: str, said: str):
    path = book(tmp_path / "now.xlsx", "2027Q1", failed("2026Q2", "2026Q4"), lang=lang)
    done = run_cli("appraisal", "score", path, "-o", tmp_path / "results.xlsx")
    assert done.returncode == 0
    assert said in done.stdout
