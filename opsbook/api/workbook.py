"""What the buttons do, for a file: ``opsbook calculate`` and ``opsbook validate --annotate``.

Both go through the same handlers as the buttons in Excel, on the file adapter.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from opsbook.api.common import PathLike, check_lang
from opsbook.core.issues import Issue, Report
from opsbook.io.atomic import name_too_long
from opsbook.io.read import FileProblem, check_file, read_book

#: The file types results and marks can be written into.
WRITABLE = (".xlsx", ".xlsm")


class NothingToCalculate(ValueError):
    """The workbook's kind has no computation; ``zh`` says so in Chinese."""

    def __init__(self, text: str, zh: str | None = None):
        super().__init__(text)
        self.zh = zh


class CannotWrite(ValueError):
    """The output cannot be written as asked (wrong type, the input itself, a macro workbook
    saved without its macros); the message says what to do, ``zh`` the same in Chinese."""

    def __init__(self, text: str, zh: str | None = None):
        super().__init__(text)
        self.zh = zh


#: What a file at an output path that cannot be read as a workbook is, by its issue code.
UNREAD = {
    "password-protected": ("this is a workbook locked with a password, which opsbook cannot "
                           "read", "这是一份受密码保护的工作簿，opsbook 无法读取"),
    "corrupt-file": ("this is a damaged or incomplete file that cannot be opened",
                     "这是一个已损坏或不完整、无法打开的文件"),
    "file-unreadable": ("this file cannot be read", "该文件无法读取"),
    "not-a-workbook": ("this is not a workbook", "这不是工作簿"),
}


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; False for a name the system cannot even look up (too
    long: said by the checks below)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def check_output(target: Path, *inputs: Path, like: Path | None = None,
                 replaces: str | None = None, read_first: bool = False) -> None:
    """Refuse an output that is no workbook, that is one of the inputs, that is open in Excel,
    that changes the file type of ``like`` (a macro workbook written as .xlsx would not
    open in Excel), or that is a file of the user's at ``target`` (see
    :func:`check_replaceable`; ``replaces`` and ``read_first`` are passed on to it, and
    with ``like`` the output is a copy). A new
    results workbook (no ``like``) has no macros, so it is an .xlsx: Excel refuses to open a
    plain workbook named .xlsm. Raises :class:`CannotWrite` (its ``zh`` in Chinese)."""
    if _is_dir(target):  # "-o reports/": the folder is where, not what
        example = target / (like.name if like is not None else "results.xlsx")
        raise CannotWrite(f"{target} is a folder; give the workbook's file name in it, such "
                          f"as {example}",
                          f"{target} 是一个文件夹；请给出其中工作簿的文件名，例如 {example}。")
    if target.suffix.lower() not in WRITABLE:
        if like is None:  # a new results workbook: an .xlsx (below)
            raise CannotWrite(f"{target}: results are written as .xlsx files",
                              f"{target}：结果只能写入 .xlsx 文件。")
        raise CannotWrite(f"{target}: results are written as .xlsx or .xlsm files",
                          f"{target}：结果只能写入 .xlsx 或 .xlsm 文件。")
    if like is None and target.suffix.lower() == ".xlsm":
        raise CannotWrite(f"{target}: a new results workbook has no macros; name it .xlsx "
                          "(Excel does not open a workbook without macros named .xlsm)",
                          f"{target}：新生成的结果工作簿不含宏，请使用 .xlsx 扩展名"
                          "（Excel 无法打开以 .xlsm 命名的无宏工作簿）。")
    for source in inputs:
        if target.resolve() == source.resolve():
            raise CannotWrite(f"{target} is also an input; write the results to another file",
                              f"{target} 也是输入文件；请将结果写入另一个文件。")
    if like is not None and (like.suffix.lower() == ".xlsm") != (target.suffix.lower() == ".xlsm"):
        raise CannotWrite(f"{target}: keep the file type of {like.name} ({like.suffix})",
                          f"{target}：请保持与 {like.name} 相同的文件类型（{like.suffix}）。")
    if name_too_long(target):
        raise CannotWrite(f"{target}: the name is too long for the disk; give a shorter name",
                          f"{target}：文件名过长，磁盘无法保存；请使用更短的名称。")
    check_not_open(target, copy_option=False)  # Excel would save over what is written
    check_replaceable(target, replaces, read_first, copy=like is not None)


def _outputs(kind: Any) -> tuple[set[str], set[str]]:
    """The sheet names (case-folded, both languages) a kind's Calculate button writes, and
    those only its other commands write (a company plan's By Department)."""
    button = {n.casefold() for o in kind.button_outputs() for n in o.names()}
    return button, {n.casefold() for o in kind.outputs for n in o.names()} - button


def _written_by_opsbook(path: Path, replaces: str | None = None) -> bool:
    """Whether an .xlsx/.xlsm package's sheet names alone say it is a result opsbook wrote
    (:func:`opsbook.core.book.output_kind`), or a workbook of kind ``replaces`` holding
    another command's results (a company plan, which ``plan consolidate`` reads first and
    replaces itself), read from its workbook part only: a results workbook of 10,000 rows
    is not read whole, three times, to be replaced. False for anything else, which is then
    read."""
    import zipfile
    from types import SimpleNamespace

    from opsbook import registry
    from opsbook.core.book import output_kind
    from opsbook.io.package import ZIP_ERRORS, Package, PackageGap, workbook_sheets

    try:
        with zipfile.ZipFile(path) as archive:
            package = Package(archive)
            sheets = workbook_sheets(package, package.main_part())
    except (PackageGap, *ZIP_ERRORS):
        return False
    named = [SimpleNamespace(name=sheet.name) for sheet in sheets]
    if named and output_kind(named, registry.kinds()) is not None:
        return True
    if replaces is None or not named:
        return False
    kind = registry.get(replaces)
    others = _outputs(kind)[1]
    return any(kind.sheet_by_name(s.name.strip()) for s in named) and bool(
        {s.name.strip().casefold() for s in named} & others)


def output_path(target: object) -> None:
    """Refused (a ValueError, its ``zh`` in Chinese) for an output that is no path: a
    number, a Book, an empty text (an unset variable: it would name the current folder)."""
    from opsbook.api.common import Refused

    if target is None:
        return
    if not isinstance(target, (str, os.PathLike)):
        what = type(target).__name__
        raise Refused(f"the output is a file's path (a str or Path), got {what}",
                      f"输出应为文件路径（str 或 Path），当前为 {what}。")
    if not str(os.fspath(target)).strip():
        raise Refused("the output is an empty path, which names no file: give the output "
                      "file's name",
                      "输出为空路径，不指向任何文件：请写出输出文件名。")


def check_replaceable(target: PathLike | None, replaces: str | None = None,
                      read_first: bool = False, copy: bool = False) -> None:
    """Refuse to replace a file of the user's at ``target``: a workbook of a kind with data
    rows, a workbook of no kind, a file that is no workbook or cannot be read. Replaced, as
    any output: no file there, an empty file (0 bytes), a result opsbook wrote, an empty
    template of a kind (no data row in its input sheets), a copy opsbook wrote from an
    input (an annotated copy, with the Issues sheet; a calculated copy, with the Calculate
    button's results sheets; a plan's with items or actuals only by another copy, ``copy``:
    its button tracks a plan in place, and results never replace a plan).
    ``replaces``: the id of a kind whose workbooks holding another command's results (a
    company plan) this output may replace, as the command that wrote them does again;
    ``read_first``: any workbook of that kind, or a file that cannot be read, is left to the
    command, which reads it first and says why it is not replaced. Reads the file only when
    there is one. Raises :class:`CannotWrite` (its ``zh`` in Chinese) before anything is
    written; the file stays as it was."""
    from opsbook.api.common import kind_for
    from opsbook.core.book import build_book
    from opsbook.core.output import ISSUES_SHEET

    output_path(target)
    if target is None or not Path(target).is_file() or not Path(target).stat().st_size:
        return  # no file, a folder (told by the command), an empty file: nothing to lose
    target = Path(target)
    if _written_by_opsbook(target, replaces):
        return  # a result opsbook wrote, told by its sheet names: never read whole again
    again = "give the output another file name"
    again_zh = "请为输出另指定一个文件名。"
    try:
        read = read_book(target)
    except FileProblem as problem:
        if read_first:
            return
        en, zh = UNREAD.get(problem.issue.code, UNREAD["not-a-workbook"])
        raise CannotWrite(f"{target}: {en}, so it is not replaced: {again}",
                          f"{target}：{zh}，不会被覆盖；{again_zh}") from None
    found = kind_for(read.sheets, str(target), None)
    if isinstance(found, Issue):
        if found.code == "output-workbook":
            return  # a result opsbook wrote
        raise CannotWrite(f"{target}: this is a workbook opsbook did not write (it is of "
                          f"none of its kinds), so it is not replaced: {again}",
                          f"{target}：这是一份并非由 opsbook 生成的工作簿（不属于任何工作簿"
                          f"类型），不会被覆盖；{again_zh}")
    book = build_book(read.sheets, found, file=str(target), format=read.format)
    rows = {s: len(book[s.id]) for s in found.sheets if s.id in book and len(book[s.id])}
    if not rows:
        return  # an empty template
    names = {s.name.strip().casefold() for s in read.sheets}
    button, others = _outputs(found)
    plan = (len(book["Plan"]), len(book["Actuals"])) if found.id == "plan" else (0, 0)
    if names & others:  # another command's results in a workbook of the kind: its own
        if found.id == replaces:  # (a company plan) replaced by that command only
            return
    elif read_first and found.id == replaces:
        return  # the command reads it first and says why it stays
    elif names & (button | {n.casefold() for n in ISSUES_SHEET.values()}) and (
            copy or not any(plan)):  # a copy opsbook wrote, annotated or calculated (a
        return  # plan's by a copy only: its button writes its tracking into the plan)
    if any(plan):
        items, actuals = plan
        raise CannotWrite(
            f"{target}: this is a plan workbook ({items} item(s), {actuals} actual(s)); "
            f"results never replace a plan: {again}",
            f"{target}：这是一份计划工作簿（{items} 个计划项、{actuals} 条实际值），"
            f"结果不会覆盖计划；{again_zh}")
    what = found.en.lower()
    raise CannotWrite(
        f"{target}: this is {'an' if what[:1] in 'aeiou' else 'a'} {what} workbook with "
        f"{sum(rows.values())} row(s) of data ("
        + ", ".join(f"{s.en}: {n}" for s, n in rows.items())
        + f"), so it is not replaced: {again}",
        f"{target}：这是一份{found.zh}工作簿，含 {sum(rows.values())} 行数据（"
        + "、".join(f"{s.zh} {n} 行" for s, n in rows.items())
        + f"），不会被覆盖；{again_zh}")


def annotate(source: PathLike, target: PathLike, kind: str | None = None,
             lang: str | None = None) -> Report:
    """What Validate does, on a copy: ``target`` gets every bad cell filled and noted and an
    Issues sheet; ``source`` is never modified. Raises :class:`CannotWrite` for a target
    that cannot be written as asked; a file that cannot be read gives a Report with one
    issue."""
    check_lang(lang)
    from opsbook.excel import handlers
    from opsbook.io.filebook import FileBook

    source, target = Path(source), Path(target)
    if source.suffix.lower() not in WRITABLE:
        raise CannotWrite(f"{source}: annotating needs an .xlsx or .xlsm workbook (other "
                          "formats are read for checking only)",
                          f"{source}：标注需要 .xlsx 或 .xlsm 工作簿（其他格式只能读取用于检查）。")
    check_output(target, source, like=source)
    try:
        book = FileBook(source, target)
    except FileProblem as problem:
        return Report(issues=[problem.issue], files=[str(source)])
    with book:  # closed on every path: a macro workbook's parts are held in an open zip
        report = handlers.validate(book, kind, lang)
        if report.readable:
            book.save()
    return report


#: The lock file a program keeps beside a workbook it has open: (its name, the program).
LOCK_FILES = (("~${}", "Excel"), (".~lock.{}#", "LibreOffice"))


def check_not_open(file: Path, copy_option: bool = True) -> None:
    """Raise CannotWrite when ``file`` is open in Excel or LibreOffice (their lock file,
    ``~$NAME`` or ``.~lock.NAME#``, beside it, or beside the file a link named ``file``
    points to): what is written into it now would be lost when that program saves it.
    ``copy_option``: the command can write a copy instead (``-o OUT``), which the message
    then offers."""
    places = [Path(file)]
    try:
        if places[0].is_symlink():
            places.append(places[0].resolve())
    except (OSError, RuntimeError):  # a loop of links: no file there to be open
        pass
    for place in places:
        for pattern, program in LOCK_FILES:
            lock = place.parent / pattern.format(place.name)
            try:
                locked = lock.exists()
            except OSError:  # a name two letters short of the disk's limit: no lock fits
                locked = False
            if locked:
                raise CannotWrite(
                    f"{file} is open in {program} (its lock file {lock.name} is beside "
                    + ("it" if place == places[0] else f"{place.name}, which it links to")
                    + "): close it there first"
                    + (", or give -o OUT" if copy_option else ""),
                    f"{file} 正在 {program} 中打开（"
                    + ("旁边" if place == places[0] else f"它所链接的 {place.name} 旁边")
                    + f"有锁定文件 {lock.name}）：请先在 {program} 中关闭"
                    + ("，或用 -o 指定输出文件。" if copy_option else "。"))


def calculate(file: PathLike, out: PathLike | None = None, kind: str | None = None
              ) -> tuple[Report, list[str]]:
    """What Calculate does: validate, then write the kind's results sheets into ``file`` (a
    temporary file and a rename, so a failed run leaves it as it was) or into a copy ``out``.

    Returns the Report (validation and the computation's findings) and the status lines the
    button would show. Raises :class:`CannotWrite` for an output that cannot be written as
    asked and :class:`~opsbook.api.common.NotAWorkbook` for a file that cannot be read.
    """
    from opsbook.api.common import NotAWorkbook
    from opsbook.excel import handlers
    from opsbook.io.filebook import FileBook

    file = Path(file)
    try:  # a missing file, a folder, a .csv: said as every command says it, before its type
        check_file(file)
    except FileProblem as problem:
        raise NotAWorkbook(problem.issue) from None
    if file.suffix.lower() not in WRITABLE:
        if out is not None:
            raise CannotWrite(f"{file}: calculate writes its results into a copy of the "
                              "workbook, and that needs an .xlsx or .xlsm workbook: save it as "
                              ".xlsx first", f"{file}：“计算”会把结果写入工作簿的副本，只能用于 "
                              ".xlsx 或 .xlsm 文件；请先另存为 .xlsx。")
        raise CannotWrite(f"{file}: calculate writes into the workbook, so it needs .xlsx or "
                          ".xlsm: save it as .xlsx first",
                          f"{file}：“计算”会写入该工作簿，只能用于 .xlsx 或 .xlsm 文件；"
                          "请先另存为 .xlsx。")
    if out is not None:
        check_output(Path(out), file, like=file)
    else:
        check_not_open(file)
    try:
        book = FileBook(file, Path(out) if out else file)
    except FileProblem as problem:
        raise NotAWorkbook(problem.issue) from None
    with book:  # closed on every path: a macro workbook's parts are held in an open zip
        found = handlers.read_book(book, kind)
        if isinstance(found, Issue) and found.code == "output-workbook":
            raise NotAWorkbook(found)  # a result opsbook wrote: nothing to calculate from
        if not isinstance(found, Issue) and found.kind.calculate is None:
            raise NothingToCalculate(f"{file}: {found.kind.en.lower()} workbooks have no "
                                     "Calculate step; 'opsbook validate' checks them",
                                     f"{file}：{found.kind.zh}工作簿没有“计算”步骤；"
                                     "请用“opsbook validate”检查。")
        report = handlers.calculate(book, kind)
        if report.readable:
            book.save()
    return report, book.messages
