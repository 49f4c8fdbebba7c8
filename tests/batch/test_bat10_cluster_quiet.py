"""A run on a throw-away Dask cluster prints nothing of Dask's own: no dashboard warning when
another cluster on the machine holds Dask's default port (8787: a second scheduled job at
the same hour), and after Ctrl-C none of the tracebacks Dask logs about the tasks it cut
short (the run has said how far it got)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from batchbooks import _made, books  # noqa: F401 - fixtures
from conftest import run_cli

INTERRUPTED = """
import logging, os, signal, sys
import opsbook
from opsbook.batch import BatchOptions, Interrupted

def stop(path):  # the first file done: Ctrl-C, in the middle of the run
    os.kill(os.getpid(), signal.SIGINT)

if __name__ == "__main__":
    try:
        opsbook.validate(sys.argv[1], options=BatchOptions(jobs=1, scheduler="local"),
                         on_file=stop)
    except Interrupted as stopped:
        print("interrupted", stopped.done < stopped.total)
    # what Dask logs of the tasks cut short, as it closes, comes through these
    logging.getLogger("distributed.nanny").error("Failed to start process")
    logging.getLogger("distributed.worker").error("Stream is closed")
    logging.getLogger("tornado.application").error("Exception in callback")
"""


@pytest.mark.slow
def test_a_taken_dashboard_port_is_no_warning(books: Path):  # noqa: F811
    held = socket.socket()
    try:
        held.bind(("127.0.0.1", 8787))  # else another cluster holds it already
        held.listen()
    except OSError:
        pass
    try:
        done = run_cli("validate", books, "--scheduler", "local", "--jobs", "1", "-q")
    finally:
        held.close()
    assert done.returncode == 1  # b-invalid.xlsx
    assert done.stderr == ""
    assert done.stdout.splitlines()[-1] == "6 file(s), 1 error(s), 2 warning(s)"


@pytest.mark.slow
def test_after_ctrl_c_dask_logs_nothing(books: Path, tmp_path: Path):  # noqa: F811
    many = tmp_path / "many"
    many.mkdir()
    for n in range(150):  # enough files for Ctrl-C to come well before the end
        shutil.copy(books / "a1-plan.xlsx", many / f"plan{n:03}.xlsx")
    done = subprocess.run([sys.executable, "-c", INTERRUPTED, str(many)],
                          capture_output=True, text=True, timeout=180, cwd=tmp_path)
    assert done.stdout.split() == ["interrupted", "True"], done.stderr
    assert done.stderr == ""
