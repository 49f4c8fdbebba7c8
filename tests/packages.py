"""Rearranging and damaging real .xlsx packages, the ways other programs and accidents do.

Each function takes the bytes of a valid package and returns the bytes of another: parts
moved with their relationships updated, part names with backslashes, a relationship missing
or broken, a part cut short, junk after the zip, the file cut short.
"""

from __future__ import annotations

import io
import re
import zipfile

Parts = dict[str, bytes]


def parts(data: bytes) -> Parts:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(content: Parts) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in content.items():
            archive.writestr(name, data)
    return out.getvalue()


def move_workbook(data: bytes, folder: str) -> bytes:
    """The workbook and its parts moved from ``xl/`` to ``folder`` ("" for the package root),
    with the package relationships and content types updated, as other writers lay it out."""
    prefix = f"{folder.strip('/')}/" if folder.strip("/") else ""
    moved: Parts = {}
    for name, body in parts(data).items():
        if name.endswith(".rels") or name == "[Content_Types].xml":
            body = body.replace(b'"/xl/', f'"/{prefix}'.encode()).replace(
                b'"xl/', f'"{prefix}'.encode())
        moved[prefix + name[3:] if name.startswith("xl/") else name] = body
    return pack(moved)


def backslash_names(data: bytes) -> bytes:
    """Every part name written with backslashes (``xl\\workbook.xml``), as one exporter does."""
    return pack({name.replace("/", "\\"): body for name, body in parts(data).items()})


def drop_sheet_relationship(data: bytes, index: int) -> bytes:
    """The workbook's relationship to one of its sheets removed."""
    content = parts(data)
    name = next(n for n in content if n.endswith("workbook.xml.rels"))
    sheets = re.findall(rb"<Relationship [^>]*worksheet[^>]*/>", content[name])
    if sheets:
        content[name] = content[name].replace(sheets[index % len(sheets)], b"")
    return pack(content)


def cut_part(data: bytes, suffix: str, keep: float) -> bytes:
    """The first part whose name ends with ``suffix`` cut to a fraction ``keep`` of its bytes
    (truncated XML)."""
    content = parts(data)
    for name, body in content.items():
        if name.endswith(suffix):
            content[name] = body[: int(len(body) * keep)]
            break
    return pack(content)


def remove_part(data: bytes, suffix: str) -> bytes:
    content = parts(data)
    return pack({n: b for n, b in content.items() if not n.endswith(suffix)})


def append_junk(data: bytes, junk: bytes) -> bytes:
    """Bytes after the end of the zip, as a bad download or a mail gateway leaves them."""
    return data + junk


def cut_file(data: bytes, keep: float) -> bytes:
    """The whole file cut short, as a copy interrupted."""
    return data[: max(1, int(len(data) * keep))]


#: Changes that keep the workbook whole: it must read exactly as before.
LAYOUTS = {
    "workbook-at-root": lambda data: move_workbook(data, ""),
    "workbook-in-another-folder": lambda data: move_workbook(data, "book/data"),
    "backslash-part-names": backslash_names,
    "backslash-workbook-at-root": lambda data: backslash_names(move_workbook(data, "")),
}
