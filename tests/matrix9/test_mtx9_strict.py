"""A workbook saved as Strict Open XML (Excel's "Strict Open XML Spreadsheet") given to every
command: read for checking and computing with the same answer as its .xlsx, refused in both
languages where a command would write into it or copy it (openpyxl would write it back
without its sheets), never changed."""

from __future__ import annotations

import zipfile
from functools import reduce
from pathlib import Path

import mtx9books as books
import pytest
from conftest import sha256
from mtx9cli import clean, opsbook

OUT = "out.xlsx"
#: The Transitional namespaces and their Strict forms, as Excel writes a Strict workbook.
STRICT = [(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
           b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
          (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
           b"http://purl.oclc.org/ooxml/officeDocument/relationships")]


def strict(kind: str, folder: Path) -> Path:
    """The valid workbook of ``kind`` with its parts in the Strict namespaces."""
    with zipfile.ZipFile(books.aside(kind, folder, "plain")) as plain:
        parts = {info.filename: plain.read(info) for info in plain.infolist()}
    path = folder / f"{kind}-strict.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, reduce(lambda text, names: text.replace(*names), STRICT, data)
                             if name.startswith("xl/") else data)
    return path


COMPUTE = {
    "appraisal": lambda f, o: ["appraisal", "score", f, "-o", o],
    "attendance": lambda f, o: ["attendance", "summarize", f, "-o", o],
    "project": lambda f, o: ["project", "status", f, "--as-of", "2026-11-20", "-o", o],
    "plan": lambda f, o: ["plan", "track", f, "--as-of", "2027-07-01", "-o", o],
}
REFUSED = {
    "annotate": lambda f, o: ["validate", f, "--annotate", o / "marked.xlsx"],
    "calculate": lambda f, o: ["calculate", f],
    "calculate-o": lambda f, o: ["calculate", f, "-o", o / OUT],
}
WHY = ("saved as a Strict Open XML Spreadsheet, which opsbook reads but cannot write",
       "保存为“Strict Open XML 电子表格”格式，opsbook 只能读取，无法写入")


@pytest.mark.parametrize("kind", books.DATA)
def test_a_strict_workbook_is_read_and_computed_as_its_xlsx(tmp_path, kind):
    file = strict(kind, tmp_path)
    plain = tmp_path / "plain" / f"{kind}.xlsx"
    before = sha256(file)
    checked = opsbook("validate", file)
    assert checked.code == 0, checked.text
    computed = opsbook(*COMPUTE[kind](file, tmp_path / OUT))
    assert computed.code == 0, clean(computed)
    assert (tmp_path / OUT).exists()
    same = opsbook(*COMPUTE[kind](plain, tmp_path / "plain.xlsx"))
    headline = [line for line in computed.text.splitlines() if str(tmp_path / OUT) in line]
    assert headline and [line.replace(str(tmp_path / OUT), "OUT") for line in headline] == [
        line.replace(str(tmp_path / "plain.xlsx"), "OUT") for line in same.text.splitlines()
        if str(tmp_path / "plain.xlsx") in line]
    assert opsbook("report", file, "-o", tmp_path / "report.html").code == 0
    assert sha256(file) == before


@pytest.mark.parametrize("command", REFUSED)
@pytest.mark.parametrize("kind", books.DATA)
def test_writing_a_strict_workbook_is_refused_in_both_languages(tmp_path, kind, command):
    file = strict(kind, tmp_path)
    before = sha256(file)
    said = opsbook(*REFUSED[command](file, tmp_path))
    text = clean(said)
    assert said.code == 2, text
    assert file.name in text and WHY[0] in text and WHY[1] in text, text
    assert sha256(file) == before
    assert not (tmp_path / OUT).exists() and not (tmp_path / "marked.xlsx").exists()


def test_plan_status_of_a_strict_plan_is_refused_in_both_languages(tmp_path):
    file = strict("plan", tmp_path)
    before = sha256(file)
    said = opsbook("plan", "status", file, "--set", "submitted")
    text = clean(said)
    assert said.code == 2
    assert WHY[0] in text and WHY[1] in text
    assert sha256(file) == before
