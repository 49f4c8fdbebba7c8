"""A pool is never larger than the work: --jobs 16 over three files forks at most three
workers (each costs a fork, memory and the time to start), and still gives every result in
order."""

from __future__ import annotations

import os
import sys

import psutil
import pytest

import opsbook

#: The parent's children before the pool starts (a multiprocessing resource tracker or a
#: forkserver an earlier test started lives on): they are not the pool's workers.
BEFORE: set[int] = set()


def workers_now(item: int) -> tuple[int, int]:
    """The item, and how many processes the parent has at this moment beyond ``BEFORE``."""
    return item, len({c.pid for c in psutil.Process(os.getppid()).children()} - BEFORE)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers")
def test_no_more_workers_than_items():
    BEFORE.clear()
    BEFORE.update(c.pid for c in psutil.Process().children())
    results = opsbook.batch(workers_now, [1, 2, 3], jobs=16)
    assert [item for item, _ in results] == [1, 2, 3]
    assert max(count for _, count in results) <= 3
