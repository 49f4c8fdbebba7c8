"""Fixtures: real workbooks on disk, one per quirk, and the few only LibreOffice can make.

``quirk_book(name)`` writes ``tmp_path / f"{name}.xlsx"`` (see ``quirkbooks.py``).
``libreoffice_books`` holds workbooks saved by LibreOffice: recalculated formulas, a
password-protected file, and a sample template as .xls and .ods.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import quirkbooks

from opsbook.api import new_workbook

#: Seconds one LibreOffice run may take before its process group is killed.
SOFFICE_TIMEOUT = 180
PASSWORD = "secret"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def opsbook_command() -> list[str]:
    """The installed ``opsbook`` console script next to this interpreter, or the module."""
    script = Path(sys.executable).with_name("opsbook")
    return [str(script)] if script.exists() else [sys.executable, "-m", "opsbook.cli"]


def run_cli(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``opsbook ARGS…`` in a fresh process, as a user runs it; output captured as text."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([*opsbook_command(), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, cwd=cwd, env=env)


@pytest.fixture
def quirk_book(tmp_path: Path) -> Callable[[str], Path]:
    """``quirk_book("merged-header")`` → ``tmp_path / "merged-header.xlsx"``, written fresh."""

    def make(name: str) -> Path:
        return quirkbooks.build(name, tmp_path / f"{name}.xlsx")

    return make


# --- LibreOffice ----------------------------------------------------------------------------

# One Basic macro stores every job: load hidden, recalculate, store with a filter and,
# when a password is given, encrypted (OOXML "Standard" encryption).
_STORE_MACRO = """\
Sub Record(sLine As String)
    Dim f As Integer
    f = FreeFile
    Open Environ("OPSBOOK_LO_LOG") For Append As #f
    Print #f, sLine
    Close #f
End Sub

Sub StoreAll
    For Each sJob In Split(Environ("OPSBOOK_LO_JOBS"), Chr(10))
        If sJob <> "" Then StoreOne(Split(sJob, Chr(9)))
    Next
    StarDesktop.terminate()
End Sub

Sub StoreOne(aJob)
    On Error Goto Failed
    Dim aLoad(0) As New com.sun.star.beans.PropertyValue
    aLoad(0).Name = "Hidden"
    aLoad(0).Value = True
    oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(aJob(0)), "_blank", 0, aLoad())
    oDoc.calculateAll()
    Dim aData(1) As New com.sun.star.beans.NamedValue
    aData(0).Name = "OOXPassword"
    aData(0).Value = aJob(3)
    aData(1).Name = "CryptoType"
    aData(1).Value = "Standard"
    Dim aStore(1) As New com.sun.star.beans.PropertyValue
    aStore(0).Name = "FilterName"
    aStore(0).Value = aJob(2)
    aStore(1).Name = "Overwrite"
    aStore(1).Value = True
    If aJob(3) <> "-" Then
        aStore(1).Name = "EncryptionData"
        aStore(1).Value = aData()
    End If
    oDoc.storeToURL(ConvertToURL(aJob(1)), aStore())
    oDoc.close(True)
    Record "stored" & Chr(9) & aJob(1)
    Exit Sub
Failed:
    Record "error" & Chr(9) & aJob(1) & Chr(9) & Err & " " & Error$
    On Error Resume Next
    oDoc.close(True)
End Sub
"""

FILTERS = {".xlsx": "Calc MS Excel 2007 XML", ".xls": "MS Excel 97", ".ods": "calc8"}


def _soffice(profile: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run headless soffice with a private profile; kill its process group on timeout."""
    command = [shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile.as_uri()}",
               "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck", *args]
    environment = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", **(env or {})}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, env=environment, start_new_session=True)
    try:
        out, _ = process.communicate(timeout=SOFFICE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, _ = process.communicate()
        out += f"\n(killed after {SOFFICE_TIMEOUT} s)"
    return out


def store_with_libreoffice(home: Path, jobs: list[tuple[Path, Path, str | None]]) -> str:
    """Open each source in LibreOffice, recalculate, save as the target (its suffix decides
    the format), encrypted when a password is given. Returns LibreOffice's own log."""
    profile = home / "profile"
    basic = profile / "user" / "basic" / "Standard"
    if not (basic / "script.xlb").exists():
        # the first start fills a new profile (its Standard library included) from presets
        _soffice(profile, "--terminate_after_init")
    module = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN"'
              ' "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script"'
              ' script:name="OpsbookStore" script:language="StarBasic">'
              + _STORE_MACRO.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
              .replace('"', "&quot;") + "</script:module>\n")
    (basic / "OpsbookStore.xba").write_text(module, encoding="utf-8")
    index = (basic / "script.xlb").read_text(encoding="utf-8")
    entry = '<library:element library:name="OpsbookStore"/>'
    if entry not in index:
        (basic / "script.xlb").write_text(
            index.replace("</library:library>", f" {entry}\n</library:library>"),
            encoding="utf-8")
    log = home / "store.log"
    lines = [f"{src}\t{dst}\t{FILTERS[dst.suffix]}\t{password or '-'}"
             for src, dst, password in jobs]
    out = _soffice(profile, "macro:///Standard.OpsbookStore.StoreAll",
                   env={"OPSBOOK_LO_JOBS": "\n".join(lines), "OPSBOOK_LO_LOG": str(log)})
    return (log.read_text(encoding="utf-8") if log.exists() else "") + out


@pytest.fixture(scope="session")
def libreoffice_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Workbooks saved by LibreOffice, by name; made once per test session.

    - ``formulas.xlsx``: the ``formulas`` quirk recalculated (cached values and #DIV/0!);
    - ``password-protected.xlsx``: the valid attendance workbook, encrypted;
    - ``attendance-sample.xls`` / ``.ods``: the Chinese attendance sample template;
    - ``date1904-serials.xls`` / ``.ods``: the ``date1904-serials`` quirk (1904 date system);
    - ``sources``: the folder of the .xlsx files they were made from.
    """
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    home = tmp_path_factory.mktemp("libreoffice")
    sources = home / "sources"
    sources.mkdir()
    formulas = quirkbooks.build("formulas", sources / "formulas.xlsx")
    valid = quirkbooks.build("valid-attendance", sources / "valid-attendance.xlsx")
    mac = quirkbooks.build("date1904-serials", sources / "date1904-serials.xlsx")
    sample = new_workbook("attendance", "zh", sources / "attendance-sample.xlsx", sample=True)
    out = home / "out"
    out.mkdir()
    books = {
        "formulas.xlsx": (formulas, None),
        "password-protected.xlsx": (valid, PASSWORD),
        "attendance-sample.xls": (sample, None),
        "attendance-sample.ods": (sample, None),
        "date1904-serials.xls": (mac, None),
        "date1904-serials.ods": (mac, None),
    }
    log = store_with_libreoffice(home, [(src, out / name, pw)
                                        for name, (src, pw) in books.items()])
    made = {name: out / name for name in books if (out / name).exists()}
    if len(made) != len(books):
        pytest.fail(f"LibreOffice did not write {sorted(set(books) - set(made))}:\n{log}")
    made["sources"] = sources
    return made
