"""Where a key of a TOML file is written: the line of ``[table]`` / ``[[array]]`` / ``key =``,
so a mistake is told with its line (tomllib gives values, not places)."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_PART = r"[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*'"
#: ``key =``, ``"key" =`` or a dotted key (``batch.jobs =``).
_KEY = re.compile(rf"^\s*((?:{_PART})(?:\s*\.\s*(?:{_PART}))*)\s*=")
#: A key of an inline table: ``{step = …`` or ``, out = …``.
_INLINE_KEY = re.compile(rf"[{{,]\s*({_PART})\s*=")


def lines_of(text: str) -> dict[tuple, int]:
    """Every table and key of a TOML text by its path, with its 1-based line. An array of
    tables is numbered from 0 (``("steps", 0)``); a key's path ends with its name. Keys
    inside multi-line values are not looked for."""
    found: dict[tuple, int] = {}
    table: tuple = ()
    counts: dict[tuple, int] = {}
    open_brackets = 0
    array: list = []  # the multi-line array's path, and its inline tables so far
    for number, line in enumerate(text.splitlines(), 1):
        if open_brackets > 0:  # inside a multi-line array
            open_brackets += line.count("[") - line.count("]")
            _inline_tables(line, array, number, found)
            continue
        header = _HEADER.match(line)
        if header and open_brackets == 0:
            name = _within(tuple(part.strip().strip("\"'")
                                 for part in header.group(2).split(".")), counts)
            if header.group(1) == "[[":
                index = counts.get(name, -1) + 1
                counts[name] = index
                table = (*name, index)
            else:
                table = name
            found.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            parts = tuple(p.strip("\"'") for p in re.findall(_PART, key.group(1)))
            for end in range(1, len(parts) + 1):  # batch.jobs: batch and batch.jobs here
                found.setdefault((*table, *parts[:end]), number)
            value = line[key.end():].split("#", 1)[0]
            open_brackets = max(0, value.count("[") - value.count("]"))
            array = [(*table, *parts), -1]
            if open_brackets:
                _inline_tables(value, array, number, found)
    return found


def _inline_tables(text: str, array: list, number: int, found: dict[tuple, int]) -> None:
    """The inline tables on one line of an array written over several lines (``steps = [``,
    then ``{step = "validate"},`` a line each): each one's line, and the line of each of its
    keys, numbered from 0 as tomllib nests them. Braces in strings are not told apart."""
    depth, start = 0, 0
    for at, char in enumerate(text.split("#", 1)[0]):
        if char == "{":
            if depth == 0:
                array[1] += 1
                found.setdefault((*array[0], array[1]), number)
                start = at
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                for name in _INLINE_KEY.findall(text[start:at + 1]):
                    found.setdefault((*array[0], array[1], name.strip("\"'")), number)


def _within(name: tuple, counts: dict[tuple, int]) -> tuple:
    """A table's path with the index of the array of tables it is in: ``[steps.extra]``
    after the fourth ``[[steps]]`` is ``("steps", 3, "extra")``, as tomllib nests it."""
    for cut in range(len(name) - 1, 0, -1):
        if name[:cut] in counts:
            return (*name[:cut], counts[name[:cut]], *name[cut:])
    return name


def line_of(lines: dict[tuple, int], path: tuple) -> int | None:
    """The line of ``path``, or of the nearest table holding it."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
