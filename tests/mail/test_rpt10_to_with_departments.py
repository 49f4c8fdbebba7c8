"""--to with --per-department was dropped without a word: the heads got their parts and
the address typed got nothing. It is refused in both languages before anything is made."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

import opsbook
from opsbook.mail.batch import Refused

HEADS = '[recipients]\n"运营部" = "yun@example.com"\n"市场部" = "shi@example.com"\n'


@pytest.fixture
def with_heads(sample_with_config: Path) -> Path:
    config = sample_with_config.parent / "opsbook.toml"
    config.write_text(config.read_text(encoding="utf-8") + HEADS, encoding="utf-8")
    return sample_with_config


def test_to_with_per_department_is_refused(with_heads: Path) -> None:
    with pytest.raises(Refused) as refused:
        opsbook.send_summary(with_heads, to=["ceo@example.com"], per_department=True,
                             outbox=with_heads.parent / "outbox")
    assert str(refused.value).startswith("--to is not taken with --per-department")
    assert refused.value.zh.startswith("--per-department 不与 --to 同用：")
    assert not (with_heads.parent / "outbox").exists()


def test_the_command_says_it_and_sends_nothing(with_heads: Path) -> None:
    outbox = with_heads.parent / "outbox"
    done = run_cli("email", with_heads, "--per-department", "--to", "ceo@example.com",
                   "--outbox", outbox, "--lang", "zh")
    assert done.returncode == 2
    assert done.stderr.strip() == ("opsbook 错误：--per-department 不与 --to 同用：[recipients] "
                                   "中的各部门负责人只收到本部门的部分；如需发送完整报告，请另行"
                                   "运行一次不带 --per-department 的命令。")
    assert not outbox.exists()
    alone = run_cli("email", with_heads, "--per-department", "--outbox", outbox,
                    cwd=with_heads.parent)  # ./opsbook.toml
    assert alone.returncode == 0, alone.stderr
    assert len(list(outbox.glob("*.eml"))) == 2  # each head their department


def test_a_report_without_departments_says_so(tmp_path: Path) -> None:
    """A project's report has no departments: said as such, not as a [recipients] table
    that names no department of the report ('departments: none')."""
    workbook = tmp_path / "项目.xlsx"
    opsbook.new_workbook("project", "zh", workbook, sample=True)
    config = tmp_path / "opsbook.toml"
    config.write_text('[mail]\nsender = "ops@example.com"\n' + HEADS, encoding="utf-8")
    with pytest.raises(Refused) as refused:
        opsbook.send_summary(workbook, per_department=True, config=config,
                             outbox=tmp_path / "outbox")
    title = opsbook.api.summarize(workbook).summary.title
    assert title == "2026-11-20 项目状态报告"
    assert str(refused.value) == (f"--per-department: the report '{title}' has no figures "
                                  "by department to send each head; send it with --to")
    assert refused.value.zh == (f"--per-department：报告“{title}”没有可分送各部门的部门数据；"
                                "请用 --to 发送。")
    assert not (tmp_path / "outbox").exists()
