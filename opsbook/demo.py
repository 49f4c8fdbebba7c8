"""The demo: sample workbooks of every kind, then every step the library offers, on them.

The generic steps (make, validate, calculate) run for every kind of the registry; each
command adds its own step (``opsbook.api.DEMO_STEPS``). Every step calls the same library
function as its command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from opsbook import api, registry
from opsbook.core.said import Refused

Say = Callable[[str], None]

#: The file that marks a folder the demo made: it may write there again.
MARK = ".opsbook-demo"
#: What an operating system leaves in a folder by itself (no file of the user's).
LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def run(folder: Path, say: Say) -> int:
    """Run the demo into ``folder`` (created if needed); returns the exit code (0 when every
    step worked). Raises :class:`~opsbook.core.said.Refused` (a ValueError, with its ``zh``)
    before anything is written when ``folder`` is a file, or a folder holding files and
    not marked as one the demo made (:data:`MARK`): it would replace those of its own names,
    a plan of the user's called ``plans/销售部.xlsx`` say."""
    folder = Path(folder)
    check_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARK).write_text("Made by opsbook demo, which may write here again.\n"
                               "由 opsbook demo 生成，演示可再次写入此文件夹。\n",
                               encoding="utf-8")
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
    say(f"Open {folder / 'appraisal.broken.annotated.xlsx'} for Validate's marks, the "
        "*.calculated.xlsx files for the results sheets and the *.report.html pages.")
    say(f"请打开 {folder / 'appraisal.broken.annotated.xlsx'} 查看校验标注，打开 "
        "*.calculated.xlsx 查看计算结果，打开 *.report.html 查看报告。")
    return code


def check_folder(folder: Path) -> None:
    """Refuse (:class:`Refused`) a ``folder`` the demo cannot write into without harm: a
    file, or a folder that holds files and was not made by the demo (no :data:`MARK`)."""
    if folder.exists() and not folder.is_dir():
        raise Refused(f"{folder} is a file; give a folder for the demo (it is created if "
                      "needed)", f"{folder} 是文件；请给出演示用的文件夹（不存在时会创建）。")
    if not folder.is_dir() or (folder / MARK).is_file():
        return
    held = sorted(p.name for p in folder.iterdir() if p.name not in LITTER)
    if held:
        some = ", ".join(held[:3]) + (" …" if len(held) > 3 else "")
        raise Refused(f"{folder} already holds files ({some}) and is not marked as a demo "
                      f"folder ({MARK}); the demo would replace files of its names there: "
                      "give a new or empty folder",
                      f"{folder} 中已有文件（{'、'.join(held[:3])}{' …' if len(held) > 3 else ''}"
                      f"），且没有演示文件夹的标记（{MARK}）；演示会覆盖其中的同名文件：请指定新的"
                      "或空的文件夹。")


def samples(folder: Path) -> list[Path]:
    """A sample workbook of every kind in both languages: ``KIND.zh.xlsx``, ``KIND.en.xlsx``."""
    made = []
    for kind in registry.names():
        for lang in ("zh", "en"):
            made.append(api.new_workbook(kind, lang, folder / f"{kind}.{lang}.xlsx", sample=True))
    return made
