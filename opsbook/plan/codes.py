"""Issue codes of the plan workbook: a stable slug, its category and its messages."""

from __future__ import annotations

from opsbook.core.messages import Code

CODES: dict[str, Code] = {
    "quarters-mismatch": Code(
        "data",
        "Quarter targets add up to {value}, not the annual target {expected}.",
        "四个季度目标合计 {value}，与年度目标 {expected} 不一致。",
    ),
    "outside-year": Code(
        "data",
        "'{column}' ({value}) is outside the plan year {expected}.",
        "“{column}”（{value}）不在计划年度 {expected} 内。",
    ),
}
