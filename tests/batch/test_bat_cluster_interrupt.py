"""Ctrl-C while the throw-away Dask cluster starts: the run says it was interrupted, and
Dask's clean-up at exit prints no traceback about a half-started cluster."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from batchbooks import _made, books  # noqa: F401 - fixtures

SCRIPT = """
import os, signal, sys, threading
from dask.distributed import Client, LocalCluster  # all imported first: Ctrl-C comes as
import opsbook                                      # the cluster starts
import opsbook.api.common
from opsbook.batch import BatchOptions, Interrupted
threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()
try:
    opsbook.validate(sys.argv[1], options=BatchOptions(jobs=1, scheduler="local"))
except Interrupted as stopped:
    print("interrupted", stopped.total)
"""


@pytest.mark.slow
def test_ctrl_c_as_the_local_cluster_starts_ends_cleanly(books: Path):  # noqa: F811
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(books)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["interrupted", "6"]
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
