"""One ``--to`` or config text may list several addresses: with commas, or with semicolons
as Outlook writes a list, or with full-width separators; a quoted name keeps its own."""

from __future__ import annotations

from opsbook.mail.config import is_address, split_addresses


def test_lists_are_split_on_commas_semicolons_and_full_width_separators():
    got = split_addresses(["a@x.com; b@y.com", "王 <c@z.com>；d@w.com", "e@v.com，f@u.com",
                           '"Li; Wang" <l@x.com>', "not an address"])
    assert got == ("a@x.com", "b@y.com", "王 <c@z.com>", "d@w.com", "e@v.com", "f@u.com",
                   '"Li; Wang" <l@x.com>', "not an address")
    assert [is_address(a) for a in got] == [True] * 7 + [False]


def test_a_list_that_is_not_all_addresses_is_kept_as_typed():
    assert split_addresses(["a@example.com; not an address"]) == (
        "a@example.com; not an address",)
