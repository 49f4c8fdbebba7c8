"""The demo's email step counts the messages each sample made, not the whole outbox."""

from __future__ import annotations

import re
from pathlib import Path

from opsbook.api import mail
from opsbook.demo import samples


def _counts(lines: list[str], what: int = 2) -> dict[str, int]:
    """Per sample, the messages written (``what`` 2) or already there (3) as the demo says."""
    found = {}
    for line in lines:
        got = re.match(r"· email (\S+) → outbox/: (\d+) messages? \(\.eml\)"
                       r"(?:, (\d+) already there)?, see", line)
        if got:
            found[got[1]] = int(got[what] or 0)
    return found


def test_each_sample_counts_its_own_messages_and_a_rerun_says_the_same(tmp_path: Path):
    made = samples(tmp_path)
    by_kind = {p.name.split(".")[0]: p for p in made if ".zh." in p.name}
    first: list[str] = []
    before = 0
    counts = {}
    for kind, path in by_kind.items():  # one sample at a time: its own new .eml files
        said: list[str] = []
        mail.demo(tmp_path, {kind: path}, said.append)
        now = len(list((tmp_path / "outbox").glob("*.eml")))
        counts.update(_counts(said))
        if path.name in counts:
            assert counts[path.name] == now - before, said
        before = now
        first += said
    assert len(counts) >= 3, first  # appraisal, attendance, plan, project have summaries
    again: list[str] = []
    mail.demo(tmp_path, by_kind, again.append)
    # a second demo writes nothing new: each sample's messages are said to be there already
    assert _counts(again) == dict.fromkeys(counts, 0), again
    assert _counts(again, 3) == counts, again
