"""A message that could not be sent is said with where it was left as the user gave the
outbox (a relative --outbox stays relative; before, the line held the absolute path), and
the Chinese line ends as a sentence does (with 。)."""

from __future__ import annotations

import os
import socket

from conftest import run_cli

import opsbook


def closed_port() -> int:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return free.getsockname()[1]


def test_a_failed_send_names_the_message_as_the_outbox_was_given(tmp_path):
    opsbook.new_workbook("appraisal", "zh", tmp_path / "a.xlsx", sample=True)
    (tmp_path / "opsbook.toml").write_text('[mail]\nsender = "ops@example.com"\n',
                                           encoding="utf-8")
    smtp = f"smtp+plain://127.0.0.1:{closed_port()}"
    done = run_cli("email", "a.xlsx", "--to", "lead@example.com", "--smtp", smtp,
                   "--outbox", "out", cwd=tmp_path)
    assert done.returncode == 2
    (eml,) = (tmp_path / "out").glob("*.eml")
    (line,) = done.stderr.splitlines()
    assert line.startswith("opsbook 错误：未能发送给 lead@example.com：")
    assert line.endswith(f"；邮件保存在 {os.path.join('out', eml.name)}。")
    english = run_cli("email", "a.xlsx", "--to", "lead@example.com", "--smtp", smtp,
                      "--outbox", "out", "--lang", "en", cwd=tmp_path)
    assert english.returncode == 2
    (other,) = set((tmp_path / "out").glob("*.eml")) - {eml}  # the English report's
    (line,) = english.stderr.splitlines()
    assert line.startswith("opsbook: error: not sent to lead@example.com: ")
    assert line.endswith("; the message is in " + os.path.join("out", other.name))
