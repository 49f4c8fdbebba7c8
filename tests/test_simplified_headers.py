"""Headers in traditional characters are read as their simplified forms; a text already in
simplified characters (every header opsbook writes, a Chinese template filled in) is not
run through the converter, whose tables are then never loaded."""

from __future__ import annotations

import subprocess
import sys

from opsbook.core.headers import normalize

CHECK = ("import sys; from opsbook.api import new_workbook, validate; "
         "path = new_workbook('attendance', 'zh', sys.argv[1], sample=True); validate(path); "
         "print('opencc' in sys.modules)")


def test_traditional_headers_are_read_as_simplified():
    assert normalize("員工編號") == normalize("员工编号") == "员工编号"
    assert normalize("遲到寬限（分鐘）") == "迟到宽限分钟"


def test_a_simplified_workbook_never_loads_the_converter(tmp_path):
    done = subprocess.run([sys.executable, "-c", CHECK, str(tmp_path / "a.xlsx")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_settings_sheet_named_in_traditional_characters_is_found(tmp_path):
    import openpyxl

    from opsbook.api import load, new_workbook

    path = new_workbook("attendance", "zh", tmp_path / "a.xlsx", sample=True)
    month = load(path).settings.month
    book = openpyxl.load_workbook(path)
    book["设置"].title = "參數"
    book.save(path)
    loaded = load(path)
    assert loaded.settings.month == month is not None
    assert not [i for i in loaded.issues if i.code == "missing-settings"]
