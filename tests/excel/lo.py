"""Headless LibreOffice for the tests: open workbooks, convert them, press their buttons.

Every call runs ``soffice --headless`` with a private profile (``-env:UserInstallation``), so
tests can run in parallel and never touch the user's own profile, and every call is bounded
by a timeout, after which the process group it started is killed.

Pressing buttons needs no UNO bridge: the profile's ``Standard`` Basic library gets a small
harness module, started with a ``macro:///`` URL. For each workbook it loads the file hidden
with document macros allowed, lists the VBA modules LibreOffice imported, the sheets, and every
form control with the script its events are bound to; in "press" mode it then invokes each
bound script through the document's script provider, which is what a click does. LibreOffice
runs the imported VBA in its VBA compatibility mode. Tests replace the xlwings module by
:data:`STUB_XLWINGS`, whose ``RunPython`` writes its argument to the same log, so the log shows
which Python call each button makes. Arguments travel in environment variables, not in the
macro URL, so paths need no quoting.

A Basic run-time error inside a pressed Sub is not reported (headless LibreOffice swallows the
error box): a test sees it as a button that recorded no call.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

TIMEOUT = 180  # seconds for one LibreOffice run

#: A stand-in for the xlwings module: its RunPython records the call instead of running Python.
STUB_XLWINGS = """\
Attribute VB_Name = "xlwings"
' Test stand-in for the xlwings module: RunPython records its argument, nothing else.
Option Explicit

Public Function RunPython(PythonCommand As String)
    Dim f As Integer
    f = FreeFile
    Open Environ("OPSBOOK_LO_LOG") For Append As #f
    Print #f, "RunPython" & Chr(9) & PythonCommand
    Close #f
End Function
"""

_HARNESS = """\
Sub Record(sLine As String)
    Dim f As Integer
    f = FreeFile
    Open Environ("OPSBOOK_LO_LOG") For Append As #f
    Print #f, sLine
    Close #f
End Sub

Sub Main
    For Each sUrl In Split(Environ("OPSBOOK_LO_DOCS"), Chr(10))
        Visit(sUrl)
    Next
    StarDesktop.terminate()
End Sub

Sub Visit(sUrl As String)
    Dim T As String
    T = Chr(9)
    Record "document" & T & sUrl
    On Error Goto Failed
    Dim aArgs(1) As New com.sun.star.beans.PropertyValue
    aArgs(0).Name = "Hidden"
    aArgs(0).Value = True
    aArgs(1).Name = "MacroExecutionMode"
    aArgs(1).Value = com.sun.star.document.MacroExecMode.ALWAYS_EXECUTE_NO_WARN
    oDoc = StarDesktop.loadComponentFromURL(sUrl, "_blank", 0, aArgs())
    oLibs = oDoc.BasicLibraries
    For Each sLib In oLibs.getElementNames()
        oLibs.loadLibrary(sLib)
        For Each sMod In oLibs.getByName(sLib).getElementNames()
            Record "module" & T & sLib & T & sMod
        Next
    Next
    For s = 0 To oDoc.Sheets.Count - 1
        oSheet = oDoc.Sheets.getByIndex(s)
        Record "sheet" & T & oSheet.Name & T & oSheet.IsVisible
    Next
    For s = 0 To oDoc.Sheets.Count - 1
        oSheet = oDoc.Sheets.getByIndex(s)
        oForms = oSheet.DrawPage.Forms
        For f = 0 To oForms.Count - 1
            oForm = oForms.getByIndex(f)
            For c = 0 To oForm.Count - 1
                oControl = oForm.getByIndex(c)
                sLabel = ""
                If oControl.getPropertySetInfo().hasPropertyByName("Label") Then
                    sLabel = oControl.Label
                End If
                Record "control" & T & oSheet.Name & T & sLabel
                aEvents = oForm.getScriptEvents(c)
                For e = 0 To UBound(aEvents)
                    oEvent = aEvents(e)
                    Record "bound" & T & oEvent.ListenerType & "." & oEvent.EventMethod & T _
                        & oEvent.ScriptType & T & oEvent.ScriptCode
                    If Environ("OPSBOOK_LO_MODE") = "press" Then
                        oScript = oDoc.getScriptProvider().getScript(oEvent.ScriptCode)
                        ' Called as a statement, invoke fails once the Sub has run.
                        On Error Resume Next
                        vResult = oScript.invoke(Array(), Array(), Array())
                        If Err <> 0 Then Record "error" & T & Err & T & Error$
                        On Error Goto Failed
                    End If
                Next
            Next
        Next
    Next
    oDoc.close(True)
    Record "closed"
    Exit Sub
Failed:
    Record "error" & T & Err & T & Error$
    On Error Resume Next
    oDoc.close(True)
End Sub
"""


@dataclass
class Binding:
    """A script bound to a control's event, as LibreOffice imported it."""

    event: str  # listener and method, e.g. XActionListener.actionPerformed
    script_type: str
    script: str  # e.g. vnd.sun.star.script:VBAProject.opsbook.OpsbookValidate?...


@dataclass
class Button:
    """A form control, what it is bound to, and the RunPython calls pressing it recorded."""

    sheet: str
    label: str
    bindings: list[Binding] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)


@dataclass
class Report:
    """What the harness saw in one workbook."""

    url: str
    modules: dict[str, list[str]] = field(default_factory=dict)  # library -> module names
    sheets: dict[str, bool] = field(default_factory=dict)  # name -> visible
    buttons: list[Button] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    closed: bool = False


def soffice() -> str | None:
    """The ``soffice`` on PATH, if any."""
    return shutil.which("soffice")


class LibreOffice:
    """``soffice --headless`` with a private profile under ``home``."""

    def __init__(self, home: Path, executable: str | None = None) -> None:
        found = executable or soffice()
        if found is None:
            raise FileNotFoundError("soffice is not on PATH")
        self.executable = found
        self.home = Path(home)
        self.profile = self.home / "profile"
        self._runs = 0

    def run(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = TIMEOUT
    ) -> subprocess.CompletedProcess[str]:
        """Run soffice once, headless, in its own process group; kill the group on timeout."""
        command = [
            self.executable,
            f"-env:UserInstallation={self.profile.as_uri()}",
            "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            *args,
        ]
        # A UTF-8 locale makes Basic's file output UTF-8, for sheet names and captions.
        environment = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", **(env or {})}
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=environment, start_new_session=True,
        )
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
        return subprocess.CompletedProcess(command, process.returncode, out, err)

    def convert(self, workbooks: Sequence[Path], out_dir: Path, fmt: str = "pdf") -> list[Path]:
        """Convert each workbook to ``fmt`` in ``out_dir``; return the files, in order."""
        out_dir.mkdir(parents=True, exist_ok=True)
        result = self.run("--convert-to", fmt, "--outdir", str(out_dir), *map(str, workbooks))
        targets = [out_dir / f"{Path(workbook).stem}.{fmt}" for workbook in workbooks]
        missing = [target.name for target in targets if not target.exists()]
        if missing:
            raise RuntimeError(f"soffice wrote no {missing}: {result.stdout}{result.stderr}")
        return targets

    def inspect(self, workbooks: Sequence[Path]) -> list[Report]:
        """Modules, sheets and button bindings of each workbook, as LibreOffice loads them."""
        return self._harness(workbooks, "inspect")

    def press_buttons(self, workbooks: Sequence[Path]) -> list[Report]:
        """Like :meth:`inspect`, and press every button, recording what each one called."""
        return self._harness(workbooks, "press")

    def run_macro(self, macro: str, env: dict[str, str], name: str,
                  complete: Callable[[str], bool], tries: int = 2
                  ) -> tuple[str, subprocess.CompletedProcess[str]]:
        """Run a Basic ``macro`` that writes its log to ``$OPSBOOK_LO_LOG`` (a new file named
        after ``name`` in ``home``); the log's text once ``complete`` says so, and the run.
        LibreOffice itself crashing now and then ("Fatal exception: Signal 6" in its Basic
        runtime) is retried, up to ``tries`` runs in all; any other failure is returned as
        it is, for the caller to report."""
        for attempt in range(tries):
            self._runs += 1
            log = self.home / f"{name}-{self._runs}.log"
            result = self.run(macro, env={**env, "OPSBOOK_LO_LOG": str(log)})
            text = log.read_text(encoding="utf-8") if log.exists() else ""
            crashed = "Fatal exception" in result.stderr or result.returncode < 0
            if complete(text) or not crashed or attempt == tries - 1:
                return text, result
        raise AssertionError("tries must be at least 1")

    def _harness(self, workbooks: Sequence[Path], mode: str) -> list[Report]:
        self._install_harness()
        urls = [Path(workbook).resolve().as_uri() for workbook in workbooks]
        env = {"OPSBOOK_LO_DOCS": "\n".join(urls), "OPSBOOK_LO_MODE": mode}
        text, result = self.run_macro("macro:///Standard.OpsbookHarness.Main", env, "harness",
                                      lambda text: [r.url for r in _parse(text)] == urls)
        reports = _parse(text)
        if [report.url for report in reports] != urls:
            raise RuntimeError(f"the harness did not visit every workbook: "
                               f"{result.stdout}{result.stderr}")
        return reports

    def _install_harness(self) -> None:
        basic = self.profile / "user" / "basic" / "Standard"
        index = basic / "script.xlb"
        if not index.exists():
            # A first start fills a new profile from LibreOffice's presets, Basic libraries
            # included, so the harness goes in afterwards.
            self.run("--terminate_after_init")
        (basic / "OpsbookHarness.xba").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN"'
            ' "module.dtd">\n'
            '<script:module xmlns:script="http://openoffice.org/2000/script"'
            ' script:name="OpsbookHarness" script:language="StarBasic">'
            f"{escape(_HARNESS)}</script:module>\n",
            encoding="utf-8",
        )
        text = index.read_text(encoding="utf-8")
        entry = '<library:element library:name="OpsbookHarness"/>'
        if entry not in text:
            text = text.replace("</library:library>", f" {entry}\n</library:library>")
            index.write_text(text, encoding="utf-8")


def _parse(text: str) -> list[Report]:
    reports: list[Report] = []
    for line in text.splitlines():
        kind, _, rest = line.partition("\t")
        fields = rest.split("\t")
        if kind == "document":
            reports.append(Report(rest))
            continue
        if not reports:
            continue
        report = reports[-1]
        if kind == "module":
            report.modules.setdefault(fields[0], []).append(fields[1])
        elif kind == "sheet":
            report.sheets[fields[0]] = fields[1] == "True"
        elif kind == "control":
            report.buttons.append(Button(fields[0], fields[1]))
        elif kind == "bound" and report.buttons:
            report.buttons[-1].bindings.append(Binding(*fields[:3]))
        elif kind == "RunPython":
            if report.buttons:
                report.buttons[-1].calls.append(rest)
            else:
                report.errors.append(f"RunPython outside a button: {rest}")
        elif kind == "error":
            report.errors.append(rest)
        elif kind == "closed":
            report.closed = True
    return reports
