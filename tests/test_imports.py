"""The public names resolve on first use, and a command imports only what it runs."""

from __future__ import annotations

import subprocess
import sys

import opsbook
import opsbook.api


def test_every_public_name_resolves() -> None:
    for module in (opsbook, opsbook.api):
        missing = [name for name in module.__all__ if getattr(module, name, None) is None]
        assert not missing, (module.__name__, missing)
    assert callable(opsbook.batch) and opsbook.batch.__module__.startswith("opsbook.batch")
    assert opsbook.summarize_attendance is opsbook.api.attendance.summarize_attendance
    assert len(opsbook.api.DEMO_STEPS) == 6


def test_the_attendance_command_imports_no_report_mail_or_openpyxl() -> None:
    code = ("import sys, opsbook, opsbook.cli; from opsbook import api; "
            "api.summarize_attendance; "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith(('opsbook.api.', "
            "'opsbook.reports', 'opsbook.mail', 'openpyxl', 'jinja2', 'matplotlib')))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["opsbook.api.arguments", "opsbook.api.attendance",
                                   "opsbook.api.common"]


def test_a_kinds_code_is_told_in_words_whatever_was_imported_first() -> None:
    # a module of a kind used on its own, no command or API function having listed the kinds
    code = ("from opsbook.core.messages import render; "
            "print(render('outside-year', 'zh', {'value': '2026-12-31', 'expected': 2027}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2026-12-31" in done.stdout and "2027" in done.stdout
