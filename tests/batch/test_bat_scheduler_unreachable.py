"""A scheduler address where nothing answers: one refusal before any file is read, in
English with Dask's own words and in Chinese in Chinese words only, saying what to check."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.batch import BatchOptions, BatchProblem

pytest.importorskip("distributed")


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_nothing_answering_at_the_address_is_said_in_both_languages(tmp_path: Path):
    plan = new_workbook("plan", "zh", tmp_path / "sales.xlsx", sample=True)
    where = f"tcp://127.0.0.1:{closed_port()}"
    manifest = tmp_path / "run.manifest.json"
    with pytest.raises(BatchProblem) as refused:
        opsbook.validate(plan, options=BatchOptions(jobs=1, scheduler=where, manifest=manifest))
    assert refused.value.en.startswith(f"cannot reach the Dask scheduler at {where} (")
    assert "dask scheduler" in refused.value.en
    zh = refused.value.zh
    assert zh.startswith(f"无法连接 {where} 的 Dask 调度器") and zh.endswith("。")
    # Dask's English stays out of the Chinese text: past the address, only the command name
    assert not re.search(r"[A-Za-z]{3,}", zh.replace(where, "").replace("Dask", "")
                         .replace("dask scheduler", "")), zh
    assert not manifest.exists()
