"""History files given in any order give the same escalation. E2 scored 65 (C) in 2026Q2;
the 2026Q3 workbook's History sheet holds an old hand-typed copy of 2026Q2 (50, D). The
2026Q2 file's own figure wins over that copy whichever file comes first: with 2026Q3 and
2026Q4 failed, E2 has failed 2 cycles in a row (not 3) and, at a limit of 3, is not
escalated. Before, the file given last won."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook


def write(path: Path, cycle: str, e2: float, history: list | None = None) -> Path:
    return appraisal_book(
        path, [("E1", "B0", "superior", "K1", 95), ("E2", "E1", "superior", "K1", e2)],
        {"cycle": cycle, "consecutive_failure_limit": 3},
        departments={"E1": "运营部", "E2": "运营部"}, history=history)


def earlier_cycles(folder: Path, how: str) -> list[Path]:
    """2026Q2 and 2026Q3 as results workbooks (``score``) or as calculated workbooks."""
    q2 = write(folder / "2026Q2.xlsx", "2026Q2", 65)
    q3 = write(folder / "2026Q3.xlsx", "2026Q3", 50, history=[("E2", "2026Q2", 50.0, "D")])
    if how == "calculate":
        for path in (q2, q3):
            assert run_cli("calculate", path).returncode == 0
        return [q2, q3]
    outs = [folder / "2026Q2.results.xlsx", folder / "2026Q3.results.xlsx"]
    for path, out in zip((q2, q3), outs):
        assert run_cli("appraisal", "score", path, "-o", out).returncode == 0
    return outs


@pytest.mark.parametrize("how", ["score", "calculate"])
def test_the_order_of_the_history_files_does_not_matter(tmp_path: Path, how: str):
    past = earlier_cycles(tmp_path, how)
    now = write(tmp_path / "2026Q4.xlsx", "2026Q4", 50)
    for order in (past, past[::-1]):
        done = opsbook.score_appraisal(now, history=order)
        results = done.result.results.set_index("employee_id")
        assert results.at["E2", "consecutive_failures"] == 2, order
        assert not results.at["E2", "escalate"]
        rows = done.result.history_rows.set_index(["employee_id", "cycle"])
        assert rows.at[("E2", "2026Q2"), "total"] == 65.0
        assert rows.at[("E2", "2026Q2"), "grade"] == "C"


def test_on_the_command_line_too(tmp_path: Path):
    q2, q3 = earlier_cycles(tmp_path, "score")
    now = write(tmp_path / "2026Q4.xlsx", "2026Q4", 50)
    for n, order in enumerate(([q2, q3], [q3, q2])):
        out = tmp_path / f"out{n}.xlsx"
        args = [a for path in order for a in ("--history", path)]
        assert run_cli("appraisal", "score", now, *args, "-o", out).returncode == 0
        results = pd.read_excel(out, sheet_name="Results", header=1, engine="openpyxl")
        e2 = results.set_index("Employee ID").loc["E2"]
        assert (e2["Failed Cycles in a Row"], e2["Escalate"]) == (2, "no")
