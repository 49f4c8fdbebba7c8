"""Every refusal opsbook raises for a user to read carries its Chinese: each call of the
error types the command line shows as one line gives a second text (or ``zh=``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "opsbook"
#: The errors shown to the user as one line, each in the language of the command.
SAID = {"CannotRun", "Refused", "CannotWrite", "CannotWriteReport", "BatchProblem",
        "WriteFailed", "CannotBuildHere"}


def _calls() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in SAID or any(isinstance(a, ast.Starred) for a in node.args):
                continue
            found.append((str(path.relative_to(PACKAGE.parent)), node.lineno,
                          ast.unparse(node)))
    return found


def _english_only(call: ast.Call) -> bool:
    return len(call.args) < 2 and not any(k.arg == "zh" for k in call.keywords)


@pytest.mark.parametrize(("where", "line", "code"), _calls())
def test_a_refusal_is_written_in_both_languages(where, line, code):
    call = ast.parse(code, mode="eval").body
    if call.func and getattr(call.func, "attr", None) == "of":
        return  # CannotRun.of(error): the error's own two texts
    assert not _english_only(call), f"{where}:{line} says only English: {code[:90]}"
