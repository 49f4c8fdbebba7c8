"""Headless LibreOffice for the add-in tests: load an ``.xlam`` and call its ribbon callbacks.

LibreOffice opens an add-in only when told its filter. The harness (a Basic module put in
the private profile, as in :mod:`lo`) loads the add-in hidden with its macros allowed, lists
its VBA modules and sheets, then loads an ordinary workbook and calls each script given,
through the add-in's script provider: a ribbon callback gets ``Nothing`` for its control, a
function given ``name|argument`` gets that argument. Results and errors go to the log, and
so does every ``RunPython`` call of the test-only :data:`STUB_XLWINGS`.

LibreOffice cannot show what Excel's ``ActiveWorkbook`` is inside an add-in (it answers with
the document whose macro runs), so the active-workbook tests read the real xlwings module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from lo import LibreOffice

#: The add-in's xlwings module for these tests: RunPython records its command, GetConfig
#: answers the LANGUAGE asked for in OPSBOOK_LO_LANGUAGE.
STUB_XLWINGS = """\
Attribute VB_Name = "xlwings"
' Test stand-in for the add-in's xlwings module.
Option Explicit

Public Function RunPython(PythonCommand As String)
    Dim f As Integer
    f = FreeFile
    Open Environ("OPSBOOK_LO_LOG") For Append As #f
    Print #f, "RunPython" & Chr(9) & PythonCommand
    Close #f
End Function

Public Function GetConfig(configKey As String, Optional default As String = "", _
                          Optional source As String = "") As Variant
    GetConfig = Environ("OPSBOOK_LO_LANGUAGE")
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
    Dim aArgs(2) As New com.sun.star.beans.PropertyValue
    aArgs(0).Name = "Hidden"
    aArgs(0).Value = True
    aArgs(1).Name = "MacroExecutionMode"
    aArgs(1).Value = com.sun.star.document.MacroExecMode.ALWAYS_EXECUTE_NO_WARN
    aArgs(2).Name = "FilterName"
    aArgs(2).Value = "Calc MS Excel 2007 VBA XML"
    oAddin = StarDesktop.loadComponentFromURL(Environ("OPSBOOK_LO_ADDIN"), "_blank", 0, aArgs())
    oLibs = oAddin.BasicLibraries
    For Each sLib In oLibs.getElementNames()
        oLibs.loadLibrary(sLib)
        For Each sMod In oLibs.getByName(sLib).getElementNames()
            Record "module" & T & sMod
        Next
    Next
    For s = 0 To oAddin.Sheets.Count - 1
        Record "sheet" & T & oAddin.Sheets.getByIndex(s).Name
    Next
    Dim aBook(1) As New com.sun.star.beans.PropertyValue
    aBook(0).Name = "Hidden"
    aBook(0).Value = True
    aBook(1).Name = "MacroExecutionMode"
    aBook(1).Value = com.sun.star.document.MacroExecMode.ALWAYS_EXECUTE_NO_WARN
    oBook = StarDesktop.loadComponentFromURL(Environ("OPSBOOK_LO_BOOK"), "_blank", 0, aBook())
    oProvider = oAddin.getScriptProvider()
    For Each sCall In Split(Environ("OPSBOOK_LO_CALLS"), Chr(10))
        If sCall <> "" Then
            aCall = Split(sCall, "|")
            Record "call" & T & aCall(0)
            oScript = oProvider.getScript("vnd.sun.star.script:VBAProject." & aCall(0) _
                & "?language=Basic&location=document")
            If UBound(aCall) > 0 Then
                aIn = Array(aCall(1))
            Else
                aIn = Array(Nothing)
            End If
            On Error Resume Next
            vResult = oScript.invoke(aIn, Array(), Array())
            If Err <> 0 Then Record "error" & T & Err & T & Error$
            On Error Goto Failed
            Record "result" & T & vResult
        End If
    Next
    oBook.close(True)
    oAddin.close(True)
    Record "closed"
    StarDesktop.terminate()
    Exit Sub
Failed:
    Record "error" & T & Err & T & Error$
    StarDesktop.terminate()
End Sub
"""


@dataclass
class Call:
    """One script called: what it returned and the RunPython commands it made."""

    script: str
    result: str = ""
    run_python: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class AddinRun:
    """What the harness saw."""

    modules: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    closed: bool = False


def run_addin(office: LibreOffice, addin: Path, book: Path, calls: list[str],
              language: str = "") -> AddinRun:
    """Load ``addin`` and ``book`` in LibreOffice and call each of ``calls``
    (``Module.Sub``, or ``Module.Function|argument``)."""
    _install(office)
    env = {"OPSBOOK_LO_ADDIN": addin.resolve().as_uri(),
           "OPSBOOK_LO_BOOK": book.resolve().as_uri(), "OPSBOOK_LO_CALLS": "\n".join(calls),
           "OPSBOOK_LO_LANGUAGE": language}
    text, result = office.run_macro("macro:///Standard.OpsbookAddinHarness.Main", env, "addin",
                                    bool)
    if not text:
        raise RuntimeError(f"the add-in harness wrote nothing: {result.stdout}{result.stderr}")
    return _parse(text)


def _install(office: LibreOffice) -> None:
    basic = office.profile / "user" / "basic" / "Standard"
    index = basic / "script.xlb"
    if not index.exists():
        office.run("--terminate_after_init")
    (basic / "OpsbookAddinHarness.xba").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN"'
        ' "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script"'
        ' script:name="OpsbookAddinHarness" script:language="StarBasic">'
        f"{escape(_HARNESS)}</script:module>\n",
        encoding="utf-8",
    )
    text = index.read_text(encoding="utf-8")
    entry = '<library:element library:name="OpsbookAddinHarness"/>'
    if entry not in text:
        index.write_text(text.replace("</library:library>", f" {entry}\n</library:library>"),
                         encoding="utf-8")


def _parse(text: str) -> AddinRun:
    run = AddinRun()
    for line in text.splitlines():
        kind, _, rest = line.partition("\t")
        if kind == "module":
            run.modules.append(rest)
        elif kind == "sheet":
            run.sheets.append(rest)
        elif kind == "call":
            run.calls.append(Call(rest))
        elif kind == "result" and run.calls:
            run.calls[-1].result = rest
        elif kind == "RunPython" and run.calls:
            run.calls[-1].run_python.append(rest)
        elif kind == "error":
            (run.calls[-1].errors if run.calls else run.errors).append(rest)
        elif kind == "closed":
            run.closed = True
    return run
