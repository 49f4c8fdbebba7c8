"""The files a pipeline's steps write and read, checked across its steps before anything
runs: no file written by two steps, none read by a step before the step that writes it."""

from __future__ import annotations

import fnmatch
import glob
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
    earlier step's results, its own ``out`` named twice, a manifest — one named, or the one
    an earlier step writes beside its output): the later would replace the earlier — a
    report over the summary it was made from, the JSON of a manifest over the results, one
    run's manifest over the other's."""
    written: dict[str, tuple] = {}  # the file (absolute) → the first key path writing it
    found = []
    for step in pipeline.steps:
        for key, n, value, beside in _writes(pipeline, step):
            target = _absolute(pipeline.outputs, value)
            first = written.setdefault(target, ("steps", step.index, key, n, beside))
            if first[1:] == (step.index, key, n, beside):
                continue
            other = key_text(first[:3])
            what = ("the manifest", "清单") if "manifest" in (key, first[2]) or first[4] \
                else ("each output", "每个输出")
            found.append((("steps", step.index, key),
                          f"{value} is written by {other} too; give {what[0]} a file "
                          "of its own", f"{other} 也写入 {value}；请为{what[1]}另取文件名。"))
    return found


def _writes(pipeline: Any, step: Any) -> list[tuple[str, int, str, bool]]:
    """(key, place, file as written, whether it is the manifest beside the output) for
    each file ``step`` writes: those its options name, and the manifest its command writes
    beside its output (:func:`manifest_beside`)."""
    named = [(key, n, value, False) for key in WRITES
             for n, value in _named(step.options.get(key))]
    beside = manifest_beside(pipeline, step)
    return named + [(named[0][0], 0, beside, True)] if beside is not None else named


def _first_output(step: Any) -> str | None:
    return next((v for key in ("out", "output") for n, v in _named(step.options.get(key))
                 if not n), None)


def manifest_beside(pipeline: Any, step: Any) -> str | None:
    """The manifest (relative to the outputs) that ``step``'s command writes beside its
    first output (``company.xlsx`` → ``company.manifest.json``) when the step names an
    output and no manifest, and no earlier step writes that file; else None."""
    return _besides(pipeline).get(step.index)


def _besides(pipeline: Any) -> dict[int, str | None]:
    """:func:`manifest_beside` of every step, in one pass over the steps in order (each
    step's files are looked at once, however many steps come before it)."""
    from opsbook.batch.manifest import beside

    taken: set[str] = set()  # the files (absolute) the steps so far write
    found: dict[int, str | None] = {}
    for step in pipeline.steps:
        named = [_absolute(pipeline.outputs, value) for key in WRITES
                 for _, value in _named(step.options.get(key))]
        first = _first_output(step)
        value = None if first is None or "manifest" in step.options else str(beside(first))
        if value is not None and _absolute(pipeline.outputs, value) in taken:
            value = None
        found[step.index] = value
        taken.update(named)
        if value is not None:
            taken.add(_absolute(pipeline.outputs, value))
    return found


def shares_manifest(pipeline: Any, step: Any) -> bool:
    """Whether ``step`` names an output whose manifest beside it an earlier step writes
    (``company.xlsx`` consolidated, then ``company.html`` reported: both beside
    ``company.manifest.json``): the step gets a manifest of its own, so that neither
    replaces the other's (the earlier step would never be up to date again)."""
    return _first_output(step) is not None and "manifest" not in step.options \
        and manifest_beside(pipeline, step) is None


def writes_of(pipeline: Any, step: Any) -> list[str]:
    """The files (absolute) that ``step`` names in its options as files it writes (``out``,
    ``manifest``, …; relative ones in the pipeline's outputs folder), in the order named."""
    return [_absolute(pipeline.outputs, value) for key in WRITES
            for _, value in _named(step.options.get(key))]


def reads_of(pipeline: Any, step: Any) -> list[tuple[tuple, str, str]]:
    """(key path, value as written, absolute path) of each file, folder or pattern ``step``
    reads: its own inputs (else the pipeline's) and the files its options name
    (``history``, ``punches``, …; relative ones to the pipeline file)."""
    base = pipeline.path.parent
    if "inputs" in step.options:
        reads = [(("steps", step.index, "inputs"), value, _absolute(base, value))
                 for _, value in _named(step.options["inputs"])]
    else:  # the pipeline's own inputs (resolved already)
        reads = [(("inputs",), value, os.path.normpath(os.path.abspath(value)))
                 for value in pipeline.inputs]
    return reads + [(("steps", step.index, key), value, _absolute(base, value))
                    for key in READS for _, value in _named(step.options.get(key))]


def names(target: str, made: str) -> bool:
    """Whether ``target`` (a file, a folder or a glob pattern, absolute) names ``made`` (an
    absolute file): the same file, one under the folder, or one the pattern matches (its
    folder's brackets taken as written too, as a run takes them: ``out[2026]/*.xlsx``)."""
    target, made = os.path.normpath(target), os.path.normpath(made)
    folder, name = os.path.split(target)
    return made == target or made.startswith(target.rstrip(os.sep) + os.sep) \
        or fnmatch.fnmatch(made, target) \
        or fnmatch.fnmatch(made, os.path.join(glob.escape(folder), name))


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
    found, told = [], set()
    for step in pipeline.steps:
        for where, value, target in reads_of(pipeline, step):
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


def states(paths: list[str]) -> dict[str, tuple[int, int, int] | None]:
    """What each file is now — (device, inode, modification time in ns), None when it is
    not there — to tell afterwards whether a step wrote it (written: replaced by a rename)."""
    found: dict[str, tuple[int, int, int] | None] = {}
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            found[path] = None
        else:
            found[path] = (info.st_dev, info.st_ino, info.st_mtime_ns)
    return found


def not_written(before: dict[str, tuple[int, int, int] | None], code: int) -> list[str]:
    """The files of ``before`` (:func:`states` as a step began) that the step did not write:
    not there now, or — when it exited other than 0 (exit 0 with its output as it was is a
    run that found it up to date) — the same file as before, which an earlier run left."""
    now = states(list(before))
    return [path for path, was in before.items()
            if now[path] is None or code != 0 and now[path] == was]


def unwritten_read(pipeline: Any, step: Any, unwritten: dict[str, int]
                   ) -> tuple[str, int, str] | None:
    """(what ``step`` reads as written, the number and name of the step that did not write
    it) for
    the first file ``step`` reads (or a folder or pattern it reads names) that an earlier
    step of this run should have written and did not (``unwritten``: file → step number),
    or None: the step would read what an earlier run left there."""
    for _, value, target in reads_of(pipeline, step):
        for made, number in unwritten.items():
            if names(target, made):
                return value, number, pipeline.steps[number - 1].name
    return None


def an_input(path: str, pipeline: Any) -> bool:
    """Whether ``path`` is one of the files the pipeline's inputs name (the same file, by
    any name): a step that writes there would replace a user's workbook."""
    from opsbook.batch import expand
    from opsbook.batch import manifest as manifests

    path = os.path.normpath(os.path.abspath(path))  # out/../plans/x.xlsx, out not made yet
    if not Path(path).is_file():
        return False
    files, _ = expand(pipeline.inputs, bool(pipeline.batch.get("recursive") is True))
    if os.path.realpath(path) not in {os.path.realpath(f) for f in files}:
        return False
    # an earlier run's output is skipped as an input, and replaced
    return not manifests.wrote(manifests.beside(path), path)
