"""The same rule in Python: every function that writes a workbook, or takes the ``output``
it will be written to, raises CannotWrite for a file of the user's there (in English and
in Chinese, naming it and what it holds) before anything is read or written, and replaces
an earlier result of its own or an empty template."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from fixbbooks import (
    COMMANDS,
    GIVEN,  # noqa: F401 - the fixture "given": the inputs
    TRACKER_EN,
    TRACKER_ZH,
    encrypted,
    filled_tracker,
    no_kind,
    sha256,
    text_named_xlsx,
)

from opsbook import api
from opsbook.api import CannotWrite, new_workbook
from opsbook.cli.run_values import value_problem


def _writes(given: dict[str, Path], out: Path) -> dict[str, object]:
    """Each command's Python form, writing ``out`` (as its command does)."""

    def computed(done):
        return api.write_output(out, done.sheets)

    return {
        "annotate": lambda: api.annotate(given["project"], out),
        "calculate": lambda: api.calculate(given["project"], out),
        "appraisal": lambda: computed(api.score_appraisal(given["appraisal"], output=out)),
        "attendance": lambda: computed(api.summarize_attendance(given["attendance"],
                                                                output=out)),
        "project": lambda: computed(api.project_status(given["project"], output=out)),
        "consolidate": lambda: computed(api.consolidate_plans(given["plans"], output=out)),
        "track": lambda: computed(api.track_plan(given["plan"], output=out)),
        "diff": lambda: computed(api.diff_plans(given["plan"], given["plan"])),
        "report": lambda: api.build_report(given["project"], out),
    }


NAMES = list(_writes({}, Path()))
assert list(COMMANDS) == NAMES  # the same commands as on the command line


@pytest.mark.parametrize("name", NAMES)
def test_a_filled_tracker_is_refused_in_python(given, tmp_path, name):
    out = filled_tracker(tmp_path / "mine.xlsx")
    before = sha256(out)
    with pytest.raises(CannotWrite) as refused:
        _writes(given, out)[name]()
    assert str(refused.value) == f"{out}: {TRACKER_EN}"
    assert refused.value.zh == f"{out}：{TRACKER_ZH}"
    assert sha256(out) == before
    assert not out.with_name("mine.manifest.json").exists()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("make, en, zh", [
    (text_named_xlsx, "this is not a workbook", "这不是工作簿"),
    (encrypted, "this is a workbook locked with a password, which opsbook cannot read",
     "这是一份受密码保护的工作簿，opsbook 无法读取"),
    (no_kind, "this is a workbook opsbook did not write (it is of none of its kinds)",
     "这是一份并非由 opsbook 生成的工作簿（不属于任何工作簿类型）"),
])
def test_other_files_of_the_users_are_refused_in_python(given, tmp_path, name, make, en, zh):
    out = make(tmp_path / "mine.xlsx")
    before = sha256(out)
    if name == "consolidate" and make is not no_kind:  # read first, and said: not replaced
        done = api.consolidate_plans(given["plans"], output=out)
        assert [i.code for i in done.report.issues if i.severity == "error"] == [
            "earlier-plan-unreadable"]
        assert not done.computed and done.exit_code == 2
    else:
        with pytest.raises(CannotWrite) as refused:
            _writes(given, out)[name]()
        assert str(refused.value) == (f"{out}: {en}, so it is not replaced: give the output "
                                      "another file name")
        assert refused.value.zh == f"{out}：{zh}，不会被覆盖；请为输出另指定一个文件名。"
    assert sha256(out) == before


@pytest.mark.parametrize("name", NAMES)
def test_an_earlier_result_and_an_empty_template_are_replaced_in_python(given, tmp_path,
                                                                        name):
    out = tmp_path / "result.xlsx"
    _writes(given, out)[name]()
    sheets = openpyxl.load_workbook(out).sheetnames
    _writes(given, out)[name]()  # its own earlier result: replaced
    assert openpyxl.load_workbook(out).sheetnames == sheets
    blank = new_workbook(COMMANDS[name][2], "zh", tmp_path / "blank.xlsx")
    template = openpyxl.load_workbook(blank).sheetnames
    _writes(given, blank)[name]()
    assert openpyxl.load_workbook(blank).sheetnames not in (template, [])


def test_a_pipeline_value_is_checked_as_the_command_checks_it(tmp_path):
    mine = filled_tracker(tmp_path / "mine.xlsx")
    told = value_problem("out", str(mine), ("attendance", "summarize"), [])
    assert told is not None and "so it is not replaced" in told[0] and "不会被覆盖" in told[1]
    assert value_problem("out", str(tmp_path / "new.xlsx"), ("attendance", "summarize"),
                         []) is None
