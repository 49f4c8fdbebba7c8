"""Excel's lock file: ``~$NAME`` beside the workbook NAME while it is open in Excel (a small
file of the user's name, no workbook), and LibreOffice's, ``.~lock.NAME#``. Given in a
workbook's place it is said to be one."""

from __future__ import annotations

from pathlib import Path

from opsbook.core.issues import Issue

#: What a lock file given as a workbook is (Excel's ``~$NAME``, LibreOffice's
#: ``.~lock.NAME#``, beside NAME while it is open): {program} the program, {name} the
#: workbook, {name_zh} the same in the Chinese sentence.
LOCK_FILE = ("it is the lock file {program} keeps while {name} is open; give {name} itself",
             "这是 {program} 打开{name_zh}时生成的锁定文件；请给出{name_zh}本身")


def lock_file(path: Path) -> Issue | None:
    """The ``not-a-workbook`` Issue of a lock file: Excel's (a name starting ``~$``) or
    LibreOffice's (``.~lock.NAME#``), naming the workbook it stands for when that is beside
    it (Excel shortens a long name in its lock file: then "the workbook"); None for any
    other file."""
    if path.name.startswith("~$"):
        name, program = path.name[2:], "Excel"
    elif path.name.startswith(".~lock.") and path.name.endswith("#"):
        name, program = path.name[len(".~lock."):-1], "LibreOffice"
    else:
        return None
    shown = (name, f" {name} ") if name and (path.parent / name).is_file() else (
        "the workbook", "该工作簿")
    return Issue("not-a-workbook", file=str(path), params={
        "detail": LOCK_FILE[0].format(program=program, name=shown[0]),
        "detail_zh": LOCK_FILE[1].format(program=program, name_zh=shown[1])})
