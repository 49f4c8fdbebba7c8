"""Small .xlsx packages written part by part, as Excel and other writers store formulas:
shared formulas, cached text in the shared strings, errors, booleans, namespace prefixes.

``package(path, {"Data": cells_xml, …}, strings=[…], prefix="x")`` writes a workbook whose
sheets hold the given ``<sheetData>`` content (a prefix is put on every element of the
sheet and workbook parts when given); :func:`sheet_xml` gives a part of the saved file.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
KIND = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _prefixed(xml: str, prefix: str) -> str:
    """Every element of ``xml`` written with ``prefix:`` (the namespace declared on it)."""
    if not prefix:
        return xml
    xml = re.sub(r"<(/?)(\w+)", rf"<\1{prefix}:\2", xml)
    return xml.replace(f'xmlns="{MAIN}"', f'xmlns:{prefix}="{MAIN}"')


def package(path: Path, sheets: dict[str, str], strings: list[str] | None = None,
            prefix: str = "") -> Path:
    """Write an .xlsx at ``path``: one worksheet per entry (name → the rows' XML), shared
    strings when ``strings`` is given (already escaped), elements prefixed by ``prefix``."""
    names = list(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{KIND}.worksheet+xml"/>'
        for i in range(1, len(names) + 1))
    if strings is not None:
        overrides += (f'<Override PartName="/xl/sharedStrings.xml" '
                      f'ContentType="{KIND}.sharedStrings+xml"/>')
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="{TYPES}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{KIND}.sheet.main+xml"/>'
            f"{overrides}</Types>"),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELS}">'
            f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"),
        "xl/workbook.xml": _prefixed(
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
            "<sheets>" + "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>'
                                 for i, n in enumerate(names, 1))
            + '</sheets><calcPr calcId="191029"/></workbook>', prefix),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELS}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" '
                      f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(names) + 1))
            + (f'<Relationship Id="rIdS" Type="{RELS}/sharedStrings" '
               'Target="sharedStrings.xml"/>' if strings is not None else "")
            + "</Relationships>"),
    }
    for i, rows in enumerate(sheets.values(), 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = _prefixed(
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
            f"<sheetData>{rows}</sheetData></worksheet>", prefix)
    if strings is not None:
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(strings)}"'
            f' uniqueCount="{len(strings)}">'
            + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return path


def sheet_xml(path: Path, number: int = 1) -> str:
    """The XML of worksheet part ``sheet{number}.xml`` of a saved package."""
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(f"/sheet{number}.xml"))
        return archive.read(name).decode("utf-8")


def workbook_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/workbook.xml").decode("utf-8")
