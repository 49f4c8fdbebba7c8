"""Issue codes of the attendance workbook: a stable slug, its category and its messages."""

from __future__ import annotations

from opsbook.core.messages import Code

CODES: dict[str, Code] = {
    "approval-after-start": Code(
        "data",
        "Approved on {value}, after it started on {expected}; approval must come first.",
        "审批日期 {value} 晚于开始日期 {expected}；应经批准后方可休假或加班。",
    ),
    "not-approved": Code(
        "data",
        "Request {value} has no approval (approved by / approved on are empty).",
        "申请 {value} 没有审批记录（审批人/审批日期为空）。",
    ),
}
