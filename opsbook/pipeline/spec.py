"""A pipeline file: what a scheduled job runs with one command (``opsbook run FILE``).

TOML; docs/batch.md documents every key. Read and checked whole before anything runs: a
mistake is a :class:`PipelineError` naming the file, the line and the key.
"""

from __future__ import annotations

import glob
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from opsbook import registry
from opsbook.batch.cluster import scheduler_problem
from opsbook.core.tomllines import line_of, lines_of
from opsbook.core.tomltext import NotText, decoded, syntax
from opsbook.pipeline.files import READS, WRITES, clashes, key_text, read_too_early

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The steps a pipeline may run, in the order they make sense.
STEPS = ("validate", "compute", "report", "email")
TOP = {"name", "kind", "inputs", "outputs", "batch", "steps"}
#: Keys that ask when to run: a pipeline file says what to run, not when.
WHEN = {"schedule", "cron", "when", "at", "every", "time", "timer"}
#: The shared batch options a ``[batch]`` table may set, with their types.
BATCH = {"jobs": int, "quiet": bool, "fail_fast": bool, "skip_unchanged": bool,
         "scheduler": str, "recursive": bool}

#: What a step without its ``step`` key is told in Chinese.
MISSING_STEP_ZH = '缺少 step = "…"'


@dataclass
class Problem:
    """One mistake: the line (None when not found), the key path, what is wrong (``zh``: the
    same in Chinese), and the column when it is known (a TOML syntax error, a byte that is
    not UTF-8)."""

    line: int | None
    key: str
    message: str
    column: int | None = None
    zh: str | None = None

    def where(self) -> str:
        """``LINE`` or ``LINE:COLUMN`` (``?`` when the line is not known)."""
        return f"{self.line or '?'}{f':{self.column}' if self.line and self.column else ''}"


class PipelineError(Exception):
    """A pipeline file that cannot run; ``problems`` lists every mistake found, in the
    order of their lines. ``str()`` tells them in English, ``zh`` in Chinese, one a line as
    ``FILE:LINE: KEY: WHAT``."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path, self.problems = path, problems
        super().__init__("\n".join(f"{_at(path, p, ': ')}: {p.message}" for p in problems))
        self.zh = "\n".join(f"{_at(path, p, '：')}：{p.zh or p.message}" for p in problems)


def _at(path: Path, problem: Problem, colon: str) -> str:
    """``FILE:LINE[:COLUMN]`` and ``KEY`` (joined by ``colon``) as far as each is known: a
    mistake of the whole file (it cannot be read, it is no TOML) has no key, one of a file
    that cannot be read no line."""
    where = f"{path}:{problem.where()}" if problem.line else str(path)
    return where if problem.key == "-" else f"{where}{colon}{problem.key}"


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
    the shared batch options and the steps; ``written``: the files the steps checked so far
    write (a later step may read them)."""

    path: Path
    name: str
    kind: str
    inputs: list[str]
    outputs: Path
    batch: dict[str, Any]
    steps: list[Step] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


#: What to write for a value of each type, in English and Chinese.
GIVE = {int: ("give a whole number", "请写整数"),
        bool: ("give true or false", "请写 true 或 false"),
        str: ("give text in quotes", "请写带引号的文字")}


def batch_problem(key: str, value: Any) -> tuple[str, str] | None:
    """What is wrong with one entry of the ``[batch]`` table, in English and Chinese, or
    None."""
    if key not in BATCH:
        return (f"unknown batch option; choose from {', '.join(BATCH)}",
                f"未知的批处理选项；请从 {'、'.join(BATCH)} 中选择。")
    if not isinstance(value, BATCH[key]) or BATCH[key] is int and isinstance(value, bool):
        en, zh = GIVE[BATCH[key]]
        return en, f"{zh}。"
    if key == "jobs" and value < 1:
        return "give 1 or more", "请写 1 或更大的整数。"
    if key == "scheduler":
        unusable = scheduler_problem(value)
        return (unusable.en, unusable.zh or unusable.en) if unusable is not None else None
    return None


def _syntax(text: str, error: Exception) -> Problem:
    """A TOML syntax error as a Problem, with its line and column."""
    line, column, en, zh = syntax(text, error)
    return Problem(line, "-", en, column, zh)


def _file_in(folder: Path) -> Path | None:
    """The file that stands where ``folder`` (or a folder above it) would be, or None."""
    there = next((p for p in (folder, *folder.parents) if p.exists()), None)
    return there if there is not None and not there.is_dir() else None


def os_reason(error: OSError) -> tuple[str, str]:
    """Why a file or folder could not be read or made, in English and in Chinese words."""
    import errno

    known = {errno.ENOENT: ("no such file", "文件不存在"),
             errno.EISDIR: ("a folder, not a pipeline file", "这是文件夹，不是流水线文件"),
             errno.EACCES: ("no permission", "没有权限"),
             errno.EPERM: ("no permission", "没有权限"),
             errno.EEXIST: ("a file of that name is there", "已有同名文件"),
             errno.ENOTDIR: ("a file stands where a folder should be",
                             "路径中有一段是文件而不是文件夹"),
             errno.ENOSPC: ("the disk is full", "磁盘已满"),
             errno.EROFS: ("the disk is read-only", "磁盘为只读")}
    reason = error.strerror or str(error)
    return known.get(error.errno, (reason, f"系统错误（{reason}）"))


def _unreadable(error: OSError) -> Problem:
    """A pipeline file that cannot be read, said in words in both languages."""
    en, zh = os_reason(error)
    return Problem(None, "-", f"cannot be read: {en}", zh=f"无法读取：{zh}。")




#: Keys of a step naming files or folders (besides ``inputs``): those it writes and reads.
PATH_KEYS = (*WRITES, "outbox", *READS)
#: What a control character in a path is: a TOML escape in "double quotes".
ESCAPES = {"\n": ("a line break", "换行符", "\\n"), "\t": ("a tab", "制表符", "\\t"),
           "\r": ("a carriage return", "回车符", "\\r"), "\b": ("a backspace", "退格符", "\\b"),
           "\f": ("a form feed", "换页符", "\\f")}


def _as_path(value: Any, where: tuple, found: list[tuple[tuple, str, str]]) -> Any:
    """A path value as this system reads it: ``\\`` between folders (as written on Windows,
    ``'plans\\sales.xlsx'``) is ``/`` where ``/`` is the separator, so that a pipeline runs
    wherever it is taken; a control character (``\\n`` of ``"C:\\new"`` in double quotes,
    a TOML escape) is a mistake added to ``found``, and read as the two characters typed."""
    if isinstance(value, list):
        return [_as_path(v, where, found) for v in value]
    if not isinstance(value, str):
        return value
    bad = [c for c in value if ord(c) < 32]
    if bad:
        def typed(c: str) -> str:
            return ESCAPES[c][2] if c in ESCAPES else f"\\x{ord(c):02x}" if ord(c) < 32 else c

        en, zh, _ = ESCAPES.get(bad[0], ("a control character", "控制字符", ""))
        shown, escape = "".join(typed(c) for c in value), typed(bad[0])
        found.append((where, f'{shown} holds {en}: in "double quotes" {escape} is an escape; '
                             "write paths with / or in 'single quotes'",
                      f"{shown} 含有{zh}：在双引号中 {escape} 是转义符；路径请用 / 或单引号。"))
        value = shown
    return value.replace("\\", "/") if os.sep == "/" else value


def _paths(data: dict[str, Any]) -> list[tuple[tuple, str, str]]:
    """Every path value of a pipeline's TOML (its inputs and outputs, its steps' inputs
    and files) read as a path (:func:`_as_path`), in place; the mistakes found."""
    found: list[tuple[tuple, str, str]] = []
    for key in ("inputs", "outputs"):
        if key in data:
            data[key] = _as_path(data[key], (key,), found)
    steps = data.get("steps")
    for index, step in enumerate(steps if isinstance(steps, list) else []):
        for key in ("inputs", *PATH_KEYS):
            if isinstance(step, dict) and key in step:
                step[key] = _as_path(step[key], ("steps", index, key), found)
    return found


def matches(pattern: str) -> bool:
    """Whether a path (a file, a folder or a glob pattern) names something now, read as a
    run reads it: a folder named with brackets (``2026[Q1]/*.xlsx``) taken as written."""
    from opsbook.batch.sources import literal_brackets

    return Path(pattern).exists() \
        or bool(glob.glob(literal_brackets(pattern, True), recursive=True))


def read(path: str | Path,
         check_step: Callable[[Step, Pipeline], list[tuple[Any, str]]] | None = None
         ) -> Pipeline:
    """Read and check a pipeline file. ``check_step(step, pipeline)`` gives (option, message)
    or (option, message, Chinese message) for each mistake in a step's options, the option
    as its name or its whole key path (the command line checks them against the command
    each step runs). Raises :class:`PipelineError` with every mistake found."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PipelineError(path, [_unreadable(error)]) from None
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # a workbook (zip, or .xls)
        raise PipelineError(path, [Problem(
            None, "-", "a workbook, not a pipeline file: give the pipeline's .toml file",
            zh="这是工作簿，不是流水线文件：请给出流水线的 .toml 文件。")])
    try:
        text = decoded(raw)
    except NotText as bad:
        raise PipelineError(path, [Problem(
            bad.line, "-", f"not UTF-8 text (byte 0x{bad.byte:02x}); save the file as UTF-8",
            bad.column, f"不是 UTF-8 文本（字节 0x{bad.byte:02x}）；请以 UTF-8 编码保存该文件。")]
                            ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PipelineError(path, [_syntax(text, error)]) from None
    lines = lines_of(text)
    problems: list[Problem] = []

    def wrong(where: tuple, message: str, zh: str | None = None) -> None:
        problems.append(Problem(line_of(lines, where), key_text(where), message, zh=zh))

    for where, message, zh in _paths(data):
        wrong(where, message, zh)

    for key in sorted(set(data) - TOP):
        when = key.lower() in WHEN
        wrong((key,), f"unknown key; a pipeline has {', '.join(sorted(TOP))}"
                      + ("; when it runs is up to what starts it (cron, Task Scheduler)"
                         if when else ""),
              f"未知的键；流水线的键为 {'、'.join(sorted(TOP))}"
              + ("；何时运行由启动它的计划任务决定（cron、任务计划程序）" if when else "") + "。")
    if not isinstance(data.get("name", ""), str):
        wrong(("name",), "give the pipeline's name in quotes", "请写带引号的流水线名称。")
    kind = data.get("kind")
    kinds = registry.names()
    if kind not in kinds:
        wrong(("kind",), f"{'' if 'kind' in data else 'missing; '}give one of {', '.join(kinds)}",
              f"{'' if 'kind' in data else '缺少此键；'}请写 {'、'.join(kinds)} 之一。")
    base = path.parent
    inputs = data.get("inputs")
    if isinstance(inputs, str):
        inputs = [inputs]
    if not isinstance(inputs, list) or not inputs or not all(isinstance(i, str) for i in inputs):
        absent = "inputs" not in data
        wrong(("inputs",), f"{'missing; ' if absent else ''}give a list of files, folders or "
              "glob patterns",
              f"{'缺少此键；' if absent else ''}请写文件、文件夹或通配符路径的列表。")
        inputs = []
    resolved = [str(base / i) for i in inputs]
    for given, full in zip(inputs, resolved):
        if not given.strip():  # the pipeline's own folder is no input named
            wrong(("inputs",), "an empty path names no file; give a folder or a file",
                  "空路径不指向任何文件；请写文件夹或文件。")
        elif not matches(full):
            wrong(("inputs",), f"missing input: {given} names no file",
                  f"缺少输入：{given} 未指向任何文件。")
    outputs = data.get("outputs", ".")
    if not isinstance(outputs, str):
        wrong(("outputs",), "give a folder name in quotes", "请写带引号的文件夹名称。")
        outputs = "."
    elif not outputs.strip():  # a value left blank: never the pipeline's folder unasked
        wrong(("outputs",), "an empty path names no folder; give the outputs folder (without "
              "outputs = …, the pipeline's own folder)",
              "空路径不指向任何文件夹；请写输出文件夹（不写 outputs 即为流水线所在的文件夹）。")
        outputs = "."
    elif (blocked := _file_in(base / outputs)) is not None:
        wrong(("outputs",), f"{blocked} is a file; give a folder for the outputs",
              f"{blocked} 是文件；请为输出指定一个文件夹。")
        outputs = "."
    batch = data.get("batch", {})
    if not isinstance(batch, dict):
        wrong(("batch",), "give a table of batch options: [batch]", "请写批处理选项表 [batch]。")
        batch = {}
    for key, value in batch.items():
        told = batch_problem(key, value)
        if told:
            wrong(("batch", key), *told)
    resolved = [full for given, full in zip(inputs, resolved) if given.strip()]  # told
    pipeline = Pipeline(path, str(data.get("name", path.stem)), kind, resolved,
                        base / outputs, batch)
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        wrong(("steps",), "give at least one [[steps]] table", "请至少写一个 [[steps]] 表。")
        raw_steps = []
    for index, raw in enumerate(raw_steps):
        if not isinstance(raw, dict) or raw.get("step") not in STEPS:
            said = "unknown step" if isinstance(raw, dict) and "step" in raw else \
                "missing step = \"…\""
            wrong(("steps", index, "step"), f"{said}; choose from {', '.join(STEPS)}",
                  f"{'未知的步骤' if said == 'unknown step' else MISSING_STEP_ZH}；"
                  f"请从 {'、'.join(STEPS)} 中选择。")
            continue
        step = Step(raw["step"], {k: v for k, v in raw.items() if k != "step"}, index)
        pipeline.steps.append(step)
        if check_step is not None:
            for option, *told in check_step(step, pipeline):
                wrong(option if isinstance(option, tuple) else ("steps", index, option),
                      *told)
    for where, message, zh in [*clashes(pipeline), *read_too_early(pipeline)]:
        wrong(where, message, zh)
    if problems:
        problems.sort(key=lambda p: (p.line is None, p.line or 0))
        raise PipelineError(path, problems)
    return pipeline
