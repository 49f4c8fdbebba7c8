"""One way to run a step over many files: any ``concurrent.futures`` executor, results in the
order of the inputs whatever the scheduling, and a progress callback told of every item."""

from __future__ import annotations

from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def batch(fn: Callable[..., R], items: Sequence[T], *, jobs: int = 1,
          executor: Executor | None = None, on_done: Callable[[T], None] | None = None,
          on_error: Callable[[T, BaseException], R] | None = None,
          args: tuple[Any, ...] = ()) -> list[R]:
    """``[fn(item, *args) for item in items]``, run in this process (``jobs`` 1), in a pool of
    ``jobs`` processes, or on ``executor`` (a process pool, or a Dask cluster's
    ``Client.get_executor()``); the results come back in the order of ``items``.

    ``on_done(item)`` is called in this process as each item finishes. ``on_error(item,
    error)``, when given, turns an exception raised for one item into that item's result, so
    one bad item never stops the others; without it the first exception is raised.
    ``fn`` and ``args`` must be picklable when they run in other processes.
    """
    items = list(items)
    if executor is None and (jobs <= 1 or len(items) <= 1):
        return [_one(fn, item, args, on_done, on_error) for item in items]
    own = executor is None
    pool = ProcessPoolExecutor(max_workers=jobs) if own else executor
    try:
        futures: dict[Future, int] = {pool.submit(fn, item, *args): n
                                      for n, item in enumerate(items)}
        results: list[Any] = [None] * len(items)
        for future in as_completed(futures):
            n = futures[future]
            try:
                results[n] = future.result()
            except Exception as error:
                if on_error is None:
                    raise
                results[n] = on_error(items[n], error)
            if on_done is not None:
                on_done(items[n])
        return results
    finally:
        if own:
            pool.shutdown(cancel_futures=True)


def _one(fn: Callable[..., R], item: T, args: tuple[Any, ...],
         on_done: Callable[[T], None] | None,
         on_error: Callable[[T, BaseException], R] | None) -> R:
    try:
        result = fn(item, *args)
    except Exception as error:
        if on_error is None:
            raise
        result = on_error(item, error)
    if on_done is not None:
        on_done(item)
    return result
