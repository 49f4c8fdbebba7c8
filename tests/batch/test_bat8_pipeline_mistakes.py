"""Pipeline mistakes found before anything runs, each at its own line: a ``#`` or a bracket
inside a string, a multi-line string, an empty path in a step's option, one option given
twice, a step that reads what it or a later step writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchbooks import pipeline_refused

from opsbook.cli.run import arguments
from opsbook.core.tomllines import lines_of
from opsbook.pipeline import read

HEAD = 'kind = "plan"\ninputs = ["plans/"]\noutputs = "out"\n'


def told(error) -> list[tuple[int | None, str]]:
    return [(p.line, p.key) for p in error.problems]


def test_a_hash_inside_a_string_is_no_comment(tmp_path: Path):
    (tmp_path / "team#2").mkdir()
    (tmp_path / "team#2" / "a.xlsx").touch()
    text = ('kind = "plan"\ninputs = ["team#2/"]   # the team\'s plans [\noutputs = "out"\n'
            '[[steps]]\nstep = "validate"\nformat = "pdf"\n'
            '[[steps]]\nstep = "compute"\nout = "x.csv"\n')
    error = pipeline_refused(tmp_path, text)
    assert told(error) == [(6, "steps[0].format"), (9, "steps[1].out")]
    assert f"{tmp_path / 'p.toml'}:6: steps[0].format" in str(error)


def test_strings_hide_brackets_braces_and_headers():
    lines = lines_of('name = """\n[[steps]]\nstep = "x"\n"""\n'
                     "inputs = [\"a#b\", 'c]d'] # [\n"
                     '[[steps]]\nstep = "validate"\n'
                     'more = [\n  {step = "a, out = 1", out = "b{c"},  # {y = 2}\n'
                     '  {step = "q\\"}", z = 1},\n]\n'
                     "desc = '''a\n[x]\nb'''\n[[steps]]\nw = 1\n")
    assert lines[("name",)] == 1 and lines[("inputs",)] == 5
    assert lines[("steps", 0)] == 6 and lines[("steps", 0, "step")] == 7
    assert lines[("steps", 0, "more", 0, "out")] == 9
    assert ("steps", 0, "more", 0, "y") not in lines  # a comment's
    assert lines[("steps", 0, "more", 1, "z")] == 10
    assert ("x",) not in lines and lines[("steps", 1, "w")] == 16


def test_an_empty_path_in_a_step_is_refused_never_a_folder(tmp_path: Path):
    text = HEAD + ('[[steps]]\nstep = "validate"\nmanifest = " "\n'
                   '[[steps]]\nstep = "compute"\nout = ""\n')
    error = pipeline_refused(tmp_path, text)
    assert told(error) == [(6, "steps[0].manifest"), (9, "steps[1].out")]
    assert str(error).count("an empty path names no file") == 2
    assert "Missing option" not in str(error)  # the empty out is told once
    assert error.zh.count("空路径不指向任何文件") == 2


def test_an_empty_history_file_is_refused_not_read_as_the_folder(tmp_path: Path):
    text = ('kind = "appraisal"\ninputs = ["plans/sales.xlsx"]\noutputs = "out"\n'
            '[[steps]]\nstep = "compute"\nout = "scores.xlsx"\nhistory = ["", "plans"]\n')
    error = pipeline_refused(tmp_path, text)
    assert told(error) == [(7, "steps[0].history")]
    assert "an empty path" in str(error)


def test_one_option_given_twice_is_refused(tmp_path: Path):
    text = HEAD + '[[steps]]\nstep = "validate"\nmax_issues = 5\nmax-issues = 7\n'
    error = pipeline_refused(tmp_path, text)
    assert told(error) == [(7, "steps[0].max-issues")]
    assert "the same option as max_issues" in str(error)
    assert "与 max_issues 是同一个选项" in error.zh


def test_a_steps_own_value_stands_over_the_batch_table_however_spelt(tmp_path: Path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.xlsx").touch()
    path = tmp_path / "p.toml"
    path.write_text(HEAD + '[batch]\nfail_fast = true\njobs = 2\n'
                    '[[steps]]\nstep = "validate"\nfail-fast = false\n', encoding="utf-8")
    planned = []
    read(path, lambda step, pipeline: planned.append(arguments(step, pipeline)) or [])
    argv = planned[0][1]
    assert "--fail-fast" not in argv and argv[argv.index("--jobs") + 1] == "2"


def test_a_step_reading_what_a_later_step_writes_is_refused_even_once_it_exists(
        tmp_path: Path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "company.xlsx").touch()  # last run's: read before it is made anew
    text = HEAD + ('[[steps]]\nstep = "report"\ninputs = ["out/company.xlsx"]\n'
                   'out = "company.html"\n'
                   '[[steps]]\nstep = "compute"\nout = "company.xlsx"\n')
    error = pipeline_refused(tmp_path, text)
    assert told(error) == [(6, "steps[0].inputs")]
    assert "written by steps[1].out, a later step" in str(error)
    assert "由其后的步骤 steps[1].out 写出" in error.zh


def test_a_step_reading_its_own_output_is_refused(tmp_path: Path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "scores.xlsx").touch()  # last run's
    text = ('kind = "appraisal"\ninputs = ["plans/sales.xlsx"]\noutputs = "out"\n'
            '[[steps]]\nstep = "compute"\nout = "scores.xlsx"\n'
            'history = ["out/scores.xlsx"]\n')
    error = pipeline_refused(tmp_path, text)
    assert told(error) == [(7, "steps[0].history")]
    assert "is what this step writes (steps[0].out)" in str(error)


def test_reading_what_an_earlier_step_wrote_is_fine(tmp_path: Path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.xlsx").touch()
    path = tmp_path / "p.toml"
    path.write_text(HEAD + '[[steps]]\nstep = "compute"\nout = "company.xlsx"\n'
                    '[[steps]]\nstep = "report"\ninputs = ["out/company.xlsx"]\n'
                    'out = "company.html"\n', encoding="utf-8")
    pipeline = read(path, lambda step, pipeline: arguments(step, pipeline)[2])
    assert [s.name for s in pipeline.steps] == ["compute", "report"]


def test_a_misspelt_array_of_steps_is_told_at_its_line(tmp_path: Path):
    text = 'kind = "plan"\ninputs = ["plans/"]\n\n[[step]]\nstep = "validate"\n'
    error = pipeline_refused(tmp_path, text)
    assert (4, "step") in told(error)
    assert f"{tmp_path / 'p.toml'}:4: step: unknown key" in str(error)


MAIL = '[mail]\nsender = "Ops <ops@example.com>"\nallowed_domains = ["example.com"]\n'


def email_step(folder: Path, config: str, step: str):
    (folder / "mail.toml").write_text(config, encoding="utf-8")
    text = ('kind = "attendance"\ninputs = ["plans/sales.xlsx"]\noutputs = "out"\n'
            '[[steps]]\nstep = "validate"\n'
            f'[[steps]]\nstep = "email"\nconfig = "mail.toml"\noutbox = "outbox"\n{step}')
    return pipeline_refused(folder, text)


def test_an_email_step_without_a_recipient_is_refused_before_the_steps_run(
        tmp_path: Path):
    error = email_step(tmp_path, MAIL, "")
    assert told(error) == [(6, "steps[1].to")]
    assert "no recipient" in str(error) and "没有收件人" in error.zh


def test_an_email_step_per_department_without_recipients_or_encrypt_without_password(
        tmp_path: Path, monkeypatch):
    monkeypatch.delenv("OPSBOOK_ATTACHMENT_PASSWORD", raising=False)
    error = email_step(tmp_path, MAIL, "per-department = true\nencrypt = true\n")
    assert told(error) == [(10, "steps[1].per-department"), (11, "steps[1].encrypt")]
    assert "[recipients]" in str(error) and "OPSBOOK_ATTACHMENT_PASSWORD" in error.zh


def test_an_email_steps_config_that_cannot_be_used_is_told_at_its_line(tmp_path: Path):
    error = email_step(tmp_path, '[mail]\nsender = 3\n', 'to = ["a@example.com"]\n')
    assert told(error) == [(8, "steps[1].config")]
    assert "mail.sender" in str(error) and "mail.sender" in error.zh


def test_an_email_step_with_its_recipients_in_the_config_is_fine(tmp_path: Path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "sales.xlsx").touch()
    (tmp_path / "mail.toml").write_text(MAIL + 'to = ["lead@example.com"]\n',
                                        encoding="utf-8")
    path = tmp_path / "p.toml"
    path.write_text('kind = "attendance"\ninputs = ["plans/sales.xlsx"]\n'
                    '[[steps]]\nstep = "email"\nconfig = "mail.toml"\noutbox = "o"\n',
                    encoding="utf-8")
    assert read(path, lambda step, pipeline: arguments(step, pipeline)[2]).steps


def test_a_report_of_several_plans_is_refused_before_the_steps_run(tmp_path: Path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "finance.xlsx").touch()
    error = pipeline_refused(tmp_path, HEAD + '[[steps]]\nstep = "validate"\n'
                                              '[[steps]]\nstep = "report"\nout = "r.html"\n')
    assert told(error) == [(6, "steps[1].inputs")]
    assert "one workbook at a time, and the inputs name 2" in str(error)
    assert "每次只能由一个工作簿生成" in error.zh


def test_a_report_of_one_plan_beside_a_result_opsbook_wrote_is_fine(tmp_path: Path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "sales.xlsx").touch()
    (tmp_path / "plans" / "company.xlsx").touch()  # an earlier run's, its manifest beside it
    (tmp_path / "plans" / "company.manifest.json").write_text(
        '{"manifest": 1, "inputs": [], "outputs": ["company.xlsx"]}', encoding="utf-8")
    path = tmp_path / "p.toml"
    path.write_text(HEAD + '[[steps]]\nstep = "report"\nout = "r.html"\n', encoding="utf-8")
    assert read(path, lambda step, pipeline: arguments(step, pipeline)[2]).steps


@pytest.mark.parametrize(("text", "at", "en", "zh"), [
    ('kind ＝ "plan"\n', "1:6", "the full-width ＝ must be typed as =",
     "全角字符 ＝ 请改为半角字符 ="),
    ('kind = “plan”\n', "1:8", 'the full-width “ must be typed as "', "全角字符 “ 请改为半角字符"),
    ('kind = "plan"\ninputs = ["a"，"b"]\n', "2:14", "the full-width ， must be typed as ,",
     "全角字符 ， 请改为半角字符 ,"),
    ('\u3000kind = "plan"\n', "1:1", "a full-width space", "全角空格请改为半角空格"),
    ('kind = "plan\n', "1:13", "no closing quote on its line", "缺少结尾的引号"),
])
def test_full_width_punctuation_and_an_open_quote_are_said_plainly(
        tmp_path: Path, text: str, at: str, en: str, zh: str):
    error = pipeline_refused(tmp_path, text)
    assert f"p.toml:{at}: not valid TOML" in str(error) and en in str(error)
    assert zh in error.zh


@pytest.mark.parametrize(("text", "at", "en", "zh"), [
    ('kind = "plan"\n[batch]\njobs = 1\n[batch]\njobs = 2\n', "4:7",
     "Cannot declare [batch] twice", "[batch] 声明了两次"),
    ('kind = "plan"\nkind = "project"\n', "2:17", "(the same key is given twice)",
     "同一个键写了两次"),
])
def test_a_table_or_key_written_twice_is_said_as_written(tmp_path: Path, text: str, at: str,
                                                         en: str, zh: str):
    error = pipeline_refused(tmp_path, text)
    assert f"p.toml:{at}: not valid TOML" in str(error) and en in str(error)
    assert zh in error.zh and "('" not in str(error) + error.zh
