"""The buttons' Python entry points: each button's call exists, and needs no xlwings to import."""

from __future__ import annotations

import re
import subprocess
import sys

import opsbook.excel
from opsbook.excel import buttons
from opsbook.excel.build import MACROS_DIR, macro_name
from opsbook.excel.vba import read_modules

_CALL = re.compile(r'RunPython "import opsbook\.excel; opsbook\.excel\.(\w+)\(\)"')


def button_calls() -> dict[str, str]:
    """Sub name → the opsbook.excel function its RunPython call runs, from macros/*.bas."""
    calls = {}
    for module in read_modules(MACROS_DIR):
        for sub in module.public_subs():
            body = re.search(rf"Sub {sub}\(\)(.*?)End Sub", module.source, re.S)
            assert body, sub
            found = _CALL.findall(body.group(1))
            assert len(found) == 1, f"{sub} makes one RunPython call into opsbook.excel"
            calls[sub] = found[0]
    return calls


def test_every_button_calls_a_function_of_opsbook_excel() -> None:
    calls = button_calls()
    assert calls, "macros/ defines the buttons' Subs"
    for sub, action in calls.items():
        assert callable(getattr(opsbook.excel, action, None)), (sub, action)
        assert action in opsbook.excel.__all__
        assert action in buttons.HANDLERS
        assert sub == macro_name(action)


def test_every_handler_has_a_button() -> None:
    assert set(buttons.HANDLERS) == set(button_calls().values())


def test_importing_opsbook_needs_no_xlwings() -> None:
    code = ("import sys, opsbook, opsbook.excel, opsbook.cli; "
            "sys.exit('xlwings' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr or "importing opsbook imported xlwings"


def test_failure_messages_name_the_button_and_not_the_code() -> None:
    error = ValueError("bad weight\n  File \"x.py\", line 3")
    zh = buttons.failure_message("calculate", error, "zh")
    en = buttons.failure_message("validate", error, "en")
    assert zh.startswith("“计算”未完成：ValueError：bad weight")
    assert en.startswith("Validate did not finish: ValueError: bad weight")
    assert "x.py" not in zh + en


def test_workbook_language_comes_from_the_control_sheet() -> None:
    assert buttons.workbook_lang(["操作面板", "xlwings.conf", "Employees"]) == "zh"
    assert buttons.workbook_lang(["Control", "xlwings.conf", "员工"]) == "en"
    assert buttons.workbook_lang(["员工"]) == "zh"
    assert buttons.workbook_lang(["Sheet1"]) == "en"
