"""``opsbook run PIPELINE.toml [--dry-run]``: a pipeline's steps, each one opsbook command.

A step runs exactly the command a person would type (printed first), so its options are
that command's options, checked against it before anything runs.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import typer

from opsbook import registry
from opsbook.cli import printing
from opsbook.cli.common import CannotRun

#: The command each step runs; ``compute`` runs the kind's computing command.
STEP_COMMANDS = {"validate": ("validate",), "report": ("report",), "email": ("email",)}
COMPUTE = {"appraisal": ("appraisal", "score"), "attendance": ("attendance", "summarize"),
           "plan": ("plan", "consolidate"), "project": ("project", "status")}
#: Options naming a file a step writes: relative ones go into the pipeline's outputs.
WRITES = ("out", "output", "annotate", "manifest", "outbox")
#: Options naming files a step reads: relative ones are relative to the pipeline file.
READS = ("history", "punches", "config", "cafile")


def command_words(step: str, kind: str) -> tuple[str, ...]:
    return COMPUTE[kind] if step == "compute" else STEP_COMMANDS[step]


def find(words: tuple[str, ...]) -> Any:
    """The click command of ``opsbook WORDS``, or None when this opsbook has none."""
    from opsbook.cli import app

    command: Any = typer.main.get_command(app)
    for word in words:
        command = getattr(command, "commands", {}).get(word)
        if command is None:
            return None
    return command


def _options(command: Any) -> dict[str, Any]:
    return {opt[2:].replace("-", "_"): param for param in command.params
            if param.param_type_name == "option" for opt in param.opts if opt.startswith("--")}


def arguments(step: Any, pipeline: Any) -> tuple[tuple[str, ...], list[str],
                                                list[tuple[Any, str]]]:
    """The command words and arguments of one step of a pipeline, and (option, message)
    for every mistake in its options (the option as written in the step, or its whole key
    path)."""
    pipeline_kind, inputs, outputs = pipeline.kind, pipeline.inputs, pipeline.outputs
    from opsbook.batch.cluster import scheduler_problem
    from opsbook.pipeline import batch_problem

    base = pipeline.path.parent  # a [batch] mistake is told once, by the pipeline's check
    batch = {k: v for k, v in pipeline.batch.items() if batch_problem(k, v) is None}
    words = command_words(step.name, pipeline_kind)
    command = find(words)
    if command is None:
        return words, [], [("step", f"'{step.name}' runs 'opsbook {' '.join(words)}', which "
                                    "this version of opsbook does not have")]
    given = dict(step.options)
    if "inputs" in given:
        own = given.pop("inputs")
        inputs = [str(base / i) for i in ([own] if isinstance(own, str) else own)]
    options, problems = _options(command), []
    entries: list[tuple[str, Any, list[str]]] = []  # (option as written, its param, its words)
    chosen = {**{k: v for k, v in batch.items() if k in options}, **given}
    if "kind" in options and "kind" not in chosen:
        chosen["kind"] = pipeline_kind
    if "manifest" in options and not any(k in chosen for k in WRITES):
        chosen["manifest"] = f"{step.name}.manifest.json"
    for key, value in chosen.items():
        param = options.get(key.replace("-", "_"))
        if param is None:
            problems.append((key, f"unknown option of 'opsbook {' '.join(words)}'"))
            continue
        flag = next(o for o in param.opts if o.startswith("--"))
        if key == "kind" and value not in registry.names():  # checked in the command's body
            problems.append((key, f"give one of {', '.join(registry.names())}"))
            continue
        unusable = scheduler_problem(value) if param.name == "scheduler" else None
        if unusable is not None:  # checked as the command starts
            problems.append((key, unusable.en))
            continue
        if param.is_flag:
            if not isinstance(value, bool):
                problems.append((key, "give true or false"))
            elif value:
                entries.append((key, param, [flag]))
            continue
        if isinstance(value, list) and not param.multiple:
            problems.append((key, "give one value, not a list"))
            continue
        said: list[str] = []
        for one in value if isinstance(value, list) else [value]:
            text = str(one)
            if key in WRITES and not Path(text).is_absolute():
                text = str(outputs / text)
            elif key in READS and not Path(text).is_absolute():
                text = str(base / text)
            said += [flag, text]
        entries.append((key, param, said))
    positional = [p for p in command.params if p.param_type_name == "argument"]
    head = inputs if positional else []
    told = None  # the inputs' argument, when they are a mistake already told
    if positional and positional[0].nargs == 1 and len(inputs) != 1:
        problems.append(("inputs", f"'opsbook {' '.join(words)}' takes one input; give the "
                                   "step its own inputs = [\"…\"]"))
        head, told = inputs[:1], positional[0].name
    for key, message in _refused(command, head, entries):
        if told is not None and key == told:
            continue
        name = key or "step"
        problems.append((("batch", name) if name in batch and name not in given else name,
                         message))
    return words, [*head, *(w for _, _, said in entries for w in said)], problems


def _refused(command: Any, head: list[str],
             entries: list[tuple[str, Any, list[str]]]) -> list[tuple[str | None, str]]:
    """(option as written, message) for every value the command's own parser refuses; for a
    refusal of no option of the step (a required option not given, the inputs) the name of
    what is refused, or None. Parsed, running nothing, again without each refused option
    until the rest is accepted."""
    refused: list[tuple[str | None, str]] = []
    entries = list(entries)
    while True:
        argv = [*head, *(w for _, _, said in entries for w in said)]
        try:  # what parsing holds (the command's --lang) ends with scope
            with typer.Context(command) as scope:
                command.make_context("opsbook", argv, parent=scope)
            return refused
        except Exception as error:  # the command line's BadParameter or UsageError
            param = getattr(error, "param", None)
            message = str(error.format_message() if hasattr(error, "format_message")
                          else error)
            bad = [e for e in entries if param is not None and e[1] is param]
            if not bad:
                return [*refused, (getattr(param, "name", None), message)]
            refused.append((bad[0][0], message))
            entries = [e for e in entries if e[1] is not param]


def _invoke(argv: list[str]) -> int:
    """Run one command in this process; its exit code."""
    from opsbook.api import CannotWrite, NothingToCalculate
    from opsbook.batch import BatchProblem, UpToDate
    from opsbook.cli import app
    from opsbook.io.atomic import WriteFailed

    try:
        done = typer.main.get_command(app).main(args=argv, prog_name="opsbook",
                                                standalone_mode=False)
        return done if isinstance(done, int) else 0
    except typer.Exit as stop:
        return stop.exit_code
    except SystemExit as stop:
        return 0 if stop.code is None else stop.code if isinstance(stop.code, int) else 2
    except (CannotRun, CannotWrite, NothingToCalculate, WriteFailed, BatchProblem) as error:
        printing.failed(error)
        return 2
    except UpToDate as done:
        printing.note(str(done))
        return 0


def run(file: Path = typer.Argument(..., help="A pipeline file (TOML, see docs/batch.md)."),
        dry_run: bool = typer.Option(False, "--dry-run",
                                     help="Check the file and print each step's command; "
                                          "run nothing.")) -> None:
    """Run a pipeline: its steps (validate, compute, report, email) over its inputs.

    The whole file is checked first; every mistake is told with its line and key and
    nothing runs (exit 2). Each step prints the command it runs. A step that exits 1 is done,
    with findings to follow up, and the pipeline goes on; one that exits 2 or more could not
    run and stops it. The pipeline's exit code is the highest of its steps' codes.
    """
    from opsbook.pipeline import PipelineError, read

    planned: dict[int, tuple[tuple[str, ...], list[str]]] = {}

    def check(step: Any, pipeline: Any) -> list[tuple[str, str]]:
        words, argv, problems = arguments(step, pipeline)
        planned[step.index] = (words, argv)
        return problems

    try:
        pipeline = read(file, check)
    except PipelineError as error:
        raise CannotRun(f"{file} cannot run:\n{error}") from None
    for number, step in enumerate(pipeline.steps, 1):
        words, argv = planned[step.index]
        printing.say(f"{number}. {shlex.join(['opsbook', *words, *argv])}")
    if dry_run:
        return
    pipeline.outputs.mkdir(parents=True, exist_ok=True)
    worst = 0
    for number, step in enumerate(pipeline.steps, 1):
        words, argv = planned[step.index]
        code = _invoke([*words, *argv])
        worst = max(worst, code)
        if code >= 2:
            printing.note(f"step {number} ({step.name}) exited {code}: it could not run; the "
                          "pipeline stops here")
            break
        if code == 1:
            printing.note(f"step {number} ({step.name}) exited 1: done, with findings to "
                          "follow up; the pipeline goes on")
    if worst:
        raise typer.Exit(worst)
