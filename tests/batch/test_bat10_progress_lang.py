"""Progress follows the command's --lang: under --lang zh the lines of a run in a pipe are
said in Chinese (``validate：1/2 books/a.xlsx（0.1 秒）``), as every other line it prints;
without --lang, or with --lang en, they stay English. From Python, BatchOptions(lang=…)
chooses, and a command's own ``lang`` setting is heard when the options give none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli

from opsbook.api import new_workbook
from opsbook.api.common import load_many
from opsbook.batch import BatchOptions, BatchProblem

ZH = re.compile(r"^(?P<label>[a-z ]+)：(?P<done>\d+)/(?P<total>\d+) (?P<file>\S+)"
                r"（\d+\.\d 秒）$")
EN = re.compile(r"^(?P<label>[a-z ]+): (?P<done>\d+)/(?P<total>\d+) (?P<file>\S+)"
                r" \(\d+\.\d s\)$")


@pytest.fixture
def two(tmp_path: Path) -> Path:
    folder = tmp_path / "books"
    folder.mkdir()
    new_workbook("project", "en", folder / "a.xlsx", sample=True, seed=3)
    new_workbook("project", "zh", folder / "b.xlsx", sample=True, seed=5)
    return folder


def progress_lines(stderr: str, pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    return [(m["label"], f"{m['done']}/{m['total']}", Path(m["file"]).name)
            for m in map(pattern.match, stderr.splitlines()) if m]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_lines_are_chinese_under_lang_zh(two: Path, jobs: str):
    done = run_cli("validate", two, "--lang", "zh", "--jobs", jobs)
    assert done.returncode == 0, done.stderr
    got = progress_lines(done.stderr, ZH)
    assert sorted(got) == [("validate", "1/2", got[0][2]), ("validate", "2/2", got[1][2])]
    assert sorted(name for *_, name in got) == ["a.xlsx", "b.xlsx"]
    assert progress_lines(done.stderr, EN) == []  # not one English line left


def test_a_computing_command_under_lang_zh(two: Path, tmp_path: Path):
    done = run_cli("project", "status", two, "-o", tmp_path / "status.xlsx", "--lang", "zh",
                   "--jobs", "1")
    assert progress_lines(done.stderr, ZH) == [("project status", "1/2", "a.xlsx"),
                                               ("project status", "2/2", "b.xlsx")]


@pytest.mark.parametrize("lang", [None, "en"])
def test_progress_lines_stay_english_otherwise(two: Path, lang: str | None):
    done = run_cli("validate", two, "--jobs", "1", *(["--lang", lang] if lang else []))
    assert progress_lines(done.stderr, EN) == [("validate", "1/2", "a.xlsx"),
                                               ("validate", "2/2", "b.xlsx")]
    assert progress_lines(done.stderr, ZH) == []


def test_python_chooses_by_options_or_the_commands_lang(two: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]):
    lines = BatchOptions(jobs=1, progress="lines")
    load_many([two], "project", options=lines.replace(lang="zh"), command="report")
    assert progress_lines(capsys.readouterr().err, ZH) == [("report", "1/2", "a.xlsx"),
                                                           ("report", "2/2", "b.xlsx")]
    from opsbook.api.project import project_status

    project_status([two], lang="zh", options=lines, output=tmp_path / "status.xlsx")
    assert [n for _, n, _ in progress_lines(capsys.readouterr().err, ZH)] == ["1/2", "2/2"]


def test_an_unknown_lang_is_refused_in_both_languages():
    with pytest.raises(BatchProblem) as refused:
        BatchOptions(lang="fr")
    assert str(refused.value) == "lang 'fr' cannot be used: give 'en' or 'zh' (or None)"
    assert refused.value.zh == "lang“fr”无法使用：请写 en 或 zh（或 None）。"


@pytest.mark.parametrize(("zh", "rate"), [(False, "2.0 files/s"), (True, "2.0 个文件/秒")])
def test_the_bar_rate_is_files_over_the_time_since_the_start(zh: bool, rate: str):
    """Two files of a group done at once, 1.0 s into a run of 10: 2.0 files a second (not
    rich's rate between the two ticks, thousands a second), 8 files left at that rate is
    4 s; before any file is done neither is said."""
    from io import StringIO

    from rich.console import Console
    from rich.progress import Progress

    from opsbook.batch.progress import columns

    now = [100.0]
    bar = Progress(*columns(zh), console=Console(file=StringIO()), get_time=lambda: now[0])
    task = bar.add_task("validate", total=10)
    shown = bar.tasks[task]

    def said() -> list[str]:
        return [column.render(shown).plain for column in bar.columns[3:]]

    assert said() == ["", "-:--:--"]
    now[0] = 100.999
    bar.advance(task)
    now[0] = 101.0
    bar.advance(task)
    assert said() == [rate, "0:00:04"]
