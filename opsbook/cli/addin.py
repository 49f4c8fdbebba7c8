"""``opsbook addin …``: the opsbook.xlam add-in (an opsbook tab in every workbook)."""

from __future__ import annotations

from pathlib import Path

import typer

from opsbook.cli import printing
from opsbook.cli.common import CannotRun, Lang

app = typer.Typer(no_args_is_help=True,
                  help="The opsbook.xlam add-in: an opsbook ribbon tab in every workbook.")


@app.command("build")
def build(out: Path = typer.Option(Path("workbooks"), "--out",
                                   help="Folder for opsbook.xlam.")) -> None:
    """Rebuild opsbook.xlam from macros/addin/ (same sources, same bytes)."""
    from opsbook import api

    try:
        path = api.build_addin(out)
    except FileNotFoundError as error:
        raise CannotRun.of(error) from None
    printing.say(str(path))


@app.command("install")
def install(file: Path | None = typer.Option(None, "--file", help="The add-in to install "
                                             "(default: workbooks/opsbook.xlam)."),
            lang: Lang | None = typer.Option(None, help="Language of the tab's labels "
                                             "(default: Office's own).")) -> None:
    """Put the add-in into Excel's start-up folder, to run with this Python."""
    from opsbook import api

    try:
        place = api.install_addin(file, lang=lang.value if lang else None)
    except (FileNotFoundError, api.NoExcelHere) as error:
        raise CannotRun.of(error) from None
    except OSError as error:
        raise CannotRun(f"could not write the add-in ({error}); quit Excel and try again",
                        f"无法写入加载项（{error}）；请退出 Excel 后重试。") from None
    printing.say(f"installed: {place.addin}")
    printing.say(f"Python: {api.addin_status().python}")
    printing.say(f"settings: {place.config}")
    quit_ = "quit Excel (Cmd-Q) and start it again" if place.system == "Darwin" else (
        "restart Excel")
    printing.say(f"The opsbook tab appears when you {quit_}.")


@app.command("remove")
def remove() -> None:
    """Take the add-in out of Excel's start-up folder (its settings file stays)."""
    from opsbook import api

    try:
        removed = api.remove_addin()
    except api.NoExcelHere as error:
        raise CannotRun.of(error) from None
    except OSError as error:
        raise CannotRun(f"could not remove the add-in ({error}); quit Excel and try again",
                        f"无法移除加载项（{error}）；请退出 Excel 后重试。") from None
    printing.say(f"removed: {removed}" if removed else "the add-in was not installed")


@app.command("status")
def status() -> None:
    """Say whether the add-in is installed and which Python it starts."""
    from opsbook import api

    try:
        now = api.addin_status()
    except api.NoExcelHere as error:
        raise CannotRun.of(error) from None
    where = now.layout.addin
    if now.installed:
        state = {True: " (current)", False: " (differs from workbooks/opsbook.xlam)",
                 None: ""}[now.current]
        printing.say(f"installed: {where}{state}")
    else:
        printing.say(f"not installed; 'opsbook addin install' puts it at {where}")
    printing.say(f"Python: {now.python}")
    printing.say(f"settings: {now.layout.config}"
               + ("" if now.layout.config.is_file() else " (not written yet)"))
    if now.layout.applescript is not None:
        there = now.layout.applescript.is_file()
        printing.say(f"RunPython script: {now.layout.applescript}"
                   + ("" if there else " (missing: run 'opsbook addin install')"))
