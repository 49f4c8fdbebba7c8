"""A message whose send fails on every run is left in the outbox once, not once a run (the
same content to the same recipients: the earlier copy is replaced), and once it is sent at
last its copy leaves the outbox, so what is there is what still has to go. The same report
to other recipients is another message: its copy stays until it is sent."""

from __future__ import annotations

from mail.conftest import Mailbox, free_port, send_plain, serve


def test_a_message_failing_again_is_left_once_and_leaves_once_sent(sample_with_config):
    outbox = sample_with_config.parent / "outbox"
    down = free_port()  # nothing answers there
    for _run in range(2):
        sent = send_plain(sample_with_config, down, ["lead@example.com"])
        assert sent.exit_code == 2
    (lead,) = outbox.glob("*.eml")
    assert sent.outcome.failed[0][2] == lead
    other = send_plain(sample_with_config, down, ["deputy@example.com"]).outcome.failed[0][2]
    assert sorted(outbox.glob("*.eml")) == sorted([lead, other])
    assert "To: deputy@example.com" in other.read_text(encoding="utf-8")

    mailbox = Mailbox()
    with serve(mailbox) as port:
        done = send_plain(sample_with_config, port, ["lead@example.com"])
    assert done.exit_code == 0 and done.outcome.sent == [("lead@example.com",)]
    assert [to for to, _message in mailbox.received] == [["lead@example.com"]]
    assert list(outbox.glob("*.eml")) == [other]  # deputy@'s copy still to send
