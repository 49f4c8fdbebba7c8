"""Running a batch on a Dask distributed cluster: each file one task through the standard
``concurrent.futures`` interface of ``Client.get_executor()``; Dask is the scheduler, its
workers the processes. Dask is an optional extra (``opsbook[cluster]``)."""

from __future__ import annotations

import contextlib
import logging
from concurrent.futures import Executor
from typing import Iterator

EXTRA = "pip install 'opsbook[cluster]'"


class BatchProblem(Exception):
    """A run that cannot start (a missing extra, an unreachable scheduler, a missing
    manifest): one line for the user, exit 2."""


@contextlib.contextmanager
def dask_executor(scheduler: str | None, jobs: int) -> Iterator[Executor | None]:
    """None when ``scheduler`` is None (run here); for ``"local"`` a LocalCluster of ``jobs``
    single-threaded worker processes on loopback; else a Client of the scheduler at that
    address (``tcp://host:port``). Closed on leaving."""
    if scheduler is None:
        yield None
        return
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise BatchProblem(f"--scheduler needs Dask distributed: {EXTRA}") from None
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except OSError as error:
        if cluster is not None:
            cluster.close()
        raise BatchProblem(f"cannot reach the Dask scheduler at {scheduler}: {error}") \
            from None
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
