"""Installing the add-in: Excel's start-up folder, and the settings file the add-in reads.

Excel opens every file in its start-up folder when it starts, so an add-in copied there has
its tab in every workbook (what ``xlwings addin install --file`` does). The folders, for the
current user:

- Windows: ``%APPDATA%\\Microsoft\\Excel\\XLSTART``;
- macOS (Excel 2016 and later, sandboxed): ``~/Library/Group Containers/UBF8T346G9.Office/
  User Content/Startup/Excel`` (the folders may carry a ``.localized`` ending on disk).

The add-in's xlwings module reads its settings (which Python, …) from an ``opsbook.conf``
sheet of the active workbook, then of the add-in, then from ``opsbook.conf`` files: beside
the active workbook, then the user's: ``%USERPROFILE%\\.opsbook\\opsbook.conf`` on Windows,
``~/Library/Containers/com.microsoft.Excel/Data/opsbook.conf`` on macOS. ``install`` writes
the interpreter into the user's file. On macOS, ``RunPython`` also needs xlwings' AppleScript
in ``~/Library/Application Scripts/com.microsoft.Excel`` (what ``xlwings runpython install``
puts there); ``install`` copies it too.

Every function takes the system (``"Windows"`` or ``"Darwin"``), the home folder and the
environment, by default this computer's, so the layouts can be computed anywhere.
"""

from __future__ import annotations

import locale
import os
import platform
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from opsbook.core.said import Said
from opsbook.excel.addin import ADDIN_NAME, PROJECT_NAME

SYSTEMS = ("Windows", "Darwin")
_MAC_OFFICE = ("Library", "Group Containers", "UBF8T346G9.Office")
_MAC_EXCEL_DATA = ("Library", "Containers", "com.microsoft.Excel", "Data")
_MAC_SCRIPTS = ("Library", "Application Scripts", "com.microsoft.Excel")
#: The settings ``install`` decides, per system: they are replaced, other lines are kept.
_MANAGED = {"Windows": ("INTERPRETER_WIN", "CONDA PATH", "CONDA ENV"),
            "Darwin": ("INTERPRETER_MAC", "CONDA PATH", "CONDA ENV")}


class NoExcelHere(Said, RuntimeError):
    """This system has no Excel desktop to install an add-in into (only Windows, macOS);
    ``zh`` says it in Chinese."""


@dataclass(frozen=True)
class Layout:
    """Where things are for one user of one system."""

    system: str
    startup: Path  # Excel's start-up folder
    config: Path  # the user's opsbook.conf
    applescript: Path | None  # macOS: the AppleScript RunPython calls

    @property
    def addin(self) -> Path:
        """The installed add-in's path."""
        return self.startup / ADDIN_NAME


@dataclass(frozen=True)
class Status:
    """What ``opsbook addin status`` reports."""

    layout: Layout
    installed: bool
    current: bool | None  # the installed add-in equals the given source (None: not compared)
    python: str  # which Python the buttons start, in words
    settings: dict[str, str]

    def python_in(self, lang: str) -> str:
        """:attr:`python` in ``lang`` ("zh" or "en")."""
        return describe_python(self.layout.system, self.settings, lang)


def layout(system: str | None = None, home: Path | None = None,
           environ: Mapping[str, str] | None = None) -> Layout:
    """The start-up folder, settings file and (macOS) AppleScript path for this user.

    Raises :class:`NoExcelHere` on a system other than Windows and macOS.
    """
    system = system or platform.system()
    environ = os.environ if environ is None else environ
    home = Path(home) if home is not None else Path.home()
    if system == "Windows":
        appdata = Path(environ["APPDATA"]) if environ.get("APPDATA") else (
            home / "AppData" / "Roaming")
        profile = Path(environ["USERPROFILE"]) if environ.get("USERPROFILE") else home
        return Layout(system, appdata / "Microsoft" / "Excel" / "XLSTART",
                      profile / f".{PROJECT_NAME}" / f"{PROJECT_NAME}.conf", None)
    if system == "Darwin":
        office = home.joinpath(*_MAC_OFFICE)
        localized = office / "User Content.localized"
        startup = (localized / "Startup.localized" / "Excel" if localized.is_dir()
                   else office / "User Content" / "Startup" / "Excel")
        version = _xlwings_version()
        return Layout(system, startup, home.joinpath(*_MAC_EXCEL_DATA, f"{PROJECT_NAME}.conf"),
                      home.joinpath(*_MAC_SCRIPTS, f"xlwings-{version}.applescript"))
    raise NoExcelHere(f"Excel add-ins install on Windows and macOS, not on {system}",
                      f"Excel 加载项只能安装在 Windows 和 macOS 上，不能安装在 {system} 上。")


def python_settings(system: str, executable: str | None = None,
                    environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The settings that make the add-in start ``executable`` (default: this Python).

    On Windows, in an activated conda environment, the conda folder and environment (as
    xlwings' own configuration does); else ``pythonw.exe`` beside ``python.exe`` when there
    is one (no console window), else the executable itself.
    """
    environ = os.environ if environ is None else environ
    executable = executable or sys.executable
    if system == "Windows":
        env, conda = environ.get("CONDA_DEFAULT_ENV"), environ.get("CONDA_EXE")
        if env and conda and executable == sys.executable:
            # CONDA_EXE is <conda>\Scripts\conda.exe; xlwings wants <conda>
            return {"CONDA PATH": str(Path(conda).parent.parent), "CONDA ENV": env}
        windowed = Path(executable).with_name("pythonw.exe")
        return {"INTERPRETER_WIN": str(windowed if windowed.is_file() else executable)}
    return {"INTERPRETER_MAC": executable}


def read_settings(path: Path) -> dict[str, str]:
    """The settings in an ``opsbook.conf`` file (``"KEY","VALUE"`` lines); {} if none."""
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding=_encoding()).splitlines():
        key, sep, value = line.partition(",")
        if sep:
            found[key.strip().strip('"')] = value.strip().strip('"')
    return found


def write_settings(path: Path, settings: Mapping[str, str], drop: tuple[str, ...] = ()) -> None:
    """Set ``settings`` in the file at ``path`` (made if needed), removing the keys in
    ``drop`` first; other lines are kept. Values may not hold a double quote."""
    for key, value in settings.items():
        if '"' in key or '"' in value:
            raise ValueError(f"an opsbook.conf setting cannot hold a double quote: {value!r}")
    gone = {key.upper() for key in (*drop, *settings)}
    lines = []
    if path.is_file():
        lines = [line for line in path.read_text(encoding=_encoding()).splitlines()
                 if line.strip() and line.partition(",")[0].strip().strip('"').upper()
                 not in gone]
    lines += [f'"{key}","{value}"' for key, value in settings.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    # VBA's Open … For Input reads the system's code page, as xlwings writes its own file.
    path.write_text("\n".join(lines) + "\n", encoding=_encoding())


def install(source: Path, *, system: str | None = None, home: Path | None = None,
            environ: Mapping[str, str] | None = None, executable: str | None = None,
            lang: str | None = None) -> Layout:
    """Copy the add-in ``source`` into Excel's start-up folder and point it at a Python.

    Writes the interpreter (see :func:`python_settings`) and, if given, ``LANGUAGE`` (zh or
    en, the tab's labels) into the user's ``opsbook.conf``; on macOS also copies xlwings'
    AppleScript. Excel must be restarted to load the tab. Returns the layout used.
    """
    place = layout(system, home, environ)
    if lang is not None and lang not in ("zh", "en"):
        raise ValueError(f"LANGUAGE must be zh or en, not {lang!r}")
    place.startup.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, place.addin)
    settings = python_settings(place.system, executable, environ)
    if lang is not None:
        settings["LANGUAGE"] = lang
    write_settings(place.config, settings, drop=_MANAGED[place.system])
    if place.applescript is not None:
        from opsbook.excel.vba import xlwings_dir

        place.applescript.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(xlwings_dir() / place.applescript.name, place.applescript)
    return place


def remove(*, system: str | None = None, home: Path | None = None,
           environ: Mapping[str, str] | None = None) -> Path | None:
    """Take the add-in out of the start-up folder; return the file removed, None if none.

    The settings file is kept (a later install reuses it).
    """
    place = layout(system, home, environ)
    if not place.addin.is_file():
        return None
    place.addin.unlink()
    return place.addin


def status(*, source: Path | None = None, system: str | None = None, home: Path | None = None,
           environ: Mapping[str, str] | None = None) -> Status:
    """Whether the add-in is installed (and equals ``source``), and which Python it starts."""
    place = layout(system, home, environ)
    installed = place.addin.is_file()
    current = None
    if installed and source is not None and Path(source).is_file():
        current = place.addin.read_bytes() == Path(source).read_bytes()
    settings = read_settings(place.config)
    return Status(place, installed, current, describe_python(place.system, settings), settings)


def describe_python(system: str, settings: Mapping[str, str], lang: str = "en") -> str:
    """Which Python the add-in starts with these settings, in words (``lang`` "zh": in
    Chinese)."""
    zh = lang == "zh"
    key = "INTERPRETER_WIN" if system == "Windows" else "INTERPRETER_MAC"
    if settings.get("CONDA PATH") and settings.get("CONDA ENV"):
        env, path = settings["CONDA ENV"], settings["CONDA PATH"]
        return f"{path} 的 conda 环境 {env}" if zh else f"conda environment {env} of {path}"
    if settings.get(key):
        return settings[key]
    return "PATH 上的 python（未设置解释器）" if zh else "python on the PATH (no interpreter set)"


def _encoding() -> str:
    return locale.getpreferredencoding(False)


def _xlwings_version() -> str:
    import importlib.metadata

    return importlib.metadata.version("xlwings")
