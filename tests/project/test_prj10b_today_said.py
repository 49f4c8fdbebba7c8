"""A status date typed as the word for today (今天) is today, and said as typed: not "no
status date given", which is what a blank setting gets."""

from __future__ import annotations

import pandas as pd
from trackers import D, project, task, tracker
from typer.testing import CliRunner

import opsbook
from opsbook.cli import app


def _tracker(path, typed, lang="en", pid="P-1"):
    return tracker(path, [project(pid)],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 500, pid=pid)],
                   status_date=typed, lang=lang)


def test_word_for_today_is_said_as_typed(tmp_path):
    path = _tracker(tmp_path / "t.xlsx", "今天")
    today = pd.Timestamp.today().strftime("%Y-%m-%d")
    done = opsbook.project_status([path])
    note = next(i for i in done.report.issues if i.code == "status-date-today")
    assert (note.severity, note.sheet, note.cell) == ("info", "Settings", "B2")
    assert note.message() == (
        f"The status date in Settings is '今天': the status is as of today, {today}.")
    assert note.message("zh") == f"设置中的状态日期为“今天”：按今天 {today} 计算。"
    assert done.headline.endswith(f"as of {today} (today, as the status date setting says)")
    assert done.result.config.iloc[0][["status_from", "today_word"]].tolist() == ["today", "今天"]


def test_blank_and_word_in_one_run_each_said(tmp_path):
    word = _tracker(tmp_path / "a.xlsx", "Today")
    blank = _tracker(tmp_path / "b.xlsx", None, lang="zh", pid="P-2")
    today = pd.Timestamp.today().strftime("%Y-%m-%d")
    run = CliRunner().invoke(app, ["project", "status", str(blank), str(word), "-o",
                                   str(tmp_path / "o.xlsx"), "--lang", "zh"])
    assert run.exit_code == 0, run.output
    assert f"设置中的状态日期为“Today”：按今天 {today} 计算。" in run.output
    assert f"未指定状态日期（命令行或设置）：按今天 {today} 计算。" in run.output
    # the headline names each way with its files, in the order read
    assert (f"状态日期 {today}：今天：未指定状态日期（b.xlsx），今天：状态日期设置为今天（a.xlsx）"
            in run.output)
