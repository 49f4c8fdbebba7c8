"""Excel's lock file: ``~$NAME`` beside the workbook NAME while it is open in Excel (a small
file of the user's name, no workbook). Given in a workbook's place it is said to be one."""

from __future__ import annotations

from pathlib import Path

from opsbook.core.issues import Issue

#: What an Excel lock file given as a workbook is (``~$NAME``, beside NAME while it is open
#: in Excel): {name} the workbook, {name_zh} the same in the Chinese sentence.
LOCK_FILE = ("it is the lock file Excel keeps while {name} is open; give {name} itself",
             "这是 Excel 打开{name_zh}时生成的锁定文件；请给出{name_zh}本身")


def lock_file(path: Path) -> Issue | None:
    """The ``not-a-workbook`` Issue of an Excel lock file (a name starting ``~$``), naming
    the workbook it stands for when that is beside it (Excel shortens a long name in its
    lock file: then "the workbook"); None for any other file."""
    if not path.name.startswith("~$"):
        return None
    name = path.name[2:]
    shown = (name, f" {name} ") if name and (path.parent / name).is_file() else (
        "the workbook", "该工作簿")
    return Issue("not-a-workbook", file=str(path), params={
        "detail": LOCK_FILE[0].format(name=shown[0]),
        "detail_zh": LOCK_FILE[1].format(name_zh=shown[1])})
