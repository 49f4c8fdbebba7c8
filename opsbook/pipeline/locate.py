"""Where a key of a TOML file is written: the line of ``[table]`` / ``[[array]]`` / ``key =``,
so a mistake is told with its line (tomllib gives values, not places)."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*=")



def lines_of(text: str) -> dict[tuple, int]:
    """Every table and key of a TOML text by its path, with its 1-based line. An array of
    tables is numbered from 0 (``("steps", 0)``); a key's path ends with its name. Keys
    inside multi-line values are not looked for."""
    found: dict[tuple, int] = {}
    table: tuple = ()
    counts: dict[tuple, int] = {}
    open_brackets = 0
    for number, line in enumerate(text.splitlines(), 1):
        if open_brackets > 0:  # inside a multi-line array
            open_brackets += line.count("[") - line.count("]")
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
            found.setdefault((*table, key.group(1).strip("\"'")), number)
            value = line[key.end():].split("#", 1)[0]
            open_brackets = max(0, value.count("[") - value.count("]"))
    return found


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
