Attribute VB_Name = "opsbook"
' The buttons of the opsbook workbooks: one Sub per button on the Control sheet.
' Each Sub hands over to the Python handler of the same name through xlwings'
' RunPython; the xlwings module is embedded in the workbook, so no add-in is needed.
' Which Python runs is set on the hidden xlwings.conf sheet.
' Keep this module free of logic: what a button does is written once, in Python.
Option Explicit

Public Sub OpsbookValidate()
    RunPython "import opsbook.excel; opsbook.excel.validate()"
End Sub

Public Sub OpsbookCalculate()
    RunPython "import opsbook.excel; opsbook.excel.calculate()"
End Sub

Public Sub OpsbookReport()
    RunPython "import opsbook.excel; opsbook.excel.report()"
End Sub

Public Sub OpsbookEmail()
    RunPython "import opsbook.excel; opsbook.excel.email()"
End Sub
