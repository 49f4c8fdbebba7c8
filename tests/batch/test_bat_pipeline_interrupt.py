"""Ctrl-C during a pipeline's step: the step says how far it got, the pipeline says it stops
there (not that the step failed unexpectedly), exits 130 and runs no further step."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from batchbooks import _made, books  # noqa: F401 - fixtures
from conftest import opsbook_command


@pytest.mark.slow
def test_ctrl_c_in_a_step_stops_the_pipeline_with_130(books: Path, tmp_path: Path):  # noqa: F811
    plans = tmp_path / "plans"
    plans.mkdir()
    for n in range(120):
        shutil.copy(books / "a1-plan.xlsx", plans / f"dept{n:03}.xlsx")
    pipeline = tmp_path / "p.toml"
    pipeline.write_text('kind = "plan"\ninputs = ["plans/"]\noutputs = "out"\n'
                        '[batch]\njobs = 2\n[[steps]]\nstep = "validate"\n'
                        '[[steps]]\nstep = "compute"\nout = "company.xlsx"\n',
                        encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    run = subprocess.Popen([*opsbook_command(), "run", str(pipeline)], env=env, text=True,
                           encoding="utf-8", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    said = []
    for line in run.stderr:  # progress lines: interrupt once the first files are done
        said.append(line)
        if line.startswith("validate: 1/"):
            run.send_signal(signal.SIGINT)
            break
    rest = run.communicate(timeout=60)[1]
    said.append(rest)
    text = "".join(said)
    assert run.returncode == 130, text
    assert "interrupted after" in text and "已中断" in text
    assert "step 1 (validate) was interrupted; the pipeline stops here" in text
    assert "第 1 步（validate）已中断；流水线在此停止。" in text
    assert "unexpectedly" not in text and "plan consolidate" not in text
    assert not (tmp_path / "out" / "company.xlsx").exists()
