"""Pipelines: a TOML file naming inputs, a kind, steps (validate, compute, report, email)
with their options, and where outputs go; ``opsbook run FILE`` runs it."""

from __future__ import annotations

from opsbook.pipeline.spec import (
    STEPS,
    Pipeline,
    PipelineError,
    Problem,
    Step,
    batch_problem,
    read,
)

__all__ = ["STEPS", "Pipeline", "PipelineError", "Problem", "Step", "batch_problem", "read"]
