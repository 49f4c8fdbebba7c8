"""A pipeline file: what a scheduled job runs with one command (``opsbook run FILE``).

TOML; docs/batch.md documents every key. Read and checked whole before anything runs: a
mistake is a :class:`PipelineError` naming the file, the line and the key.
"""

from __future__ import annotations

import glob
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from opsbook import registry
from opsbook.batch.cluster import scheduler_problem
from opsbook.pipeline.locate import line_of, lines_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The steps a pipeline may run, in the order they make sense.
STEPS = ("validate", "compute", "report", "email")
TOP = {"name", "kind", "inputs", "outputs", "batch", "steps"}
#: The shared batch options a ``[batch]`` table may set, with their types.
BATCH = {"jobs": int, "quiet": bool, "fail_fast": bool, "skip_unchanged": bool,
         "scheduler": str, "recursive": bool}


@dataclass
class Problem:
    """One mistake: the line (None when not found), the key path, what is wrong, and the
    column when it is known (a TOML syntax error)."""

    line: int | None
    key: str
    message: str
    column: int | None = None

    def where(self) -> str:
        """``LINE`` or ``LINE:COLUMN`` (``?`` when the line is not known)."""
        return f"{self.line or '?'}{f':{self.column}' if self.line and self.column else ''}"


class PipelineError(Exception):
    """A pipeline file that cannot run; ``problems`` lists every mistake found, in the
    order of their lines."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path, self.problems = path, problems
        super().__init__("\n".join(f"{path}:{p.where()}: {p.key}: {p.message}"
                                   for p in problems))


@dataclass
class Step:
    """One step: its name (validate, compute, report, email), its options as written, and
    its place in the file (index among ``[[steps]]``)."""

    name: str
    options: dict[str, Any]
    index: int


@dataclass
class Pipeline:
    """A checked pipeline: inputs resolved against the file's folder, the outputs folder,
    the shared batch options and the steps."""

    path: Path
    name: str
    kind: str
    inputs: list[str]
    outputs: Path
    batch: dict[str, Any]
    steps: list[Step] = field(default_factory=list)


def batch_problem(key: str, value: Any) -> str | None:
    """What is wrong with one entry of the ``[batch]`` table, or None."""
    if key not in BATCH:
        return f"unknown batch option; choose from {', '.join(BATCH)}"
    if not isinstance(value, BATCH[key]) or BATCH[key] is int and isinstance(value, bool):
        return f"give a {BATCH[key].__name__}"
    if key == "jobs" and value < 1:
        return "give 1 or more"
    if key == "scheduler":
        unusable = scheduler_problem(value)
        return unusable.en if unusable is not None else None
    return None


#: Where tomllib says a syntax error is: "(at line L, column C)" or "(at end of document)".
_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def _syntax(text: str, error: Exception) -> Problem:
    """A TOML syntax error as a Problem with the line and column tomllib gives; at the end
    of the file, just after its last character (blank lines after it aside)."""
    message = str(error)
    line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
    found = _AT.search(message)
    if found:
        message = message[:found.start()]
        if found.group(1):
            line, column = int(found.group(1)), int(found.group(2))
        else:
            end = text.rstrip()
            line, column = end.count("\n") + 1, len(end) - end.rfind("\n")
            message += " at the end of the file"
    return Problem(line, "-", f"not valid TOML: {message}", column)


def _key(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out


def _matches(pattern: str) -> bool:
    return Path(pattern).exists() or bool(glob.glob(pattern, recursive=True))


def read(path: str | Path,
         check_step: Callable[[Step, Pipeline], list[tuple[Any, str]]] | None = None
         ) -> Pipeline:
    """Read and check a pipeline file. ``check_step(step, pipeline)`` gives (option, message)
    for each mistake in a step's options, the option as its name or its whole key path (the
    command line checks them against the command each step runs). Raises
    :class:`PipelineError` with every mistake found."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PipelineError(path, [Problem(None, "-", error.strerror or str(error))]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PipelineError(path, [_syntax(text, error)]) from None
    lines = lines_of(text)
    problems: list[Problem] = []

    def wrong(where: tuple, message: str) -> None:
        problems.append(Problem(line_of(lines, where), _key(where), message))

    for key in sorted(set(data) - TOP):
        wrong((key,), f"unknown key; a pipeline has {', '.join(sorted(TOP))}")
    kind = data.get("kind")
    if kind not in registry.names():
        wrong(("kind",), f"give one of {', '.join(registry.names())}")
    base = path.parent
    inputs = data.get("inputs")
    if isinstance(inputs, str):
        inputs = [inputs]
    if not isinstance(inputs, list) or not inputs or not all(isinstance(i, str) for i in inputs):
        wrong(("inputs",), "give a list of files, folders or glob patterns")
        inputs = []
    resolved = [str(base / i) for i in inputs]
    for given, full in zip(inputs, resolved):
        if not _matches(full):
            wrong(("inputs",), f"missing input: {given} names no file")
    outputs = data.get("outputs", ".")
    if not isinstance(outputs, str):
        wrong(("outputs",), "give a folder name")
        outputs = "."
    batch = data.get("batch", {})
    if not isinstance(batch, dict):
        wrong(("batch",), "give a table of batch options")
        batch = {}
    for key, value in batch.items():
        message = batch_problem(key, value)
        if message:
            wrong(("batch", key), message)
    pipeline = Pipeline(path, str(data.get("name", path.stem)), kind, resolved,
                        base / outputs, batch)
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        wrong(("steps",), "give at least one [[steps]] table")
        raw_steps = []
    for index, raw in enumerate(raw_steps):
        if not isinstance(raw, dict) or raw.get("step") not in STEPS:
            wrong(("steps", index, "step"), f"unknown step; choose from {', '.join(STEPS)}")
            continue
        step = Step(raw["step"], {k: v for k, v in raw.items() if k != "step"}, index)
        pipeline.steps.append(step)
        if check_step is not None and kind in registry.names():
            for option, message in check_step(step, pipeline):
                wrong(option if isinstance(option, tuple) else ("steps", index, option),
                      message)
    if problems:
        problems.sort(key=lambda p: (p.line is None, p.line or 0))
        raise PipelineError(path, problems)
    return pipeline
