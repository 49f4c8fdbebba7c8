"""--fail-fast gives the same result in processes as in one process: the run stops at the
first failing item in input order, whichever item finishes first."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from batchbooks import _made, books  # noqa: F401 - fixtures

import opsbook
from opsbook.batch import BatchOptions, batch
from opsbook.batch.manifest import without_timings


def late_or_failing(n: int) -> int:
    """Item 0 finishes last; item 2 fails at once."""
    if n == 0:
        time.sleep(1.5)
    if n == 2:
        raise ValueError("bad item")
    return n


def failed(item: int, error: BaseException) -> int:
    return -1


def test_a_later_item_that_fails_first_does_not_drop_the_earlier_ones():
    alone = batch(late_or_failing, range(5), on_error=failed, stop=lambda r: r == -1)
    pooled = batch(late_or_failing, range(5), jobs=2, on_error=failed,
                   stop=lambda r: r == -1)
    assert list(alone) == [0, 1, -1, None, None]
    assert list(pooled) == list(alone)  # item 0 was still running when item 2 failed
    assert [r.status for r in pooled.records] == [r.status for r in alone.records] == \
        ["done", "done", "failed", "not-run", "not-run"]


def test_fail_fast_in_processes_reports_as_in_one_process(books: Path):  # noqa: F811
    shutil.copy(books / "b-invalid.xlsx", books / "a2b-invalid.xlsx")  # third of seven
    reports, manifests = [], []
    for jobs in (1, 2):
        manifest = books.parent / f"jobs{jobs}.json"
        reports.append(opsbook.validate(books, options=BatchOptions(
            jobs=jobs, fail_fast=True, manifest=manifest)).to_json())
        manifests.append(without_timings(json.loads(manifest.read_text())))
    assert reports[0] == reports[1]
    assert manifests[0]["inputs"] == manifests[1]["inputs"]
    assert [i["status"] for i in manifests[0]["inputs"]] == \
        ["valid", "valid", "invalid", *["not-run"] * 4]
