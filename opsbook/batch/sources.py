"""Which files a run reads: files, folders (``recursive`` to descend) and glob patterns; Excel
lock files and non-workbooks found in folders are skipped with a note."""

from __future__ import annotations

import errno
import glob
import os
from pathlib import Path
from typing import Iterable, Iterator, Union

from opsbook.core.issues import Issue
from opsbook.io.atomic import stat_error
from opsbook.io.locks import lock_file
from opsbook.io.read import WORKBOOK_SUFFIXES

PathLike = Union[str, "os.PathLike[str]"]
Sources = Union[PathLike, Iterable[PathLike]]
_MAGIC = set("*?[")
#: The files a folder or a pattern gives to read: the workbooks, and the spreadsheet
#: templates and WPS files the reader takes as it takes them named (an Excel template
#: ``.xlt``/``.xltx``/``.xltm``, WPS's ``.et``/``.ett``, an OpenDocument template ``.ots``):
#: a folder does not differ from the file named.
FOUND_SUFFIXES = (*WORKBOOK_SUFFIXES, ".xlt", ".xltx", ".xltm", ".et", ".ett", ".ots")
#: Files of spreadsheet programs that hold no data to read, said as what they are when a
#: folder holds them (en, zh): an add-in is code for Excel's ribbon, opsbook's own too.
_ADD_IN = ("an Excel add-in (code for Excel, no data to read)",
           "Excel 加载项（只含代码，没有可读取的数据）")
_ADD_INS = {".xlam": _ADD_IN, ".xla": _ADD_IN}


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
        source = literal_brackets(source, recursive)
        base = _base(source)
        for match in sorted(glob.glob(source, recursive=recursive)):
            if _looped(match, base):
                continue
            if os.path.isdir(match):
                yield from _folder(Path(match), recursive)
            else:
                yield Path(match), False
        return
    if not path.is_dir():
        yield path, True
        return
    yield from _folder(path, recursive)


def literal_brackets(pattern: str, recursive: bool) -> str:
    """``pattern``, or — when it matches nothing — the same with the leading parts that name
    a folder or file as written taken literally: a folder named ``2026[Q1]`` is no
    character class in ``2026[Q1]/*.xlsx``."""
    if glob.glob(pattern, recursive=recursive):
        return pattern
    parts, done = Path(pattern).parts, ""
    for n, part in enumerate(parts):
        if not os.path.lexists(os.path.join(done, part)):
            return os.path.join(*(glob.escape(p) for p in parts[:n]), *parts[n:]) \
                if n else pattern
        done = os.path.join(done, part)
    return pattern


def _base(pattern: str) -> tuple[int, str]:
    """How many leading parts of a glob pattern are plain names, and the real path of the
    folder they name (where the pattern starts)."""
    parts = Path(pattern).parts
    plain = next((n for n, part in enumerate(parts) if _MAGIC & set(part)), len(parts))
    return plain, os.path.realpath(os.path.join(*parts[:plain]) if plain else ".")


def _looped(match: str, base: tuple[int, str]) -> bool:
    """Whether a glob match goes through a link, below where the pattern starts, back to
    that folder or one above it: ``**`` follows such a loop to the depth the system
    allows, naming the same files again and again, and files outside the folder too."""
    plain, start = base
    parts = Path(match).parts
    for depth in range(plain + 1, len(parts) + 1):
        step = os.path.join(*parts[:depth])
        if os.path.islink(step) and (start + os.sep).startswith(
                os.path.realpath(step).rstrip(os.sep) + os.sep):
            return True
    return False


def _folder(path: Path, recursive: bool) -> Iterator[tuple[Path, bool]]:
    """A folder's files, sorted (its sub-folders' too when ``recursive``, linked ones as
    well), hidden ones left out."""
    found = _tree(path, set()) if recursive else path.iterdir()
    for entry in sorted(found):
        # a link to a file that is gone is read like a file (reading says it is missing)
        if (entry.is_file() or entry.is_symlink() and not entry.exists()) \
                and not any(part.startswith(".") for part in entry.relative_to(path).parts):
            yield entry, False


def _tree(path: Path, visited: set[str], top: str | None = None) -> list[Path]:
    """Every entry under ``path``, a sub-folder reached by a link too (a department's
    folder linked in is a sub-folder to whoever made the link, as it is to a ``**``
    pattern): the real folders first, then each linked one not already walked, under the
    link's name. A link to a folder walked already, or to the folder given or one above it
    (a loop), adds nothing: only what lies under the folder given, and each folder once."""
    top = top or os.path.realpath(path)
    found: list[Path] = []
    links: list[Path] = []
    for root, folders, names in os.walk(path):
        visited.add(os.path.realpath(root))
        folders[:] = [f for f in folders if not f.startswith(".")]  # hidden: passed over
        links += [Path(root, f) for f in folders if os.path.islink(os.path.join(root, f))]
        found += [Path(root, n) for n in names]
    for link in sorted(links):
        real = os.path.realpath(link)
        if real not in visited and not (top + os.sep).startswith(real.rstrip(os.sep) + os.sep):
            found += _tree(link, visited, top)
    return found


#: Said of a folder, and of a pattern, that finds no workbook where its sub-folders hold
#: some (English and Chinese, for each).
RECURSIVE = ("; its sub-folders hold some: add --recursive (-r) to read them",
             "；其子文件夹中有工作簿：加 --recursive（-r）即可读取",
             "; ** goes into sub-folders only with --recursive (-r), and would find some there",
             "；** 仅在加 --recursive（-r）时进入子文件夹，加上即可找到其中的工作簿")


def _deeper(source: str) -> bool:
    """Whether ``source``, a folder or a glob pattern that finds no workbook as it is read
    without ``recursive``, would find one with it (in its sub-folders; through ``**``)."""
    if Path(source).is_dir():
        return any(Path(root, name).suffix.lower() in FOUND_SUFFIXES
                   and not name.startswith(("~$", ".")) for root, _, names in os.walk(source)
                   for name in names)
    if not _MAGIC & set(source):
        return False
    return any(os.path.isfile(m) and Path(m).suffix.lower() in FOUND_SUFFIXES
               or os.path.isdir(m) and _deeper(m)
               for m in glob.glob(source, recursive=True))


#: Said of a link that leads, through links, back to itself: the file is not missing.
LOOP = {"why": ": it is a link that leads back to itself (a loop of links), to no file",
        "why_zh": "：它是指回自身的链接（链接循环），不指向任何文件"}


def _loop(path: Path) -> bool:
    """Whether ``path`` is a link that leads, through links, back to itself."""
    return stat_error(path) == errno.ELOOP


def real(path: PathLike) -> Path:
    """Where ``path`` really is, its links followed as far as they go: unlike
    ``Path.resolve``, a loop of links raises nothing (it is said where it is read)."""
    return Path(os.path.realpath(path))


def _linked(path: Path) -> bool:
    """Whether ``path`` reaches its file through a link (the file's or a folder's)."""
    return os.path.realpath(path) != os.path.abspath(path)


def identity(path: PathLike) -> object:
    """What one file is, whatever names lead to it: its device and inode (the same for a
    hard link, and for a name spelt in another case on a file system that ignores case),
    else — a file that cannot be looked at — its real path."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return os.path.realpath(path)
    return (info.st_dev, info.st_ino) if info.st_ino else os.path.realpath(path)


def expand(sources: Sources, recursive: bool = False) -> tuple[list[Path], list[Issue]]:
    """The workbook files named by ``sources`` in a stable order (each once, however many
    names or links lead to it), and a note for each file skipped: see :func:`gathered`."""
    files, skipped, _ = gathered(sources, recursive)
    return files, skipped


def gathered(sources: Sources, recursive: bool = False
             ) -> tuple[list[Path], list[Issue], dict[str, set[object]]]:
    """What :func:`expand` gives, and for each folder or pattern among ``sources`` the
    :func:`identity` of each workbook it found: a run that finds each of them to be a result opsbook
    wrote has read no workbook there either (``not-a-workbook``, as for a folder of lock
    files).

    The workbook files named by ``sources`` in a stable order (each once, however many
    names or links lead to it: under its own name and in its own place when links to it
    come first), and a note for each file skipped.

    A file named explicitly is always read (reading says why a .csv, a broken file or an
    Excel lock file ``~$…`` cannot be: a lock file's error names the workbook it stands
    for); in folders and glob matches, lock files and
    files that are no workbook (by extension) get a ``skipped-file`` note; hidden files are
    passed over in silence. A source that names nothing (a missing file, a glob that
    matches nothing, an empty path: never the current folder) gives ``file-not-found``; a
    folder or a pattern with no workbook to read (empty, or only lock files and other
    files), ``not-a-workbook``: a run that checked nothing did not find everything valid.
    """
    files: dict[object, Path] = {}  # the file (its identity) → the name it was found by
    skipped: list[Issue] = []
    noted: set[str] = set()
    found_in: dict[str, set[object]] = {}  # a folder or pattern → its workbooks' identities
    for source in _listed(sources):
        if not source:  # an unset variable in a script ("$PLANS"): no file, not this folder
            skipped.append(Issue("file-not-found", file='""', params={
                "why": ": an empty path names no file", "why_zh": "：空路径不指向任何文件"}))
            continue
        entries = list(_entries(source, recursive))
        notes: list[Issue] = []
        workbooks = 0
        for path, named in entries:
            # named, a lock file is read as any file named is: reading refuses it, and it
            # counts as a file of the run, as a missing or a .csv file named does
            lock = not named and lock_file(path) is not None
            if lock or not named and path.suffix.lower() not in FOUND_SUFFIXES:
                detail = (("an Excel lock file", "Excel 锁定文件") if lock else
                          _ADD_INS.get(path.suffix.lower(), ("not a workbook", "不是工作簿")))
                if str(path) not in noted:  # a folder and a pattern may both find it
                    noted.add(str(path))
                    notes.append(Issue("skipped-file", "info", file=str(path),
                                       params={"detail": detail[0], "detail_zh": detail[1]}))
            elif _loop(path):  # not missing: every name in the loop is there
                workbooks += 1
                skipped.append(Issue("file-not-found", file=str(path), params=LOOP))
            else:
                workbooks += 1
                # a link (or a loop of links) to a file, a linked folder or a hard link is
                # no second file: the file is read once, under its own name and in its own
                # place when a name through a link came first
                real = identity(path)
                if real in files and _linked(files[real]) and not _linked(path):
                    del files[real]
                files.setdefault(real, path)
                if not named:
                    found_in.setdefault(source, set()).add(real)
        if not entries or not workbooks and not any(n for _, n in entries):
            found = Path(source).is_dir() or bool(entries) \
                or bool(_MAGIC & set(source) and glob.glob(source, recursive=recursive))
            pattern = not found and bool(_MAGIC & set(source))
            deeper = not recursive and _deeper(source)
            skipped.append(Issue("not-a-workbook" if found else "file-not-found", file=source,
                                 params={"detail": "no workbook found" + RECURSIVE[0] * deeper,
                                         "detail_zh": "未找到工作簿" + RECURSIVE[1] * deeper}
                                 | ({"why": ": no file matches the pattern"
                                            + RECURSIVE[2] * deeper,
                                     "why_zh": "：没有与该模式匹配的文件" + RECURSIVE[3] * deeper}
                                    if pattern else {})))
        skipped += notes
    return list(files.values()), skipped, found_in
