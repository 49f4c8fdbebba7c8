"""A file under a spreadsheet's name that is a web page, an XML Spreadsheet 2003 or a text
(CSV) export — as HR and ERP systems save a table as ``.xls`` — is told as what it is, with
what to do (open it in Excel, save it as .xlsx), in both languages, exit 2: never 'damaged',
which sends the user to fetch the same file again. Bytes that are no text stay damaged."""

from __future__ import annotations

import codecs

import pytest
from conftest import run_cli, sha256

import opsbook

HTML = ('<html><head><meta charset="utf-8"></head><body><table><tr><td>工号</td><td>姓名</td>'
        '</tr><tr><td>E0001</td><td>李娜</td></tr></table></body></html>').encode()
XML_2003 = (b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet '
            b'ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">a</Data></Cell></Row>'
            b'</Table></Worksheet></Workbook>')
CSV_GBK = "工号,姓名\r\nE0001,李娜\r\n".encode("gb18030")
TSV_UTF16 = codecs.BOM_UTF16_LE + "Employee ID\tName\r\nE0001\tLi Na\r\n".encode("utf-16-le")


@pytest.mark.parametrize(("name", "data", "en", "zh"), [
    ("export.xls", HTML, "it is a web page (HTML) under a spreadsheet's name",
     "这是网页（HTML）文件，只是用了电子表格的文件名"),
    ("export.xls", XML_2003, "it is an XML Spreadsheet 2003 file under a spreadsheet's name",
     "这是 XML 电子表格 2003 文件，只是用了电子表格的文件名"),
    ("export.xlsx", CSV_GBK, "it is a text file (such as a CSV export) under a spreadsheet's",
     "这是文本文件（如 CSV 导出文件），只是用了电子表格的文件名"),
    ("export.xls", TSV_UTF16, "it is a text file (such as a CSV export) under a spreadsheet's",
     "这是文本文件（如 CSV 导出文件），只是用了电子表格的文件名"),
])
def test_a_disguised_export_is_named_for_what_it_is(tmp_path, name, data, en, zh):
    path = tmp_path / name
    path.write_bytes(data)
    [issue] = opsbook.validate(path).issues
    assert (issue.code, issue.severity, issue.file) == ("not-a-workbook", "error", str(path))
    assert issue.message("en").startswith(f"Not a workbook that can be read: {en}")
    assert "open it in Excel and save it as .xlsx" in issue.message("en")
    assert issue.message("zh").startswith(f"不是可读取的工作簿：{zh}")
    assert "另存为 .xlsx" in issue.message("zh") and "损坏" not in issue.message("zh")


def test_the_command_line_says_so_in_chinese_and_exits_2(tmp_path):
    path = tmp_path / "考勤导出.xls"
    path.write_bytes(HTML)
    before = sha256(path)
    done = run_cli("validate", path, "--lang", "zh", "--jobs", "1", "-q")
    assert done.returncode == 2
    assert "[not-a-workbook] 不是可读取的工作簿：这是网页（HTML）文件" in done.stdout
    assert "damaged" not in done.stdout and sha256(path) == before


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03garbage\x00" * 10, bytes(range(256)) * 4])
def test_bytes_that_are_no_text_are_still_a_damaged_file(tmp_path, data):
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    [issue] = opsbook.validate(path).issues
    assert issue.code == "corrupt-file"
    assert issue.message("en").endswith("cannot be opened: the content is not a spreadsheet.")
