"""What the Python functions are given, checked before any file is read: sources that are
paths, options that are BatchOptions; anything else is refused in words (a ValueError, its
``zh`` in Chinese), never a KeyError or TypeError from inside the reading."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterable

from opsbook.core.book import Book
from opsbook.core.said import Refused

if TYPE_CHECKING:
    from opsbook.api.common import Sources


def given(sources: Sources) -> None:
    """ValueError when ``sources`` names nothing at all (an empty list): a run over no input
    is a mistake, not a run that found nothing wrong."""
    if isinstance(sources, (list, tuple, set)) and not sources:
        raise Refused("no input: name at least one workbook, folder or glob pattern",
                      "没有输入：请至少指定一个工作簿、文件夹或通配符路径。")


def batch_options(options: object) -> None:
    """Refused (a ValueError, its ``zh`` in Chinese) for ``options`` that are neither None
    nor :class:`~opsbook.batch.BatchOptions`."""
    from opsbook.batch import BatchOptions

    if options is not None and not isinstance(options, BatchOptions):
        what = type(options).__name__
        raise Refused(f"options are a BatchOptions (opsbook.BatchOptions(jobs=2, ...)), got "
                      f"{what}", f"options 应为 BatchOptions（例如 opsbook.BatchOptions(jobs=2)），"
                      f"当前为 {what}。")


def paths_only(paths: object, who: str,
               whose: tuple[str, str] = ("the workbooks", "工作簿"),
               forms: tuple[str, str] = ("files, folders or glob patterns",
                                         "文件、文件夹或通配符")) -> Sources:
    """``paths`` as given (one path) or as a list (several: a generator is read once), or
    Refused (a ValueError, before any file is read) when they are something other than
    paths — a Book already loaded (its file is what is read), a number, None — said in
    words naming ``who`` takes them, ``whose`` paths and the ``forms`` they may take
    (English, Chinese), never a KeyError or TypeError from inside the reading."""
    if isinstance(paths, (str, os.PathLike)):
        return paths
    items = list(paths) if isinstance(paths, Iterable) and not isinstance(paths, Book) \
        else [paths]
    wrong = [p for p in items if not isinstance(p, (str, os.PathLike))]
    if not wrong:
        return items  # none at all is said by the reading: "no input"
    what = type(wrong[0]).__name__
    raise Refused(f"{who} takes {whose[0]}' paths ({forms[0]}), "
                  f"got {what}: give the file (for a Book, its book.path)",
                  f"{who} 需要{whose[1]}的路径（{forms[1]}），"
                  f"当前为 {what}：请传入文件路径（已读入的 Book 请传入 book.path）。")
