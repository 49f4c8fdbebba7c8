"""The executor runner under every command: input order whatever the finishing order, the
callback told of every item, a stop after a failure, any executor."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import opsbook
from opsbook.batch import batch


def slow_square(n: int, pause: float) -> int:
    time.sleep(pause * (5 - n))  # the first items finish last
    return n * n


def test_results_come_back_in_input_order_and_every_item_is_told():
    told: list[int] = []
    out = opsbook.batch(slow_square, range(5), jobs=2, on_done=told.append, args=(0.05,))
    assert out == [0, 1, 4, 9, 16]
    assert sorted(told) == [0, 1, 2, 3, 4]
    assert [r.status for r in out.records] == ["done"] * 5


def test_any_executor_and_a_stop_after_the_first_failure():
    def check(n: int) -> int:
        if n == 1:
            raise ValueError("bad item")
        return n

    with ThreadPoolExecutor(max_workers=1) as pool:
        out = batch(check, [0, 1, 2, 3], executor=pool, on_error=lambda item, error: -1,
                    stop=lambda result: result == -1)
    assert out[:2] == [0, -1] and [r.status for r in out.records][:2] == ["done", "failed"]
    assert all(r is None or r in (2, 3) for r in out[2:])  # a started item may finish
    alone = batch(check, [0, 1, 2, 3], on_error=lambda item, error: -1,
                  stop=lambda result: result == -1)
    assert alone == [0, -1, None, None]
    assert [r.status for r in alone.records] == ["done", "failed", "not-run", "not-run"]
