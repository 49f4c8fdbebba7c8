"""One way to run a step over many items: any ``concurrent.futures`` executor, results in the
order of the inputs whatever the scheduling, a progress callback told of every item, a stop
after the first failure on request, and Ctrl-C that stops the workers."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import pickle
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence, TypeVar

from opsbook.batch.workers import POLL, died, kill_pool, new_pool, one_by_one

T = TypeVar("T")
R = TypeVar("R")

#: The result of an item skipped because its checksum matches the one given in ``previous``.
UNCHANGED = "unchanged"


class Interrupted(Exception):
    """Ctrl-C during a batch: the workers are stopped; ``done`` of ``total`` items finished.
    An Exception (not a KeyboardInterrupt) so that it reaches the caller with its counts."""

    def __init__(self, done: int, total: int):
        super().__init__(f"interrupted after {done} of {total} file(s); nothing was written")
        self.done, self.total = done, total
        self.en = str(self)
        self.zh = f"已中断：完成 {done}/{total} 个文件；未写出任何文件。"


@dataclass
class Record:
    """How one item went: ``status`` "done", "failed" (``on_error`` gave its result),
    "unchanged" or "not-run" (after a stop); seconds in the worker; the file's SHA-256 and
    size in bytes when the batch digests its items — None, and ``changed`` true, when the
    file changed between its digest and the end of its reading (saved meanwhile): no
    checksum says what was read."""

    status: str = "not-run"
    seconds: float | None = None
    sha256: str | None = None
    bytes: int | None = None
    changed: bool = False


class BatchResults(list):
    """The results of :func:`batch` in the order of the items (None where an item did not
    run), with ``records``: one :class:`Record` per item."""

    records: list[Record]
    #: What ``meanwhile`` gave (see :func:`batch`); None without it.
    meanwhile: Any = None


def digest(path: str | Path) -> tuple[str, int]:
    """SHA-256 (hex) and size in bytes of a file, read in 1 MiB blocks."""
    sha, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            sha.update(block)
            size += len(block)
    return sha.hexdigest(), size


def _work(fn: Callable[..., Any], items: list[Any], args: tuple[Any, ...], hashed: bool,
          previous: list[str | None], together: bool) -> list[tuple[Any, Record]]:
    """Run in a worker: digest each item's file when asked and skip it when unchanged, then
    run the rest — ``fn(items, *args)`` at once when ``together``, else ``fn(item, *args)``
    (then ``items`` holds one item)."""
    start = time.perf_counter()
    records = [Record("done") for _ in items]
    todo = []
    seen: list[tuple[int, int, int] | None] = [None] * len(items)
    for n, item in enumerate(items):
        if hashed:
            seen[n] = _stat(item)
            with contextlib.suppress(OSError):  # the step itself says why it cannot be read
                records[n].sha256, records[n].bytes = digest(item)
            if previous[n] is not None and records[n].sha256 == previous[n]:
                records[n].status = UNCHANGED
                continue
        todo.append(n)
    results: list[Any] = [None] * len(items)
    if todo:
        done = fn([items[n] for n in todo], *args) if together else [fn(items[0], *args)]
        for n, result in zip(todo, done):
            results[n] = result
            if hashed and seen[n] is not None and _stat(items[n]) != seen[n]:
                _check_again(items[n], records[n])
    seconds = (time.perf_counter() - start) / max(len(items), 1)
    for record in records:
        record.seconds = seconds
    return list(zip(results, records))


def _stat(path: Any) -> tuple[int, int, int] | None:
    """(inode, size, modification time in ns) of a file, None when it cannot be had."""
    try:
        info = os.stat(path)
    except (OSError, TypeError, ValueError):
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def _check_again(path: Any, record: Record) -> None:
    """A file whose inode, size or time changed while it was read: its digest taken again;
    when the bytes differ (not only touched), nothing says which version was read: no
    checksum recorded (never skipped as unchanged on its strength), ``changed`` set."""
    try:
        now = digest(path)[0]
    except OSError:
        now = None
    if now != record.sha256:
        record.sha256, record.bytes, record.changed = None, None, True


def batch(fn: Callable[..., R], items: Sequence[T], *, jobs: int | None = 1,
          executor: Executor | None = None, on_done: Callable[[T], None] | None = None,
          on_error: Callable[[T, BaseException], R] | None = None,
          args: tuple[Any, ...] = (), stop: Callable[[R], bool] | None = None,
          hashed: bool = False, previous: Sequence[str | None] | None = None,
          groups: Sequence[int] | None = None,
          meanwhile: Callable[[], Any] | None = None) -> BatchResults:
    """``[fn(item, *args) for item in items]``, run in this process (``jobs`` 1), in a pool of
    ``jobs`` processes (None: the machine's cores; below 1 or not a whole number is a
    :class:`~opsbook.batch.cluster.BatchProblem`), or on ``executor`` (a process pool, or a
    Dask cluster's ``Client.get_executor()``); the results come back in the order of
    ``items``.

    With ``groups`` (the sizes of consecutive groups of items, summing to their number)
    ``fn`` takes a list of items and gives one result per item, and each group is one call:
    files of one kind read together cost less than one by one.

    ``on_done(item)`` is called in this process as each item finishes. ``on_error(item,
    error)``, when given, turns an exception raised for an item into that item's result,
    so one bad item never stops the others; without it the first exception is raised. A
    group whose call fails as a whole is run again item by item, and so is every call of a
    pool whose worker process died (a file that makes the reader abort), each in a pool of
    one worker of its own (:func:`~opsbook.batch.workers.one_by_one`): only the item that
    fails, or ends its worker (BrokenProcessPool), gets ``on_error``. ``stop(result)`` true
    stops the batch after that item's group (fail-fast), the first such group in input
    order whatever finished first, as in one process: the groups after it are cancelled or
    left unseen, their results None and their records "not-run"; ``fn`` and ``args`` that
    cannot be sent to our own worker processes are a TypeError before any starts. With
    ``hashed`` the items are file paths whose SHA-256 the worker records; an item whose
    digest equals ``previous[n]`` is not run (its result is None, its record "unchanged").
    ``meanwhile()``, when given, is this process's own work, done once while the workers
    run the items (before the first item in one process); what it gives is the results'
    ``meanwhile``, and what it raises ends the run as an item's error would without
    ``on_error``.
    Ctrl-C stops the workers and raises :class:`Interrupted`, also when it comes as the last
    items finish; our own pool's processes are killed and reaped at once, and the call
    returns within moments. ``fn`` and ``args`` must be picklable when they run elsewhere.
    """
    from opsbook.batch.options import cores, jobs_problem

    problem = jobs_problem(jobs)  # as BatchOptions refuses it: never a run in one process
    if problem is not None:
        raise problem
    jobs = jobs or cores()
    items = list(items)
    before = list(previous) if previous is not None else [None] * len(items)
    results = BatchResults([None] * len(items))
    results.records = [Record() for _ in items]
    together = groups is not None
    sizes = list(groups) if together else [1] * len(items)
    if sum(sizes) != len(items):
        raise ValueError(f"groups cover {sum(sizes)} items, not {len(items)}")
    firsts = [0, *itertools.accumulate(sizes)][:len(sizes)]  # each group's first item

    def call(g: int) -> tuple[Any, ...]:
        a, b = firsts[g], firsts[g] + sizes[g]
        return fn, items[a:b], args, hashed, before[a:b], together

    def span(g: int) -> range:
        return range(firsts[g], firsts[g] + sizes[g])

    def _alone(n: int, outcome: Any) -> tuple[Any, Record]:
        """An item run again on its own: its result, or ``on_error``'s for the error its
        call ended with (the worker it ended: this file, and no other, is the cause)."""
        if not isinstance(outcome, BaseException):
            return outcome[0]
        if on_error is None:
            raise outcome
        return on_error(items[n], outcome), Record("failed")

    def in_turn(g: int) -> list[tuple[Any, Record]]:
        """A group run in this process; when its call fails as a whole, its items again one
        by one, so that the failure stays with its own item."""
        try:
            return _work(*call(g))
        except Exception:
            if sizes[g] == 1:
                raise
        return [_alone(n, _tried(fn, items[n], args, hashed, before[n], together))
                for n in span(g)]

    def finish(g: int, outcome: Callable[[], list[tuple[Any, Record]]]) -> bool:
        try:
            for n, (result, record) in zip(span(g), outcome()):
                results[n], results.records[n] = result, record
        except Exception as error:
            if on_error is None:
                raise
            for n in span(g):
                results[n], results.records[n] = on_error(items[n], error), Record("failed")
        halt = False
        for n in span(g):
            if on_done is not None:
                on_done(items[n])
            halt = halt or (stop is not None and results.records[n].status != UNCHANGED
                            and stop(results[n]))
        return halt

    done = 0
    if executor is None and (jobs <= 1 or len(sizes) <= 1):
        try:
            results.meanwhile = meanwhile() if meanwhile is not None else None
            for g in range(len(sizes)):
                halt = finish(g, lambda g=g: in_turn(g))
                done += sizes[g]
                if halt:
                    break
        except KeyboardInterrupt:
            raise Interrupted(done, len(items)) from None
        return results
    own = executor is None
    if own:
        _sendable(fn, args)
    with _noted_interrupts() as interrupted:
        # no more processes than calls to make: each one forked costs time and memory
        pool = new_pool(min(jobs, len(sizes))) if own else executor
        futures: dict[Future, int] = {}
        broken: list[int] = []  # groups lost as a whole: run again, file by file
        try:
            futures = {pool.submit(_work, *call(g)): g for g in range(len(sizes))}
            # the workers have started (forked with this process as it was): its own work
            results.meanwhile = meanwhile() if meanwhile is not None else None
            pending, cut = set(futures), len(sizes)  # cut: the first group that stopped
            while pending and not interrupted:
                finished, pending = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
                for future in sorted(finished, key=futures.__getitem__):
                    g = futures[future]
                    if g > cut:  # after the stop in input order: as if never run
                        continue
                    # a worker that died fails every call pending, whichever file ended it;
                    # a group's call that failed as a whole, every file of the group
                    if died(future) or sizes[g] > 1 and future.exception() is not None:
                        broken.append(g)
                        continue
                    done += sizes[g]
                    if finish(g, future.result):
                        cut = g
                        _forget(results, firsts[g] + sizes[g])
                        for other, h in futures.items():
                            if h > g:
                                other.cancel()
                # the groups before the stop are still needed, whichever finished first;
                # those after it that started finish (our own pool), unseen
                pending = {f for f in pending
                           if futures[f] < cut or own and not f.cancelled()}
            if interrupted:
                raise KeyboardInterrupt
            alone = [n for g in broken if g <= cut for n in span(g)]
            again = dict(zip(alone, one_by_one(
                _work, [(fn, [items[n]], args, hashed, [before[n]], together) for n in alone],
                executor=None if own else pool, workers=jobs, interrupted=interrupted)))
            for g in sorted(broken):
                if g <= cut:  # a file found to fail first in input order may stop the rest
                    done += sizes[g]
                    if finish(g, lambda g=g: [_alone(n, again[n]) for n in span(g)]):
                        cut = g
                        _forget(results, firsts[g] + sizes[g])
        except KeyboardInterrupt:
            _halt(pool, futures, own)
            raise Interrupted(done, len(items)) from None
        except BaseException:
            if own:  # an error that ends the run: the workers are not waited for
                kill_pool(pool)
            raise
        if own:
            pool.shutdown(wait=True, cancel_futures=True)  # every worker is idle by now
    if interrupted:  # Ctrl-C as the last items came back: the caller must still stop
        raise Interrupted(done, len(items))
    return results


def _tried(fn: Callable[..., Any], item: Any, args: tuple[Any, ...], hashed: bool,
           previous: str | None, together: bool) -> Any:
    """:func:`_work` for one item in this process, or the exception it ended with."""
    try:
        return _work(fn, [item], args, hashed, [previous], together)
    except Exception as error:  # noqa: BLE001 - given to on_error, as from a worker
        return error


def _forget(results: BatchResults, start: int) -> None:
    """The items from ``start`` on did not run: a stop came before them in input order
    (whatever finished first), as a run in one process would have it."""
    for n in range(start, len(results)):
        results[n], results.records[n] = None, Record()


def _sendable(fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """TypeError, before any process starts, when ``fn`` or ``args`` cannot be sent to a
    worker process (a lambda, a function defined inside another, an open file): the pool
    would otherwise fail in its own thread, where nobody hears it."""
    try:
        pickle.dumps((fn, args))
    except Exception as error:  # noqa: BLE001 - pickling raises many kinds
        raise TypeError(f"{getattr(fn, '__qualname__', fn)!s} cannot be sent to worker "
                        f"processes ({type(error).__name__}: {error}); give a function "
                        "defined at the top of a module, or jobs=1") from None


def _term_as_interrupt(*_: Any) -> None:
    raise KeyboardInterrupt


def interrupt_on_term() -> None:
    """From now on SIGTERM — what stops a scheduled job (its time limit, ``kill``, systemd,
    a container stopped) — ends the command as Ctrl-C does: the workers stopped, nothing
    half-written left, how far it got said (exit 130), instead of an end without a word.
    For the command line; only in the main thread and while SIGTERM has its default action
    (a program's own handler is left alone)."""
    if threading.current_thread() is threading.main_thread() \
            and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _term_as_interrupt)


@contextlib.contextmanager
def _noted_interrupts() -> Iterator[list[bool]]:
    """Within, Ctrl-C (and SIGTERM, after :func:`interrupt_on_term`) is noted in the list
    yielded instead of raising KeyboardInterrupt, so that it never lands inside the
    executor's bookkeeping (a future's lock taken and never given back leaves the executor's
    thread, and so the exit, waiting forever); the caller looks at the list between waits.
    Forked workers begin with this handler too, so Ctrl-C before
    :func:`~opsbook.batch.workers.quiet_worker` runs leaves them be. Only in the main thread
    and while Ctrl-C raises KeyboardInterrupt as by default; otherwise nothing changes."""
    seen: list[bool] = []
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield seen
        return
    term = signal.getsignal(signal.SIGTERM) is _term_as_interrupt
    signal.signal(signal.SIGINT, lambda *_: seen.append(True))
    if term:
        signal.signal(signal.SIGTERM, lambda *_: seen.append(True))
    try:
        yield seen
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if term:
            signal.signal(signal.SIGTERM, _term_as_interrupt)


def _halt(pool: Executor, futures: dict[Future, int], own: bool) -> None:
    """Stop at once: end our own worker processes (:func:`_kill_pool`), or cancel the
    futures of an executor we were given (Dask cancels its tasks)."""
    if own:
        kill_pool(pool)
        return
    for future in futures:
        future.cancel()
