"""A workbook holding what openpyxl drops in saving it (text boxes, sparklines, Excel 2010
drop-down lists, slicers, form controls of an .xlsx) is never written back without them:
calculate in place and plan status refuse it (exit 2, both languages, the workbook
unchanged), a copy (-o) is still written, and no library warning reaches the terminal."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from pathlib import Path

import openpyxl
import xlsxwriter
from conftest import run_cli

import opsbook
from opsbook.io.unkept import unkept


def _rewrite(source: Path, target: Path, *, textbox: bool = False, sparkline: bool = False,
             sheet_name: str = "Tasks") -> Path:
    """``source`` written again with XlsxWriter, which can add a text box and sparklines."""
    book = openpyxl.load_workbook(source)
    out = xlsxwriter.Workbook(target)
    dates = out.add_format({"num_format": "yyyy-mm-dd"})
    for ws in book.worksheets:
        sheet = out.add_worksheet(ws.title)
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.datetime):
                    sheet.write_datetime(cell.row - 1, cell.column - 1, cell.value, dates)
                elif cell.value is not None:
                    sheet.write(cell.row - 1, cell.column - 1, cell.value)
        if ws.title == sheet_name:
            if textbox:
                sheet.insert_textbox("N4", "Update the costs every Friday")
            if sparkline:
                sheet.add_sparkline("M4", {"range": f"'{sheet_name}'!J4:K4"})
    out.close()
    return target


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tracker(tmp_path: Path, lang: str = "en") -> Path:
    path = tmp_path / f"sample.{lang}.xlsx"
    opsbook.new_workbook("project", lang, path, sample=True)
    return path


def test_what_openpyxl_drops_is_found_with_its_sheet(tmp_path):
    book = _rewrite(_tracker(tmp_path), tmp_path / "tracker.xlsx", textbox=True,
                    sparkline=True)
    assert unkept(book) == [("sparklines (Tasks)", "迷你图（Tasks）"),
                            ("text boxes or shapes (Tasks)", "文本框或形状（Tasks）")]


def test_a_plain_workbook_and_the_templates_hold_nothing_unkept(tmp_path):
    assert unkept(_tracker(tmp_path)) == []
    plain = _rewrite(_tracker(tmp_path), tmp_path / "plain.xlsx")
    assert unkept(plain) == []
    for template in Path(opsbook.__file__).parents[1].glob("workbooks/*.xlsm"):
        assert unkept(template) == [], template.name  # their buttons are kept


def test_calculate_in_place_refuses_and_a_copy_is_written(tmp_path):
    book = _rewrite(_tracker(tmp_path), tmp_path / "tracker.xlsx", textbox=True,
                    sparkline=True)
    before = _sha(book)
    done = run_cli("calculate", book)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "UserWarning" not in done.stderr
    assert ("it holds sparklines (Tasks) and text boxes or shapes (Tasks), which opsbook "
            "cannot keep in saving it. Give -o OUT") in done.stderr
    assert ("工作簿中有迷你图（Tasks）、文本框或形状（Tasks），opsbook 保存时无法保留。"
            in done.stderr)
    assert _sha(book) == before
    copy = tmp_path / "copy.xlsx"
    written = run_cli("calculate", book, "-o", copy)
    assert written.returncode == 0, written.stderr
    assert "UserWarning" not in written.stderr  # openpyxl's own words stay off the terminal
    assert "Status" in openpyxl.load_workbook(copy).sheetnames
    assert _sha(book) == before


def test_excel_2010_drop_down_lists_are_not_lost(tmp_path):
    source = _tracker(tmp_path, "zh")
    book = tmp_path / "x14.xlsx"
    ext = (b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://'
           b'schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations '
           b'count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
           b'<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>'
           b"'\xe9\xa1\xb9\xe7\x9b\xae'!$C$4:$C$7</xm:f></x14:formula1><xm:sqref>D4:D27"
           b"</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>")
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(book, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/worksheets/sheet3.xml":
                data = data.replace(b"</worksheet>", ext + b"</worksheet>")
            new.writestr(info, data)
    assert unkept(book) == [("drop-down lists in Excel 2010 form (任务)",
                             "Excel 2010 格式的下拉列表（数据验证）（任务）")]
    before = _sha(book)
    done = run_cli("calculate", book)
    assert done.returncode == 2 and _sha(book) == before


def test_form_controls_and_slicers_of_an_xlsx_are_found(tmp_path):
    source = _tracker(tmp_path)
    book = tmp_path / "controls.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(book, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info.filename))
        new.writestr("xl/ctrlProps/ctrlProp1.xml", b'<formControlPr objectType="CheckBox"/>')
        new.writestr("xl/slicers/slicer1.xml", b"<slicers/>")
    found = [english for english, _zh in unkept(book)]
    assert found == ["slicers", "form controls (check boxes, lists)"]
    assert [english for english, _zh in unkept(book, macros=True)] == ["slicers"]


def test_plan_status_refuses_a_plan_with_a_text_box(tmp_path):
    sample = tmp_path / "sample.xlsx"
    opsbook.new_workbook("plan", "en", sample, sample=True)
    plan = _rewrite(sample, tmp_path / "plan.xlsx", textbox=True, sheet_name="Plan")
    before = _sha(plan)
    done = run_cli("plan", "status", plan, "--set", "submitted")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "text boxes or shapes (Plan)" in done.stderr and "文本框或形状（Plan）" in done.stderr
    assert _sha(plan) == before


def _strict(source: Path, target: Path) -> Path:
    """``source`` saved as Excel saves a Strict Open XML Spreadsheet: the same parts, with
    the ISO namespaces."""
    names = [(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
              b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
             (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
              b"http://purl.oclc.org/ooxml/officeDocument/relationships")]
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename.startswith("xl/"):
                for transitional, strict in names:
                    data = data.replace(transitional, strict)
            new.writestr(info, data)
    return target


def test_a_strict_workbook_is_read_but_never_written_without_its_sheets(tmp_path):
    book = _strict(_tracker(tmp_path), tmp_path / "strict.xlsx")
    assert opsbook.validate(book).valid  # read for checking
    before = _sha(book)
    done = run_cli("calculate", book)
    assert done.returncode == 2
    assert "it is saved as a Strict Open XML Spreadsheet, which opsbook reads but cannot " \
           "write. In Excel, save it as Excel Workbook (.xlsx)" in done.stderr
    assert "该工作簿保存为“Strict Open XML 电子表格”格式" in done.stderr
    assert _sha(book) == before  # before, every sheet of the user's was gone
    copy = tmp_path / "copy.xlsx"
    refused = run_cli("calculate", book, "-o", copy)
    assert refused.returncode == 2 and not copy.exists()
    assert f"Cannot write {copy}: {book} is saved as a Strict" in refused.stderr
    annotated = run_cli("validate", book, "--annotate", tmp_path / "annotated.xlsx")
    assert annotated.returncode == 2 and not (tmp_path / "annotated.xlsx").exists()


def test_plan_status_refuses_a_strict_plan(tmp_path):
    sample = tmp_path / "sample.xlsx"
    opsbook.new_workbook("plan", "zh", sample, sample=True)
    plan = _strict(sample, tmp_path / "plan.xlsx")
    before = _sha(plan)
    done = run_cli("plan", "status", plan, "--set", "submitted")
    assert done.returncode == 2 and "Strict Open XML" in done.stderr
    assert _sha(plan) == before


def test_a_package_laid_out_differently_is_refused_for_writing_in_words(tmp_path):
    import packages  # the rearranged packages every reader reads

    data = _tracker(tmp_path).read_bytes()
    for name in ("workbook-at-root", "backslash-part-names"):
        book = tmp_path / f"{name}.xlsx"
        book.write_bytes(packages.LAYOUTS[name](data))
        before = _sha(book)
        assert opsbook.validate(book).valid  # read for checking, as the README says
        done = run_cli("calculate", book)
        assert done.returncode == 2, name
        assert "could not finish" not in done.stderr  # before: an IndexError or KeyError
        assert "package is laid out in a way opsbook reads but cannot write" in done.stderr
        assert "内部结构（文件包中各部件的位置）opsbook 只能读取，无法写入" in done.stderr
        assert _sha(book) == before
