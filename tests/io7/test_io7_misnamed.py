"""A workbook whose name says another format than its content (an .xls or .ods saved under
an .xlsx name, as some systems export; an .xlsx named .xls) is read by its content: it was
called damaged ("it ends too early … take the file again"); writing into it is refused in
words, in both languages, and the file is never changed."""

from __future__ import annotations

import hashlib
import shutil

import pytest
from conftest import run_cli

import opsbook
from opsbook.api.workbook import calculate as calculate_file
from opsbook.io.atomic import WriteFailed


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
@pytest.mark.parametrize(("made", "fmt"), [("attendance-sample.xls", "xls"),
                                           ("attendance-sample.ods", "ods")])
def test_an_xls_or_ods_under_an_xlsx_name_is_read(libreoffice_books, tmp_path, made, fmt):
    path = tmp_path / "export.xlsx"
    shutil.copy(libreoffice_books[made], path)
    right = opsbook.validate(libreoffice_books[made])
    report = opsbook.validate(path)
    assert report.readable and report.valid
    assert sorted(i.code for i in report.issues) == sorted(i.code for i in right.issues)
    [note] = [i for i in report.issues if i.code == "read-only-format"]
    assert note.message() == (f".{fmt} (under an .xlsx name) files are read for checking "
                              "only; annotating or writing results needs .xlsx or .xlsm.")
    assert note.message("zh").startswith(f".{fmt}（文件名却是 .xlsx） 文件只能用于检查")


@pytest.mark.slow
def test_writing_into_an_xls_under_an_xlsx_name_is_refused_in_words(libreoffice_books,
                                                                     tmp_path):
    path = tmp_path / "export.xlsx"
    shutil.copy(libreoffice_books["attendance-sample.xls"], path)
    before = _digest(path)
    with pytest.raises(WriteFailed) as refused:
        calculate_file(path, out=tmp_path / "out.xlsx")
    assert "it is an .xls workbook under an .xlsx name" in str(refused.value)
    assert "这是 .xls 格式的工作簿，只是文件名为 .xlsx" in refused.value.zh
    done = run_cli("calculate", path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "save it as .xlsx (Excel Workbook)" in done.stderr
    assert "另存为 .xlsx（Excel 工作簿）后重试" in done.stderr
    assert _digest(path) == before and not (tmp_path / "out.xlsx").exists()


def test_an_xlsx_named_xls_is_read(tmp_path):
    path = tmp_path / "attendance.xlsx"
    opsbook.new_workbook("attendance", "zh", path, sample=True)
    named = path.with_suffix(".xls")
    path.rename(named)
    report = opsbook.validate(named)
    assert report.readable and report.valid  # was corrupt-file: "parts of it are damaged"
