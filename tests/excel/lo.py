"""Headless LibreOffice for the tests: open a workbook, convert it, press its buttons.

Every call runs ``soffice --headless`` with a private profile (``-env:UserInstallation``), so
tests can run in parallel and never touch the user's own profile, and every call is bounded
by a timeout, after which the process group it started is killed.

Pressing buttons needs no UNO bridge: the profile's ``Standard`` Basic library gets a small
harness module, started with a ``macro:///`` URL. It loads the workbook hidden with document
macros allowed, lists the VBA modules LibreOffice imported, the sheets and every form control
with the script its click event is bound to, and in "press" mode invokes each bound script
through the document's script provider, exactly what a click does. LibreOffice runs the
imported VBA in its VBA compatibility mode. Tests replace the xlwings module by
:data:`STUB_XLWINGS`, whose ``RunPython`` writes its argument to the same log, so the log shows
which Python call each button makes. Arguments travel in environment variables, not in the
macro URL, so paths need no quoting.

A Basic run-time error inside a pressed Sub is not reported (headless LibreOffice swallows
the error box); a test sees it as a button that recorded no call.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

TIMEOUT = 120  # seconds for one LibreOffice run; a cold start takes a few

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
    Dim T As String
    T = Chr(9)
    On Error Goto Failed
    Dim aArgs(1) As New com.sun.star.beans.PropertyValue
    aArgs(0).Name = "Hidden"
    aArgs(0).Value = True
    aArgs(1).Name = "MacroExecutionMode"
    aArgs(1).Value = com.sun.star.document.MacroExecMode.ALWAYS_EXECUTE_NO_WARN
    oDoc = StarDesktop.loadComponentFromURL(Environ("OPSBOOK_LO_DOC"), "_blank", 0, aArgs())
    Record "loaded"
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
                        ' Invoked as a statement, invoke fails after the Sub has run.
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
    StarDesktop.terminate()
    Exit Sub
Failed:
    Record "error" & T & Err & T & Error$
    StarDesktop.terminate()
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
        self.profile = Path(home) / "profile"
        self.home = Path(home)

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

    def convert(self, workbook: Path, out_dir: Path, fmt: str = "pdf") -> Path:
        """Convert ``workbook`` to ``fmt`` in ``out_dir``; return the file written."""
        out_dir.mkdir(parents=True, exist_ok=True)
        result = self.run("--convert-to", fmt, "--outdir", str(out_dir), str(workbook))
        target = out_dir / f"{workbook.stem}.{fmt}"
        if not target.exists():
            raise RuntimeError(f"soffice wrote no {target.name}: {result.stdout}{result.stderr}")
        return target

    def inspect(self, workbook: Path) -> Report:
        """Modules, sheets and button bindings as LibreOffice loads them."""
        return self._harness(workbook, "inspect")

    def press_buttons(self, workbook: Path) -> Report:
        """Like :meth:`inspect`, and press every button, recording what each one called."""
        return self._harness(workbook, "press")

    def _harness(self, workbook: Path, mode: str) -> Report:
        self._install_harness()
        log = self.home / f"{workbook.name}.{mode}.log"
        log.unlink(missing_ok=True)
        env = {
            "OPSBOOK_LO_LOG": str(log),
            "OPSBOOK_LO_DOC": Path(workbook).resolve().as_uri(),
            "OPSBOOK_LO_MODE": mode,
        }
        result = self.run("macro:///Standard.OpsbookHarness.Main", env=env)
        if not log.exists():
            raise RuntimeError(f"the harness recorded nothing: {result.stdout}{result.stderr}")
        return _parse(log.read_text(encoding="utf-8"))

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


def _parse(text: str) -> Report:
    report = Report()
    for line in text.splitlines():
        kind, _, rest = line.partition("\t")
        fields = rest.split("\t")
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
    return report
