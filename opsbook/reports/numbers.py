"""Numbers as text, by the Excel number formats the summary model carries."""

from __future__ import annotations

import math
import re
from typing import Any

_DECIMALS = re.compile(r"0\.(0+)")


def format_value(value: Any, fmt: str = "", signed: bool = False) -> str:
    """``value`` as text by an Excel format: ``0``, ``0.00``, ``#,##0``, ``0%``, ``0.0%``.

    None and NaN give ""; text is returned as it is; ``signed`` puts + before a rise.
    """
    if value is None or isinstance(value, str):
        return value or ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    match = _DECIMALS.search(fmt)
    decimals = len(match.group(1)) if match else (0 if fmt else None)
    percent = fmt.endswith("%")
    number = value * 100 if percent else value
    comma = "," if "#,##" in fmt else ""
    sign = "+" if signed else ""
    if decimals is None:
        text = f"{number:{sign}{comma}.2f}".rstrip("0").rstrip(".") if isinstance(
            number, float) else f"{number:{sign}{comma}d}"
    else:
        text = f"{number:{sign}{comma}.{decimals}f}"
    if signed and text.lstrip("+-").strip("0.,") == "":
        text = text.lstrip("+-")
    return text + ("%" if percent else "")
