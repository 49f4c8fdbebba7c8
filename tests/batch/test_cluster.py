"""The Dask path: the same run on a real LocalCluster (worker processes on loopback) gives
the same report and manifest as the local run. One test: a cluster is slow to start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batchbooks import _made, books

import opsbook
from opsbook.batch import BatchOptions
from opsbook.batch.manifest import without_timings

pytest.importorskip("dask.distributed")


def test_a_local_dask_cluster_gives_the_same_result(books: Path):
    here, there = books.parent / "here.json", books.parent / "there.json"
    local = opsbook.validate(books, options=BatchOptions(jobs=1, manifest=here))
    seen: list[str] = []
    dask = opsbook.validate(books, on_file=lambda path: seen.append(Path(path).name),
                            options=BatchOptions(jobs=2, scheduler="local", manifest=there))
    assert dask.to_json() == local.to_json()
    assert dask.exit_code == 1 and [i.code for i in dask.errors] == ["out-of-range"]
    first, second = json.loads(here.read_text()), json.loads(there.read_text())
    assert second["run"]["scheduler"] == "local" and second["run"]["jobs"] == 2
    assert without_timings(second) == without_timings(first)
    assert sorted(seen) == sorted(p.name for p in books.iterdir())  # told of every file
