"""Which files a run reads: files, folders (``recursive`` to descend) and glob patterns; Excel
lock files and non-workbooks found in folders are skipped with a note."""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable, Iterator, Union

from opsbook.core.issues import Issue
from opsbook.io.read import WORKBOOK_SUFFIXES

PathLike = Union[str, "os.PathLike[str]"]
Sources = Union[PathLike, Iterable[PathLike]]
_MAGIC = set("*?[")


def _listed(sources: Sources) -> list[str]:
    if isinstance(sources, (str, os.PathLike)):
        return [os.fspath(sources)]
    return [os.fspath(s) for s in sources]


def _entries(source: str, recursive: bool) -> Iterator[tuple[Path, bool]]:
    """(path, named explicitly) for one source: a file as given, a folder's files (sorted;
    its sub-folders only when ``recursive``), a glob's matches (sorted; ``**`` descends when
    ``recursive``; a folder it matches gives its files as the folder named would)."""
    path = Path(source)
    if not path.exists() and _MAGIC & set(source):
        for match in sorted(glob.glob(source, recursive=recursive)):
            if os.path.isdir(match):
                yield from _folder(Path(match), recursive)
            else:
                yield Path(match), False
        return
    if not path.is_dir():
        yield path, True
        return
    yield from _folder(path, recursive)


def _folder(path: Path, recursive: bool) -> Iterator[tuple[Path, bool]]:
    """A folder's files, sorted (its sub-folders' too when ``recursive``), hidden ones
    left out."""
    found = path.rglob("*") if recursive else path.iterdir()
    for entry in sorted(found):
        # a link to a file that is gone is read like a file (reading says it is missing)
        if (entry.is_file() or entry.is_symlink() and not entry.exists()) \
                and not any(part.startswith(".") for part in entry.relative_to(path).parts):
            yield entry, False


def expand(sources: Sources, recursive: bool = False) -> tuple[list[Path], list[Issue]]:
    """The workbook files named by ``sources`` in a stable order (each once, however many
    names or links lead to it: under its own name and in its own place when links to it
    come first), and a note for each file skipped.

    A file named explicitly is always read (reading says why a .csv or a broken file cannot
    be), except an Excel lock file (``~$…``); in folders and glob matches, lock files and
    files that are no workbook (by extension) get a ``skipped-file`` note; hidden files are
    passed over in silence. A source that names nothing (a missing file, a glob that
    matches nothing) gives ``file-not-found``; a folder or a pattern with no workbook to
    read (empty, or only lock files and other files), ``not-a-workbook``: a run that
    checked nothing did not find everything valid.
    """
    files: dict[Path, Path] = {}  # where the file really is → the name it was found by
    skipped: list[Issue] = []
    noted: set[str] = set()
    for source in _listed(sources):
        entries = list(_entries(source, recursive))
        notes: list[Issue] = []
        workbooks = 0
        for path, named in entries:
            lock = path.name.startswith("~$")
            if lock or not named and path.suffix.lower() not in WORKBOOK_SUFFIXES:
                detail = (("an Excel lock file", "Excel 锁定文件") if lock else
                          ("not a workbook", "不是工作簿"))
                if str(path) not in noted:  # a folder and a pattern may both find it
                    noted.add(str(path))
                    notes.append(Issue("skipped-file", "info", file=str(path),
                                       params={"detail": detail[0], "detail_zh": detail[1]}))
            else:
                workbooks += 1
                # a link (or a loop of links) to a file is no second file: the file is read
                # once, under its own name and in its own place when a link came first
                real = Path(os.path.realpath(path))
                if real in files and files[real].is_symlink() and not path.is_symlink():
                    del files[real]
                files.setdefault(real, path)
        if not entries or not workbooks and not any(n for _, n in entries):
            found = Path(source).is_dir() or bool(entries) \
                or bool(_MAGIC & set(source) and glob.glob(source, recursive=recursive))
            skipped.append(Issue("not-a-workbook" if found else "file-not-found", file=source,
                                 params={"detail": "no workbook found",
                                         "detail_zh": "未找到工作簿"}))
        skipped += notes
    return list(files.values()), skipped
