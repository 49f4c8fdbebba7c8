"""``validate --annotate OUT`` says where the marked copy went in the language of the rest of
its lines: ``--lang``, else the workbook's (a Chinese workbook's copy was announced in
English under Chinese findings)."""

from __future__ import annotations

import openpyxl
from conftest import run_cli

import opsbook


def broken(tmp_path, lang):
    path = opsbook.new_workbook("appraisal", lang, tmp_path / f"a.{lang}.xlsx", sample=True)
    book = openpyxl.load_workbook(path)
    book["评分" if lang == "zh" else "Scores"]["E4"] = 120
    book.save(path)
    return path


def test_the_copy_is_announced_in_the_workbooks_language(tmp_path):
    zh = run_cli("validate", broken(tmp_path, "zh"), "--annotate", tmp_path / "zh-marked.xlsx")
    assert zh.returncode == 1, zh.stderr
    assert f"已写出标注副本：{tmp_path / 'zh-marked.xlsx'}" in zh.stderr
    assert "annotated copy" not in zh.stderr
    assert "共 1 个文件，1 个错误，0 个警告" in zh.stdout
    en = run_cli("validate", broken(tmp_path, "en"), "--annotate", tmp_path / "en-marked.xlsx")
    assert f"annotated copy: {tmp_path / 'en-marked.xlsx'}" in en.stderr
    assert (tmp_path / "zh-marked.xlsx").is_file() and (tmp_path / "en-marked.xlsx").is_file()


def test_lang_wins_over_the_workbooks_language(tmp_path):
    done = run_cli("validate", broken(tmp_path, "zh"), "--annotate", tmp_path / "m.xlsx",
                   "--lang", "en")
    assert f"annotated copy: {tmp_path / 'm.xlsx'}" in done.stderr
    assert "1 file(s), 1 error(s), 0 warning(s)" in done.stdout
