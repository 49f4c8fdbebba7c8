"""A punch export given where a workbook is read: told as what it is.

An attendance app's or time clock's export (DingTalk's 每日统计 or 原始记录, a ZKTeco log)
holds punches and none of an attendance workbook's own sheets. Read as a workbook it fits
no kind, or another kind by chance (its 姓名 and 部门 columns look like an appraisal's):
:func:`export_issue` says instead that it is a punch export, to be given with
``--punches``. Pure code: the sheets are read by the caller.
"""

from __future__ import annotations

from pathlib import Path

from opsbook.attendance.punches import punch_logs
from opsbook.attendance.schema import CLOCK, EMPLOYEES, HOLIDAYS, LEAVE, OVERTIME
from opsbook.core.book import SETTINGS_NAMES
from opsbook.core.headers import normalize
from opsbook.core.issues import Issue
from opsbook.core.table import RawSheet

#: The attendance workbook's own sheet names (every spelling), Punches and Settings apart.
_OWN = frozenset(normalize(name) for sheet in (EMPLOYEES, HOLIDAYS, CLOCK, LEAVE, OVERTIME)
                 for name in sheet.names())
_SETTINGS = frozenset(normalize(name) for name in SETTINGS_NAMES)


def export_issue(raw: list[RawSheet], file: str | None,
                 staff: frozenset[str] = frozenset()) -> Issue | None:
    """``punch-export-as-workbook`` for sheets that are a punch export: none is named as an
    attendance workbook's own sheet (or Settings), and punches are found on some, every
    sheet of ``staff`` (names of sheets taken for Employees by their headers) among them;
    else None."""
    if any(normalize(sheet.name) in _OWN | _SETTINGS for sheet in raw):
        return None
    found = [log for log in punch_logs(raw, file) if len(log.frame)]
    if not found or not set(staff) <= {log.sheet for log in found}:
        return None
    return Issue("punch-export-as-workbook", file=file, sheet=found[0].sheet,
                 params={"name": Path(file).name if file else ""})
