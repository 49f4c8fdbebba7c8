"""Results sheets as SheetOut: the Issues sheet and frames with localised headers."""

from __future__ import annotations

from typing import Any

import pandas as pd

from opsbook.core.issues import Report
from opsbook.core.output import SheetOut
from opsbook.core.values import excel_rows, excel_value

ISSUE_HEADERS = {
    "en": ["Sheet", "Cell", "Row", "Column", "Field", "Value", "Code", "Severity", "Message",
           "Fill Before"],
    "zh": ["工作表", "单元格", "行号", "列", "字段", "值", "代码", "级别", "说明", "原底色"],
}
SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"}}


ISSUE_WIDTHS = [14, 8, 6, 16, 14, 16, 20, 8, 80, 10]
#: What an issues or checks sheet says when there is nothing to list.
NO_FINDINGS = {"en": "No findings.", "zh": "无问题。"}


def issues_sheet(report: Report, lang: str, name: str,
                 fills: dict[tuple[str, str], str | None] | None = None,
                 title: str | None = None) -> SheetOut:
    """One row per issue; the first column links to the cell.

    The last column keeps the fill a marked cell had before (``fills``), so that the next
    run can give it back.
    """
    fills = fills or {}
    rows, links = [], {}
    for n, issue in enumerate(report.issues):
        rows.append([issue.sheet or issue.file or "", issue.cell or "", issue.row or "",
                     issue.column or "", issue.field or "", excel_value(issue.value) or "",
                     issue.code, SEVERITY.get(lang, {}).get(issue.severity, issue.severity),
                     issue.message(lang), fills.get((issue.sheet, issue.cell)) or ""])
        if issue.sheet and issue.cell:
            links[n] = (issue.sheet, issue.cell)
    s = report.summary()
    counts = (f"{s['errors']} 个错误，{s['warnings']} 个警告" if lang == "zh" else
              f"{s['errors']} error{'s' * (s['errors'] != 1)}, "
              f"{s['warnings']} warning{'s' * (s['warnings'] != 1)}")
    if lang == "zh":
        title = f"{title or '校验结果'}：{counts}"
    else:
        title = f"{title or 'Validation'}: {counts}"
    return SheetOut(name, title, ISSUE_HEADERS[lang], rows, widths=ISSUE_WIDTHS, links=links,
                    key_columns=2, empty=NO_FINDINGS[lang])


def frame_sheet(name: str, title: str, frame: pd.DataFrame, headers: dict[str, str],
                formats: dict[str, str] | None = None, *, key_columns: int = 0,
                empty: str = "") -> SheetOut:
    """A frame as a SheetOut, headers looked up by column id.

    Numbers are stored as computed and shown as their format says: a column of hours shown
    as 0.83 holds 0.8333333333333334, so that a total equals the sum of the cells it totals,
    in the sheet as when Excel adds them up (Excel shows at most 15 digits, so binary
    arithmetic's last digit never shows). ``key_columns`` first columns stay on screen and
    repeat on printed pages; ``empty`` is said when the frame has no rows.
    """
    formats = formats or {}
    columns = list(frame.columns)
    values = [frame.iloc[:, n] for n in range(len(columns))]
    rows = excel_rows(values) if values else [[] for _ in range(len(frame))]
    return SheetOut(name, title, [headers.get(c, c) for c in columns], rows,
                    formats=[formats.get(c, "") for c in columns],
                    widths=[max(10, min(40, len(str(headers.get(c, c))) * 2)) for c in columns],
                    key_columns=key_columns, empty=empty)


def failure_sheet(name: str, lang: str, message: str, carried: list[list[Any]]) -> SheetOut:
    """The Issues sheet of a run that failed: the failure first, then ``carried`` rows.

    ``carried`` are rows of the earlier Issues sheet whose cells are still marked, kept so
    that the next run finds and clears those marks.
    """
    error = SEVERITY.get(lang, {}).get("error", "error")
    rows = [["", "", "", "", "", "", "run-failed", error, message, ""]]
    rows += [list(row[:len(ISSUE_HEADERS[lang])]) for row in carried]
    links = {n: (str(row[0]), str(row[1])) for n, row in enumerate(rows) if n and row[1]}
    title = "校验未完成" if lang == "zh" else "Validation did not finish"
    return SheetOut(name, title, ISSUE_HEADERS[lang], rows, widths=ISSUE_WIDTHS, links=links)
