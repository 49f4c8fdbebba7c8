"""The registry of workbook kinds."""

from __future__ import annotations

from functools import lru_cache

from opsbook.core.spec import Kind

NAMES = ("appraisal", "attendance", "project", "plan")


@lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    """Every kind by id, imported on first use."""
    from opsbook.appraisal.schema import KIND as appraisal
    from opsbook.attendance.schema import KIND as attendance
    from opsbook.plan.schema import KIND as plan
    from opsbook.project.schema import KIND as project

    return {k.id: k for k in (appraisal, attendance, project, plan)}


def get(kind_id: str) -> Kind:
    try:
        return kinds()[kind_id]
    except KeyError:
        raise ValueError(f"unknown kind {kind_id!r}; choose one of {', '.join(NAMES)}") from None
