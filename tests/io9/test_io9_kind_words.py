"""A kind that is none of the four, on the command line (``--kind``, ``new KIND``) and in
Python: named with the option, the value and the kinds, in the language of ``--lang``
(never English words inside the Chinese line), exit 2."""

from __future__ import annotations

import pytest
from conftest import run_cli

import opsbook
from opsbook.registry import UnknownKind

KINDS_EN = "'appraisal', 'attendance', 'project', 'plan'"
KINDS_ZH = "appraisal、attendance、project、plan"


def test_an_unknown_kind_option_is_said_in_chinese_under_lang_zh(tmp_path):
    opsbook.new_workbook("plan", "zh", tmp_path / "plan.xlsx")
    done = run_cli("validate", tmp_path / "plan.xlsx", "--kind", "plans", "--lang", "zh")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        f"opsbook 错误：“--kind”的值无效：不是可选的值之一，应为以下之一：{KINDS_ZH}。")
    assert "choose" not in done.stderr and "Invalid" not in done.stderr


def test_an_unknown_kind_argument_of_new_names_itself_in_both_languages(tmp_path):
    done = run_cli("new", "Plan", tmp_path / "plan.xlsx")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-2:] == [
        f"opsbook: error: Invalid value for 'kind': 'Plan' is not one of {KINDS_EN}.",
        f"opsbook 错误：“kind”的值无效：不是可选的值之一，应为以下之一：{KINDS_ZH}。"]
    assert not (tmp_path / "plan.xlsx").exists()


def test_an_unknown_kind_in_python_is_a_value_error_with_its_chinese(tmp_path):
    path = tmp_path / "plan.xlsx"
    opsbook.new_workbook("plan", "en", path)
    with pytest.raises(ValueError) as raised:
        opsbook.validate(path, kind="plans")
    assert isinstance(raised.value, UnknownKind)
    assert str(raised.value) == ("unknown kind 'plans'; choose one of appraisal, attendance, "
                                 "project, plan")
    assert raised.value.zh == f"没有“plans”这种工作簿类型；应为以下之一：{KINDS_ZH}。"
