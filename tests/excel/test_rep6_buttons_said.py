"""The Email summary button says a refusal once and in the workbook's language; a refusal
that ends a button run is said in Chinese in a Chinese workbook; the add-in commands refuse in
both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

import opsbook
from opsbook.excel import buttons, reporting
from opsbook.excel.startup import NoExcelHere, layout
from opsbook.io.filebook import FileBook
from opsbook.reports.pdf import NoBrowser

CONFIG = """
[smtp]
url = "smtp+plain://127.0.0.1:1"
[mail]
sender = "Operations <ops@example.com>"
allowed_domains = ["example.com"]
to = [{to}]
"""


@pytest.fixture(scope="module", params=["zh", "en"])
def workbook(request, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp(request.param) / "考核.xlsx"
    opsbook.new_workbook("appraisal", request.param, path, sample=True)
    return path


def _press_email(workbook: Path, to: str) -> str:
    (workbook.parent / "opsbook.toml").write_text(CONFIG.format(to=to), encoding="utf-8")
    port = FileBook(workbook)
    reporting.email(port)
    return port.messages[-1]


def test_a_refused_recipient_is_said_once_in_the_workbooks_language(workbook):
    said = _press_email(workbook, '"ceo@example.com", "x@elsewhere.test"')
    if workbook.parent.name.startswith("zh"):
        assert said.startswith("未发送：x@elsewhere.test 不在允许的域名")
        assert said.count("未发送") == 1
    else:
        assert said.startswith("Not sent: x@elsewhere.test outside the allowed domains")
        assert said.lower().count("not sent") == 1
    assert not (workbook.parent / "outbox").exists()


def test_a_server_that_cannot_be_used_is_said_in_the_workbooks_language(workbook):
    said = _press_email(workbook, '"ceo@example.com"')
    if workbook.parent.name.startswith("zh"):
        assert said.startswith("未发送：无法使用 127.0.0.1:1：该端口无服务应答")
        assert said.endswith(f"邮件保存在 {workbook.parent / 'outbox'}。")
    else:
        assert said.startswith("Not sent: 127.0.0.1:1: nothing answers at this port")
    assert len(list((workbook.parent / "outbox").glob("*.eml"))) == 1


def test_a_refusal_ending_a_button_run_is_said_in_chinese():
    error = NoBrowser("PDF needs Chromium.", "生成 PDF 需要 Chromium。")
    zh = buttons.failure_message("email", error, "zh")
    assert "NoBrowser：生成 PDF 需要 Chromium。请检查" in zh and "PDF needs" not in zh
    en = buttons.failure_message("email", error, "en")
    assert "NoBrowser: PDF needs Chromium. Check" in en


def test_no_excel_here_is_said_in_both_languages():
    with pytest.raises(NoExcelHere) as refused:
        layout(system="Linux")
    assert "not on Linux" in str(refused.value)
    assert refused.value.zh == "Excel 加载项只能安装在 Windows 和 macOS 上，不能安装在 Linux 上。"


def test_a_missing_addin_file_is_refused_in_both_languages(tmp_path):
    from opsbook.api.addin import NoAddin

    with pytest.raises(NoAddin) as missing:
        opsbook.api.install_addin(tmp_path / "none.xlam", system="Windows", home=tmp_path)
    assert isinstance(missing.value, FileNotFoundError) and "none.xlam" in missing.value.zh
    done = run_cli("addin", "install", "--file", tmp_path / "none.xlam")
    assert done.returncode == 2
    assert "no add-in at" in done.stderr and "处没有加载项" in done.stderr


def test_a_config_naming_nobody_is_said_without_command_line_options(workbook):
    config = workbook.parent / "opsbook.toml"
    config.write_text('[mail]\nsender = "ops@example.com"\n', encoding="utf-8")
    port = FileBook(workbook)
    reporting.email(port)
    said = port.messages[-1]
    assert "--" not in said and str(config) in said
    if workbook.parent.name.startswith("zh"):
        assert said.startswith("未发送：") and "中没有收件人" in said
    else:
        assert said.startswith("Not sent: ") and "names nobody to send to" in said
