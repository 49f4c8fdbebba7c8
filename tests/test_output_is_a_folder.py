"""An output (-o, --annotate) that names a folder is told it is a folder, with a file name
to give, in both languages, exit 2, before anything is read or written."""

from __future__ import annotations

import pytest
from conftest import run_cli

from opsbook.api import new_workbook


@pytest.mark.parametrize(("command", "example"), [
    (["validate", "{book}", "--annotate", "{out}"], "plan.xlsx"),
    (["calculate", "{book}", "-o", "{out}"], "plan.xlsx"),
    (["plan", "consolidate", "{book}", "-o", "{out}"], "results.xlsx")])
def test_a_folder_as_the_output(tmp_path, command, example):
    book = new_workbook("plan", "en", tmp_path / "plan.xlsx", sample=True)
    out = tmp_path / "reports"
    out.mkdir()
    done = run_cli(*[part.format(book=book, out=out) for part in command])
    assert done.returncode == 2
    assert f"{out} is a folder; give the workbook's file name in it, such as " \
           f"{out / example}" in done.stderr
    assert f"{out} 是一个文件夹；请给出其中工作簿的文件名，例如 {out / example}。" in done.stderr
    assert list(out.iterdir()) == []
