Attribute VB_Name = "OpsbookRibbon"
' The opsbook tab of the add-in opsbook.xlam: the callbacks that customUI14.xml names.
' The buttons act on the ACTIVE workbook, whatever its name and type: the add-in's
' xlwings module passes ActiveWorkbook.Name to Python, so xw.Book.caller() in the
' handler is the workbook the user is looking at, never the add-in.
' Labels and tips come from the add-in's "labels" sheet (English and Chinese, written
' by the build), in the Office UI language; LANGUAGE = zh or en in the user's
' opsbook.conf file overrides it.
' Keep this module free of logic: what a button does is written once, in Python.
Option Explicit

Private Const LABELS_SHEET As String = "labels"
Private UiLanguage As String

Public Sub OpsbookGetLabel(control As IRibbonControl, ByRef label)
    label = Text(control.ID)
End Sub

Public Sub OpsbookGetSupertip(control As IRibbonControl, ByRef supertip)
    supertip = Text(control.ID & ".tip")
End Sub

Public Sub OpsbookValidate(control As IRibbonControl)
    If HasWorkbook() Then RunPython "import opsbook.excel.tab; opsbook.excel.tab.validate()"
End Sub

Public Sub OpsbookCalculate(control As IRibbonControl)
    If HasWorkbook() Then RunPython "import opsbook.excel.tab; opsbook.excel.tab.calculate()"
End Sub

Public Sub OpsbookSettings(control As IRibbonControl)
    If HasWorkbook() Then RunPython "import opsbook.excel.tab; opsbook.excel.tab.settings()"
End Sub

Public Sub OpsbookNew(control As IRibbonControl)
    ' control.Tag is "KIND LANG", e.g. "appraisal zh". Python writes the workbook where
    ' the user says and opens it; the path travels as hexadecimal, safe in any command line.
    Dim parts() As String, target As Variant
    parts = Split(control.Tag, " ")
    target = Application.GetSaveAsFilename(InitialFileName:=Text(control.ID & ".file"))
    If VarType(target) = vbBoolean Then Exit Sub ' cancelled
    If ActiveWorkbook Is Nothing Then Workbooks.Add ' RunPython needs an active workbook
    RunPython "import opsbook.excel.tab; opsbook.excel.tab.new_workbook('" & parts(0) & _
        "', '" & parts(1) & "', '" & HexText(CStr(target)) & "')"
End Sub

Public Sub OpsbookHelp(control As IRibbonControl)
    MsgBox Text("opsbookHelp.text"), vbInformation, "opsbook"
End Sub

Private Function HasWorkbook() As Boolean
    HasWorkbook = Not ActiveWorkbook Is Nothing
    If Not HasWorkbook Then MsgBox Text("opsbookNoWorkbook"), vbExclamation, "opsbook"
End Function

Private Function Text(key As String) As String
    ' The text of key (column A of the labels sheet) in the UI language; the key if none.
    Dim sheet As Worksheet, row As Long
    Set sheet = ThisWorkbook.Worksheets(LABELS_SHEET)
    row = 2
    Do While sheet.Cells(row, 1).Value <> ""
        If sheet.Cells(row, 1).Value = key Then
            If Language() = "zh" Then
                Text = sheet.Cells(row, 3).Value
            Else
                Text = sheet.Cells(row, 2).Value
            End If
            Exit Function
        End If
        row = row + 1
    Loop
    Text = key
End Function

Private Function Language() As String
    ' zh or en: the LANGUAGE setting, else the Office UI language, else zh.
    Dim setting As String, id As Long
    If UiLanguage = "" Then
        On Error Resume Next
        setting = LCase(Trim(GetConfig("LANGUAGE", "", "user")))
        id = Application.LanguageSettings.LanguageID(2) ' msoLanguageIDUI
        On Error GoTo 0
        If setting = "zh" Or setting = "en" Then
            UiLanguage = setting
        Else
            Select Case id
                Case 0, 2052, 1028, 3076, 4100, 5124: UiLanguage = "zh"
                Case Else: UiLanguage = "en"
            End Select
        End If
    End If
    Language = UiLanguage
End Function

Private Function HexText(value As String) As String
    ' value as UTF-16 code units, four hexadecimal digits each.
    Dim i As Long, out As String
    For i = 1 To Len(value)
        out = out & Right$("000" & Hex$(AscW(Mid$(value, i, 1)) And &HFFFF&), 4)
    Next i
    HexText = out
End Function
