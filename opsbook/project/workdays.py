"""Working weekdays as a numpy weekmask (read by :mod:`opsbook.core.weekdays`)."""

from __future__ import annotations

from opsbook.core.weekdays import weekdays


def weekmask(text: str) -> str:
    """Seven 0/1 characters, Monday first, for ``numpy.busday_count``, of the weekdays
    ``text`` names (see :func:`opsbook.core.weekdays.weekdays`). Raises ValueError for text
    that names no weekday."""
    days = weekdays(text)
    return "".join("1" if d in days else "0" for d in range(7))
