"""Files that are no standard workbook: one clear line each, exit code 2, never a traceback.

Every case runs the real command line on the bad file together with a good workbook: the
good one is still checked, and neither file is changed by a single byte.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import quirkbooks
from conftest import run_cli, sha256

import opsbook

Maker = Callable[[Path, pytest.FixtureRequest], Path]


def _csv(folder: Path, request: pytest.FixtureRequest) -> Path:
    path = folder / "data.csv"
    path.write_text("工号，姓名，部门\nE001，张伟，运营部\n", encoding="utf-8")
    return path


def _truncated(folder: Path, request: pytest.FixtureRequest) -> Path:
    whole = quirkbooks.build("valid-attendance", folder / "whole.xlsx").read_bytes()
    path = folder / "truncated.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    (folder / "whole.xlsx").unlink()
    return path


def _not_a_zip(folder: Path, request: pytest.FixtureRequest) -> Path:
    path = folder / "renamed-text.xlsx"
    path.write_text("this was a text file before someone renamed it\n", encoding="utf-8")
    return path


def _zip_of_something_else(folder: Path, request: pytest.FixtureRequest) -> Path:
    path = folder / "renamed-archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return path


def _word_document(folder: Path, request: pytest.FixtureRequest) -> Path:
    """A Word document (the parts Word writes, trimmed) renamed to .xlsx."""
    path = folder / "minutes.xlsx"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" '
            f'ContentType="{main}"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def _password(folder: Path, request: pytest.FixtureRequest) -> Path:
    books = request.getfixturevalue("libreoffice_books")
    return Path(shutil.copy(books["password-protected.xlsx"], folder))


def _empty(folder: Path, request: pytest.FixtureRequest) -> Path:
    path = folder / "empty.xlsx"
    path.write_bytes(b"")
    return path


def _no_kind(folder: Path, request: pytest.FixtureRequest) -> Path:
    return quirkbooks.write(folder / "shopping-list.xlsx", {
        "Groceries": [["Item", "Quantity", "Shop"], ["Milk", 2, "Corner"], ["Rice", 1, "Market"]],
        "Notes": [["Remember the bags"]],
    })


def _missing(folder: Path, request: pytest.FixtureRequest) -> Path:
    return folder / "not-there.xlsx"


def _unreadable(folder: Path, request: pytest.FixtureRequest) -> Path:
    path = quirkbooks.build("valid-attendance", folder / "locked.xlsx")
    path.chmod(0)
    request.addfinalizer(lambda: path.chmod(0o644))
    if os.access(path, os.R_OK) and hasattr(socket, "AF_UNIX"):
        # root reads a file of mode 000 (as CI runs): what nobody can open instead, a
        # socket under the workbook's name (opening it fails as a denied read does)
        path.unlink()
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        request.addfinalizer(server.close)
    return path


#: case → (file maker, the one issue code it gives)
BAD: dict[str, tuple[Maker, str]] = {
    "csv": (_csv, "csv-file"),
    "truncated": (_truncated, "corrupt-file"),
    "not-a-zip": (_not_a_zip, "not-a-workbook"),  # a text file renamed: said so
    "zip-of-something-else": (_zip_of_something_else, "not-a-workbook"),
    "word-document": (_word_document, "not-a-workbook"),
    "password-protected": (_password, "password-protected"),
    "empty": (_empty, "empty-file"),
    "no-kind": (_no_kind, "unknown-kind"),
    "missing": (_missing, "file-not-found"),
    "unreadable": (_unreadable, "file-unreadable"),
}


def good_workbook(folder: Path) -> Path:
    """A workbook with three warnings and no error: proof that it was checked."""
    return quirkbooks.build("dates-as-text", folder / "good.xlsx")


#: the cases; the one LibreOffice saves (encrypted) marked slow
CASES = [pytest.param(case, marks=pytest.mark.slow) if case == "password-protected" else case
         for case in sorted(BAD)]


def no_traceback(done) -> None:
    for stream in (done.stdout, done.stderr):
        assert "Traceback" not in stream
        assert 'File "' not in stream


@pytest.mark.parametrize("case", CASES)
def test_bad_file_exits_2_with_one_message_and_the_good_file_is_still_checked(
        tmp_path, request, case):
    make, code = BAD[case]
    bad = make(tmp_path, request)
    good = good_workbook(tmp_path)
    before = {p: sha256(p) for p in (bad, good) if p.is_file() and os.access(p, os.R_OK)}

    done = run_cli("validate", bad, good, "--format", "json")

    no_traceback(done)
    assert done.returncode == 2, done.stderr
    report = json.loads(done.stdout)
    assert report["readable"] is False and report["valid"] is False
    about_bad = [i for i in report["issues"] if i["file"] == str(bad)]
    assert len(about_bad) == 1, about_bad
    (issue,) = about_bad
    assert (issue["code"], issue["category"], issue["severity"]) == (code, "file", "error")
    assert issue["message"] and "\n" not in issue["message"]
    about_good = [i for i in report["issues"] if i["file"] == str(good)]
    assert [i["code"] for i in about_good] == ["coerced-value"] * 3
    assert str(good) in report["files"]
    assert {p: sha256(p) for p in before} == before


def test_every_bad_file_in_one_run_gets_its_own_line(tmp_path, request):
    files = []
    for case, (make, _code) in sorted(BAD.items()):
        if case in ("password-protected", "unreadable"):
            continue  # need LibreOffice or a non-root user; covered above
        folder = tmp_path / case
        folder.mkdir()
        files.append(make(folder, request))
    good = good_workbook(tmp_path)

    done = run_cli("validate", *files, good)

    no_traceback(done)
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    for path in files:
        heads = [n for n, line in enumerate(lines) if line.startswith(f"{path}:")]
        assert len(heads) == 1, (path, done.stdout)
        assert "1 error(s)" in lines[heads[0]]
        assert lines[heads[0] + 1].startswith("  ✗ [")
    assert any(line.startswith(f"{good}: ✓ valid, 3 warning(s)") for line in lines)


def test_a_folder_skips_what_is_not_a_spreadsheet_and_checks_the_workbooks(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    good = good_workbook(folder)
    other = quirkbooks.build("valid-plan", folder / "plan.xlsx")
    notes = folder / "notes.txt"
    notes.write_text("minutes of the planning meeting\n", encoding="utf-8")

    done = run_cli("validate", folder, "--format", "json")

    no_traceback(done)
    assert done.returncode == 0
    report = json.loads(done.stdout)
    assert sorted(report["files"]) == sorted([str(good), str(other)])
    skipped = [i for i in report["issues"] if i["file"] == str(notes)]
    assert [(i["code"], i["severity"]) for i in skipped] == [("skipped-file", "info")]
    assert [i["code"] for i in report["issues"] if i["file"] == str(good)] == ["coerced-value"] * 3


def test_a_folder_with_a_damaged_workbook_exits_2_and_checks_the_rest(tmp_path, request):
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = good_workbook(folder)
    bad = _truncated(folder, request)
    (folder / "notes.txt").write_text("-", encoding="utf-8")
    before = {p: sha256(p) for p in (good, bad)}

    done = run_cli("validate", folder, "--format", "json")

    no_traceback(done)
    assert done.returncode == 2
    report = json.loads(done.stdout)
    codes = {(Path(i["file"]).name, i["code"]) for i in report["issues"]}
    assert codes == {("truncated.xlsx", "corrupt-file"), ("notes.txt", "skipped-file"),
                     ("good.xlsx", "coerced-value")}
    assert {p: sha256(p) for p in before} == before


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_xls_and_ods_are_read_and_validated_like_xlsx(tmp_path, libreoffice_books, suffix):
    path = Path(shutil.copy(libreoffice_books[f"attendance-sample{suffix}"], tmp_path))
    original = libreoffice_books["sources"] / "attendance-sample.xlsx"
    before = sha256(path)

    done = run_cli("validate", path, "--format", "json")

    no_traceback(done)
    assert done.returncode == 0, done.stdout
    report = json.loads(done.stdout)
    (note, *rest) = report["issues"]
    assert (note["code"], note["severity"]) == ("read-only-format", "info")
    assert suffix in note["message"]
    expected = opsbook.validate(original).issues
    assert [(i["code"], i["sheet"], i["cell"]) for i in rest] == [
        (i.code, i.sheet, i.cell) for i in expected]
    book, reference = opsbook.load(path), opsbook.load(original)
    assert book.format == suffix[1:]
    for sheet in reference.tables:
        assert book[sheet].equals(reference[sheet]) or book[sheet].astype(object).equals(
            reference[sheet].astype(object)), sheet
    assert sha256(path) == before


@pytest.mark.slow
def test_annotating_an_xls_says_why_it_cannot(tmp_path, libreoffice_books):
    path = Path(shutil.copy(libreoffice_books["attendance-sample.xls"], tmp_path))
    done = run_cli("validate", path, "--annotate", tmp_path / "marked.xls")
    no_traceback(done)
    assert done.returncode == 2
    english, chinese = done.stderr.strip().splitlines()  # no --lang: both languages
    assert ".xlsx" in english and "标注需要 .xlsx" in chinese
    assert not (tmp_path / "marked.xls").exists()


@pytest.mark.parametrize("case", CASES)
def test_the_library_reports_instead_of_raising(tmp_path, request, case):
    make, code = BAD[case]
    bad = make(tmp_path, request)
    report = opsbook.validate(bad)
    assert [i.code for i in report.issues] == [code]
    assert report.exit_code == 2
    with pytest.raises(opsbook.NotAWorkbook) as raised:
        opsbook.load(bad)
    assert raised.value.issue.code == code


def test_file_messages_say_what_happened_and_what_to_do(tmp_path, request):
    """No reader's own words (``Could not find EOCD``): what happened, and what to do."""
    truncated = opsbook.validate(_truncated(tmp_path, request)).issues[0]
    assert "take the file again" in truncated.message("en")
    assert "EOCD" not in truncated.message("en") and "重新获取" in truncated.message("zh")
    word = opsbook.validate(_word_document(tmp_path, request)).issues[0]
    assert "a Word document" in word.message("en") and "Word 文档" in word.message("zh")


def test_an_unwritable_output_names_the_file_asked_for(tmp_path):
    """Writing where no file can be written: the error names the output, in words, never
    the hidden temporary file beside it, and leaves nothing behind."""
    from opsbook.io.atomic import WriteFailed, replace_atomically

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "results.xlsx"
    target.mkdir()  # a folder where the output file should go: it cannot be replaced
    with pytest.raises(WriteFailed) as raised:
        replace_atomically(target, lambda temp: temp.write_bytes(b"data"))
    text = str(raised.value)
    assert text.startswith(f"Cannot write {target}: ") and "run again" in text
    assert ".results." not in text and "Errno" not in text
    assert sorted(p.name for p in folder.iterdir()) == ["results.xlsx"]
    blocked = tmp_path / "a-file"
    blocked.write_text("-")
    with pytest.raises(WriteFailed) as raised:
        replace_atomically(blocked / "results.xlsx", lambda temp: None)
    assert str(raised.value).startswith(f"Cannot write {blocked / 'results.xlsx'}: ")


def test_the_command_line_says_an_output_cannot_be_written_in_a_line_per_language(tmp_path):
    good = good_workbook(tmp_path)
    target = tmp_path / "marked.xlsx"
    target.mkdir()
    done = run_cli("validate", good, "--annotate", target)
    no_traceback(done)
    assert done.returncode == 2
    line, zh = done.stderr.strip().splitlines()  # English, then Chinese
    assert f"{target} is a folder; give the workbook's file name in it, such as " in line
    assert ".marked." not in line and "Errno" not in line
    assert f"{target} 是一个文件夹；请给出其中工作簿的文件名" in zh
