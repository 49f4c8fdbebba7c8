"""A pipeline's ``outputs`` left blank ("" or spaces: a value a template did not fill) is
refused at its line, as a blank input is, instead of writing into the pipeline's own
folder or a folder named by spaces; a blank input is told once, at ``inputs`` (not again
as the step command's empty argument)."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchbooks import pipeline_refused, refused_once
from conftest import run_cli

OUTPUTS_EN = ("an empty path names no folder; give the outputs folder (without outputs = …, "
              "the pipeline's own folder)")
OUTPUTS_ZH = "空路径不指向任何文件夹；请写输出文件夹（不写 outputs 即为流水线所在的文件夹）。"


@pytest.mark.parametrize("blank", ['""', '"   "', "''"])
def test_blank_outputs_are_refused_at_their_line(tmp_path: Path, blank: str):
    error = pipeline_refused(tmp_path, f'kind = "plan"\ninputs = ["plans/"]\n'
                                       f'outputs = {blank}\n\n[[steps]]\nstep = "validate"\n')
    refused_once(error, f"{tmp_path / 'p.toml'}:3: outputs", OUTPUTS_EN, OUTPUTS_ZH)


def test_a_blank_input_is_told_once(tmp_path: Path):
    error = pipeline_refused(tmp_path, 'kind = "plan"\ninputs = ["plans/", "  "]\n\n'
                                       '[[steps]]\nstep = "validate"\n')
    refused_once(error, f"{tmp_path / 'p.toml'}:2: inputs",
                 "an empty path names no file; give a folder or a file",
                 "空路径不指向任何文件；请写文件夹或文件。")


def test_the_command_line_refuses_them_and_makes_nothing(tmp_path: Path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "p.toml").write_text('kind = "plan"\ninputs = ["plans/"]\noutputs = " "\n\n'
                                     '[[steps]]\nstep = "validate"\n', encoding="utf-8")
    done = run_cli("run", "p.toml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["opsbook: error: p.toml cannot run:",
                                        f"p.toml:3: outputs: {OUTPUTS_EN}",
                                        "opsbook 错误：p.toml 无法运行：",
                                        f"p.toml:3：outputs：{OUTPUTS_ZH}"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml", "plans"]
