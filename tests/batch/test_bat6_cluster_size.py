"""A local Dask cluster has no more worker processes than calls to make (as our own pool):
--jobs 6 over two files starts two. A local cluster that cannot start its workers (a batch
run from standard input, or a script without ``if __name__ == "__main__":``) is said in
both languages, exit 2, not as Dask's traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.batch import BatchOptions

pytest.importorskip("dask.distributed")
psutil = pytest.importorskip("psutil")
pytestmark = pytest.mark.slow


def test_a_local_cluster_is_no_larger_than_its_calls(tmp_path: Path):
    files = [new_workbook("plan", "zh", tmp_path / f"d{n}.xlsx", sample=True, seed=n)
             for n in (1, 2)]
    processes: list[int] = []

    def told(_path: Path) -> None:  # in this process, while the cluster runs
        processes.append(len(psutil.Process().children(recursive=True)))

    dask = opsbook.validate(files, on_file=told,
                            options=BatchOptions(jobs=6, scheduler="local"))
    assert dask.to_json() == opsbook.validate(files).to_json()
    assert len(processes) == 2 and max(processes) <= 3  # two workers, and a tracker at most


def test_a_cluster_that_cannot_start_is_said_plainly(tmp_path: Path):
    new_workbook("plan", "en", tmp_path / "d.xlsx", sample=True, seed=1)
    script = ("import opsbook\nfrom opsbook.batch import BatchOptions, BatchProblem\n"
              "try:\n    opsbook.validate('d.xlsx', options=BatchOptions(jobs=1, "
              "scheduler='local'))\nexcept BatchProblem as error:\n"
              "    print('EN', error.en)\n    print('ZH', error.zh)\n")
    done = subprocess.run([sys.executable, "-"], input=script, text=True, cwd=tmp_path,
                          capture_output=True, timeout=180)
    told = dict(line.split(" ", 1) for line in done.stdout.splitlines()
                if line.startswith(("EN ", "ZH ")))
    assert "could not start" in told["EN"] and '__name__ == "__main__"' in told["EN"]
    assert "无法启动" in told["ZH"]
