"""`calculate` says what is wrong with its input as every command does (a missing file, a
.csv) before it looks at the file type, and says rightly what it needs with and without
-o; a file-level problem of a file whose language nothing told is listed in both
languages."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "opsbook.cli", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd)


@pytest.mark.parametrize(("name", "content", "english", "chinese"), [
    ("missing.xlsb", None, "File not found", "找不到文件"),
    ("data.csv", "a,b\n1,2\n", "A CSV file holds one sheet", "CSV 文件只有一个工作表"),
])
def test_the_input_is_checked_before_its_type(tmp_path, name, content, english, chinese):
    if content is not None:
        (tmp_path / name).write_text(content)
    done = run("calculate", name, "-o", "out.xlsx", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert english in done.stderr and chinese in done.stderr
    assert "calculate writes" not in done.stderr


def test_a_workbook_of_another_type_is_told_what_each_form_needs(tmp_path):
    from opsbook.api import CannotWrite, calculate, new_workbook

    made = tmp_path / "t.xlsx"
    new_workbook("project", "en", made, sample=True)
    xls = tmp_path / "t.xlsb"  # any type calculate cannot write into
    xls.write_bytes(made.read_bytes())
    with pytest.raises(CannotWrite, match="writes into the workbook.*save it as .xlsx first"):
        calculate(xls)
    with pytest.raises(CannotWrite, match="into a copy of the workbook") as copy:
        calculate(xls, out=tmp_path / "o.xlsx")
    assert "工作簿的副本" in copy.value.zh
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsb", "t.xlsx"]


def test_a_damaged_file_alone_is_listed_in_both_languages(tmp_path):
    # a zip cut short (as a download stopped part way); text under the name is another
    # answer, a text file (tests/io9)
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    done = run("validate", "bad.xlsx", cwd=tmp_path)
    assert done.returncode == 2  # nothing could be read
    assert "The file is damaged" in done.stdout and "文件已损坏" in done.stdout
    zh = run("validate", "bad.xlsx", "--lang", "zh", cwd=tmp_path)
    assert "文件已损坏" in zh.stdout and "The file is damaged" not in zh.stdout


def test_a_new_results_workbook_is_asked_as_xlsx_only(tmp_path):
    """A command writing a new results workbook names the one type it takes (.xlsx), as
    its refusal of an .xlsm name does; calculate -o keeps its input's type (.xlsm too)."""
    import pytest

    from opsbook.api import CannotWrite, check_output

    for name in ("out.csv", "folder"):
        with pytest.raises(CannotWrite) as refused:
            check_output(tmp_path / name)
        assert "written as .xlsx files" in str(refused.value)
        assert refused.value.zh.split("：", 1)[1] == "结果只能写入 .xlsx 文件。"
    with pytest.raises(CannotWrite) as refused:
        check_output(tmp_path / "out.csv", like=tmp_path / "in.xlsm")
    assert ".xlsx or .xlsm" in str(refused.value)
