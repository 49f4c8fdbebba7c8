"""``validate --annotate`` checks one workbook in this process: a batch option given with it
(--manifest, --skip-unchanged, --fail-fast, --scheduler) is refused before anything is read
or written, not ignored silently."""

from __future__ import annotations

import pytest
from conftest import run_cli, sha256

from opsbook.api import new_workbook


@pytest.mark.parametrize(("option", "value"), [
    ("--manifest", "run.json"), ("--skip-unchanged", None), ("--fail-fast", None),
    ("--scheduler", "tcp://127.0.0.1:1")])
def test_a_batch_option_with_annotate_is_refused(tmp_path, option, value):
    book = new_workbook("plan", "zh", tmp_path / "plan.xlsx", sample=True)
    before = sha256(book)
    extra = [option] if value is None else [option, str(tmp_path / value)
                                            if option == "--manifest" else value]
    done = run_cli("validate", book, "--annotate", tmp_path / "marked.xlsx", *extra)
    assert done.returncode == 2
    assert f"{option} cannot be used with it" in done.stderr
    assert f"不能与 {option} 同用" in done.stderr
    assert not (tmp_path / "marked.xlsx").exists() and not (tmp_path / "run.json").exists()
    assert sha256(book) == before


def test_annotate_alone_still_writes_its_copy(tmp_path):
    book = new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)
    done = run_cli("validate", book, "--annotate", tmp_path / "marked.xlsx", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "marked.xlsx").is_file()
