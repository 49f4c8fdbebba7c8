"""Progress of a run: a rich bar (files done, rate, time left) on a terminal, one plain line
per file in a pipe or a log file, nothing when quiet. Always on stderr, in the command's
``--lang`` (English without one: the lines come before any workbook says its language)."""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Any, Callable, Iterator


@contextlib.contextmanager
def progress(label: str, total: int, mode: str = "auto", lang: str | None = None
             ) -> Iterator[Callable[[object], None]]:
    """A callback to call once per finished item. ``mode``: "auto" (a bar when stderr is a
    terminal, else lines), "bar", "lines" or "none"; ``lang`` "zh" says the lines and the
    bar's rate in Chinese (``validate：3/40 plans/sales.xlsx（1.2 秒）``), else English
    (``validate: 3/40 plans/sales.xlsx (1.2 s)``)."""
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "lines"
    if mode == "none" or total == 0:
        yield lambda _item: None
    elif mode == "lines":
        yield _lines(label, total, lang == "zh")
    else:
        with _bar(label, total, lang == "zh") as tick:
            yield tick


def _lines(label: str, total: int, zh: bool) -> Callable[[object], None]:
    start, done = time.monotonic(), [0]
    line = "{}：{}/{} {}（{:.1f} 秒）" if zh else "{}: {}/{} {} ({:.1f} s)"

    def tick(item: object) -> None:
        done[0] += 1
        print(line.format(label, done[0], total, item, time.monotonic() - start),
              file=sys.stderr, flush=True)

    return tick


def columns(zh: bool = False) -> tuple[Any, ...]:
    """The bar's columns: the command, the bar, files done of all, the rate and the time
    left. The rate is the files done over the time since the run began, and the time left
    the files to go at that rate: files read in a group finish together, and a rate taken
    between two of them (rich's own, over its last samples) would say thousands of files a
    second."""
    from rich.progress import BarColumn, MofNCompleteColumn, ProgressColumn, TextColumn
    from rich.text import Text

    def rate(task: Any) -> float | None:
        return task.completed / task.elapsed if task.completed and task.elapsed else None

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = rate(task)
            if speed is None:
                return Text("")
            return Text(f"{speed:.1f} 个文件/秒" if zh else f"{speed:.1f} files/s",
                        style="progress.data.speed")

    class Left(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = rate(task)
            if speed is None or task.total is None:
                return Text("-:--:--", style="progress.remaining")
            minutes, seconds = divmod(round(max(task.total - task.completed, 0) / speed), 60)
            hours, minutes = divmod(minutes, 60)
            return Text(f"{hours:d}:{minutes:02d}:{seconds:02d}", style="progress.remaining")

    return TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(), Left()


@contextlib.contextmanager
def _bar(label: str, total: int, zh: bool) -> Iterator[Callable[[object], None]]:
    from rich.console import Console
    from rich.progress import Progress

    with Progress(*columns(zh), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda _item: bar.advance(task)
