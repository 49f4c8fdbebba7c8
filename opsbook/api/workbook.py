"""What the buttons do, for a file: ``opsbook calculate`` and ``opsbook validate --annotate``.

Both go through the same handlers as the buttons in Excel, on the file adapter.
"""

from __future__ import annotations

from pathlib import Path

from opsbook.api.common import PathLike, check_lang
from opsbook.core.issues import Issue, Report
from opsbook.io.atomic import name_too_long
from opsbook.io.read import FileProblem, check_file

#: The file types results and marks can be written into.
WRITABLE = (".xlsx", ".xlsm")


class NothingToCalculate(ValueError):
    """The workbook's kind has no computation."""


class CannotWrite(ValueError):
    """The output cannot be written as asked (wrong type, the input itself, a macro workbook
    saved without its macros); the message says what to do, ``zh`` the same in Chinese."""

    def __init__(self, text: str, zh: str | None = None):
        super().__init__(text)
        self.zh = zh


def check_output(target: Path, *inputs: Path, like: Path | None = None) -> None:
    """Refuse an output that is no workbook, that is one of the inputs, that is open in Excel,
    or that changes the file type of ``like`` (a macro workbook written as .xlsx would not
    open in Excel). A new results workbook (no ``like``) has no macros, so it is an .xlsx:
    Excel refuses to open a plain workbook named .xlsm."""
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


def check_not_open(file: Path, copy_option: bool = True) -> None:
    """Raise CannotWrite when ``file`` is open in Excel (its lock file ``~$NAME`` beside it):
    what is written into it now would be lost when Excel saves it. ``copy_option``: the
    command can write a copy instead (``-o OUT``), which the message then offers."""
    lock = file.parent / f"~${file.name}"
    try:
        locked = lock.exists()
    except OSError:  # a name two letters short of the disk's limit: Excel could not lock it
        locked = False
    if locked:
        raise CannotWrite(
            f"{file} is open in Excel (its lock file {lock.name} is beside it): close it "
            "there first" + (", or give -o OUT" if copy_option else ""),
            f"{file} 正在 Excel 中打开（旁边有锁定文件 {lock.name}）：请先在 Excel 中关闭"
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
                                     "Calculate step; 'opsbook validate' checks them")
        report = handlers.calculate(book, kind)
        if report.readable:
            book.save()
    return report, book.messages
