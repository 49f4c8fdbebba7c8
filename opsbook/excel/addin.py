"""Building the add-in ``opsbook.xlam``: an **opsbook** ribbon tab that works on any workbook.

The add-in is made from text sources, like the macro workbooks: the ribbon
(``macros/addin/customUI14.xml``), its callbacks (``macros/addin/*.bas``) and xlwings' module
for custom add-ins of the installed version, whose ``RunPython`` passes the *active* workbook
to Python. XlsxWriter writes the workbook (the VBA project, an ``opsbook.conf`` sheet and the
tab's ``labels`` sheet); the package is then made an add-in (its main part's content type)
and given the ribbon part, linked from the package relationships. The same sources always
give the same bytes.
"""

from __future__ import annotations

import importlib.metadata
import re
import zipfile
from collections.abc import Mapping, Sequence
from io import BytesIO
from pathlib import Path

from opsbook.excel.build import CREATED, MACROS_DIR
from opsbook.excel.ribbon import ADDIN_DIR, LABELS_SHEET, RIBBON_FILE, callbacks, label_rows
from opsbook.excel.ribbon import ribbon_xml as read_ribbon
from opsbook.excel.vba import (
    ENCODING,
    Module,
    make_vba_project,
    module_from_text,
    read_modules,
    xlwings_dir,
    xlwings_modules,
)
from opsbook.io.atomic import replace_atomically

ADDIN_NAME = "opsbook.xlam"
#: The name the add-in's xlwings module goes by: its sheet ``opsbook.conf`` and its files
#: (``~/.opsbook/opsbook.conf`` on Windows) hold its settings.
PROJECT_NAME = "opsbook"
CONF_SHEET = f"{PROJECT_NAME}.conf"
#: Where ``opsbook addin build`` writes by default: ``workbooks/`` beside ``macros/``.
WORKBOOKS_DIR = MACROS_DIR.parent / "workbooks"
#: The add-in's own settings. Python finds opsbook installed, so the folder of whatever
#: workbook is active is kept off ``sys.path`` (a stray ``opsbook.py`` there cannot shadow
#: the package, and no OneDrive or SharePoint path has to be resolved).
ADDIN_CONF: tuple[tuple[str, bool], ...] = (("ADD_WORKBOOK_TO_PYTHONPATH", False),)

#: The relationship that links a customUI14 part (the 2009/07 schema) to the package.
UI_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
ADDIN_WORKBOOK = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
RIBBON_PART = f"customUI/{RIBBON_FILE}"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_PROJECT_LINE = re.compile(r'^(Public Const PROJECT_NAME As String = )"myaddin"(\r?)$',
                           re.MULTILINE)


def custom_addin_module(project: str = PROJECT_NAME) -> Module:
    """xlwings' module for custom add-ins (``xlwings_custom_addin.bas``) of the installed
    version, named for ``project``: its ``PROJECT_NAME`` is the only line changed.

    Raises ``RuntimeError`` when the module's version is not the installed xlwings's or its
    ``PROJECT_NAME`` line is not the expected one.
    """
    text = (xlwings_dir() / "xlwings_custom_addin.bas").read_bytes().decode(ENCODING)
    installed = importlib.metadata.version("xlwings")
    if f"'Version: {installed}" not in text:
        raise RuntimeError(f"xlwings_custom_addin.bas is not of the installed xlwings {installed}")
    text, count = _PROJECT_LINE.subn(rf'\g<1>"{project}"\g<2>', text)
    if count != 1:
        raise RuntimeError("xlwings_custom_addin.bas has no PROJECT_NAME = \"myaddin\" line")
    return module_from_text(text)


def addin_modules(addin_dir: Path = ADDIN_DIR) -> tuple[Module, ...]:
    """The add-in's VBA: ``macros/addin/*.bas``, xlwings' add-in module, its ``Dictionary``."""
    _, dictionary = xlwings_modules()
    return (*read_modules(addin_dir), custom_addin_module(), dictionary)


def build_addin(
    out_dir: Path = WORKBOOKS_DIR,
    *,
    titles: Mapping[str, Mapping[str, str]] | None = None,
    addin_dir: Path = ADDIN_DIR,
    modules: Sequence[Module] | None = None,
) -> Path:
    """Write ``opsbook.xlam`` into ``out_dir`` (created if needed); return its path.

    ``titles`` (kind → language → title, for the New workbook menu) defaults to the kinds'
    own. Raises ``ValueError`` when the ribbon names a callback no module defines.
    """
    data = addin_bytes(titles=titles, addin_dir=addin_dir, modules=modules)
    target = Path(out_dir) / ADDIN_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(target, lambda temp: temp.write_bytes(data))
    return target  # as out_dir was given: the path the user is told


def addin_bytes(
    *,
    titles: Mapping[str, Mapping[str, str]] | None = None,
    addin_dir: Path = ADDIN_DIR,
    modules: Sequence[Module] | None = None,
) -> bytes:
    """The bytes of ``opsbook.xlam`` (see :func:`build_addin`)."""
    xml = read_ribbon(addin_dir)
    modules = addin_modules(addin_dir) if modules is None else tuple(modules)
    subs = {sub.casefold() for module in modules for sub in module.public_subs()}
    missing = sorted({c.sub for c in callbacks(xml) if c.sub.casefold() not in subs})
    if missing:
        raise ValueError(f"the ribbon calls {', '.join(missing)}, which no VBA module defines")
    rows = label_rows(xml, dict(titles) if titles is not None else kind_titles())
    return _as_addin(_workbook(modules, rows), xml)


def kind_titles() -> dict[str, dict[str, str]]:
    """Every kind's title in each language, for the New workbook menu."""
    from opsbook import registry

    return {kind.id: {"en": kind.title("en"), "zh": kind.title("zh")}
            for kind in registry.kinds().values()}


def _workbook(modules: Sequence[Module], rows: Sequence[tuple[str, str, str]]) -> bytes:
    """The add-in's workbook, still as a macro workbook: VBA project, conf and labels sheets."""
    import xlsxwriter

    out = BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    workbook.set_vba_name("ThisWorkbook")
    workbook.add_vba_project(BytesIO(make_vba_project(modules)), is_stream=True)
    workbook.set_properties({"title": "opsbook", "created": CREATED})
    conf = workbook.add_worksheet(CONF_SHEET)
    conf.set_column(0, 0, 32)
    for row, (key, value) in enumerate(ADDIN_CONF):
        conf.write_string(row, 0, key)
        conf.write_boolean(row, 1, value)
    labels = workbook.add_worksheet(LABELS_SHEET)
    labels.set_column(0, 0, 28)
    labels.set_column(1, 2, 60)
    for row, values in enumerate(rows):
        for col, value in enumerate(values):
            labels.write_string(row, col, value)
    workbook.close()
    return out.getvalue()


def _as_addin(workbook: bytes, ribbon: bytes) -> bytes:
    """The package of ``workbook`` as an add-in, with ``ribbon`` as its customUI part."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(workbook)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "[Content_Types].xml":
                data = _replace_once(data, MACRO_WORKBOOK.encode(), ADDIN_WORKBOOK.encode())
            elif name == "_rels/.rels":
                link = (f'<Relationship Id="rIdOpsbookRibbon" Type="{UI_RELATIONSHIP}" '
                        f'Target="{RIBBON_PART}"/>').encode()
                data = _replace_once(data, b"</Relationships>", link + b"</Relationships>")
            target.writestr(_entry(name), data)
        target.writestr(_entry(RIBBON_PART), ribbon)
    return out.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _replace_once(data: bytes, old: bytes, new: bytes) -> bytes:
    if data.count(old) != 1:
        raise RuntimeError(f"expected one {old.decode()!r} in the package part")
    return data.replace(old, new)
