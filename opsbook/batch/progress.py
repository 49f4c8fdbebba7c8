"""Progress of a run: a rich bar (files done, rate, time left) on a terminal, one plain line
per file in a pipe or a log file, nothing when quiet. Always on stderr."""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Callable, Iterator


@contextlib.contextmanager
def progress(label: str, total: int, mode: str = "auto"
             ) -> Iterator[Callable[[object], None]]:
    """A callback to call once per finished item. ``mode``: "auto" (a bar when stderr is a
    terminal, else lines), "bar", "lines" or "none"."""
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "lines"
    if mode == "none" or total == 0:
        yield lambda _item: None
    elif mode == "lines":
        yield _lines(label, total)
    else:
        with _bar(label, total) as tick:
            yield tick


def _lines(label: str, total: int) -> Callable[[object], None]:
    start, done = time.monotonic(), [0]

    def tick(item: object) -> None:
        done[0] += 1
        elapsed = time.monotonic() - start
        print(f"{label}: {done[0]}/{total} {item} ({elapsed:.1f} s)", file=sys.stderr,
              flush=True)

    return tick


@contextlib.contextmanager
def _bar(label: str, total: int) -> Iterator[Callable[[object], None]]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:  # noqa: ANN001 - rich's Task
            return Text(f"{task.speed:.1f} files/s" if task.speed else "")

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(),
               TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda _item: bar.advance(task)
