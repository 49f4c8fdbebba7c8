"""Addresses as people paste them, in the recipient lists and in the config's confidential
list alike: "hr@example.com; Li, Na <li@example.com>" is two recipients (before, one:
li@ under the name "hr@example.com; Li, Na", and hr@ got nothing); a confidential entry
written "Wang Wei <wang@example.com>", or several in one text, allows those addresses (before,
none of them: they got the copy without confidential figures)."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import opsbook
from opsbook.mail.config import split_addresses

LEFT_OUT = "Confidential figures are left out of this copy."


def sample(tmp_path: Path, config: str) -> tuple[Path, Path]:
    path = tmp_path / "appraisal.xlsx"
    opsbook.new_workbook("appraisal", "en", path, sample=True)
    (tmp_path / "opsbook.toml").write_text('[mail]\nsender = "ops@example.com"\n' + config,
                                           encoding="utf-8")
    return path, tmp_path / "opsbook.toml"


def messages(written: list[Path]) -> dict[tuple[str, ...], str]:
    """Each message's recipients (To and Cc, addresses only) → its plain text."""
    out = {}
    for eml in written:
        message = message_from_bytes(eml.read_bytes(), policy=policy.default)
        who = [a.addr_spec for h in ("To", "Cc") if message[h] for a in message[h].addresses]
        out[tuple(who)] = message.get_body(("plain",)).get_content()
    return out


def test_an_address_then_a_last_first_name_are_two_recipients():
    assert split_addresses(["hr@example.com; Li, Na <li@example.com>"]) == (
        "hr@example.com", '"Li, Na" <li@example.com>')
    assert split_addresses(["Li, Na <li@example.com>；hr@example.com"]) == (
        '"Li, Na" <li@example.com>', "hr@example.com")


def test_both_get_the_message(tmp_path: Path):
    path, config = sample(tmp_path, "")
    sent = opsbook.send_summary(path, to=["hr@example.com; Li, Na <li@example.com>"],
                                config=config, outbox=tmp_path / "outbox")
    assert sent.exit_code == 0
    assert list(messages(sent.outcome.written)) == [("hr@example.com", "li@example.com")]


def test_confidential_entries_written_as_recipients_are(tmp_path: Path):
    path, config = sample(tmp_path, 'confidential = ["Wang Wei <Wang@example.com>", '
                                    '"hr@example.com; Li, Na <li@example.com>"]\n')
    sent = opsbook.send_summary(
        path, to=["wang@example.com", "hr@example.com", "li@example.com", "zhao@example.com"],
        config=config, outbox=tmp_path / "outbox")
    assert sent.exit_code == 0
    texts = messages(sent.outcome.written)
    assert set(texts) == {("wang@example.com", "hr@example.com", "li@example.com"),
                          ("zhao@example.com",)}
    assert LEFT_OUT not in texts[("wang@example.com", "hr@example.com", "li@example.com")]
    assert LEFT_OUT in texts[("zhao@example.com",)]
