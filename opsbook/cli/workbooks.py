"""``opsbook workbooks …``: the macro-enabled workbooks."""

from __future__ import annotations

from pathlib import Path

import typer

from opsbook.cli import printing
from opsbook.cli.common import CannotRun, given_path

app = typer.Typer(no_args_is_help=True, help="The macro workbooks.")


@app.command("build")
def build(out: Path = typer.Option(Path("workbooks"), "--out",
                                   parser=given_path, help="Folder for the .xlsm files.")) -> None:
    """Rebuild the macro workbooks from macros/ and the templates (same sources, same bytes)."""
    from opsbook import api
    from opsbook.api.workbooks import CannotBuildHere, NoMacroSources

    try:
        paths = api.build_workbooks(out)
    except (NoMacroSources, CannotBuildHere) as error:
        raise CannotRun.of(error) from None
    for path in paths:
        printing.say(str(path))
