"""Writing a summary as a file, chosen by the target's suffix: .xlsx, .html or .pdf."""

from __future__ import annotations

import tempfile
from pathlib import Path

from opsbook.core.output import SheetOut
from opsbook.core.summary import Summary
from opsbook.reports.html import render_html, write_html
from opsbook.reports.pdf import print_pdf
from opsbook.reports.workbook import write_workbook

FORMATS = (".xlsx", ".html", ".pdf")


def write_report(target: Path, summary: Summary, sheets: list[SheetOut] | tuple = ()) -> Path:
    """Write the report to ``target``: a summary workbook (with ``sheets`` as its detail
    sheets), a self-contained HTML page or a PDF of that page. Raises ValueError for any
    other suffix, :class:`opsbook.reports.pdf.NoBrowser` for a PDF without Chromium."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        return write_workbook(target, summary, sheets)
    if suffix in (".html", ".htm"):
        return write_html(target, summary)
    if suffix == ".pdf":
        with tempfile.TemporaryDirectory(prefix="opsbook-report-") as folder:
            page = Path(folder) / "report.html"
            page.write_text(render_html(summary), encoding="utf-8")
            return print_pdf(page, target)
    raise ValueError(f"a report is written as {', '.join(FORMATS)}; not {target.name!r}")
