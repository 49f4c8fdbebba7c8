"""Bad inputs on disk for every kind: each builder writes one file and returns its path.

Kind faults start from the small valid workbook of ``basebooks`` and change one thing (a
required column dropped, a header merged, a wrong type, dates typed as text, an empty or a
missing data sheet); file faults are the same for every kind (zero bytes, a cut-off zip, an
encrypted package, a .csv, a Word document, a PDF or a zip of workbooks named .xlsx).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import msoffcrypto.format.ooxml
import quirkbooks

#: kind → (its data sheet, the required column dropped or retyped, a date column or None)
DATA = {
    "appraisal": ("Scores", "Score", None),
    "attendance": ("Clock", "Date", "Date"),
    "plan": ("Plan", "Item ID", "Start"),
    "project": ("Tasks", "Planned Start", "Planned Start"),
}
#: kind → (a column that needs a number or a date, the wrong value typed into its row 2)
WRONG = {"appraisal": ("Score", "eighty"), "attendance": ("Date", "tomorrow"),
         "plan": ("Annual Target", "很多"), "project": ("Planned Cost", "a lot")}
#: kind → the column whose header a merge from the column before it covers (then lost)
COVERED = {"appraisal": "Indicator ID", "attendance": "Date", "plan": "Department",
           "project": "Task"}
#: Dates typed as text: accepted spellings first, then one no calendar has.
TEXT_DATES = ["2026/11/03", "2026年11月4日", "2026-11-05", "2026-02-30"]
INVALID_DATE = "2026-02-30"

Builder = Callable[[str, Path], Path]


def _column(rows: list[list], name: str) -> int:
    return rows[0].index(name)


def missing_column(kind: str, folder: Path) -> Path:
    sheets = quirkbooks.base(kind)
    sheet, column, _ = DATA[kind]
    at = _column(sheets[sheet], column)
    sheets[sheet] = [row[:at] + row[at + 1:] for row in sheets[sheet]]
    return quirkbooks.write(folder / f"{kind}-missing-column.xlsx", sheets)


def merged_header(kind: str, folder: Path) -> Path:
    """The header before a required column merged over it: the required header is gone and
    its values sit under the merged cell."""
    sheets = quirkbooks.base(kind)
    sheet = DATA[kind][0]
    at = _column(sheets[sheet], COVERED[kind])
    letter = chr(ord("A") + at - 1)
    after = chr(ord("A") + at)
    return quirkbooks.write(folder / f"{kind}-merged-header.xlsx", sheets,
                            merged={sheet: [f"{letter}1:{after}1"]})


def wrong_type(kind: str, folder: Path) -> Path:
    sheets = quirkbooks.base(kind)
    sheet = DATA[kind][0]
    column, value = WRONG[kind]
    sheets[sheet][1][_column(sheets[sheet], column)] = value
    return quirkbooks.write(folder / f"{kind}-wrong-type.xlsx", sheets)


def text_dates(kind: str, folder: Path) -> Path:
    """The date column typed as text in several spellings, the last one 2026-02-30."""
    sheets = quirkbooks.base(kind)
    sheet, _, column = DATA[kind]
    rows = sheets[sheet]
    at = _column(rows, column)
    while len(rows) < len(TEXT_DATES) + 1:
        rows.append(list(rows[-1]))
        key = 1 if kind == "project" else 0 if kind == "plan" else None
        if key is not None:  # a row of its own, not a duplicate
            rows[-1][key] = f"{rows[1][key]}-{len(rows)}"
    for row, text in zip(rows[1:], TEXT_DATES):
        row[at] = text.replace("2026", "2027") if kind == "plan" else text
    return quirkbooks.write(folder / f"{kind}-text-dates.xlsx", sheets)


def empty_sheet(kind: str, folder: Path) -> Path:
    sheets = quirkbooks.base(kind)
    sheet = DATA[kind][0]
    sheets[sheet] = sheets[sheet][:1]
    return quirkbooks.write(folder / f"{kind}-empty-sheet.xlsx", sheets)


def missing_sheet(kind: str, folder: Path) -> Path:
    sheets = quirkbooks.base(kind)
    del sheets[DATA[kind][0]]
    return quirkbooks.write(folder / f"{kind}-missing-sheet.xlsx", sheets)


def valid(kind: str, folder: Path) -> Path:
    return quirkbooks.write(folder / f"{kind}.xlsx", quirkbooks.base(kind))


def aside(kind: str, folder: Path, name: str) -> Path:
    """The valid workbook in ``folder/name`` (made), that a faulty copy is made from."""
    (folder / name).mkdir(exist_ok=True)
    return valid(kind, folder / name)


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def zero_bytes(kind: str, folder: Path) -> Path:
    return _written(folder / f"{kind}-zero.xlsx", b"")


def truncated(kind: str, folder: Path) -> Path:
    whole = aside(kind, folder, "whole")
    data = whole.read_bytes()
    return _written(folder / f"{kind}-truncated.xlsx", data[: len(data) // 2])


def encrypted(kind: str, folder: Path) -> Path:
    plain = aside(kind, folder, "plain")
    path = folder / f"{kind}-encrypted.xlsx"
    with plain.open("rb") as source, path.open("wb") as target:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt("secret", target)
    return path


def csv_file(kind: str, folder: Path) -> Path:
    sheets = quirkbooks.base(kind)
    rows = sheets[DATA[kind][0]]
    path = folder / f"{kind}.csv"
    path.write_text("\n".join(",".join("" if v is None else str(v) for v in row)
                              for row in rows) + "\n", encoding="utf-8")
    return path


def word_as_xlsx(kind: str, folder: Path) -> Path:
    """A minimal Word document (a .docx package) saved under a .xlsx name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as docx:
        docx.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/word/document.xml" ContentType="application'
            '/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'))
        docx.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
            '"word/document.xml"/></Relationships>'))
        docx.writestr("word/document.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议纪要'
            '</w:t></w:r></w:p></w:body></w:document>'))
    path = folder / f"{kind}-word.xlsx"
    path.write_bytes(buffer.getvalue())
    return path


def pdf_as_xlsx(kind: str, folder: Path) -> Path:
    """A PDF saved under a workbook's name (its first bytes once read as GB18030 text)."""
    return _written(folder / f"{kind}-pdf.xlsx",
                    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


def zip_of_workbooks(kind: str, folder: Path) -> Path:
    """The valid workbook zipped, the zip named as the workbook."""
    inner = aside(kind, folder, "zipped")
    path = folder / f"{kind}-zipped.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(inner, f"月报/{inner.name}")
    return path


def locked(kind: str, folder: Path) -> Path:
    """The valid workbook with Excel's lock file ``~$name.xlsx`` beside it."""
    path = valid(kind, folder)
    (folder / f"~${path.name}").write_bytes(b"\x05user" + b" " * 50)
    return path


def pipeline(folder: Path, kind: str, workbook: str, out: str) -> Path:
    """``folder/job.toml``: validate, then compute ``out``, of ``workbook`` in ``folder``."""
    toml = folder / "job.toml"
    toml.write_text(f'name = "bad input"\nkind = "{kind}"\ninputs = ["{workbook}"]\n'
                    'outputs = "results"\n\n[[steps]]\nstep = "validate"\n\n[[steps]]\n'
                    f'step = "compute"\nout = "{out}"\n', encoding="utf-8")
    return toml


#: Faults in a kind's data: exit 1, located at a sheet (and a cell where there is one).
DATA_FAULTS: dict[str, Builder] = {
    "missing-column": missing_column, "merged-header": merged_header,
    "wrong-type": wrong_type, "text-dates": text_dates, "empty-sheet": empty_sheet,
    "missing-sheet": missing_sheet,
}
#: Files that cannot be read at all: exit 2.
FILE_FAULTS: dict[str, Builder] = {
    "zero-bytes": zero_bytes, "truncated": truncated, "encrypted": encrypted,
    "csv": csv_file, "word-as-xlsx": word_as_xlsx, "pdf-as-xlsx": pdf_as_xlsx,
    "zip-of-workbooks": zip_of_workbooks,
}


def with_formulas(kind: str, folder: Path) -> Path:
    """The valid workbook written as Excel saves it, one number column computed by formulas
    whose calculated values are stored beside them (a plan's Annual Target =SUM of its
    quarters, a tracker's Planned Cost =N+0), and a tracker's optional Risks and Actions
    sheets there with their headers only."""
    import datetime as dt

    import xlsxwriter

    sheets = quirkbooks.base(kind)
    if kind == "project":
        sheets["Risks"] = [["Risk ID", "Project ID", "Description", "Probability", "Impact",
                            "Owner", "Mitigation", "Status"]]
        sheets["Actions"] = [["Action ID", "Project ID", "WBS", "Deviation", "Action",
                              "Owner", "Due", "Status"]]
    sheet, column = {"plan": ("Plan", "Annual Target"), "project": ("Tasks", "Planned Cost")}[kind]
    at = _column(sheets[sheet], column)
    path = folder / f"{kind}-formulas.xlsx"
    book = xlsxwriter.Workbook(str(path))
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    for name, rows in sheets.items():
        ws = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if name == sheet and r and c == at:
                    formula = (f"=SUM(G{r + 1}:J{r + 1})" if kind == "plan" and r == 1
                               else f"={value}+0")
                    ws.write_formula(r, c, formula, None, value)
                elif isinstance(value, dt.date):
                    ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), day)
                elif value is not None:
                    ws.write(r, c, value)
    book.close()
    return path
