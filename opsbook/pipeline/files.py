"""The files a pipeline's steps write and read, checked across its steps before anything
runs: no file written by two steps, none read by a step before the step that writes it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: Step options naming one file a step writes (``outbox`` is a folder steps may share).
WRITES = ("out", "output", "annotate", "manifest")
#: Step options naming files a step reads: relative ones are relative to the pipeline file.
READS = ("history", "punches", "config", "cafile")


def key_text(path: tuple) -> str:
    """A key path as the messages say it: ``steps[2].out``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out


def _named(values: Any) -> list[tuple[int, str]]:
    """(place, value) of each file named by an option's value (one, or a list)."""
    return [(n, v) for n, v in enumerate(values if isinstance(values, list) else [values])
            if isinstance(v, str) and v.strip()]


def _absolute(folder: Path, value: str) -> str:
    return os.path.normpath(os.path.abspath(folder / value))


def clashes(pipeline: Any) -> list[tuple[tuple, str, str]]:
    """(key path, message, Chinese) for each file a step writes that a step writes too (an
    earlier step's results, its own ``out`` named twice, a manifest): the later would
    replace the earlier — a report over the summary it was made from, the JSON of a
    manifest over the results, one run's manifest over the other's."""
    written: dict[str, tuple] = {}  # the file (absolute) → the first key path writing it
    found = []
    for step in pipeline.steps:
        for key in WRITES:
            for n, value in _named(step.options.get(key)):
                target = _absolute(pipeline.outputs, value)
                first = written.setdefault(target, ("steps", step.index, key, n))
                if first[1:] == (step.index, key, n):
                    continue
                other = key_text(first[:3])
                what = ("the manifest", "清单") if "manifest" in (key, first[2]) else \
                    ("each output", "每个输出")
                found.append((("steps", step.index, key),
                              f"{value} is written by {other} too; give {what[0]} a file "
                              "of its own", f"{other} 也写入 {value}；请为{what[1]}另取文件名。"))
    return found


def read_too_early(pipeline: Any) -> list[tuple[tuple, str, str]]:
    """(key path, message, Chinese) for each file a step reads (its inputs, the pipeline's
    when it has none of its own, a file an option names) that this step or a later one
    writes, and no step before it: the step would read what an earlier run left there, or
    take its own output as its input. One not there yet is not told here: checking a
    step's options says it names no file that a step before writes."""
    writers: dict[str, tuple[int, str]] = {}  # the file (absolute) → (step, key) writing it
    for step in pipeline.steps:
        for key in WRITES:
            for _, value in _named(step.options.get(key)):
                writers.setdefault(_absolute(pipeline.outputs, value), (step.index, key))
    base, found, told = pipeline.path.parent, [], set()
    for step in pipeline.steps:
        if "inputs" in step.options:
            reads = [(("steps", step.index, "inputs"), value, _absolute(base, value))
                     for _, value in _named(step.options["inputs"])]
        else:  # the pipeline's own inputs (resolved already)
            reads = [(("inputs",), value, os.path.normpath(os.path.abspath(value)))
                     for value in pipeline.inputs]
        reads += [(("steps", step.index, key), value, _absolute(base, value))
                  for key in READS for _, value in _named(step.options.get(key))]
        for where, value, target in reads:
            writer = writers.get(target)
            # a file not there yet is told as a missing input (no step before writes it)
            if writer is None or writer[0] < step.index or (where, target) in told \
                    or not os.path.exists(target):
                continue
            told.add((where, target))
            by = key_text(("steps", *writer))
            if where == ("inputs",):
                found.append((where, f"{value} is written by {by}, and a step up to it reads "
                                     "it as its input; give the pipeline other inputs",
                              f"{value} 由 {by} 写出，而该步骤或其前的步骤会把它当作输入读取；"
                              "请为流水线另选输入。"))
            elif writer[0] == step.index:
                found.append((where, f"{value} is what this step writes ({by}); give it "
                                     "other inputs", f"{value} 是本步骤写出的文件（{by}）；"
                                                     "请为该步骤另选输入。"))
            else:
                found.append((where, f"{value} is written by {by}, a later step: this step "
                                     "would read the one an earlier run left; put the step "
                                     "that writes it first",
                              f"{value} 由其后的步骤 {by} 写出：本步骤会读到上次运行留下的"
                              "文件；请把写出它的步骤放在前面。"))
    return found
