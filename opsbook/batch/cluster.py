"""Running a batch on a Dask distributed cluster: each file one task through the standard
``concurrent.futures`` interface of ``Client.get_executor()``; Dask is the scheduler, its
workers the processes. Dask is an optional extra (``opsbook[cluster]``)."""

from __future__ import annotations

import contextlib
import logging
import re
from concurrent.futures import Executor
from typing import Any, Iterator

EXTRA = 'python -m pip install -e ".[cluster]" (in a checkout of opsbook)'
EXTRA_ZH = '在 opsbook 的源代码目录中运行 python -m pip install -e ".[cluster]"'


class BatchProblem(Exception):
    """A run that cannot start (a missing extra, an unusable or unreachable scheduler, a
    missing manifest): one line for the user, exit 2. ``zh``, when given, says the same in
    Chinese; the command line shows it on a line of its own, after the English (``en``)."""

    def __init__(self, text: str, zh: str | None = None):
        super().__init__(text)
        self.en, self.zh = text, zh


#: A Dask scheduler's address as Dask takes it: ``[PROTOCOL://]HOST:PORT``.
ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[\w.-]+):(\d{1,5})")


def scheduler_problem(scheduler: str) -> BatchProblem | None:
    """Why ``scheduler`` (a ``--scheduler`` value) cannot be used, or None when it is
    "local" or has the form of a scheduler's address (whether one answers there is only
    known by connecting)."""
    found = ADDRESS.fullmatch(scheduler) if isinstance(scheduler, str) else None
    if scheduler == "local" or found and 0 < int(found.group(1)) < 65536:
        return None
    return BatchProblem(f"--scheduler {scheduler!r} cannot be used: give 'local' or a Dask "
                        "scheduler's address, tcp://HOST:PORT",
                        f"--scheduler“{scheduler}”无法使用：请写 local 或 Dask 调度器的地址"
                        "（tcp://主机:端口）。")


def _local_cluster(make: Any, jobs: int) -> Any:
    """A LocalCluster of ``jobs`` single-threaded worker processes on loopback, without a
    dashboard. Ctrl-C while it starts leaves it half-started, and Dask's own clean-up at exit
    would then fail with a traceback: such a cluster is left to the ending process, which
    takes its workers along, and what Dask says of its start cut short is not shown
    (:func:`hush`, and its event loop's unretrieved failures). Dask's own log is silenced
    below CRITICAL: a worker whose heartbeat meets the scheduler closing at the end of a run
    (on a busy machine) logs that as an ERROR with a traceback, which the user would see on
    stderr; a task's own failure comes back as its result."""
    from distributed.deploy.spec import SpecCluster

    instances = getattr(SpecCluster, "_instances", None)
    before = set(instances or ())
    try:
        return make(n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address=None, silence_logs=logging.CRITICAL,
                    # no dashboard; its HTTP server on a free port (Dask's default, 8787,
                    # taken by another cluster, gets a warning printed)
                    scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})
    except KeyboardInterrupt:
        hush()
        for started in set(instances or ()) - before:
            started.shutdown_on_close = False
            # its workers' start, cut short as the process ends, is no traceback to show
            loop = getattr(getattr(started, "loop", None), "asyncio_loop", None)
            if loop is not None:
                loop.set_exception_handler(lambda *_: None)
        raise


#: The loggers through which Dask complains of work cut short (with its tracebacks).
DASK_LOGGERS = ("distributed", "tornado", "asyncio")


def hush() -> None:
    """After Ctrl-C (or SIGTERM) on a cluster, for the rest of this process: Dask's own
    complaints about the work cut short — a worker process that was starting, a connection
    closed under a task — are logged with tracebacks as the cluster closes or the process
    ends, after the run has said how far it got; they tell the user nothing. Its loggers
    (and tornado's and asyncio's, which it runs on) let only CRITICAL records through."""
    names = [n for n in list(logging.root.manager.loggerDict)
             if n.split(".")[0] in DASK_LOGGERS]
    for name in {*DASK_LOGGERS, *names}:
        logging.getLogger(name).setLevel(logging.CRITICAL)


#: Seconds to wait for a scheduler's answer.
TIMEOUT = 10


def _unreachable(scheduler: str, error: BaseException) -> BatchProblem:
    """No cluster at ``scheduler``: what to check, in English (with Dask's own words) and in
    Chinese (in its own words: Dask's are English)."""
    detail = str(error).strip() or type(error).__name__
    if isinstance(error, OSError):  # nothing answers there (refused, timed out, no host)
        return BatchProblem(
            f"cannot reach the Dask scheduler at {scheduler} ({detail}); check that it is "
            "running (dask scheduler) and the address and port",
            f"无法连接 {scheduler} 的 Dask 调度器（{TIMEOUT} 秒内未能连接）；"
            "请确认调度器已启动（dask scheduler），且地址和端口无误。")
    if isinstance(error, (ValueError, TypeError)):
        return BatchProblem(f"cannot use the Dask scheduler at {scheduler} ({detail})",
                            f"无法使用 {scheduler} 的 Dask 调度器：Dask 不接受该地址。")
    return BatchProblem(f"cannot use the Dask scheduler at {scheduler} ({detail})",
                        f"无法使用 {scheduler} 的 Dask 调度器（{detail}）。")


def _not_started(error: RuntimeError) -> BatchProblem:
    """A local cluster whose worker processes did not start: most often a script run without
    ``if __name__ == "__main__":`` (or from standard input), which each new worker process
    runs again as it starts."""
    detail = str(error).strip().rstrip(".") or type(error).__name__
    return BatchProblem(
        f"the local Dask cluster could not start ({detail}); in a script, run the batch under "
        "if __name__ == \"__main__\": (worker processes start by running the script's file)",
        f"本地 Dask 集群无法启动（{detail}）；在脚本中请把批处理放在 "
        "if __name__ == \"__main__\": 之下（工作进程启动时会重新运行脚本文件）。")


def threads_of(executor: Executor | None) -> int | None:
    """How many worker threads the running Dask cluster behind ``executor`` has (what its
    files are grouped for, so that each has work), or None: our own processes, a local
    cluster (as many as asked), or a cluster whose workers have not joined yet."""
    return getattr(executor, "opsbook_threads", None) or None


@contextlib.contextmanager
def dask_executor(scheduler: str | None, jobs: int) -> Iterator[Executor | None]:
    """None when ``scheduler`` is None (run here); for ``"local"`` a LocalCluster of ``jobs``
    single-threaded worker processes on loopback; else a Client of the scheduler at that
    address (``tcp://host:port``), its worker threads told by :func:`threads_of`. Closed on
    leaving."""
    if scheduler is None:
        yield None
        return
    problem = scheduler_problem(scheduler)
    if problem is not None:
        raise problem
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise BatchProblem(f"--scheduler needs Dask distributed: {EXTRA}",
                           f"--scheduler 需要 Dask distributed：{EXTRA_ZH}") from None
    cluster = None
    try:
        if scheduler == "local":
            cluster = _local_cluster(LocalCluster, jobs)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=f"{TIMEOUT}s")
    except KeyboardInterrupt:  # as the client connects: what Dask says of it, unsaid
        hush()
        raise
    except (OSError, ValueError, TypeError) as error:  # unreachable; an address Dask refuses
        if cluster is not None:
            cluster.close()
        raise _unreachable(scheduler, error) from None
    except RuntimeError as error:  # a worker process that could not start
        if cluster is not None:
            cluster.close()
        if scheduler != "local":
            raise _unreachable(scheduler, error) from None
        raise _not_started(error) from None
    try:
        executor = client.get_executor(pure=False)
        if cluster is None:  # a running cluster: its worker threads, to give each work
            with contextlib.suppress(Exception):  # none known yet: as for our own processes
                executor.opsbook_threads = sum(client.nthreads().values())
        yield executor
    except BaseException as error:
        from opsbook.batch.pool import Interrupted

        if isinstance(error, (KeyboardInterrupt, Interrupted)):
            hush()  # before closing: the tasks in flight are cut short
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
