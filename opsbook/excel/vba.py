"""The workbooks' VBA project, made from module text without Excel.

pyOpenVBA starts from its blank, Excel-authored project (ThisWorkbook, Sheet1 and an empty
Module1), drops Module1 and adds the modules given. Modules are stored as source only; Excel
compiles them when the workbook opens. The same modules always give the same bytes.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import re
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

ModuleKind = Literal["standard", "class"]

#: The VBA text encoding inside the project (its code page, 1252).
ENCODING = "cp1252"

_NAME = re.compile(r'^Attribute VB_Name = "([^"]+)"', re.MULTILINE)
_PUBLIC_SUB = re.compile(r"^[ \t]*(?:Public[ \t]+)?Sub[ \t]+(\w+)[ \t]*\(", re.MULTILINE | re.I)
_VERSION = re.compile(r"^'Version: (\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Module:
    """One VBA module: its name, its text as stored in the project, and its kind.

    ``source`` has CRLF line endings and starts with the attribute header
    (``Attribute VB_Name = ...``), exactly as a tool reading the project gives it back.
    """

    name: str
    source: str
    kind: ModuleKind = "standard"

    def public_subs(self) -> list[str]:
        """Names of the Subs a button can call (not declared Private)."""
        return _PUBLIC_SUB.findall(self.source)


def crlf(text: str) -> str:
    """``text`` with CRLF line endings and a final line break, as the VBA editor keeps it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        text += "\n"
    return text.replace("\n", "\r\n")


def module_from_text(text: str, kind: ModuleKind = "standard") -> Module:
    """A module from its text; the name comes from its ``Attribute VB_Name`` line.

    A class module in export form (``VERSION 1.0 CLASS`` …, as in a ``.cls`` file) is turned
    into the form stored in the project, so ``source`` is what the project gives back.
    """
    source = crlf(text)
    found = _NAME.search(source)
    if found is None:
        raise ValueError('VBA module text has no `Attribute VB_Name = "..."` line')
    if kind == "class":
        from pyopenvba.vba import normalize_class_source

        source = normalize_class_source(source)
    try:
        source.encode(ENCODING)
    except UnicodeEncodeError as error:
        bad = source[error.start:error.end]
        raise ValueError(
            f"VBA module {found.group(1)!r} holds {bad!r}, which {ENCODING} cannot store"
        ) from None
    return Module(found.group(1), source, kind)


def read_module(path: Path) -> Module:
    """A module from a ``.bas`` (standard) or ``.cls`` (class) file in cp1252."""
    kind: ModuleKind = "class" if path.suffix.lower() == ".cls" else "standard"
    return module_from_text(path.read_bytes().decode(ENCODING), kind)


def read_modules(folder: Path) -> tuple[Module, ...]:
    """Every ``.bas`` and ``.cls`` module in ``folder``, in file-name order."""
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".bas", ".cls"))
    return tuple(read_module(path) for path in paths)


def xlwings_dir() -> Path:
    """The folder of the installed xlwings package (found without importing it)."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("xlwings is not installed; it is needed to build workbooks")
    return Path(next(iter(spec.submodule_search_locations)))


def xlwings_modules() -> tuple[Module, Module]:
    """The xlwings standalone modules of the installed version: ``xlwings`` and ``Dictionary``.

    ``xlwings.bas`` ships in the package; ``Dictionary`` (needed on macOS) is read out of the
    ``quickstart_standalone.xlsm`` the package ships, as ``xlwings quickstart --standalone``
    would embed it. The module's version must equal the Python package's.
    """
    from pyopenvba import ExcelFile

    folder = xlwings_dir()
    xlwings = read_module(folder / "xlwings.bas")
    found = _VERSION.search(xlwings.source)
    installed = importlib.metadata.version("xlwings")
    if found is None or found.group(1) != installed:
        seen = found.group(1) if found else "none"
        raise RuntimeError(f"xlwings.bas is version {seen}, the installed xlwings {installed}")
    with ExcelFile(folder / "quickstart_standalone.xlsm") as book:
        dictionary = module_from_text(book.get_module("Dictionary"), "class")
    return xlwings, dictionary


def make_vba_project(modules: Sequence[Module]) -> bytes:
    """The ``vbaProject.bin`` bytes of a project holding ``modules`` (plus ThisWorkbook, Sheet1).

    Raises ``ValueError`` for two modules of one name or a name the VBA editor refuses.
    """
    return _make_vba_project(tuple(modules))


@functools.lru_cache(maxsize=8)
def _make_vba_project(modules: tuple[Module, ...]) -> bytes:
    from pyopenvba import ExcelFile, VBAModuleKind

    with tempfile.TemporaryDirectory(prefix="opsbook-vba-") as folder:
        blank, built = Path(folder, "blank.xlsm"), Path(folder, "built.xlsm")
        with ExcelFile.create_new(blank) as book:
            project = book.vba_project()
            project.delete_module("Module1")
            for module in modules:
                kind = VBAModuleKind.other if module.kind == "class" else VBAModuleKind.standard
                project.add_module(module.name, module.source, kind=kind)
            book.save(built)
        with zipfile.ZipFile(built) as package:
            return package.read("xl/vbaProject.bin")
