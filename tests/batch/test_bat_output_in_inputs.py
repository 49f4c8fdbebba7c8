"""An output kept in the folder it is made from is recognised as the command's own on the
next run, from whatever working folder the run starts (a scheduled job's is not the
analyst's); a file of the user's at that place is still refused."""

from __future__ import annotations

import shutil
from pathlib import Path

from batchbooks import _made, books  # noqa: F401 - fixtures
from conftest import run_cli


def test_the_output_in_the_input_folder_is_skipped_from_another_working_folder(
        books: Path, tmp_path: Path):  # noqa: F811
    plans = tmp_path / "team" / "plans"
    plans.mkdir(parents=True)
    for name in ("a1-plan.xlsx", "a2-plan.xlsx"):
        shutil.copy(books / name, plans / name)
    first = run_cli("plan", "consolidate", "plans", "-o", "plans/company.xlsx", "-q",
                    cwd=tmp_path / "team")
    assert first.returncode in (0, 1), first.stderr
    again = run_cli("plan", "consolidate", "team/plans", "-o", "team/plans/company.xlsx",
                    "--lang", "en", "-q", cwd=tmp_path)
    assert again.returncode in (0, 1), again.stderr
    assert "company.xlsx: - skipped" in again.stdout
    shutil.copy(books / "a1-plan.xlsx", plans / "mine.xlsx")  # the user's, not an output
    mine = (plans / "mine.xlsx").read_bytes()
    refused = run_cli("plan", "consolidate", "team/plans", "-o", "team/plans/mine.xlsx",
                      "-q", cwd=tmp_path)
    assert refused.returncode == 2 and "also one of the inputs" in refused.stderr
    assert (plans / "mine.xlsx").read_bytes() == mine
