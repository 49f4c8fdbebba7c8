"""The add-in's New workbook never writes over a file that is there (Excel's save dialog may
not ask): the user's workbook is kept byte for byte and the message says so in the chosen
language, as ``opsbook new`` without ``--force`` refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from books import sample
from remote import remote_book

import opsbook.excel.tab


def hexed(path: Path) -> str:
    return str(path).encode("utf-16-be").hex().upper()


@pytest.mark.parametrize("lang, said", [
    ("zh", "{path} 已存在：“新建工作簿”不会覆盖已有文件（opsbook new 不加 --force 时也不会）。"
           "请换一个文件名，或先删除该文件。"),
    ("en", "{path} exists already: New workbook never writes over a file (opsbook new does "
           "not either, without --force). Choose another name, or delete that file first."),
])
def test_an_existing_file_is_not_written_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              lang: str, said: str) -> None:
    mine = tmp_path / "考勤 2026.xlsx"
    mine.write_bytes(b"the user's own workbook")
    with remote_book(sample(tmp_path, "en"), monkeypatch) as book:
        written = opsbook.excel.tab.new_workbook("attendance", lang, hexed(mine), book)
        actions = book.json()["actions"]
    assert written is None
    assert mine.read_bytes() == b"the user's own workbook"
    assert [a["args"][0] for a in actions if a["func"] == "alert"] == [said.format(path=mine)]


def test_a_name_without_xlsx_is_checked_with_the_ending_added(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "plan.xlsx"
    mine.write_bytes(b"kept")
    with remote_book(sample(tmp_path, "en"), monkeypatch) as book:
        assert opsbook.excel.tab.new_workbook("plan", "en", hexed(tmp_path / "plan"),
                                              book) is None
    assert mine.read_bytes() == b"kept"
