"""Composing a summary email: plain text and HTML alternative, inline charts, attachments.

The message is ``multipart/mixed``: a ``multipart/alternative`` (the plain text, then a
``multipart/related`` of the HTML and its charts as PNG images referenced by Content-ID),
followed by the attachments (the summary workbook, the PDF). Attachments can be encrypted
with a password (Office's standard encryption, by msoffcrypto-tool; workbooks only).
"""

from __future__ import annotations

import hashlib
import io
import re
import tempfile
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from opsbook.core.output import SheetOut
from opsbook.core.said import Said
from opsbook.core.summary import Summary, redact_sheets
from opsbook.reports.html import render_html, render_text
from opsbook.reports.images import chart_image

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ATTACHMENTS = ("xlsx", "pdf")


class ComposeError(Said, ValueError):
    """The message cannot be made as asked (a PDF to encrypt, an unknown attachment)."""


@dataclass
class Draft:
    """A message and the key that says whether the same content already went out."""

    message: EmailMessage
    recipients: tuple[str, ...]
    key: str


def restricted(summary: Summary, sheets: list[SheetOut]) -> tuple[Summary, list[SheetOut]]:
    """The summary and detail sheets without confidential figures, charts, columns and
    sheets."""
    return summary.redacted(), redact_sheets(summary, sheets)


#: A cell naming a workbook by its path (a File column of findings).
_WORKBOOK_PATH = re.compile(r"[\\/].*\.(xlsx|xlsm|xlsb|xls|ods)$", re.IGNORECASE)


def _file_name(value: object) -> object:
    """A workbook's path as its file name, for the key: the path as typed depends on the
    folder the command ran in, and the same report must not go out twice for it."""
    if isinstance(value, str) and _WORKBOOK_PATH.search(value):
        return re.split(r"[\\/]", value)[-1]
    return value


def compose(summary: Summary, sheets: list[SheetOut], *, sender: str, to: tuple[str, ...],
            cc: tuple[str, ...] = (), subject: str | None = None,
            attach: tuple[str, ...] = ("xlsx",), password: str | None = None,
            file_stem: str = "report") -> Draft:
    """One message with ``summary`` (already redacted where it has to be) for ``to``/``cc``.

    ``attach`` names the attachments (``xlsx``, ``pdf``); ``password`` encrypts them
    (workbooks only: ComposeError for a PDF). The key hashes the subject, both parts and
    the detail sheets' content, not dates, message ids or file bytes.
    """
    attach = tuple(a.strip().lstrip(".").lower() for a in attach)  # XLSX, .pdf are asked
    unknown = [a for a in attach if a not in ATTACHMENTS]
    if unknown:
        raise ComposeError(f"attachments can be {', '.join(ATTACHMENTS)}; not {unknown[0]!r}",
                           f"附件只能是 {'、'.join(ATTACHMENTS)}，不能是“{unknown[0]}”。")
    if password and "pdf" in attach:
        raise ComposeError("only workbooks can be encrypted; attach the xlsx alone with "
                           "--encrypt", "只有工作簿可以加密；使用 --encrypt 时请只附加 xlsx。")
    # one line: a header cannot hold a line break (a multi-line text from the config file)
    subject = " ".join((subject or summary.title).splitlines()).strip() or summary.title
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(to)
    if cc:
        message["Cc"] = ", ".join(cc)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].strip("> ") or None)
    text = render_text(summary)
    message.set_content(text, subtype="plain", charset="utf-8")

    pngs = [chart_image(chart, "png") for chart in summary.charts]
    # Content-IDs from the images' content, so that the same report gives the same key
    ids = [f"<chart{n}.{hashlib.sha256(png).hexdigest()[:16]}@opsbook>"
           for n, png in enumerate(pngs)]
    html = render_html(summary, [f"cid:{cid[1:-1]}" for cid in ids])
    message.add_alternative(html, subtype="html", charset="utf-8")
    html_part = message.get_payload()[1]
    digest = hashlib.sha256()
    for part in (subject, text, html):
        digest.update(part.encode("utf-8") + b"\0")
    for cid, png in zip(ids, pngs):
        html_part.add_related(png, "image", "png", cid=cid, disposition="inline",
                              filename=f"{cid[1:].split('@')[0]}.png")

    if attach:  # the files differ by their dates on every run: hash what they show instead
        digest.update(repr([(s.name, s.headers, [tuple(map(_file_name, row)) for row in s.rows])
                            for s in sheets]).encode("utf-8"))
    for kind in attach:
        data = _attachment(kind, summary, sheets)
        if password:
            data = encrypt(data, password)
        digest.update(kind.encode() + b"\0")
        name = f"{file_stem}.{kind}"
        if kind == "xlsx":
            message.add_attachment(data, *XLSX_TYPE, filename=name)
        else:
            message.add_attachment(data, "application", "pdf", filename=name)
    return Draft(message, (*to, *cc), digest.hexdigest())


def _attachment(kind: str, summary: Summary, sheets: list[SheetOut]) -> bytes:
    from opsbook.reports.render import write_report

    with tempfile.TemporaryDirectory(prefix="opsbook-mail-") as folder:
        path = Path(folder) / f"report.{kind}"
        write_report(path, summary, sheets)
        return path.read_bytes()


def encrypt(data: bytes, password: str) -> bytes:
    """An Office file's bytes encrypted with ``password`` (opens only with it)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()
