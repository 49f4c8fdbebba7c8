"""The demo: sample workbooks of every kind, then every step the library offers, on them.

The generic steps (make, validate, calculate) run for every kind of the registry; each
command adds its own step (``opsbook.api.DEMO_STEPS``). Every step calls the same library
function as its command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from opsbook import api, registry

Say = Callable[[str], None]


def run(folder: Path, say: Say) -> int:
    """Run the demo into ``folder`` (created if needed); returns the exit code (0 when every
    step worked)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    say(f"opsbook demo → {folder}")
    made = samples(folder)
    say(f"· sample workbooks: {', '.join(p.name for p in made)}")

    report = api.validate(made)
    s = report.summary()
    say(f"· validate: {s['files']} files, {s['errors']} errors, {s['warnings']} warnings")
    code = report.exit_code

    for path in made:
        if registry.get(path.name.split(".")[0]).calculate is None:
            continue
        target = folder / path.name.replace(".xlsx", ".calculated.xlsx")
        result, lines = api.calculate(path, target)
        say(f"· calculate {path.name} → {target.name}: {lines[-1] if lines else ''}")
        code = max(code, result.exit_code)

    by_kind = {path.name.split(".")[0]: path for path in made if ".zh." in path.name}
    for step in api.DEMO_STEPS:
        code = max(code, step(folder, by_kind, say))
    say("done." if code == 0 else "done, with problems (see above).")
    return code


def samples(folder: Path) -> list[Path]:
    """A sample workbook of every kind in both languages: ``KIND.zh.xlsx``, ``KIND.en.xlsx``."""
    made = []
    for kind in registry.names():
        for lang in ("zh", "en"):
            made.append(api.new_workbook(kind, lang, folder / f"{kind}.{lang}.xlsx", sample=True))
    return made
