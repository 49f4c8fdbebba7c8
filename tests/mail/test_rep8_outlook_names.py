"""Addresses as Outlook copies them: "Last, First <address>" names between semicolons, and
a list ending in a semicolon, are each one recipient with the name whole, not refused as
"no email address"."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import opsbook
from opsbook.mail.config import is_address, split_addresses


def test_names_with_commas_between_semicolons_are_one_address_each():
    got = split_addresses(["Wang, Wei <wang@example.com>; Li, Na <li@example.com>; ",
                           "Zhao, Min <zhao@example.com>", "a@example.com;"])
    assert got == ('"Wang, Wei" <wang@example.com>', '"Li, Na" <li@example.com>',
                   '"Zhao, Min" <zhao@example.com>', "a@example.com")
    assert all(is_address(a) for a in got)
    # a list with something that is no address is still kept as typed, to be refused
    assert split_addresses(["Wang, Wei <wang@example.com>; oops"]) == (
        "Wang, Wei <wang@example.com>; oops",)


def test_the_message_goes_to_each_with_the_name_whole(tmp_path: Path):
    path = tmp_path / "考核.xlsx"
    opsbook.new_workbook("appraisal", "en", path, sample=True)
    config = tmp_path / "opsbook.toml"
    config.write_text('[mail]\nsender = "ops@example.com"\n', encoding="utf-8")
    sent = opsbook.send_summary(
        path, to=["Wang, Wei <wang@example.com>; Li, Na <li@example.com>;"], config=config,
        outbox=tmp_path / "outbox")
    assert sent.exit_code == 0
    [eml] = sent.outcome.written
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        ("Wang, Wei", "wang@example.com"), ("Li, Na", "li@example.com")]
