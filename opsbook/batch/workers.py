"""Our own worker processes: how they start, how they end with the parent, how a pool of
them is stopped at once, and how the files of calls lost with a worker that died (a file
that made the reader abort, a worker killed) are run again one at a time, so that only the
file that ends its process is blamed, never the files that shared its pool."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any, Callable, Sequence

#: Seconds between two looks at a noted Ctrl-C while waiting for the workers.
POLL = 0.1


def start_method() -> BaseContext | None:
    """How our own worker processes start: forked on Linux, so that they begin with
    opsbook, pandas and the kinds already imported (a spawned or forkserver worker imports
    them again, about 1 CPU second each, which two workers over 200 small files cannot win
    back; Python 3.14 makes forkserver the default on Linux). Elsewhere the platform's
    default (spawn on Windows and macOS, where fork is unsafe or missing)."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return None


def quiet_worker(parent: int | None = None) -> None:
    """Workers leave Ctrl-C to the parent, which stops them, end at SIGTERM (whatever the
    parent does with it) and end with the parent (``parent``: its process id) however it
    ends (:func:`_die_with`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent is not None:
        _die_with(parent)


#: prctl's option that sends the calling process a signal when its parent ends (Linux).
_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Have the system kill this worker when the parent process ends, even killed outright
    (a scheduled job stopped by its timeout: SIGTERM, SIGKILL): a forked worker holds both
    ends of the pool's pipes, so it would never see the parent go and would wait for work
    forever, holding the job's output open. Linux only; elsewhere the workers are spawned
    and see their pipes close."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL))
    except (OSError, AttributeError):  # no C library to ask: as before
        return
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)


def new_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` of our own processes (:func:`start_method`,
    :func:`quiet_worker`)."""
    return ProcessPoolExecutor(max_workers=workers, initializer=quiet_worker,
                               initargs=(os.getpid(),), mp_context=start_method())


def kill_pool(pool: Executor) -> None:
    """End a ProcessPoolExecutor's workers now and leave nothing behind: no process, no
    zombie, no thread that keeps the interpreter from exiting.

    A worker killed while it sends a result leaves the pool's thread reading the rest of
    that message from the results pipe; this process holds the pipe's other end too, so
    the read would wait forever, and so would the exit, which joins that thread. Once the
    workers are gone, closing our end makes the read end (the thread then marks the pool
    broken and finishes). The call queue is not waited for either: its feeder may be
    writing into a pipe that nobody reads any more."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    thread = getattr(pool, "_executor_manager_thread", None)
    results = getattr(pool, "_result_queue", None)
    calls = getattr(pool, "_call_queue", None)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.join(timeout=5)  # reaped: no zombie
    if calls is not None:
        with contextlib.suppress(OSError, AttributeError):
            calls.cancel_join_thread()
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
    pool.shutdown(wait=False, cancel_futures=True)
    if thread is not None:
        thread.join(timeout=5)


def died(future: Future) -> bool:
    """Whether a finished call was lost because a worker process died, not because its own
    step failed: our pool broken (every call in it then fails alike, whichever file ended
    the worker), or a Dask worker killed (``KilledWorker``, the task being the culprit or
    sharing the worker's last moments)."""
    if future.cancelled():
        return False
    error = future.exception()
    return isinstance(error, BrokenProcessPool) or type(error).__name__ == "KilledWorker"


def one_by_one(work: Callable[..., Any], calls: Sequence[tuple[Any, ...]], *,
               executor: Executor | None, workers: int,
               interrupted: list[bool]) -> list[Any]:
    """``work(*call)`` for each call (one file each), run again after a worker died: on our
    own processes, in up to ``workers`` pools of one worker each, one call at a time in
    each, so that a call that ends its worker breaks no other (that pool is replaced); on
    ``executor`` (a Dask cluster, which restarts its workers) each a task of its own.
    Gives, for each call in order, what ``work`` returned or the exception its call ended
    with (BrokenProcessPool: this file ended its worker). Raises KeyboardInterrupt when
    ``interrupted`` gets an entry (Ctrl-C), the processes stopped first."""
    results: list[Any] = [None] * len(calls)
    running: dict[Future, tuple[int, Executor | None]] = {}
    idle: list[Executor] = []
    waiting = list(range(len(calls)))[::-1]
    try:
        while waiting or running:
            while waiting and (executor is not None or len(running) < max(workers, 1)):
                n = waiting.pop()
                pool = None if executor is not None else idle.pop() if idle else new_pool(1)
                running[(pool or executor).submit(work, *calls[n])] = n, pool
            finished, _ = wait(list(running), timeout=POLL, return_when=FIRST_COMPLETED)
            if interrupted:
                raise KeyboardInterrupt
            for future in finished:
                n, pool = running.pop(future)
                error = future.exception()
                results[n] = error if error is not None else future.result()
                if isinstance(error, BrokenProcessPool):
                    kill_pool(pool)  # type: ignore[arg-type]
                elif pool is not None:
                    idle.append(pool)
    except BaseException:
        for future, (_, pool) in running.items():
            kill_pool(pool) if pool is not None else future.cancel()
        raise
    finally:
        for pool in idle:
            pool.shutdown(wait=True)
    if executor is not None:
        _alone_on_the_cluster(work, calls, results, executor, interrupted)
    return results


def _alone_on_the_cluster(work: Callable[..., Any], calls: Sequence[tuple[Any, ...]],
                          results: list[Any], executor: Executor,
                          interrupted: list[bool]) -> None:
    """On a Dask cluster a task waiting on a worker that another task ends shares its
    deaths, and is given up (``KilledWorker``) with the one that ends it, though its own
    file is sound. When more than one call ended so, each is run again with nothing else
    on the cluster, one after another: only a call that ends its worker by itself keeps
    the error. Raises KeyboardInterrupt on Ctrl-C, the running task cancelled."""
    suspects = [n for n, result in enumerate(results)
                if type(result).__name__ == "KilledWorker"]
    if len(suspects) < 2:
        return
    for n in suspects:
        future = executor.submit(work, *calls[n])
        while not wait([future], timeout=POLL).done:
            if interrupted:
                future.cancel()
                raise KeyboardInterrupt
        error = future.exception()
        results[n] = error if error is not None else future.result()
