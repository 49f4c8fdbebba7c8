"""The registry of workbook kinds: the one list every other module asks.

A new kind is its folder (``opsbook/<kind>/``, with ``kind.py`` building its ``KIND``) plus one
entry in :data:`MODULES`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from opsbook.core.kind import Kind, made_in
from opsbook.core.messages import load_codes_with, register
from opsbook.core.said import Said

#: The modules that define each kind's ``KIND``, in the order kinds are listed and detected.
MODULES = (
    "opsbook.appraisal.kind",
    "opsbook.attendance.kind",
    "opsbook.project.kind",
    "opsbook.plan.kind",
)


@lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    """Every kind by id, imported on first use; their issue codes are registered then."""
    found: dict[str, Kind] = {}
    for module in MODULES:
        kind: Kind = import_module(module).KIND
        made_in(kind, module)
        register(kind.codes)
        found[kind.id] = kind
    return found


def names() -> tuple[str, ...]:
    """The kind ids, in registry order."""
    return tuple(kinds())


class UnknownKind(Said, ValueError):
    """A kind id that is none of the registry's: a ValueError naming the choices, with its
    Chinese as ``zh``."""


def get(kind_id: str) -> Kind:
    """The kind ``kind_id``; :class:`UnknownKind` (a ValueError) naming the choices when
    there is none."""
    try:
        return kinds()[kind_id]
    except KeyError:
        raise UnknownKind(f"unknown kind {kind_id!r}; choose one of {', '.join(names())}",
                          f"没有“{kind_id}”这种工作簿类型；应为以下之一："
                          f"{'、'.join(names())}。") from None


def output_sheets() -> frozenset[str]:
    """Every sheet name a computation may write, in either language, that is not also an
    input sheet of some kind (History is both)."""
    inputs = {n for k in kinds().values() for s in k.sheets for n in s.names()}
    outputs = {n for k in kinds().values() for o in k.outputs for n in o.names()}
    return frozenset(outputs - inputs)


load_codes_with(kinds)
