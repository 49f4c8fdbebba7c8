"""The README's opsbook.toml: every key opsbook reads is shown there, and the example, with
its commented keys switched on, is read as written."""

from __future__ import annotations

import re
from pathlib import Path

from opsbook.mail.config import KEYS, load_settings

README = Path(__file__).resolve().parents[2] / "README.md"


def _example() -> str:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```toml\n(# opsbook\.toml — mail settings.*?)```", text, re.S)
    assert block, "the README's opsbook.toml example"
    return block.group(1)


def test_every_key_read_is_in_the_readme_example(tmp_path: Path) -> None:
    # a commented key ("# cafile = …") is switched on: it is a key the example documents
    lines = [re.sub(r"^# (?=[a-z_]+ = )", "", line) for line in _example().splitlines()]
    shown: dict[str, set[str]] = {}
    table = ""
    for line in lines:
        if m := re.match(r"^\[(\w+)\]", line):
            table = m.group(1)
        elif m := re.match(r"^([a-z_]+) = ", line):
            shown.setdefault(table, set()).add(m.group(1))
    for name, keys in KEYS.items():
        if keys is not None:
            assert set(keys) - shown.get(name, set()) == set(), name
    config = tmp_path / "opsbook.toml"
    config.write_text("\n".join(lines).replace('"/etc/ssl/company-ca.pem"', '"ca.pem"'),
                      encoding="utf-8")
    settings = load_settings(config)
    assert settings.timeout == 30.0
    assert settings.subject == "Q4 report"
    assert settings.cc == ("deputy@example.com",)
    assert settings.recipients["市场部"] == ("li@example.com", "zhao@example.com")
    assert settings.cafile == str(tmp_path / "ca.pem")
