"""Ctrl-C always ends a run in processes within seconds, however it falls: exit 130, and no
worker process left behind, running or as a zombie. A worker killed in the middle of
sending a large result used to leave the pool's thread reading the rest of it forever, and
the exit waiting for that thread."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from batchbooks import _made, books
from conftest import opsbook_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Ctrl-C to a process group")

#: Seconds a run may take to end after Ctrl-C (it ends in well under one).
LIMIT = 10
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}


def _default_ctrl_c() -> None:  # a runner started in the background ignores Ctrl-C
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupt(command: list[str], after: float, cwd: Path, lines: int = 1) -> tuple[int, str]:
    """Start ``command`` in its own process group; once it has said ``lines`` lines
    (progress, so its workers are at work) wait ``after`` seconds and press Ctrl-C (SIGINT
    to the whole group, as a terminal does). Its exit code and the last line on stderr in
    English (without --lang an error is said in English, then in Chinese); fails when it
    has not ended within LIMIT seconds or left a worker behind."""
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, encoding="utf-8", env=ENV, cwd=cwd,
                           start_new_session=True, preexec_fn=_default_ctrl_c)
    try:
        first = run.stderr.readline()
        workers = psutil.Process(run.pid).children(recursive=True)
        assert first and workers, "the run works in processes"
        first += "".join(run.stderr.readline() for _ in range(lines - 1))
        time.sleep(after)
        os.killpg(run.pid, signal.SIGINT)
        rest = run.communicate(timeout=LIMIT)[1]
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
        pytest.fail(f"still running {LIMIT} s after Ctrl-C ({after} s in)")
    deadline = time.monotonic() + 5
    while any(w.is_running() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [(w.pid, w.status()) for w in workers if w.is_running()]
    assert left == [], f"workers left behind after Ctrl-C {after} s in"
    lines = [line for line in (first + rest).strip().splitlines()
             if not line.startswith("opsbook 错误：")]
    return run.returncode, lines[-1] if lines else ""


@pytest.fixture
def plans(books: Path, tmp_path: Path) -> Path:
    """240 department plans: enough for each group of plans read together to come back
    from its worker as a result much larger than a pipe holds."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for n in range(240):
        shutil.copy(books / "a1-plan.xlsx", folder / f"d{n:03}.xlsx")
    return folder


def test_ctrl_c_ends_a_jobs_2_consolidation_every_time(plans: Path, tmp_path: Path):
    """Ctrl-C after the first plan is read, at points through the batch (its progress
    lines counted, not the clock's seconds: the same points on any machine), and after the
    last plan is read, as they are consolidated."""
    out = tmp_path / "out"
    out.mkdir()
    command = [*opsbook_command(), "plan", "consolidate", str(plans), "-o",
               str(out / "company.xlsx"), "--jobs", "2"]
    told = []
    for lines in (1, 24, 60, 120, 180, 240):
        code, last = interrupt(command, 0.0, tmp_path, lines)
        assert code == 130, (lines, last)
        assert list(out.iterdir()) == [], lines  # no output, no manifest, no temporary file
        if last.startswith("opsbook: error: interrupted after "):  # not once consolidating
            assert last.endswith(" of 240 file(s); nothing was written"), last
            done = int(last.split("after ")[1].split(" of ")[0])
            assert lines <= done <= 240, (lines, last)
            told.append(lines)
    assert told[:5] == [1, 24, 60, 120, 180], "Ctrl-C fell in the middle of the batch"


#: A batch whose every result is 16 MB: a worker is almost always in the middle of
#: sending one when Ctrl-C comes.
LARGE_RESULTS = """\
import sys

from opsbook.batch import Interrupted, batch


def large(n):
    return bytes(16 << 20)


if __name__ == "__main__":
    try:
        batch(large, range(200), jobs=2, on_done=lambda n: print(n, file=sys.stderr,
                                                                flush=True))
    except Interrupted as stopped:
        print(stopped, file=sys.stderr)
        sys.exit(130)
"""


def test_ctrl_c_while_a_worker_sends_a_large_result(tmp_path: Path):
    script = tmp_path / "large.py"
    script.write_text(LARGE_RESULTS, encoding="utf-8")
    for after in (0.0, 0.05, 0.2, 0.4):
        code, last = interrupt([sys.executable, str(script)], after, tmp_path)
        assert code == 130, (after, last)
        assert last.startswith("interrupted after ") and last.endswith(" of 200 file(s); "
                                                                         "nothing was written")
