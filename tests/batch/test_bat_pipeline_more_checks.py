"""Pipeline mistakes told where they are and once, in both languages: a name that is no
text, a table inside a step, a step's batch option (checked as [batch] is), a value the
command's parser refuses (in Chinese too), and pipeline inputs that are wrong not told again
by every step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from batchbooks import pipeline_refused

from opsbook.cli.run import arguments
from opsbook.pipeline import PipelineError, read

HEAD = 'kind = "plan"\ninputs = ["plans/"]\noutputs = "out"\n'


def check(step, pipeline):
    return arguments(step, pipeline)[2]


def refused(folder: Path, text: str) -> PipelineError:
    return pipeline_refused(folder, text)


def told(error: PipelineError) -> list[tuple[int | None, str]]:
    return [(p.line, p.key) for p in error.problems]


def test_a_name_that_is_no_text_is_refused(tmp_path: Path):
    error = refused(tmp_path, 'name = ["monthly"]\n' + HEAD + '[[steps]]\nstep = "validate"\n')
    assert told(error) == [(1, "name")]
    assert "流水线名称" in error.zh


def test_a_table_inside_a_step_is_told_at_its_own_line(tmp_path: Path):
    text = HEAD + ('[[steps]]\nstep = "validate"\n\n[[steps]]\nstep = "compute"\n'
                   'out = "annual.xlsx"\n\n[steps.extra]\ncolour = 1\n')
    error = refused(tmp_path, text)
    assert told(error) == [(11, "steps[1].extra")]  # [steps.extra], not the [[steps]] above


def test_a_steps_batch_option_is_checked_as_in_the_batch_table(tmp_path: Path):
    text = HEAD + '[[steps]]\nstep = "validate"\njobs = 0\nfail_fast = "yes"\n'
    error = refused(tmp_path, text)
    assert told(error) == [(6, "steps[0].jobs"), (7, "steps[0].fail_fast")]
    messages = [p.message for p in error.problems]
    assert messages == ["give 1 or more", "give true or false"]
    assert "请写 1 或更大的整数" in error.zh and "请写 true 或 false" in error.zh


def test_a_value_the_command_refuses_is_said_in_chinese_in_the_chinese_text(tmp_path: Path):
    error = refused(tmp_path, HEAD + '[[steps]]\nstep = "validate"\nformat = "pdf"\n'
                              '\n[[steps]]\nstep = "report"\ninputs = ["plans/sales.xlsx"]\n')
    assert told(error) == [(6, "steps[0].format"), (8, "steps[1].out")]
    chinese = error.zh.splitlines()
    assert "“--format” / “-f”的值无效" in chinese[0]
    assert "缺少“-o” / “--out”" in chinese[1]
    for line in chinese:  # no English sentence of the parser inside the Chinese text
        assert not re.search(r"Invalid value|Missing option", line), line


def test_wrong_pipeline_inputs_are_told_once_not_by_each_step(tmp_path: Path):
    text = ('kind = "plan"\ninputs = []\noutputs = "out"\n[[steps]]\nstep = "validate"\n'
            '[[steps]]\nstep = "compute"\nout = "annual.xlsx"\n')
    error = refused(tmp_path, text)
    assert told(error) == [(2, "inputs")]


def test_two_steps_of_one_name_keep_their_own_manifests(tmp_path: Path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "sales.xlsx").touch()
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "ops.xlsx").touch()
    path = tmp_path / "p.toml"
    path.write_text(HEAD + '[[steps]]\nstep = "validate"\n\n[[steps]]\nstep = "validate"\n'
                           'inputs = ["more/"]\n', encoding="utf-8")
    planned = {}

    def keep(step, pipeline):
        words, argv, problems = arguments(step, pipeline)
        planned[step.index] = argv
        return problems

    pipeline = read(path, keep)
    manifests = [Path(argv[argv.index("--manifest") + 1]).name for argv in planned.values()]
    assert manifests == ["validate.manifest.json", "validate-2.manifest.json"]
    assert all(Path(argv[argv.index("--manifest") + 1]).parent == pipeline.outputs
               for argv in planned.values())


@pytest.mark.parametrize("make, en, zh", [
    (lambda path: None, "cannot be read: no such file", "无法读取：文件不存在。"),
    (lambda path: path.mkdir(), "cannot be read: a folder, not a pipeline file",
     "无法读取：这是文件夹，不是流水线文件。"),
])
def test_a_pipeline_file_that_cannot_be_read_is_said_in_words(tmp_path: Path, make, en, zh):
    path = tmp_path / "monthly.toml"
    make(path)
    with pytest.raises(PipelineError) as error:
        read(path, check)
    assert str(error.value) == f"{path}: {en}"  # no line, no key: the whole file
    assert error.value.zh == f"{path}：{zh}"


def test_a_workbook_given_as_the_pipeline_is_told_as_such(tmp_path: Path):
    from opsbook.api import new_workbook

    book = new_workbook("plan", "zh", tmp_path / "plan.xlsx")
    with pytest.raises(PipelineError) as error:
        read(book, check)
    assert str(error.value) == f"{book}: a workbook, not a pipeline file: give the " \
                               "pipeline's .toml file"
    assert "这是工作簿，不是流水线文件" in error.value.zh


@pytest.mark.parametrize("text, en, zh", [
    ('kind = plan\n', "Invalid value (text goes in quotes", "值的写法无效（文字要加引号"),
    ('inputs = ["C:\\plans"]\n', "(write paths with / or in 'single quotes')",
     "字符串中的 \\ 未转义"),
    ('kind "plan"\n', "Expected '=' after a key", "键后面应有 ="),
    ('kind = "plan"\nkind = "project"\n', "Cannot overwrite a value", "同一个键写了两次"),
])
def test_toml_mistakes_are_said_in_chinese_words_with_their_place(tmp_path: Path, text, en, zh):
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PipelineError) as error:
        read(path, check)
    (problem,) = error.value.problems
    assert str(error.value).startswith(f"{path}:{problem.line}:{problem.column}: not valid "
                                       "TOML: ")
    assert en in str(error.value)
    assert error.value.zh.startswith(f"{path}:{problem.line}:{problem.column}：不是有效的 "
                                     f"TOML：{zh}")
    assert error.value.zh.endswith("。")


def test_files_a_step_reads_by_its_options_must_name_a_file(tmp_path: Path):
    """--history, --punches, --config, --cafile: a missing one is a mistake of the file,
    told before anything runs, as a missing input is; one an earlier step writes is not."""
    (tmp_path / "cur.xlsx").touch()
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "q4.xlsx").touch()
    path = tmp_path / "p.toml"
    path.write_text('kind = "appraisal"\ninputs = ["cur.xlsx"]\noutputs = "out"\n'
                    '[[steps]]\nstep = "compute"\nhistory = ["2025/", "2024/*.xlsx"]\n'
                    'out = "scores.xlsx"\n'
                    '[[steps]]\nstep = "compute"\nhistory = ["out/scores.xlsx"]\n'
                    'out = "again.xlsx"\n'
                    '[[steps]]\nstep = "email"\ninputs = ["cur.xlsx"]\nconfig = "mail.toml"\n'
                    'outbox = "outbox"\n', encoding="utf-8")
    with pytest.raises(PipelineError) as error:
        read(path, check)
    assert [(p.line, p.key, p.message) for p in error.value.problems] == [
        (6, "steps[0].history",
         "missing input: 2024/*.xlsx names no file, and no step before writes it"),
        (15, "steps[2].config",
         "missing input: mail.toml names no file, and no step before writes it")]
    assert "缺少输入：mail.toml 未指向任何文件" in error.value.zh


@pytest.mark.parametrize("outputs", ["plans/sales.xlsx", "plans/sales.xlsx/2026"])
def test_outputs_where_a_file_stands_are_refused_before_anything_runs(tmp_path: Path,
                                                                       outputs: str):
    error = refused(tmp_path, HEAD.replace('outputs = "out"', f'outputs = "{outputs}"')
                    + '[[steps]]\nstep = "validate"\n')
    assert told(error) == [(3, "outputs")]
    assert error.problems[0].message == \
        f"{tmp_path / 'plans' / 'sales.xlsx'} is a file; give a folder for the outputs"
    assert "是文件；请为输出指定一个文件夹。" in error.zh
