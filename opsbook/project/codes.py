"""Issue codes of the project tracker: a stable slug, its category and its messages."""

from __future__ import annotations

from opsbook.core.messages import Code

CODES: dict[str, Code] = {}
