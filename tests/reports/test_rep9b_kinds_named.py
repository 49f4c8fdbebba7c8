"""Workbooks of several kinds given to ``opsbook report`` are refused (exit 2) with each kind
and the files that are of it, in the order given, so the one that does not belong can be
found among many: English and Chinese, and in Chinese alone with ``--lang zh``."""

from __future__ import annotations

import pytest
from conftest import run_cli

import opsbook
from opsbook.api.report import NoReport


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kinds")
    made = {}
    for name, kind, lang in (("a.xlsx", "appraisal", "en"), ("p.xlsx", "project", "en"),
                             ("q.xlsx", "project", "zh")):
        made[name] = folder / name
        opsbook.new_workbook(kind, lang, made[name], sample=True)
    return made


def test_each_kind_said_with_its_files(books, tmp_path):
    done = run_cli("report", books["a.xlsx"], books["p.xlsx"], books["q.xlsx"],
                   "-o", tmp_path / "r.html", "-q")
    assert done.returncode == 2
    a, p, q = (str(books[n]) for n in ("a.xlsx", "p.xlsx", "q.xlsx"))
    assert (f"one report is made from workbooks of one kind; these are performance "
            f"appraisal ({a}), project tracker ({p}, {q})") in done.stderr
    assert (f"一份报告只能由同一类型的工作簿生成；这些工作簿分属绩效考核（{a}）、"
            f"项目管理（{p}、{q}）。") in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_in_the_order_given_and_in_chinese_alone(books, tmp_path):
    done = run_cli("report", books["p.xlsx"], books["a.xlsx"], "-o", tmp_path / "r.xlsx",
                   "--lang", "zh", "-q")
    assert done.returncode == 2
    p, a = str(books["p.xlsx"]), str(books["a.xlsx"])
    assert f"这些工作簿分属项目管理（{p}）、绩效考核（{a}）。" in done.stderr
    assert "one report" not in done.stderr


def test_python_says_the_same(books, tmp_path):
    with pytest.raises(NoReport) as refused:
        opsbook.build_report([books["a.xlsx"], books["p.xlsx"]], tmp_path / "r.html")
    assert f"project tracker ({books['p.xlsx']})" in str(refused.value)
