"""The house rules, checked: the layers (import-linter contracts in pyproject.toml), no kind
named outside its folder and the registry, small modules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from opsbook import registry

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "opsbook"
#: Where a kind may be named: its own folder, the registry, the public API, the command line
#: (its commands are named after the kinds) and each command's library function in api/.
ALLOWED = ("registry.py", "__init__.py", "cli/", "api/")


def lint_imports() -> list[str]:
    found = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "importlinter.cli"]


def test_the_layers_hold():
    """core imports nothing else of opsbook; kinds import only core; io imports neither the
    kinds nor Excel nor the command line; excel, reports and mail never the command line."""
    pytest.importorskip("importlinter")
    done = subprocess.run(lint_imports(), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "broken" in done.stdout and " 0 broken" in done.stdout


@pytest.mark.parametrize("kind", registry.names())
def test_no_kind_is_named_outside_its_folder(kind):
    word = re.compile(rf"\bopsbook\.{kind}\b|[\"']{kind}[\"']")
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(f"{kind}/") or rel.startswith(ALLOWED) and (
                rel.startswith(("cli/", "api/")) or "/" not in rel):
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{rel}:{n}" for n, line in enumerate(text.splitlines(), 1)
                      if word.search(line)]
    assert offenders == []


def test_modules_stay_small():
    long = [f"{p.relative_to(ROOT)} ({n})" for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400]
    assert long == []


def test_every_kind_is_complete():
    """Each registry entry carries what the rest of the package asks of it."""
    for kind in registry.kinds().values():
        assert kind.en and kind.zh and kind.sheets and kind.settings
        assert kind.sample is not None, kind.id
        frames = kind.sample(seed=1, lang="en")
        assert set(frames) <= {s.id for s in kind.sheets} | {"Settings"}
        if kind.calculate is not None:
            assert kind.outputs, f"{kind.id} computes but names no output sheet"
        assert "validate" in kind.buttons
