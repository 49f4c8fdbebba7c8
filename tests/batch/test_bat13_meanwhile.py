"""A batch's own work for the parent process (``meanwhile``) is done once, in the parent,
while the workers read, and comes back with the results; what it raises ends the run with
no worker left behind. Plan consolidation reads an earlier company plan that way."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from opsbook.batch import batch, run_files


def _pid_after(item: float) -> int:
    time.sleep(item)
    return os.getpid()


def _workers_then() -> list[int]:
    return [p.pid for p in multiprocessing.active_children()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_meanwhile_is_done_once_in_this_process(jobs):
    calls = []

    def meanwhile():
        calls.append(os.getpid())
        return "read"

    results = batch(_pid_after, [0.0, 0.0, 0.0], jobs=jobs, meanwhile=meanwhile)
    assert results.meanwhile == "read" and calls == [os.getpid()]
    assert len(results) == 3 and all(isinstance(pid, int) for pid in results)
    assert (set(results) == {os.getpid()}) == (jobs == 1)


def test_meanwhile_is_done_while_the_workers_run():
    results = batch(_pid_after, [0.3, 0.3], jobs=2, meanwhile=_workers_then)
    # the workers had started, and the items ran in them, when this process did its own work
    assert set(results) <= set(results.meanwhile) and os.getpid() not in results


def test_what_meanwhile_raises_ends_the_run_and_no_worker_is_left():
    def meanwhile():
        raise LookupError("the earlier plan")

    before = set(multiprocessing.active_children())
    with pytest.raises(LookupError, match="earlier plan"):
        batch(_pid_after, [0.0, 0.0], jobs=2, meanwhile=meanwhile)
    assert set(multiprocessing.active_children()) <= before


def test_a_run_gives_what_meanwhile_gave(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"")
    run = run_files(_step, [tmp_path], meanwhile=lambda: 42)
    assert run.meanwhile == 42 and len(run.outcomes) == 1


def _step(path):
    from opsbook.batch.run import Outcome
    from opsbook.core.issues import Report

    return Outcome(None, Report(files=[str(path)]))
