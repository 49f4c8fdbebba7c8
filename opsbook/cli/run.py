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
                                                list[tuple[str, str]]]:
    """The command words and arguments of one step of a pipeline, and (option, message)
    per mistake."""
    pipeline_kind, inputs, outputs = pipeline.kind, pipeline.inputs, pipeline.outputs
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
    options, problems, argv = _options(command), [], []
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
        if param.is_flag:
            if not isinstance(value, bool):
                problems.append((key, "give true or false"))
            elif value:
                argv.append(flag)
            continue
        if isinstance(value, list) and not param.multiple:
            problems.append((key, "give one value, not a list"))
            continue
        for one in value if isinstance(value, list) else [value]:
            text = str(one)
            if key in WRITES and not Path(text).is_absolute():
                text = str(outputs / text)
            elif key in READS and not Path(text).is_absolute():
                text = str(base / text)
            argv += [flag, text]
    positional = [p for p in command.params if p.param_type_name == "argument"]
    if positional and positional[0].nargs == 1 and len(inputs) != 1:
        problems.append(("inputs", f"'opsbook {' '.join(words)}' takes one input; give the "
                                   "step its own inputs = [\"…\"]"))
    if positional:
        argv = [*inputs, *argv]
    if not problems:
        try:  # the command's own parser checks every value, running nothing; what parsing
            with typer.Context(command) as scope:  # holds (its --lang) ends with scope
                command.make_context("opsbook", list(argv), parent=scope)
        except Exception as error:  # the command line's BadParameter or UsageError
            name = getattr(getattr(error, "param", None), "name", None) or "step"
            where = ("batch", name) if name in batch and name not in given else name
            message = error.format_message() if hasattr(error, "format_message") else error
            problems.append((where, str(message)))
    return words, argv, problems


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
        return stop.code if isinstance(stop.code, int) else 2
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

    The whole file is checked first; a mistake is told with its line and key and nothing
    runs (exit 2). Each step prints the command it runs; the first step that does not exit
    0 stops the pipeline with that step's code.
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
    for number, step in enumerate(pipeline.steps, 1):
        words, argv = planned[step.index]
        code = _invoke([*words, *argv])
        if code:
            printing.note(f"step {number} ({step.name}) exited {code}; the pipeline stops here")
            raise typer.Exit(code)
