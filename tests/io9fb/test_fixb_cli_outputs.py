"""Every command that writes a workbook, run as a user runs it: a file of the user's at the
output path (a filled tracker, a text file named .xlsx) is refused (exit 2, in English and
in Chinese, naming the file and what it holds) and left byte for byte; an earlier result of
the same command, or an empty template, is replaced."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import run_cli
from fixbbooks import (
    COMMANDS,
    GIVEN,  # noqa: F401 - the fixture "given": the inputs
    TRACKER_EN,
    TRACKER_ZH,
    command,
    filled_tracker,
    sha256,
    text_named_xlsx,
)

from opsbook.api import new_workbook


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("make, said", [
    (filled_tracker, [f": {TRACKER_EN}", f"：{TRACKER_ZH}"]),
    (text_named_xlsx, [": this is not a workbook, so it is not replaced: give the output "
                       "another file name",
                       "：这不是工作簿，不会被覆盖；请为输出另指定一个文件名。"]),
])
def test_a_file_of_the_users_at_the_output_is_refused_and_kept(given, tmp_path, name, make,
                                                                 said):
    out = make(tmp_path / "mine.xlsx")
    before = sha256(out)
    done = run_cli(*command(name, given, out))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    if name == "consolidate" and make is text_named_xlsx:  # read first, as a company plan
        assert "[earlier-plan-unreadable]" in done.stdout  # there would be: said so
    else:
        assert all(f"{out}{line}" in done.stderr for line in said), done.stderr
    assert sha256(out) == before


@pytest.mark.parametrize("name", COMMANDS)
def test_an_earlier_result_of_the_same_command_is_replaced(given, tmp_path, name):
    out = tmp_path / "result.xlsx"
    first = run_cli(*command(name, given, out))
    assert first.returncode in (0, 1), first.stdout + first.stderr
    sheets = openpyxl.load_workbook(out).sheetnames
    book = openpyxl.load_workbook(out)
    book[sheets[-1]]["A1"] = "typed over by the user"  # changed since: replaced all the same
    book.save(out)
    again = run_cli(*command(name, given, out))
    assert again.returncode == first.returncode, again.stdout + again.stderr
    assert "not replaced" not in again.stderr
    assert openpyxl.load_workbook(out).sheetnames == sheets
    assert openpyxl.load_workbook(out)[sheets[-1]]["A1"].value != "typed over by the user"


@pytest.mark.parametrize("name", COMMANDS)
def test_an_empty_template_at_the_output_is_replaced(given, tmp_path, name):
    kind = COMMANDS[name][2]
    out = new_workbook(kind, "zh", tmp_path / "blank.xlsx")
    template = openpyxl.load_workbook(out).sheetnames
    done = run_cli(*command(name, given, out))
    assert done.returncode in (0, 1), done.stdout + done.stderr
    assert openpyxl.load_workbook(out).sheetnames != template


def _pipeline(folder, given, out):
    (folder / "job.toml").write_text(
        f'name = "status"\nkind = "project"\ninputs = ["{given["project"].as_posix()}"]\n'
        f'outputs = "{folder.as_posix()}"\n\n[[steps]]\nstep = "compute"\nout = "{out}"\n',
        encoding="utf-8")
    return run_cli("run", folder / "job.toml")


def test_a_pipeline_step_never_replaces_a_file_of_the_users(given, tmp_path):
    """A pipeline's compute step is checked when the pipeline is read: a filled tracker or a
    text file at its output stops it before any step runs; its own earlier result and an
    empty template are replaced."""
    mine = filled_tracker(tmp_path / "mine.xlsx")
    notes = text_named_xlsx(tmp_path / "notes.xlsx")
    kept = {p: sha256(p) for p in (mine, notes)}
    for target in (mine, notes):
        done = _pipeline(tmp_path, given, target.name)
        assert done.returncode == 2, done.stdout + done.stderr
        assert "job.toml:8: steps[0].out: " in done.stderr
        assert "so it is not replaced" in done.stderr and "不会被覆盖" in done.stderr
        assert sha256(target) == kept[target]
    assert f"{mine}: {TRACKER_EN}" in _pipeline(tmp_path, given, mine.name).stderr

    for _ in range(2):  # its own result, then again over it
        done = _pipeline(tmp_path, given, "status.xlsx")
        assert done.returncode == 0, done.stdout + done.stderr
    assert "Status" in openpyxl.load_workbook(tmp_path / "status.xlsx").sheetnames
    new_workbook("project", "en", tmp_path / "blank.xlsx")
    assert _pipeline(tmp_path, given, "blank.xlsx").returncode == 0
    assert "Status" in openpyxl.load_workbook(tmp_path / "blank.xlsx").sheetnames
