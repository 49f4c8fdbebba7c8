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
    inside multi-line values are not looked for; what is inside a string (a ``#``, a
    bracket, a line of a multi-line string) is no comment, bracket or key."""
    found: dict[tuple, int] = {}
    table: tuple = ()
    counts: dict[tuple, int] = {}
    open_brackets = 0
    array: list = []  # the multi-line array's path, and its inline tables so far
    within: str | None = None  # the quotes of a multi-line string left open
    for number, line in enumerate(text.splitlines(), 1):
        began_in_string = within is not None
        bare, within = masked(line, within)
        if open_brackets > 0 or began_in_string:  # inside a multi-line value
            open_brackets = max(0, open_brackets + bare.count("[") - bare.count("]"))
            if array:
                _inline_tables(line, bare, array, number, found)
            continue
        header = _HEADER.match(line)
        if header:
            name = _within(tuple(part.strip().strip("\"'")
                                 for part in header.group(2).split(".")), counts)
            if header.group(1) == "[[":
                index = counts.get(name, -1) + 1
                counts[name] = index
                table = (*name, index)
                found.setdefault(name, number)  # the array itself: at its first table
            else:
                table = name
            found.setdefault(table, number)
            array = []
            continue
        key = _KEY.match(line)
        if key:
            parts = tuple(p.strip("\"'") for p in re.findall(_PART, key.group(1)))
            for end in range(1, len(parts) + 1):  # batch.jobs: batch and batch.jobs here
                found.setdefault((*table, *parts[:end]), number)
            value = bare[key.end():]
            open_brackets = max(0, value.count("[") - value.count("]"))
            array = [(*table, *parts), -1]
            if open_brackets:
                _inline_tables(line[key.end():], value, array, number, found)
    return found


#: What stands for a character inside a string in :func:`masked`.
HIDDEN = "\0"


def masked(line: str, within: str | None = None) -> tuple[str, str | None]:
    """``line`` with the characters inside its strings replaced by :data:`HIDDEN` (the
    quotes kept, the length the same) and its comment cut off, and the quotes of a
    multi-line string still open at its end (None when none is). ``within``: the quotes of
    a multi-line string open as the line begins."""
    out: list[str] = []
    at, size = 0, len(line)
    while at < size:
        if within is not None:  # inside a string: up to its closing quotes
            close = _closing(line, at, within)
            if close < 0:
                out.append(HIDDEN * (size - at))
                return "".join(out), within if len(within) == 3 else None
            out.append(HIDDEN * (close - at) + within)
            at, within = close + len(within), None
            continue
        char = line[at]
        if char == "#":
            break
        if char in "\"'":
            within = char * 3 if line.startswith(char * 3, at) else char
            out.append(within)
            at += len(within)
            continue
        out.append(char)
        at += 1
    return "".join(out), within if within is not None and len(within) == 3 else None


def _closing(line: str, at: int, quotes: str) -> int:
    """Where the string opened by ``quotes`` closes in ``line`` from ``at`` (-1: not on this
    line); a basic string's backslash escapes the character after it."""
    while at < len(line):
        if quotes[0] == '"' and line[at] == "\\":
            at += 2
            continue
        if line.startswith(quotes, at):
            # a multi-line string may end with one or two quotes of its own before its three
            while len(quotes) == 3 and line.startswith(quotes[0], at + 3) and \
                    line.startswith(quotes, at + 1):
                at += 1
            return at
        at += 1
    return -1


def _inline_tables(text: str, bare: str, array: list, number: int,
                   found: dict[tuple, int]) -> None:
    """The inline tables on one line of an array written over several lines (``steps = [``,
    then ``{step = "validate"},`` a line each): each one's line, and the line of each of its
    keys, numbered from 0 as tomllib nests them. ``bare`` is ``text`` masked
    (:func:`masked`): braces and commas inside strings are no table's."""
    depth, start = 0, 0
    for at, char in enumerate(bare):
        if char == "{":
            if depth == 0:
                array[1] += 1
                found.setdefault((*array[0], array[1]), number)
                start = at
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                for key in _INLINE_KEY.finditer(text, start, at + 1):
                    if bare[key.start()] != HIDDEN:  # a key, not text inside a string
                        name = key.group(1).strip("\"'")
                        found.setdefault((*array[0], array[1], name), number)


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
