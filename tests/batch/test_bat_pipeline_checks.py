"""More of what a pipeline file can get wrong, each told with its line (and column) in
English and Chinese before anything runs: the file's encoding, values of the wrong TOML
type, a step's own inputs, one-workbook commands given a folder, and the steps of a
pipeline whose kind is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchbooks import pipeline_refused
from conftest import run_cli

from opsbook.cli.run import arguments
from opsbook.pipeline import PipelineError, read

HEAD = 'kind = "plan"\ninputs = ["plans/"]\noutputs = "out"\n'


def check(step, pipeline):
    return arguments(step, pipeline)[2]


def refused(folder: Path, text: str | bytes) -> list:
    error = pipeline_refused(folder, text)
    for problem in error.problems:  # every mistake in both languages
        assert problem.zh and any(mark in problem.zh for mark in "。；："), problem
    return [(p.line, p.column, p.key, p.message) for p in error.problems]


def accepted(folder: Path, text: str | bytes):
    (folder / "plans").mkdir(exist_ok=True)
    (folder / "plans" / "sales.xlsx").touch()
    path = folder / "p.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read(path, check)


def test_a_file_saved_by_notepad_or_powershell_is_read(tmp_path: Path):
    text = HEAD + '[[steps]]\nstep = "validate"\n'
    assert accepted(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8")).kind == "plan"
    assert accepted(tmp_path, text.encode("utf-16")).kind == "plan"


def test_a_byte_that_is_not_utf8_is_told_at_its_line_and_column(tmp_path: Path):
    text = HEAD.encode("utf-8") + b'[[steps]]\nstep = "validate"\nformat = "j\xe9son"\n'
    [(line, column, key, message)] = refused(tmp_path, text)
    assert (line, column, key) == (6, 12, "-")
    assert "not UTF-8 text (byte 0xe9)" in message


@pytest.mark.parametrize("value", ["3", "{ name = \"x.xlsx\" }", "true"])
def test_a_file_option_of_another_type_is_one_mistake(tmp_path: Path, value: str):
    found = refused(tmp_path, HEAD + f'[[steps]]\nstep = "compute"\nout = {value}\n')
    assert [(line, key) for line, _, key, _ in found] == [(6, "steps[0].out")]
    assert "give" in found[0][3]


def test_a_steps_own_inputs_name_a_file_or_one_an_earlier_step_writes(tmp_path: Path):
    text = (HEAD + '[[steps]]\nstep = "report"\ninputs = ["out/company.xlsx"]\n'
            'out = "early.html"\n'                                      # lines 4-7
            '[[steps]]\nstep = "compute"\nout = "company.xlsx"\n'     # lines 8-10
            '[[steps]]\nstep = "report"\ninputs = ["out/company.xlsx"]\n'
            'out = "late.html"\n'                                       # lines 11-14
            '[[steps]]\nstep = "validate"\ninputs = 5\n'              # lines 15-17
            '[[steps]]\nstep = "email"\ninputs = "nowhere.xlsx"\nto = ["a@example.com"]\n')
    found = refused(tmp_path, text)
    assert [(line, key) for line, _, key, _ in found] == [
        (6, "steps[0].inputs"), (17, "steps[3].inputs"), (20, "steps[4].inputs")]
    assert "out/company.xlsx names no file, and no step before writes it" in found[0][3]
    assert "give a list" in found[1][3] and "nowhere.xlsx" in found[2][3]


def test_a_one_workbook_command_given_a_folder_or_pattern_is_refused(tmp_path: Path):
    """email takes one workbook; report takes several of one kind (a folder is fine)."""
    text = (HEAD + '[[steps]]\nstep = "report"\nout = "r.html"\n'
            '[[steps]]\nstep = "email"\nto = ["a@example.com"]\n'
            '[[steps]]\nstep = "email"\ninputs = ["plans/*.xlsx"]\nto = ["a@example.com"]\n')
    found = refused(tmp_path, text)
    assert [(line, key) for line, _, key, _ in found] == [(7, "steps[1].inputs"),
                                                          (12, "steps[2].inputs")]
    assert "is a folder" in found[0][3] and "not a glob pattern" in found[1][3]


def test_a_wrong_kind_does_not_hide_the_other_steps_mistakes(tmp_path: Path):
    text = HEAD.replace('"plan"', '"plann"') + (
        '[[steps]]\nstep = "validate"\nformat = "pdf"\n'
        '[[steps]]\nstep = "compute"\nout = "company.xlsx"\n'
        '[[steps]]\nstep = "report"\ninputs = ["out/company.xlsx"]\nout = "r.html"\n')
    found = refused(tmp_path, text)
    assert [(line, key) for line, _, key, _ in found] == [(1, "kind"), (6, "steps[0].format")]


def test_a_schedule_in_the_file_is_told_where_it_belongs(tmp_path: Path):
    found = refused(tmp_path, HEAD + 'cron = "0 6 1 * *"\n[[steps]]\nstep = "validate"\n')
    assert [(line, key) for line, _, key, _ in found] == [(4, "cron")]
    assert "cron, Task Scheduler" in found[0][3]


def test_the_command_line_tells_every_mistake_in_both_languages(tmp_path: Path):
    path = tmp_path / "p.toml"  # no plans/ beside it
    path.write_text(HEAD + '[batch]\njobs = "two"\n[[steps]]\nstep = "publish"\n',
                    encoding="utf-8")
    done = run_cli("run", path, "--dry-run")
    assert done.returncode == 2 and done.stdout == ""
    assert "p.toml:2: inputs: missing input: plans/ names no file" in done.stderr
    assert "p.toml:5: batch.jobs: give a whole number" in done.stderr
    assert "p.toml:2：inputs：缺少输入：plans/ 未指向任何文件。" in done.stderr
    assert "p.toml:7：steps[0].step：未知的步骤" in done.stderr


def test_a_step_that_would_write_over_an_input_is_refused(tmp_path: Path):
    found = refused(tmp_path, HEAD + '[[steps]]\nstep = "compute"\nout = "../plans/sales.xlsx"\n')
    assert [(line, key) for line, _, key, _ in found] == [(6, "steps[0].out")]
    assert "is one of the pipeline's inputs" in found[0][3]
