"""``opsbook ARGS…`` through the console script's own entry point, in this process.

The bad-input matrix runs a few hundred commands; starting a Python for each would take
minutes, so most go through :func:`opsbook.cli.main` here (exit code and both streams
captured) and a few through a real process (``conftest.run_cli``) as a user starts them.
"""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass

import pytest

import opsbook.cli as cli

#: What the command line says when something unexpected happened (a bug, not an answer).
UNEXPECTED = ("Traceback", "could not finish")


@dataclass
class Said:
    code: int
    text: str

    def has_chinese(self) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in self.text)


def opsbook(*args: object) -> Said:
    """Run ``opsbook ARGS…`` as the console script does; never raises."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["opsbook", *map(str, args)]
    code: int | str | None = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            pytest.MonkeyPatch.context() as patch:
        # the command line freezes the collector for its own short life; not this process's
        patch.setattr(cli, "_quiet_collector", lambda: None)
        try:
            cli.main()
        except SystemExit as done:
            code = done.code
        finally:
            sys.argv = saved
    return Said(code if isinstance(code, int) else 1 if code else 0,
                out.getvalue() + err.getvalue())


def clean(said: Said) -> str:
    """The text, once it is known to hold no traceback and no 'could not finish'."""
    for word in UNEXPECTED:
        assert word not in said.text, said.text
    return said.text
