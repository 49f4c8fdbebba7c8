"""The Email summary button with a company-wide ``[recipients]`` table: the heads of the
workbook's departments get theirs, and the status says, in the workbook's language, which
departments of the table had no figures."""

from __future__ import annotations

import pytest

import opsbook
from opsbook.excel import reporting
from opsbook.io.filebook import FileBook

CONFIG = """
[mail]
sender = "Operations <ops@example.com>"
allowed_domains = ["example.com"]
[recipients]
"运营部" = "wang@example.com"
"Operations" = "ops-head@example.com"
"""


@pytest.mark.parametrize("lang, said", [
    ("zh", "本报告中没有“Operations”的数据，未发给其负责人。"),
    ("en", "No figures for 运营部 in this report: their heads got nothing."),
])
def test_the_button_says_which_departments_had_no_figures(tmp_path, lang, said):
    path = tmp_path / "考核.xlsx"
    opsbook.new_workbook("appraisal", lang, path, sample=True)
    (tmp_path / "opsbook.toml").write_text(CONFIG, encoding="utf-8")
    port = FileBook(path)
    reporting.email(port)
    message = port.messages[-1]
    assert message.endswith(said), message
    written = list((tmp_path / "outbox").glob("*.eml"))
    assert len(written) == 1


@pytest.mark.parametrize("lang, open_one, said", [
    ("zh", "考核.report.xlsx", "未生成报告：{folder}/考核.report.xlsx 正在 Excel 中打开"
                               "（旁边有锁定文件 ~$考核.report.xlsx）：请先在 Excel 中关闭。"),
    ("en", "考核.report.html", "Report not written: {folder}/考核.report.html is open in Excel "
                               "(its lock file ~$考核.report.html is beside it): close it "
                               "there first."),
])
def test_the_report_button_leaves_a_report_open_in_excel_alone(tmp_path, lang, open_one, said):
    path = tmp_path / "考核.xlsx"
    opsbook.new_workbook("appraisal", lang, path, sample=True)
    (tmp_path / f"~${open_one}").write_bytes(b"")
    (tmp_path / open_one).write_bytes(b"as Excel has it")
    port = FileBook(path)
    reporting.report(port)
    assert port.messages[-1] == said.format(folder=tmp_path)
    assert (tmp_path / open_one).read_bytes() == b"as Excel has it"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["考核.xlsx", open_one, f"~${open_one}"])


def test_the_report_button_lists_its_files_in_the_workbooks_language(tmp_path):
    path = tmp_path / "考核.xlsx"
    opsbook.new_workbook("appraisal", "zh", path, sample=True)
    port = FileBook(path)
    reporting.report(port)
    assert port.messages[-1] == (f"报告已生成：{tmp_path / '考核.report.xlsx'}、"
                                 f"{tmp_path / '考核.report.html'}。")
