"""A pipeline's mistakes are told at their own line however the TOML is written: steps as
inline tables of an array over several lines, a dotted key inside a step."""

from __future__ import annotations

from pathlib import Path

from batchbooks import pipeline_refused

from opsbook.core.tomllines import lines_of

HEAD = 'kind = "plan"\ninputs = ["plans/"]\noutputs = "out"\n'


def told(error) -> list[tuple[int | None, str]]:
    return [(p.line, p.key) for p in error.problems]


def test_steps_written_as_inline_tables_are_told_at_their_lines(tmp_path: Path):
    text = HEAD + ('steps = [\n'
                   '  {step = "validate", colour = 1},  # a comment {x = 1}\n'
                   '  {step = "bogus"},\n'
                   '  {step = "compute", out = "x.xlsx", jobs = 0},\n'
                   '  {step = "validate"}, {step = "validate", "format" = "pdf"},\n'
                   ']\n')
    error = pipeline_refused(tmp_path, text)
    assert told(error) == [(5, "steps[0].colour"), (6, "steps[1].step"),
                           (7, "steps[2].jobs"), (8, "steps[4].format")]


def test_a_dotted_key_in_a_step_is_told_at_its_line(tmp_path: Path):
    text = HEAD + '[[steps]]\nstep = "validate"\n"max-issues" = 3\nbatch.jobs = 2\n'
    error = pipeline_refused(tmp_path, text)
    assert told(error) == [(7, "steps[0].batch")]
    assert "没有此选项" in error.zh


def test_lines_of_dotted_and_inline_keys():
    lines = lines_of('a.b = 1\n"c" . d = 2\n[t]\nx = [\n {y = 1, z = [1, 2]},\n {y = 2}\n]\n')
    assert lines[("a",)] == lines[("a", "b")] == 1
    assert lines[("c", "d")] == 2
    assert lines[("t", "x", 0, "z")] == 5 and lines[("t", "x", 1)] == 6
