"""Paths in a pipeline as written on Windows: ``\\`` between folders is read as ``/`` on a
system whose separator is ``/`` (the pipeline runs wherever it is taken); a path in
"double quotes" holding a TOML escape (``"plans\\new.xlsx"``: a line break) is refused at
its line, in both languages, never told as a name broken over two lines."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from batchbooks import _made, books, pipeline_refused, refused_once
from conftest import run_cli

WINDOWS = r"""kind = "plan"
inputs = ['plans\*.xlsx']
outputs = 'out\yearly'

[[steps]]
step = "validate"
inputs = ['plans\sales.xlsx']

[[steps]]
step = "compute"
out = 'company\plan.xlsx'
"""


@pytest.mark.skipif(os.sep != "/", reason="\\ is the separator itself")
def test_backslashes_between_folders_are_read_as_slashes(books: Path, tmp_path: Path):
    (tmp_path / "plans").mkdir()
    shutil.copy(books / "a1-plan.xlsx", tmp_path / "plans" / "sales.xlsx")
    pipeline = tmp_path / "yearly.toml"
    pipeline.write_text(WINDOWS, encoding="utf-8")
    dry = run_cli("run", pipeline, "--dry-run")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    out = tmp_path / "out" / "yearly"
    assert dry.stdout.splitlines() == [
        f"1. opsbook validate {tmp_path / 'plans' / 'sales.xlsx'} --kind plan --manifest "
        f"{out / 'validate.manifest.json'}",
        f"2. opsbook plan consolidate '{tmp_path / 'plans' / '*.xlsx'}' --out "
        f"{out / 'company' / 'plan.xlsx'}"]
    done = run_cli("run", pipeline)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "company" / "plan.xlsx").stat().st_size > 0
    assert "8 items from 1 department plan" in done.stdout
    assert not [p for p in tmp_path.rglob("*") if "\\" in p.name]  # no folder 'out\yearly'


def test_an_escape_in_a_double_quoted_path_is_refused_at_its_line(tmp_path: Path):
    error = pipeline_refused(tmp_path, 'kind = "plan"\ninputs = ["plans/sales.xlsx"]\n'
                                       '[[steps]]\nstep = "compute"\nout = "out\\new.xlsx"\n')
    refused_once(error, f"{tmp_path / 'p.toml'}:5: steps[0].out",
                 "out\\new.xlsx holds a line break: in \"double quotes\" \\n is an escape; "
                 "write paths with / or in 'single quotes'",
                 "out\\new.xlsx 含有换行符：在双引号中 \\n 是转义符；路径请用 / 或单引号。")


def test_a_tab_in_the_inputs_is_named_as_typed(tmp_path: Path):
    error = pipeline_refused(tmp_path, 'kind = "plan"\ninputs = ["plans\\tax.xlsx"]\n'
                                       '[[steps]]\nstep = "validate"\n')
    lines = str(error).splitlines()
    assert lines[0] == (f"{tmp_path / 'p.toml'}:2: inputs: plans\\tax.xlsx holds a tab: in "
                        "\"double quotes\" \\t is an escape; write paths with / or in "
                        "'single quotes'")
    assert all("\t" not in line for line in lines)
