"""Many files at once, one mechanism for every command: sources (files, folders, globs),
processes or a Dask cluster, progress, fail-fast, a manifest and skipping what is unchanged.

``batch(fn, items, …)`` runs any step over any items on any ``concurrent.futures``
executor; :func:`run_files` is what the commands call. docs/batch.md says how a command
adopts the shared options.
"""

from __future__ import annotations

from opsbook.batch.cluster import BatchProblem
from opsbook.batch.codes import CODES
from opsbook.batch.options import BatchOptions, batch_options, cores
from opsbook.batch.pool import BatchResults, Interrupted, Record, batch, digest
from opsbook.batch.run import BatchRun, Outcome, UpToDate, run_files, skipped_result
from opsbook.batch.sources import expand

__all__ = [
    "CODES",
    "BatchOptions",
    "BatchProblem",
    "BatchResults",
    "BatchRun",
    "Interrupted",
    "Outcome",
    "Record",
    "UpToDate",
    "batch",
    "batch_options",
    "cores",
    "digest",
    "expand",
    "run_files",
    "skipped_result",
]
