"""Issue codes of the project tracker: a stable slug, its category and its messages."""

from __future__ import annotations

from opsbook.core.messages import Code

CODES: dict[str, Code] = {
    "duplicate-project": Code(
        "data",
        "Project {value} is also in {first_file} (row {first_row}); only that one is "
        "counted.",
        "项目 {value} 也出现在 {first_file}（第 {first_row} 行）；只计入该处。",
    ),
    "status-date-today": Code(
        "data",
        "No status date given (command line or Settings): the status is as of today, {date}.",
        "未指定状态日期（命令行或设置）：按今天 {date} 计算。",
    ),
}
