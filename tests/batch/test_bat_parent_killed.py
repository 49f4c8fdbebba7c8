"""A run in processes stopped from outside (a scheduled job's timeout sends SIGTERM, or
SIGKILL, to the command only): its workers end with it, instead of waiting for work forever
and holding the job's output open, so whatever started the job sees it end."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from batchbooks import _made, books  # noqa: F401 - fixtures
from conftest import opsbook_command

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="workers are forked and asked to die with the parent")

#: Seconds within which the job's output must close once the command is killed.
LIMIT = 10


@pytest.fixture
def plans(books: Path, tmp_path: Path) -> Path:  # noqa: F811
    """120 department plans: a run that lasts long enough to be stopped in the middle."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for n in range(120):
        shutil.copy(books / "a1-plan.xlsx", folder / f"d{n:03}.xlsx")
    return folder


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_the_workers_end_with_a_killed_command(plans: Path, tmp_path: Path, how: int):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    run = subprocess.Popen([*opsbook_command(), "validate", str(plans), "--jobs", "2"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                           cwd=tmp_path)
    try:
        assert run.stderr.readline(), "progress: the workers are at work"
        workers = psutil.Process(run.pid).children(recursive=True)
        assert len(workers) == 2
        run.send_signal(how)  # the command only, as a timeout does
        reader = threading.Thread(target=run.stderr.read, daemon=True)
        reader.start()  # returns once no process holds the output open
        reader.join(LIMIT)
        assert not reader.is_alive(), f"the output is still open {LIMIT} s later"
        run.wait(timeout=LIMIT)
        # SIGTERM ends the command as Ctrl-C does (exit 130); SIGKILL cannot be caught
        assert run.returncode == (130 if how == signal.SIGTERM else -how)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(
                w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers):
            time.sleep(0.05)
        assert not [w.pid for w in workers
                    if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
    finally:
        for process in [run, *[w for w in locals().get("workers", []) if w.is_running()]]:
            with contextlib.suppress(OSError, psutil.Error):
                process.kill()
