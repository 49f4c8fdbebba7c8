"""The options every multi-file command shares, as one value and as Typer options added to a
command by one decorator."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import os
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from opsbook.batch.cluster import BatchProblem, scheduler_problem


def cores() -> int:
    """The processors this process may use (the default of ``jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def jobs_problem(jobs: Any) -> BatchProblem | None:
    """Why ``jobs`` cannot be a number of processes (not a whole number, below 1), or None;
    None itself is the machine's cores."""
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        return BatchProblem(f"jobs {jobs!r} cannot be used: give a whole number, 1 or more (or "
                            "None for the machine's cores)", f"jobs“{jobs}”无法使用：请给出"
                            "不小于 1 的整数（None 表示本机的处理器数）。")
    return None


#: How a run shows its progress (``BatchOptions.progress``).
PROGRESS = ("auto", "bar", "lines", "none")


@dataclass(frozen=True)
class BatchOptions:
    """How a run over many files goes.

    ``jobs``: processes (None: the machine's cores; 1: in this process). ``scheduler``:
    ``"local"`` (a Dask LocalCluster of ``jobs`` processes on loopback) or a Dask scheduler's
    address ``tcp://host:port``; None runs here. ``recursive``: descend into sub-folders.
    ``fail_fast``: stop at the first file with an error. ``manifest``: where the run's
    manifest goes (default: beside the command's output, if it has one). ``skip_unchanged``:
    pass over inputs whose SHA-256 and settings match that manifest. ``progress``: "auto"
    (a bar on a terminal, lines otherwise), "bar", "lines" or "none" (``quiet``), said in
    ``lang`` ("zh" or "en"; None: English), the command's ``--lang``.

    A ``scheduler`` that is neither "local" nor an address, ``jobs`` below 1 or not a whole
    number, an unknown ``progress`` or ``lang`` raises
    :class:`~opsbook.batch.cluster.BatchProblem` here, before anything is read.
    """

    jobs: int | None = None
    quiet: bool = False
    fail_fast: bool = False
    skip_unchanged: bool = False
    scheduler: str | None = None
    recursive: bool = False
    manifest: Path | None = None
    progress: str = "none"
    lang: str | None = None

    def __post_init__(self) -> None:
        problem = None if self.scheduler is None else scheduler_problem(self.scheduler)
        if problem is not None:
            raise problem
        problem = jobs_problem(self.jobs)
        if problem is not None:
            raise problem
        if self.manifest is not None and not str(self.manifest).strip():
            # an unset variable in a script: no manifest written at all, or one named " "
            raise BatchProblem("manifest: an empty path names no file; give the manifest's "
                               "file name (or None: beside the output)",
                               "manifest：空路径不指向任何文件；请写清单的文件名"
                               "（None 表示写在输出旁）。")
        if self.progress not in PROGRESS:
            raise BatchProblem(f"progress {self.progress!r} cannot be used: give one of "
                               f"{', '.join(PROGRESS)}", f"progress“{self.progress}”无法使用："
                               f"请写 {'、'.join(PROGRESS)} 之一。")
        if self.lang not in (None, "en", "zh"):
            raise BatchProblem(f"lang {self.lang!r} cannot be used: give 'en' or 'zh' (or None)",
                               f"lang“{self.lang}”无法使用：请写 en 或 zh（或 None）。")

    @property
    def workers(self) -> int:
        return self.jobs or cores()

    def replace(self, **changes: Any) -> BatchOptions:
        return dataclasses.replace(self, **changes)


def given_path(text: str | Path) -> Path:
    """A path argument or option as typed; an empty one (an unset variable: ``"$PLANS"``) is
    refused, where the command line would make it the current folder. A default given as a
    Path is taken as it is."""
    if isinstance(text, Path):
        return text
    if not text.strip():
        import typer

        raise typer.BadParameter("an empty path names no file; give a folder or a file")
    return Path(text)


#: The shared command-line options: (name, type, default, flags, help).
OPTIONS: tuple[tuple[str, Any, Any, tuple[str, ...], str], ...] = (
    ("jobs", int | None, None, ("--jobs", "-j"),
     "Processes to use (default: the machine's cores; 1 runs in this process)."),
    ("quiet", bool, False, ("--quiet", "-q"), "No progress bar or progress lines."),
    ("fail_fast", bool, False, ("--fail-fast",), "Stop at the first file with an error."),
    ("skip_unchanged", bool, False, ("--skip-unchanged",),
     "Skip inputs whose checksum and settings match the last manifest."),
    ("scheduler", str | None, None, ("--scheduler",),
     "Run on Dask: 'local' or tcp://HOST:PORT (needs the cluster extra, [cluster])."),
    ("recursive", bool, False, ("--recursive", "-r"), "Descend into sub-folders."),
    ("manifest", Path | None, None, ("--manifest",),
     "Write the run manifest here (default: beside the output)."),
)


def batch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Give a Typer command the shared options; it receives them as ``batch: BatchOptions``
    (progress "auto", or "none" with --quiet, in the command's own ``--lang``), and SIGTERM
    ends it as Ctrl-C does (:func:`opsbook.batch.pool.interrupt_on_term`)::

        @app.command()
        @batch_options
        def summarize(paths: list[Path] = typer.Argument(...), *, batch: BatchOptions): ...
    """
    import typer

    hints = typing.get_type_hints(command)
    own = [p.replace(annotation=hints.get(p.name, p.annotation))
           for p in inspect.signature(command).parameters.values() if p.name != "batch"]
    extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind,
                               default=typer.Option(default, *flags, help=text,
                                                    **({"min": 1} if name == "jobs" else {}),
                                                    **({"parser": given_path}
                                                       if Path in typing.get_args(kind) else {})))
             for name, kind, default, flags, text in OPTIONS]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from opsbook.batch.pool import interrupt_on_term

        interrupt_on_term()  # a scheduled job stopped (SIGTERM) ends as Ctrl-C ends it
        chosen = {name: kwargs.pop(name) for name, *_ in OPTIONS}
        lang = kwargs.get("lang")  # the command's --lang (a Lang), which progress speaks too
        lang = str(getattr(lang, "value", lang)).lower() if lang is not None else None
        options = BatchOptions(**chosen, progress="none" if chosen["quiet"] else "auto",
                               lang=lang if lang in ("en", "zh") else None)
        return command(*args, batch=options, **kwargs)

    wrapper.__signature__ = inspect.Signature(own + extra)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in own + extra}
    return wrapper
