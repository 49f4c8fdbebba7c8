"""On a running Dask cluster (``--scheduler tcp://…``) files read together are grouped for
the cluster's worker threads, not for this machine's cores or ``--jobs``: every worker of a
cluster larger than this machine has work. The report is the same as a local run's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.batch import BatchOptions

distributed = pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.slow


def test_a_running_cluster_gets_a_task_for_each_of_its_workers(tmp_path: Path):
    first = new_workbook("plan", "zh", tmp_path / "p00.xlsx", sample=True, seed=1)
    for n in range(1, 12):
        shutil.copy(first, tmp_path / f"p{n:02}.xlsx")
    local = opsbook.validate(tmp_path, options=BatchOptions(jobs=1))
    # a "remote" cluster of one process with three worker threads, on loopback
    with distributed.LocalCluster(n_workers=1, threads_per_worker=3, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}
                                  ) as cluster, \
            distributed.Client(cluster) as client, \
            distributed.get_task_stream(client) as stream:
        remote = opsbook.validate(tmp_path, options=BatchOptions(
            jobs=1, scheduler=cluster.scheduler_address))
    # --jobs 1 here would make four groups of three: three threads get four groups each
    assert len(stream.data) == 12
    assert remote.to_json() == local.to_json()
