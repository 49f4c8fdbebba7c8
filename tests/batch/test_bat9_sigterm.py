"""SIGTERM — what stops a scheduled job (its time limit, kill, systemd) — during a
pipeline's step ends it as Ctrl-C does: the step says how far it got, the pipeline says it
stops there, exit 130, no further step, nothing half-written, no worker left behind;
never an end without a word."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest
from batchbooks import _made, books
from conftest import opsbook_command


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [2, 1])
def test_sigterm_in_a_step_stops_the_pipeline_as_ctrl_c_does(books: Path, tmp_path: Path,
                                                             jobs: int):
    plans = tmp_path / "plans"
    plans.mkdir()
    for n in range(120):  # enough work that the signal finds the step running
        shutil.copy(books / "a1-plan.xlsx", plans / f"dept{n:03}.xlsx")
    pipeline = tmp_path / "p.toml"
    pipeline.write_text('kind = "plan"\ninputs = ["plans/"]\noutputs = "out"\n'
                        f'[batch]\njobs = {jobs}\n[[steps]]\nstep = "validate"\n'
                        '[[steps]]\nstep = "compute"\nout = "company.xlsx"\n',
                        encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    run = subprocess.Popen([*opsbook_command(), "run", str(pipeline)], env=env, text=True,
                           encoding="utf-8", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    said, workers = [], []
    for line in run.stderr:  # progress lines: stop it once the first files are done
        said.append(line)
        if line.startswith("validate: 1/"):
            workers = psutil.Process(run.pid).children(recursive=True)
            run.send_signal(signal.SIGTERM)
            break
    said.append(run.communicate(timeout=60)[1])
    text = "".join(said)
    assert run.returncode == 130, text
    ended = text.strip().splitlines()
    stop = ended.index("step 1 (validate) was interrupted; the pipeline stops here")
    assert ended[stop + 1] == "第 1 步（validate）已中断；流水线在此停止。"
    assert ended[stop - 2].startswith("opsbook: error: interrupted after ")
    assert ended[stop - 2].endswith(" of 120 file(s); nothing was written")
    assert ended[stop - 1].startswith("opsbook 错误：已中断：完成 ")
    assert "Traceback" not in text and "unexpectedly" not in text
    assert "plan consolidate" not in text  # step 2 never began
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    assert bool(workers) == (jobs > 1)
    deadline = time.monotonic() + 10
    while any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers) \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w.pid for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["2", "1"])
def test_sigterm_stops_a_batch_command_as_ctrl_c_does(books: Path, tmp_path: Path, jobs: str):
    history = tmp_path / "history"
    history.mkdir()
    for n in range(150):
        shutil.copy(books / "a4-appraisal.xlsx", history / f"cycle{n:03}.xlsx")
    out = tmp_path / "out" / "results.xlsx"
    out.parent.mkdir()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    run = subprocess.Popen([*opsbook_command(), "appraisal", "score", books / "a4-appraisal.xlsx",
                            "--history", history, "-o", out, "--jobs", jobs],
                           stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    assert run.stderr.readline().startswith("appraisal score: 1/151 ")
    run.send_signal(signal.SIGTERM)
    rest = run.stderr.read()
    assert run.wait(timeout=60) == 130, rest
    message, chinese = rest.strip().splitlines()[-2:]
    assert message.startswith("opsbook: error: interrupted after ")
    assert message.endswith(" of 151 file(s); nothing was written")
    assert chinese.startswith("opsbook 错误：已中断：完成 ")
    assert list(out.parent.iterdir()) == []  # no output, no manifest, no temporary file
