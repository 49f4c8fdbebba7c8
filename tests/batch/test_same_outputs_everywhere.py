"""Each command that combines a folder into one output workbook writes the same workbook,
cell for cell, and the same manifest (timings aside) in this process
(--jobs 1), in two worker processes (--jobs 2) and on a real Dask LocalCluster of worker
processes on loopback (--scheduler local): project status, attendance summarize and plan
consolidate over four workbooks each, in both languages, whose combination has conflicts
to report (a project, an employee ID and plan items given twice)."""

from __future__ import annotations

import contextlib
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli

from opsbook.api import new_workbook
from opsbook.batch.manifest import without_timings

#: kind → the command that combines a folder of it
COMMANDS = {"project": ("project", "status"), "attendance": ("attendance", "summarize"),
            "plan": ("plan", "consolidate")}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """kind → a folder of four sample workbooks of it (seeds 1 to 4, Chinese and English)."""
    root = tmp_path_factory.mktemp("inputs")
    for kind in COMMANDS:
        for n in range(1, 5):
            new_workbook(kind, "zh" if n % 2 else "en", root / kind / f"{kind}{n}.xlsx",
                         sample=True, seed=n)
    return {kind: root / kind for kind in COMMANDS}


def run(kind: str, folder: Path, where: Path, *how: str) -> tuple[int, str, dict, dict]:
    """The command over ``folder``, run in ``where`` with ``-o out.xlsx``: its exit code, its
    report on stdout, every sheet's cells and the manifest beside the output (less its
    timings)."""
    where.mkdir(parents=True)
    done = run_cli(*COMMANDS[kind], folder, "-o", "out.xlsx", "--quiet", *how, cwd=where)
    assert done.stderr == "", done.stderr
    book = openpyxl.load_workbook(where / "out.xlsx")
    cells = {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
             for sheet in book.worksheets}
    manifest = json.loads((where / "out.manifest.json").read_text(encoding="utf-8"))
    assert manifest["outputs"] == ["out.xlsx"]  # as given
    assert [Path(i["path"]).name for i in manifest["inputs"]] == \
        [f"{kind}{n}.xlsx" for n in range(1, 5)]
    return done.returncode, done.stdout, cells, without_timings(manifest)


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_two_processes_write_what_one_writes(kind: str, folders: dict[str, Path],
                                             tmp_path: Path):
    alone = run(kind, folders[kind], tmp_path / "one", "--jobs", "1")
    pooled = run(kind, folders[kind], tmp_path / "two", "--jobs", "2")
    assert alone[0] == 1  # the conflicts between the four workbooks
    assert len(alone[2]) >= 4 and sum(len(rows) for rows in alone[2].values()) > 20
    assert pooled == alone


@pytest.fixture
def dask_port_taken() -> Iterator[None]:
    """Dask's usual dashboard port (8787) held, as another cluster or a notebook holds it."""
    with contextlib.ExitStack() as stack:
        held = stack.enter_context(socket.socket())
        with contextlib.suppress(OSError):  # already taken by someone else: as good
            held.bind(("", 8787))
            held.listen()
        yield


@pytest.mark.slow
def test_a_local_dask_cluster_writes_what_one_process_writes(
        folders: dict[str, Path], tmp_path: Path, dask_port_taken: None):
    """... and says nothing on stderr: neither that port 8787 is taken (the cluster listens
    on a free port of loopback) nor a worker's traceback as the cluster closes."""
    for kind in COMMANDS:
        alone = run(kind, folders[kind], tmp_path / kind / "one", "--jobs", "1")
        cluster = run(kind, folders[kind], tmp_path / kind / "cluster", "--jobs", "2",
                      "--scheduler", "local")
        assert cluster == alone, kind
