"""Ctrl-C: the workers stop, nothing is written (no output, no manifest, no temporary
file), and the run says how far it got."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import psutil
from batchbooks import _made, books
from conftest import opsbook_command


def test_ctrl_c_stops_the_workers_and_writes_nothing(books: Path, tmp_path: Path):
    history = tmp_path / "history"
    history.mkdir()
    for n in range(200):  # enough work that Ctrl-C finds it running on a busy machine
        shutil.copy(books / "a4-appraisal.xlsx", history / f"cycle{n:02}.xlsx")
    out = tmp_path / "out" / "results.xlsx"
    out.parent.mkdir()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    run = subprocess.Popen([*opsbook_command(), "appraisal", "score",
                            books / "a4-appraisal.xlsx", "--history", history, "-o", out,
                            "--jobs", "2"], stderr=subprocess.PIPE, text=True, env=env)
    first = run.stderr.readline()  # progress lines in a pipe: the workers are busy
    assert first.startswith("appraisal score: 1/201 ")
    workers = psutil.Process(run.pid).children(recursive=True)
    assert workers, "the run works in processes"
    run.send_signal(signal.SIGINT)
    rest = run.stderr.read()
    assert run.wait(timeout=60) == 130
    message, chinese = rest.strip().splitlines()[-2:]  # no --lang: English, then Chinese
    assert message.startswith("opsbook: error: interrupted after ")
    assert chinese.startswith("opsbook 错误：已中断：完成 ")
    done = int(message.split("after ")[1].split(" of ")[0])
    assert 1 <= done < 201 and message.endswith("of 201 file(s); nothing was written")
    assert list(out.parent.iterdir()) == []  # no output, no manifest, no temporary file
    deadline = time.monotonic() + 10
    while any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers) \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w.pid for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
