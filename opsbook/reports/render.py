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

#: How a page opsbook wrote begins (its head names opsbook as the generator).
_PAGE_MARK = b'<meta name="generator" content="opsbook">'
#: How the PDFs opsbook prints are made: by headless Chromium, through Skia.
_PDF_MARKS = (b"/Producer (Skia/PDF", b"HeadlessChrome/")


def is_report_page(path: Path) -> bool:
    """Whether the .html/.htm or .pdf file at ``path`` is a report page as opsbook writes
    them, which a new report may replace: a page whose head names opsbook as its generator,
    or a PDF printed by headless Chromium (the Info of Chromium's PDFs is at their start).
    Anything else there — a page or a PDF of the user's — is not."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(4096)
    except OSError:  # unreadable: nothing tells it is opsbook's
        return False
    if Path(path).suffix.lower() == ".pdf":
        return start.startswith(b"%PDF-") and all(mark in start for mark in _PDF_MARKS)
    return _PAGE_MARK in start


def write_report(target: Path, summary: Summary, sheets: list[SheetOut] | tuple = ()) -> Path:
    """Write the report to ``target``: a summary workbook (with ``sheets`` as its detail
    sheets), a self-contained HTML page or a PDF of that page. Returns ``target`` as given
    (a relative path stays relative: it is what the user is told). Raises ValueError for
    any other suffix, :class:`opsbook.reports.pdf.NoBrowser` for a PDF without Chromium."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        write_workbook(target, summary, sheets)
    elif suffix in (".html", ".htm"):
        write_html(target, summary)
    elif suffix == ".pdf":
        with tempfile.TemporaryDirectory(prefix="opsbook-report-") as folder:
            page = Path(folder) / "report.html"
            page.write_text(render_html(summary), encoding="utf-8")
            print_pdf(page, target)
    else:
        raise ValueError(f"a report is written as {', '.join(FORMATS)}; not {target.name!r}")
    return target
