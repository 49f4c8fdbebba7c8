"""The issue codes a run adds to its Report (registered with the shared messages)."""

from __future__ import annotations

from opsbook.core.messages import Code, register

CODES = {
    "unchanged-file": Code(
        "structure",
        "Unchanged since the last run, which found it valid; not read again.",
        "自上次运行以来未改动，上次校验通过；本次未重新读取。",
    ),
    "file-changed": Code(
        "structure",
        "The file changed while it was read (saved meanwhile?): what is reported may be of "
        "its earlier version; run again once it is saved.",
        "读取期间文件发生了变化（是否正在保存？）：报告内容可能来自修改前的版本；请在文件保存"
        "完成后重新运行。",
    ),
    "not-run": Code(
        "structure",
        "Not checked: the run stopped at the first file with errors (--fail-fast).",
        "未检查：运行在第一个有错误的文件处停止（--fail-fast）。",
    ),
}

register(CODES)
