"""A page or a PDF of the user's at ``opsbook report -o`` is refused, as a workbook of the
user's is (README, Where results go: a file opsbook did not write is refused before
anything is read, exit 2, the file untouched). Before, ``-o notes.html`` or ``-o
contract.pdf`` replaced the user's file with the report; only ``.xlsx`` was checked. A
report opsbook wrote there, or an empty file, is still replaced."""

from __future__ import annotations

import pytest
from conftest import run_cli

import opsbook
from opsbook.excel import reporting
from opsbook.io.filebook import FileBook
from opsbook.reports.pdf import NoBrowser, find_browser


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "appraisal.xlsx"
    opsbook.new_workbook("appraisal", "en", path, sample=True)
    return path


@pytest.mark.parametrize("name, content", [
    ("notes.html", b"<html><body>my own notes</body></html>"),
    ("notes.HTM", b"<p>minutes of the meeting</p>"),
    ("contract.pdf", b"%PDF-1.7\n% a contract signed by hand\n"),
])
def test_a_file_of_the_users_is_not_replaced(sample, tmp_path, name, content):
    mine = tmp_path / name
    mine.write_bytes(content)
    done = run_cli("report", sample, "-o", tmp_path / "r.xlsx", "-o", mine)
    assert done.returncode == 2
    kind = mine.suffix.lower().lstrip(".")
    assert done.stderr.splitlines() == [
        f"opsbook: error: {mine}: this {kind} file is not a report opsbook wrote, so it is "
        "not replaced: give the report another file name",
        f"opsbook 错误：{mine}：该 {kind} 文件不是 opsbook 生成的报告，不会被覆盖；请为报告"
        "另指定一个文件名。"]
    assert mine.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing else written


def test_a_report_page_opsbook_wrote_or_an_empty_file_is_replaced(sample, tmp_path):
    page, empty = tmp_path / "r.html", tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert run_cli("report", sample, "-o", page, "-o", empty).returncode == 0
    first = page.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>") and empty.read_bytes().startswith(b"<!DOCTYPE")
    again = run_cli("report", sample, "-o", page, "--lang", "zh")
    assert again.returncode == 0, again.stderr
    assert "绩效考核报告" in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_pdf_opsbook_printed_is_replaced(sample, tmp_path):
    try:
        find_browser()
    except NoBrowser as reason:
        pytest.skip(str(reason))
    pdf = tmp_path / "r.pdf"
    assert run_cli("report", sample, "-o", pdf).returncode == 0
    again = run_cli("report", sample, "-o", pdf, "--lang", "zh")
    assert again.returncode == 0, again.stderr


def test_the_report_button_keeps_a_page_of_the_users(sample, tmp_path):
    workbook = tmp_path / "appraisal.xlsx"
    workbook.write_bytes(sample.read_bytes())
    mine = tmp_path / "appraisal.report.html"
    mine.write_bytes(b"<html>the page I keep beside my workbook</html>")
    port = FileBook(workbook)
    reporting.report(port)
    assert port.messages[-1] == (
        f"Report not written: {mine}: this html file is not a report opsbook wrote, so it is "
        "not replaced: give the report another file name.")
    assert mine.read_bytes() == b"<html>the page I keep beside my workbook</html>"
    assert not (tmp_path / "appraisal.report.xlsx").exists()
