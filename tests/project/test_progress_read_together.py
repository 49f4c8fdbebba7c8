"""The progress warnings (an actual finish on an incomplete task, an actual date after the
status date) are found once over trackers read together, each in its own file, measured
against its own Settings status date."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import opsbook
from opsbook.api import validate_file
from tests.project.trackers import D, project, task, tracker

CODES = ("task-finished-incomplete", "actual-after-status-date")


def _found(issues) -> list[tuple]:
    return sorted((i.file, i.cell, i.code, str(i.value)) for i in issues if i.code in CODES)


def test_read_together_as_alone(tmp_path) -> None:
    for n, status_date in ((1, D(2026, 11, 4)), (2, None), (3, D(2026, 11, 10))):
        tasks = [task(f"{n}.1", D(2026, 11, 2), D(2026, 11, 6), 100.0, pct=0.5, pid=f"P-{n}",
                      actual_finish=pd.Timestamp(2026, 11, 9)),
                 task(f"{n}.2", D(2026, 11, 2), D(2026, 11, 6), 100.0, pct=0.2, pid=f"P-{n}")]
        settings = {"status_date": status_date} if status_date else {}
        tracker(tmp_path / f"t{n}.xlsx", [project(f"P-{n}")], tasks, **settings)
    together = _found(opsbook.validate([tmp_path]).issues)
    alone = sorted(f for n in (1, 2, 3)
                   for f in _found(validate_file(tmp_path / f"t{n}.xlsx", "project").issues))
    assert together == alone
    names = [(Path(f).name, cell, code) for f, cell, code, _ in together]
    assert names == [("t1.xlsx", "H4", "actual-after-status-date"),
                     ("t1.xlsx", "I4", "task-finished-incomplete"),
                     ("t2.xlsx", "I4", "task-finished-incomplete"),
                     ("t3.xlsx", "I4", "task-finished-incomplete")]
