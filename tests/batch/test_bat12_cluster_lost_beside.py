"""On a Dask cluster a task waiting on a worker that another task ends is given up with it
(KilledWorker), though its own file is sound: a run of files one by one, after a worker
died, runs each such task again alone, so that only the one that ends its worker by itself
is blamed. Made certain here with a cluster that gives a task up at its first death and
hands every task to its one worker at once."""

from __future__ import annotations

import os

import pytest

from opsbook.batch.workers import one_by_one


def ends_its_worker_on_die(word: str) -> str:
    if word == "die":
        os._exit(3)
    return word.upper()


def test_a_sound_task_lost_beside_the_one_that_ends_its_worker_is_run_again():
    distributed = pytest.importorskip("dask.distributed")
    import dask

    settings = {"distributed.scheduler.allowed-failures": 0,
                "distributed.scheduler.worker-saturation": "inf"}
    with dask.config.set(settings), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                     host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        results = one_by_one(ends_its_worker_on_die, [("die",), ("ok",), ("fine",)],
                             executor=client.get_executor(pure=False), workers=1,
                             interrupted=[])
    assert type(results[0]).__name__ == "KilledWorker"
    assert results[1:] == ["OK", "FINE"]
