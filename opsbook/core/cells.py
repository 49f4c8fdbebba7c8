"""Cell addresses: column letters and A1 references, 1-based as the spreadsheet shows them."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1024)
def letter(column: int) -> str:
    """1 → A, 27 → AA."""
    out = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


def index(letters: str) -> int:
    """A → 1, AA → 27."""
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def a1(row: int, column: int) -> str:
    """The A1 address of a 1-based row and column."""
    return f"{letter(column)}{row}"


def split(ref: str) -> tuple[int, int]:
    """'B12' → (12, 2)."""
    letters = "".join(ch for ch in ref if ch.isalpha())
    return int(ref[len(letters):]), index(letters)
