"""Project trackers written to disk from plain rows, and their status read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from opsbook import registry
from opsbook.api import load
from opsbook.core import sampling
from opsbook.io.template import write_template
from opsbook.project.compute import ProjectResult
from opsbook.project.status import status_of_books

D = dt.date


def project(pid: str = "P-1", **fields: Any) -> dict[str, Any]:
    """A Projects row with defaults; fields override."""
    return {"project_id": pid, "name": f"Project {pid}", "owner": "Owner " + pid,
            "phase": "execution", "goal": "Goal", "scope": "Scope",
            "start": pd.Timestamp(2026, 11, 2), "finish": pd.Timestamp(2026, 11, 27),
            "budget": None, "accepted": False, "lessons_learned": False, "archived": False,
            **fields}


def task(tid: str, start: dt.date, finish: dt.date, cost: float, pct: float = 0.0,
         ac: float = 0.0, pid: str = "P-1", **fields: Any) -> dict[str, Any]:
    """A Tasks row: WBS, planned dates, planned cost, % complete (0–1), actual cost."""
    return {"project_id": pid, "task_id": tid, "name": "Task " + tid, "owner": "T" + tid,
            "planned_start": pd.Timestamp(start), "planned_finish": pd.Timestamp(finish),
            "actual_start": pd.Timestamp(start) if pct > 0 else pd.NaT,
            "actual_finish": pd.NaT, "percent_complete": pct, "planned_cost": cost,
            "actual_cost": ac, **fields}


def tracker(path: Path, projects: list[dict], tasks: list[dict], *,
            risks: list[dict] | None = None, actions: list[dict] | None = None,
            lang: str = "en", **settings: Any) -> Path:
    """A project workbook on disk with these rows (real file, standard template)."""
    frames = {"Projects": pd.DataFrame(projects), "Tasks": pd.DataFrame(tasks),
              "Settings": sampling.settings(**settings)}
    if risks:
        frames["Risks"] = pd.DataFrame(risks)
    if actions:
        frames["Actions"] = pd.DataFrame(actions)
    return write_template(registry.get("project"), lang, path, sample=True, frames=frames)


def status(*paths: Path, as_of: dt.date | None = None,
           today: dt.date | None = None) -> tuple[ProjectResult, list]:
    """Read the trackers from disk and compute their status."""
    books = [load(p, "project") for p in paths]
    for book in books:
        errors = [i for i in book.issues if i.severity == "error"]
        assert not errors, [i.message() for i in errors]
    return status_of_books(books, as_of=as_of, today=today)


def with_status_date(path: Path, value: Any) -> Path:
    """The tracker at ``path`` with ``value`` typed as its Settings status_date (saved)."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    settings = wb["Settings"]
    row = next(r for r in range(1, settings.max_row + 1)
               if settings.cell(r, 1).value == "status_date")
    settings.cell(row, 2).value = value
    wb.save(path)
    return path
