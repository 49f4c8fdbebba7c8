"""The demo: sample workbooks of every kind, then every step the library offers, on them."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from opsbook import calculations
from opsbook.api import validate
from opsbook.excel import handlers
from opsbook.io.filebook import FileBook
from opsbook.io.template import write_template
from opsbook.kinds import NAMES


def run(folder: Path, say: Callable[[str], None]) -> int:
    """Run the demo into ``folder``; returns the exit code (0 when every step worked)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    say(f"opsbook demo → {folder}")
    made = []
    for kind in NAMES:
        for lang in ("zh", "en"):
            path = folder / f"{kind}.{lang}.xlsx"
            write_template(kind, lang, path, sample=True)
            made.append(path)
    say(f"1. sample workbooks: {', '.join(p.name for p in made)}")
    report = validate(made)
    s = report.summary()
    say(f"2. validate: {s['files']} files, {s['errors']} errors, {s['warnings']} warnings "
        "(the warnings are sample requests approved after they started)")
    broken = folder / "appraisal.broken.xlsx"
    _break(made[0], broken)
    annotated = folder / "appraisal.broken.annotated.xlsx"
    book = FileBook(broken, annotated)
    bad = handlers.validate(book)
    book.save()
    say(f"3. validate --annotate: {len(bad.errors)} errors in {broken.name} marked red in "
        f"{annotated.name}, listed on its Issues sheet")
    code = 0 if report.valid else 1
    for path in made:
        if path.name.startswith(tuple(calculations.STEPS)):
            target = folder / path.name.replace(".xlsx", ".results.xlsx")
            book = FileBook(path, target)
            result = handlers.calculate(book)
            book.save()
            say(f"4. calculate {path.name} → {target.name}")
            code = max(code, result.exit_code)
    say("done.")
    return code


def _break(source: Path, target: Path) -> None:
    """A copy of a sample workbook with typical mistakes typed in."""
    import openpyxl

    book = openpyxl.load_workbook(source)
    scores = book["评分"]
    scores["E4"] = 120
    scores["E5"] = "八十"
    scores["A6"] = "E9999"
    book.save(target)
