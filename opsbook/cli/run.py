"""``opsbook run PIPELINE.toml [--dry-run]``: a pipeline's steps, each one opsbook command.

A step runs exactly the command a person would type (printed first), so its options are
that command's options, checked against it before anything runs.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import Any

import typer

from opsbook import registry
from opsbook.cli import printing
from opsbook.cli.common import CannotRun, given_path
from opsbook.cli.run_values import (
    kind_problems,
    mail_problems,
    one_book_problem,
    one_file_problem,
    value_problem,
)

#: The command each step runs; ``compute`` runs the kind's computing command.
STEP_COMMANDS = {"validate": ("validate",), "report": ("report",), "email": ("email",)}
COMPUTE = {"appraisal": ("appraisal", "score"), "attendance": ("attendance", "summarize"),
           "plan": ("plan", "consolidate"), "project": ("project", "status")}
#: The exit code of a step stopped by Ctrl-C.
INTERRUPTED = 130
#: Options naming a file a step writes: relative ones go into the pipeline's outputs
#: (those of opsbook.pipeline.files.WRITES, and the outbox folder).
WRITES = ("out", "output", "annotate", "manifest", "outbox")


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
                                                list[tuple[Any, str, str]]]:
    """The command words and arguments of one step of a pipeline, and (option, message,
    Chinese message) for every mistake in its options (the option as written in the step,
    or its whole key path). The files the step writes are added to ``pipeline.written``:
    a later step may take them as its inputs."""
    from opsbook.pipeline import batch_problem
    from opsbook.pipeline.files import READS, an_input, shares_manifest
    from opsbook.pipeline.spec import BATCH

    kinds = registry.names()
    pipeline_kind = pipeline.kind if pipeline.kind in kinds else None
    inputs, outputs, base = pipeline.inputs, pipeline.outputs, pipeline.path.parent
    # a [batch] mistake is told once, by the pipeline's check
    batch = {k: v for k, v in pipeline.batch.items() if batch_problem(k, v) is None}
    if step.name == "compute" and pipeline_kind is None:  # its command depends on the kind,
        for key in WRITES:  # whose mistake is told already; what it writes still counts
            values = step.options.get(key, [])
            pipeline.written += [outputs / v for v in (values if isinstance(values, list)
                                                       else [values]) if isinstance(v, str)]
        return (), [], []
    words = command_words(step.name, pipeline_kind or "")
    command = find(words)
    if command is None:
        return words, [], [("step", f"'{step.name}' runs 'opsbook {' '.join(words)}', which "
                                    "this version of opsbook does not have",
                            f"步骤“{step.name}”运行的“opsbook {' '.join(words)}”在此版本的 "
                            "opsbook 中没有。")]
    given = dict(step.options)
    problems: list[tuple[Any, str, str]] = []
    if "inputs" in given:
        own = given.pop("inputs")
        names = [own] if isinstance(own, str) else own
        if not isinstance(names, list) or not names \
                or not all(isinstance(n, str) for n in names):
            problems.append(("inputs", "give a list of files, folders or glob patterns",
                             "请写文件、文件夹或通配符路径的列表。"))
            names = []
        problems += [("inputs", "an empty path names no file; give a folder or a file",
                      "空路径不指向任何文件；请写文件夹或文件。") for n in names if not n.strip()]
        names = [n for n in names if n.strip()]
        inputs = [str(base / n) for n in names]
        problems += [("inputs", f"missing input: {n} names no file, and no step before "
                                "writes it",
                      f"缺少输入：{n} 未指向任何文件，之前的步骤也不会写出它。")
                     for n, full in zip(names, inputs) if not _found(full, pipeline.written)]
    options = _options(command)
    entries: list[tuple[str, Any, list[str]]] = []  # (option as written, its param, its words)
    named: dict[str, str] = {}  # the option (max_issues) → its key as written (max-issues)
    for key in list(given):
        first = named.setdefault(key.replace("-", "_"), key)
        if first != key:  # max_issues and max-issues: one option, given twice
            del given[key]
            problems.append((key, f"the same option as {first}; give it once",
                             f"与 {first} 是同一个选项；请只写一次。"))
    # a step's own value (fail-fast = false) stands over the [batch] table's (fail_fast)
    chosen = {**{k: v for k, v in batch.items() if k in options and k not in named}, **given}
    if "kind" in options and "kind" not in chosen and pipeline_kind is not None:
        chosen["kind"] = pipeline_kind
    if "manifest" in options and "manifest" not in chosen and (
            not any(k in chosen for k in WRITES) or shares_manifest(pipeline, step)):
        # one of its own (validate-2.manifest.json for a second validate; report.manifest.json
        # beside an earlier step's): a shared one makes --skip-unchanged read all each time
        same = sum(s.name == step.name for s in pipeline.steps if s.index < step.index)
        chosen["manifest"] = f"{step.name}{f'-{same + 1}' if same else ''}.manifest.json"
    for key, value in chosen.items():
        param = options.get(key.replace("-", "_"))
        if param is None:
            problems.append((key, f"unknown option of 'opsbook {' '.join(words)}'",
                             f"“opsbook {' '.join(words)}”没有此选项。"))
            continue
        flag = next(o for o in param.opts if o.startswith("--"))
        told = _wrong_value(key, value, param, kinds)
        if told is None and param.name in BATCH:  # as in [batch]: a scheduler too, which
            told = batch_problem(param.name, value)  # is checked as the command starts
        if told is not None:
            problems.append((key, *told))
            continue
        if param.is_flag:
            if value:
                entries.append((key, param, [flag]))
            continue
        said: list[str] = []
        for one in value if isinstance(value, list) else [value]:
            text = str(one)
            if (key in WRITES or key in READS) and not text.strip():
                said += [flag, text]  # as typed: the command's parser refuses an empty path,
                continue  # never the outputs folder or the pipeline's own folder
            if key in WRITES and not Path(text).is_absolute():
                text = str(outputs / text)
            elif key in READS and not Path(text).is_absolute():
                text = str(base / text)
            if key in READS and not _found(text, pipeline.written):
                problems.append((key, f"missing input: {one} names no file, and no step "
                                      "before writes it",
                                 f"缺少输入：{one} 未指向任何文件，之前的步骤也不会写出它。"))
            if key in WRITES:
                pipeline.written.append(Path(text))
                if an_input(text, pipeline):
                    problems.append((key, f"{one} is one of the pipeline's inputs; writing "
                                          "there would replace it",
                                     f"{one} 是流水线的输入文件之一；写入此处会覆盖该文件。"))
            said += [flag, text]
        told = value_problem(param.name, [v for v in said[1::2] if v.strip()
                                          or key not in WRITES], words, inputs)
        if told is not None:
            problems.append((key, *told))
        entries.append((key, param, said))
    as_named = {k.replace("-", "_"): v for k, v in chosen.items()}
    problems += [(named.get(k, k), *told) for k, *told in mail_problems(words, as_named, base)]
    own_kind = chosen.get("kind") if isinstance(chosen.get("kind"), str) else pipeline_kind
    problems += [(named.get(k, k), *told)  # the step's own kind (kind = "…") over the file's
                 for k, *told in kind_problems(words, own_kind, as_named)]
    positional = [p for p in command.params if p.param_type_name == "argument"]
    head = inputs if positional else []
    told_inputs = None  # the inputs' argument, when they are a mistake already told
    if positional and (not inputs or any(key == "inputs" for key, *_ in problems)):
        # no inputs: the pipeline's own are a mistake told already
        told_inputs = positional[0].name
    elif positional and positional[0].nargs == 1:
        one = one_file_problem(inputs, words)
        if one is not None:
            problems.append(("inputs", *one))
            head, told_inputs = inputs[:1], positional[0].name
    elif positional and (one := one_book_problem(words, chosen.get("kind"), inputs,
                                                 chosen.get("recursive") is True)):
        problems.append(("inputs", *one))  # a plan's report: of one plan
    told = {options[k.replace("-", "_")].name for k, *_ in problems
            if k.replace("-", "_") in options}  # a refusal of these says the same again
    for key, message, zh in _refused(command, head, entries):
        if told_inputs is not None and key == told_inputs or key in told:
            continue
        name = key or "step"
        problems.append((("batch", name) if name in batch and name not in given else name,
                         message, f"“opsbook {' '.join(words)}”不接受：{zh}"))
    return words, [*head, *(w for _, _, said in entries for w in said)], problems


def _wrong_value(key: str, value: Any, param: Any, kinds: list[str]
                 ) -> tuple[str, str] | None:
    """What is wrong with a step option's value by its TOML type, or None: a table is no
    option's value, a file is named in quotes, a flag is true or false, a list is for an
    option that may be repeated."""
    from opsbook.pipeline.files import READS

    values = value if isinstance(value, list) else [value]
    if any(isinstance(v, (dict, list)) for v in values):
        return "give a value, not a table", "请写一个值，而不是表。"
    if param.is_flag:
        return None if isinstance(value, bool) else ("give true or false",
                                                      "请写 true 或 false。")
    if isinstance(value, list) and not param.multiple:
        return "give one value, not a list", "请只写一个值，而不是列表。"
    if (key in WRITES or key in READS) and not all(isinstance(v, str) for v in values):
        return "give a file name in quotes", "请写带引号的文件名。"
    if key == "kind" and value not in kinds:  # checked in the command's body
        return f"give one of {', '.join(kinds)}", f"请写 {'、'.join(kinds)} 之一。"
    return None


def _found(path: str, written: list[Path]) -> bool:
    """Whether ``path`` (a file, a folder or a glob pattern) names a file now, or one that a
    step before writes (or a folder it writes into)."""
    from opsbook.pipeline.files import names
    from opsbook.pipeline.spec import matches

    target = os.path.abspath(path)
    return matches(path) or any(names(target, os.path.abspath(made)) for made in written)


def _refused(command: Any, head: list[str], entries: list[tuple[str, Any, list[str]]]
             ) -> list[tuple[str | None, str, str]]:
    """(option as written, message, the message in Chinese) for every value the command's
    own parser refuses; for a refusal of no option of the step (a required option not
    given, the inputs) the name of what is refused, or None. Parsed, running nothing, again
    without each refused option until the rest is accepted."""
    from opsbook.cli.usage import click_errors, in_chinese, plain

    refused: list[tuple[str | None, str, str]] = []
    dropped: list[Any] = []  # the params refused so far
    entries = list(entries)
    while True:
        argv = [*head, *(w for _, _, said in entries for w in said)]
        try:  # what parsing holds (the command's --lang) ends with scope
            with typer.Context(command) as scope:
                command.make_context("opsbook", argv, parent=scope)
            return refused
        except Exception as error:  # the command line's BadParameter or UsageError
            param = getattr(error, "param", None)
            message = plain(str(error.format_message() if hasattr(error, "format_message")
                                else error))
            zh = in_chinese(error) if isinstance(error, click_errors.ClickException) \
                else f"{message.rstrip('.')}。"
            bad = [e for e in entries if param is not None and e[1] is param]
            if not bad:  # a required option refused above is missing now: said once
                return refused if param is not None and param in dropped else \
                    [*refused, (getattr(param, "name", None), message, zh)]
            refused.append((bad[0][0], message, zh))
            dropped.append(param)
            entries = [e for e in entries if e[1] is not param]


def _invoke(argv: list[str]) -> int:
    """Run one command in this process; its exit code."""
    from opsbook.api import CannotWrite, NothingToCalculate
    from opsbook.batch import BatchProblem, Interrupted, UpToDate
    from opsbook.cli import app
    from opsbook.cli.usage import click_errors, show
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
        printing.notice(done)
        return 0
    except Interrupted as stopped:  # Ctrl-C in the step's batch: said, and the run stops
        printing.failed(stopped)
        return INTERRUPTED
    except typer.Abort:
        return 1
    except click_errors.ClickException as refused:  # checked before the run: not expected
        return show(refused, argv)


def run(file: Path = typer.Argument(..., parser=given_path,
                                    help="A pipeline file (TOML, see docs/batch.md)."),
        dry_run: bool = typer.Option(False, "--dry-run",
                                     help="Check the file and print each step's command; "
                                          "run nothing.")) -> None:
    """Run a pipeline: its steps (validate, compute, report, email) over its inputs.

    The whole file is checked first; every mistake is told with its line and key and
    nothing runs (exit 2). Each step prints the command it runs. A step that exits 1 is done,
    with findings to follow up, and the pipeline goes on; one that exits 2 or more could not
    run and stops it. The pipeline's exit code is the highest of its steps' codes.
    """
    from opsbook.batch.pool import interrupt_on_term
    from opsbook.pipeline import PipelineError, read
    from opsbook.pipeline.files import not_written, states, unwritten_read, writes_of

    interrupt_on_term()  # a scheduled job stopped (SIGTERM) ends as Ctrl-C ends it
    planned: dict[int, tuple[tuple[str, ...], list[str]]] = {}

    def check(step: Any, pipeline: Any) -> list[tuple[str, str, str]]:
        words, argv, problems = arguments(step, pipeline)
        _own_lang()  # the step's --lang, parsed to check it, is not the pipeline's
        planned[step.index] = (words, argv)
        return problems

    try:
        pipeline = read(file, check)
    except PipelineError as error:
        raise CannotRun(f"{file} cannot run:\n{error}", f"{file} 无法运行：\n{error.zh}") \
            from None
    if dry_run:
        for number, step in enumerate(pipeline.steps, 1):
            _announce(number, *planned[step.index])
        return
    try:
        pipeline.outputs.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # made a file since the check, or not allowed
        from opsbook.pipeline.spec import os_reason

        en, zh = os_reason(error)
        raise CannotRun(f"{file}: the outputs folder {pipeline.outputs} cannot be made: {en}",
                        f"{file}：无法创建输出文件夹 {pipeline.outputs}：{zh}。") from None
    worst, unwritten = 0, {}  # a file a step should have written and did not → its number
    for number, step in enumerate(pipeline.steps, 1):
        words, argv = planned[step.index]
        stale = unwritten_read(pipeline, step, unwritten)
        if stale is not None:  # it would read what an earlier run left there
            worst, (name, by, did) = max(worst, 2), stale
            _tell(f"step {number} ({step.name}) is not run: it reads {name}, which step {by} "
                  f"({did}) did not write in this run; the pipeline stops here",
                  f"第 {number} 步（{step.name}）未运行：它读取的 {name} 本次未由第 {by} 步"
                  f"（{did}）写出；流水线在此停止。")
            break
        before = states(writes_of(pipeline, step))
        _announce(number, words, argv)  # just before it runs: a log shows where each begins
        try:
            code = _invoke([*words, *argv])
        except Exception:  # unexpected: main() says it and keeps the details
            _tell(f"step {number} ({step.name}) failed unexpectedly; the pipeline stops here",
                  f"第 {number} 步（{step.name}）意外失败；流水线在此停止。")
            raise
        worst = max(worst, code)
        unwritten.update((path, number) for path in not_written(before, code))
        if code == INTERRUPTED:
            _tell(f"step {number} ({step.name}) was interrupted; the pipeline stops here",
                  f"第 {number} 步（{step.name}）已中断；流水线在此停止。")
            break
        if code >= 2:
            _tell(f"step {number} ({step.name}) exited {code}: it could not run, or an "
                  "input could not be read at all; the pipeline stops here",
                  f"第 {number} 步（{step.name}）退出码 {code}：无法运行，或有输入文件完全"
                  "无法读取；流水线在此停止。")
            break
        missed = ", ".join(os.path.relpath(p, pipeline.path.parent) for p, n
                           in unwritten.items() if n == number)
        if code == 1 and missed:
            _tell(f"step {number} ({step.name}) exited 1: findings to follow up, and it did "
                  f"not write {missed}; the pipeline goes on", f"第 {number} 步（{step.name}）"
                  f"退出码 1：有待跟进的问题，且未写出 {missed}；流水线继续。")
        elif code == 1:
            _tell(f"step {number} ({step.name}) exited 1: done, with findings to follow up; "
                  "the pipeline goes on",
                  f"第 {number} 步（{step.name}）退出码 1：已完成，有待跟进的问题；流水线继续。")
    if worst:
        raise typer.Exit(worst)


def _announce(number: int, words: tuple[str, ...], argv: list[str]) -> None:
    """Print a step's command line, numbered, at once (before its own output)."""
    printing.say(f"{number}. {shlex.join(['opsbook', *words, *argv])}")
    sys.stdout.flush()
    sys.stderr.flush()


def _own_lang() -> None:
    """Forget the ``--lang`` a step's command chose as it was parsed to check it (parsing
    keeps it for the error that ends a command): the pipeline has none, and its refusal is
    said in English and then in Chinese, whatever the last step checked chose."""
    with printing.speaking(None):
        pass


def _tell(en: str, zh: str) -> None:
    """A pipeline's own notice on stderr, in English and then in Chinese (a pipeline has
    no --lang: its steps each have their own)."""
    printing.note(en)
    printing.note(zh)
