"""``opsbook project status``: earned value and status over one tracker or a folder of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from opsbook import registry
from opsbook.api.common import (
    PathLike,
    Sources,
    calculate_books,
    demo_write,
    load_many,
)
from opsbook.core.kind import Calculation

if TYPE_CHECKING:
    from opsbook.batch import BatchOptions

KIND = "project"


def project_status(paths: Sources, *, as_of: dt.date | None = None,
                   lang: str | None = None, options: BatchOptions | None = None,
                   output: PathLike | None = None) -> Calculation:
    """The status of every project in the trackers named by files and folders.

    Returns a :class:`~opsbook.core.kind.Calculation`: ``report`` (every file's validation,
    files skipped, a ``duplicate-project`` error where a project id is in two files, and an
    info issue when the status date is today for want of one), ``result`` (a
    ``ProjectResult``: ``status``, ``tasks``, ``deviations``, ``gates``, ``risks``,
    ``heat`` frames) and ``sheets`` (Status, Task Earned Value, Deviations, Gates, Risk
    Matrix, Gantt). ``as_of`` wins over each tracker's ``status_date`` setting; without
    either the status is as of today. When any tracker has errors nothing is computed:
    ``result`` is None and ``report`` says why. ``lang`` is the sheets' language (default:
    the first tracker's). The trackers (files, folders, glob patterns) are read through
    :func:`opsbook.batch.run_files` with ``options``; its manifest goes beside ``output``.
    Raises ValueError when ``paths`` is an empty list.
    """
    kind = registry.get(KIND)
    books, report = load_many(paths, kind, options=options, command="project status",
                              settings={"as_of": as_of, "lang": lang}, output=output)
    return calculate_books(kind, books, report, as_of=as_of, lang=lang)


def demo(folder: Path, samples: dict[str, Path], say: Callable[[str], None]) -> int:
    """The demo's project step: ``project status`` of the sample tracker."""
    sample = samples[KIND]
    return demo_write(project_status([sample]), folder / f"{KIND}.status.xlsx", say,
                      f"project status {sample.name}")
