"""An email step of a pipeline with both ``to`` and ``per_department = true`` is refused
at its line before anything runs (``--dry-run`` too), as ``opsbook email`` refuses
``--to`` with ``--per-department``: each head gets their own department's summary, and the
addresses of ``to`` would be left out without a word."""

from __future__ import annotations

from pathlib import Path

from test_bat8_pipeline_mistakes import MAIL, email_step, told


def test_to_with_per_department_is_refused_at_its_line(tmp_path: Path):
    config = MAIL + '[recipients]\n"销售部" = "head@example.com"\n'
    error = email_step(tmp_path, config, 'per_department = true\nto = ["a@example.com"]\n')
    assert told(error) == [(11, "steps[1].to")]  # the line of to
    assert "is not taken with per_department = true" in str(error)
    assert "不与 per_department = true 同用" in error.zh
