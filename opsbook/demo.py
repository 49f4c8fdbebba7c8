"""The demo: sample workbooks of every kind, then every step the library offers, on them."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from opsbook import calculations
from opsbook.api import load, validate
from opsbook.appraisal.report import SHEETS, grade_counts, score_book, workbook_sheets
from opsbook.core.validate import validate_book
from opsbook.excel import handlers
from opsbook.io.filebook import FileBook
from opsbook.io.sheets import write_sheets
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
        "(the warnings: sample requests approved after they started)")

    broken = folder / "appraisal.broken.xlsx"
    _break(made[0], broken)
    annotated = folder / "appraisal.broken.annotated.xlsx"
    book = FileBook(broken, annotated)
    bad = handlers.validate(book)
    book.save()
    say(f"3. validate --annotate: {len(bad.errors)} errors typed into {broken.name} are "
        f"marked red in {annotated.name} and listed on its Issues sheet")

    appraisal = load(made[0], "appraisal")
    result = score_book(appraisal)
    scored = folder / "appraisal.results.xlsx"
    write_sheets(scored, workbook_sheets(result, appraisal.lang, appraisal.settings.cycle))
    grades = grade_counts(result)
    escalated = result.results.loc[result.results["escalate"].astype(bool), "name"].tolist()
    say(f"4. appraisal score {made[0].name} → {scored.name}: grades "
        f"{', '.join(f'{g} {n}' for g, n in grades)}; escalate: "
        f"{', '.join(escalated) or 'nobody'}; sheets {', '.join(SHEETS[k][1] for k in SHEETS)}")

    code = 0 if report.valid and validate_book(appraisal).valid else 1
    for path in made:
        if path.name.split(".")[0] in calculations.STEPS:
            target = folder / path.name.replace(".xlsx", ".calculated.xlsx")
            book = FileBook(path, target)
            done = handlers.calculate(book)
            book.save()
            say(f"5. calculate {path.name} → {target.name}: {book.messages[-1]}")
            code = max(code, done.exit_code)
    say("done." if code == 0 else "done, with problems (see above).")
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
