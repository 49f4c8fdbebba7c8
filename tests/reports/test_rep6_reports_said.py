"""Reports: a PDF that cannot be printed is refused in both languages before anything is
written; bars of an empty period stand on an axis from 0; a figure with no value shows a dash."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

import opsbook
from opsbook.core.summary import ChartData, Series
from opsbook.reports.html import render_html, render_text
from opsbook.reports.pdf import BrowserFailed, NoBrowser


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "项目.xlsx"
    opsbook.new_workbook("project", "zh", path, sample=True)
    return path


def test_no_browser_is_said_in_both_languages_and_nothing_is_written(sample, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setenv("OPSBOOK_BROWSER", "no-such-browser-here")
    done = run_cli("report", sample, "-o", tmp_path / "r.xlsx", "-o", tmp_path / "r.pdf")
    assert done.returncode == 2
    assert "PDF needs Chromium" in done.stderr and "生成 PDF 需要 Chromium" in done.stderr
    assert "could not finish" not in done.stderr
    assert not list(tmp_path.iterdir()), "no report half-made: the .xlsx is not written either"
    zh = run_cli("report", sample, "-o", tmp_path / "r.pdf", "--lang", "zh")
    assert zh.returncode == 2 and "opsbook 错误：生成 PDF 需要 Chromium" in zh.stderr
    assert "PDF needs" not in zh.stderr


@pytest.mark.skipif(shutil.which("false") is None, reason="no 'false' program")
def test_a_browser_that_fails_is_a_refusal_in_both_languages(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("OPSBOOK_BROWSER", "false")
    with pytest.raises(BrowserFailed) as failed:
        opsbook.build_report(sample, tmp_path / "r.pdf")
    assert "false failed (exit 1)" in str(failed.value)
    assert failed.value.zh.startswith("false 运行失败（退出码 1）") and "no message" not in (
        failed.value.zh)
    assert not (tmp_path / "r.pdf").exists()
    done = run_cli("report", sample, "-o", tmp_path / "r.pdf", "--lang", "zh")
    assert done.returncode == 2 and "opsbook 错误：false 运行失败" in done.stderr


def test_no_browser_is_said_by_the_api_too(monkeypatch):
    monkeypatch.setenv("OPSBOOK_BROWSER", "no-such-browser-here")
    from opsbook.reports.pdf import find_browser

    with pytest.raises(NoBrowser) as missing:
        find_browser()
    assert "请安装" in missing.value.zh


@pytest.mark.parametrize("kind", ["column", "bar"])
def test_bars_of_an_empty_period_stand_on_an_axis_from_0(kind):
    from matplotlib.figure import Figure

    from opsbook.reports.images import _draw

    chart = ChartData(kind, "等级分布", ("S", "A", "B"), (Series("人数", (0, 0, None)),),
                      x_title="等级", y_title="人数", number_format="0")
    axes = Figure().add_subplot()
    _draw(axes, chart)
    limits = axes.get_xlim() if kind == "bar" else axes.get_ylim()
    assert limits == (0, 1), "no negative counts around 0"
    counts = dataclasses.replace(chart, series=(Series("人数", (2, 5, 1)),))
    axes = Figure().add_subplot()
    _draw(axes, counts)
    low, high = axes.get_xlim() if kind == "bar" else axes.get_ylim()
    assert low == 0 and high >= 5


def test_a_figure_without_a_value_shows_a_dash(zh_report):
    summary, _sheets = zh_report
    first = summary.figures[0]
    blank = dataclasses.replace(summary, figures=[dataclasses.replace(first, value=None),
                                                  *summary.figures[1:]])
    assert f"- {first.label}：—" in render_text(blank)
    page = render_html(blank, [""] * len(blank.charts))
    assert f'<div class="label">{first.label}</div>\n      <div class="value">—</div>' in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_report_workbook_given_back_is_said_to_be_a_result(tmp_path, lang):
    from opsbook.api import NotAWorkbook

    source = tmp_path / f"plan.{lang}.xlsx"
    opsbook.new_workbook("plan", lang, source, sample=True)
    written = tmp_path / "plan.report.xlsx"
    opsbook.build_report(source, written)
    before = written.read_bytes()
    with pytest.raises(NotAWorkbook) as refused:
        opsbook.build_report(written, tmp_path / "again.html")
    assert refused.value.issue.code == "output-workbook"
    with pytest.raises(NotAWorkbook) as refused:
        opsbook.send_summary(written, to=["a@localhost"], outbox=tmp_path / "outbox")
    assert refused.value.issue.code == "output-workbook"
    with pytest.raises(NotAWorkbook) as refused:
        opsbook.calculate(written)
    assert refused.value.issue.code == "output-workbook"
    for command in (("report", written, "-o", tmp_path / "again.html"),
                    ("calculate", written)):
        done = run_cli(*command)
        assert done.returncode == 2
        assert "this is a result opsbook wrote" in done.stderr and "生成的结果工作簿" in done.stderr
        assert "Use --kind" not in done.stderr
    assert written.read_bytes() == before and not (tmp_path / "again.html").exists()


@pytest.mark.slow
def test_a_wide_table_is_whole_on_paper(tmp_path):
    """The project list has 13 columns: printed, none is cut off at the page's edge."""
    import subprocess

    from opsbook.reports.pdf import find_browser

    try:
        find_browser()
    except NoBrowser as missing:
        pytest.skip(str(missing))
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    source = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "en", source, sample=True)
    opsbook.build_report(source, tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    table = text[text.index("Project"):]
    for header in ("Overdue", "Open", "Forecast", "BAC", "EAC"):
        assert header in table, f"{header} is cut off"
    last = opsbook.api.summarize(source).summary.tables[0].rows[0][-1]  # P-101's EAC
    assert f"{last:,.0f}" in "".join(table.split())
