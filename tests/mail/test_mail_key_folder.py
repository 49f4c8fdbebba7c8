"""The same report mailed from another folder (the workbook's path typed otherwise, so its
findings' File column reads otherwise) is the same message: it goes out once, to a real
SMTP server on loopback."""

from __future__ import annotations

from pathlib import Path

import opsbook

CONFIG = """
[mail]
sender = "Operations <ops@example.com>"
allowed_domains = ["example.com"]
"""


def test_one_report_typed_two_ways_goes_out_once(starttls_server, login_env, tmp_path,
                                                 monkeypatch):
    folder = tmp_path / "ops"
    workbook = folder / "attendance.xlsx"
    opsbook.new_workbook("attendance", "en", workbook, sample=True)
    config = tmp_path / "opsbook.toml"
    config.write_text(CONFIG, encoding="utf-8")
    ask = dict(to=["lead@example.com"], smtp=starttls_server.url, config=config,
               outbox=tmp_path / "outbox", cafile=starttls_server.certificates.ca)

    monkeypatch.chdir(tmp_path)
    first = opsbook.send_summary(Path("ops") / "attendance.xlsx", **ask)
    monkeypatch.chdir(folder)
    again = opsbook.send_summary(Path("attendance.xlsx"), **ask)

    assert first.outcome.sent == [("lead@example.com",)]
    assert again.outcome.sent == []
    assert len(starttls_server.mailbox.received) == 1
