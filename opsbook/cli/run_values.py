"""What a step's command checks only once it starts, checked when a pipeline is read: a
month, a status date, a plan year, the type of a file it writes, a recipient, the SMTP
address, a certificate authority file. The command line's parser takes any text for them;
without this a mistake in a later step would be found only after the steps before it had
run."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable


def _month(value: str, _words: tuple[str, ...], _inputs: list[str]) -> None:
    from opsbook.api.attendance import check_month

    check_month(value)


def _as_of(value: str, _words: tuple[str, ...], _inputs: list[str]) -> None:
    from opsbook.api.project import status_day

    status_day(value)


def _year(value: str, _words: tuple[str, ...], _inputs: list[str]) -> None:
    from opsbook.plan.settings import plan_year

    plan_year(value, "--year")


def _written(value: str, words: tuple[str, ...], inputs: list[str]) -> None:
    """A file the step writes: a report as .xlsx, .html or .pdf, results as .xlsx."""
    from opsbook.api.report import check_report_target
    from opsbook.api.workbook import check_output

    if words == ("report",):
        check_report_target(Path(value))
    elif words == ("plan", "consolidate"):  # a company plan there: its review carried over
        check_output(Path(value), replaces="plan", read_first=True)
    elif words != ("validate",) and words != ("email",):
        check_output(Path(value))


def _annotated(value: str, _words: tuple[str, ...], inputs: list[str]) -> None:
    """``validate --annotate``: a copy of the one workbook validated, of its type."""
    from opsbook.api.common import Refused
    from opsbook.api.workbook import check_output

    if len(inputs) != 1 or Path(inputs[0]).is_dir() or set("*?[") & set(inputs[0]) \
            and not Path(inputs[0]).exists():
        raise Refused("--annotate takes exactly one workbook; give the step its own "
                      "inputs = [\"…\"]",
                      "--annotate 只能用于一个工作簿；请为该步骤写 inputs = [\"…\"]。")
    check_output(Path(value), like=Path(inputs[0]))


def _address(value: str, _words: tuple[str, ...], _inputs: list[str]) -> None:
    from opsbook.api.common import Refused
    from opsbook.mail.config import is_address, split_addresses

    bad = [a for a in split_addresses([value]) if not is_address(a)]
    if bad:
        raise Refused(f"{', '.join(repr(a) for a in bad)} is no email address (name@domain)",
                      f"{'、'.join(f'“{a}”' for a in bad)} 不是电子邮件地址（应为 名称@域名）。")


def _smtp(value: str, _words: tuple[str, ...], _inputs: list[str]) -> None:
    from opsbook.mail.deliver import parse_server

    parse_server(value)


def _cafile(value: str, _words: tuple[str, ...], _inputs: list[str]) -> None:
    """A certificate authority file that holds no certificate (a missing one is told as
    a file the step reads)."""
    from opsbook.mail.deliver import tls_context

    if Path(value).is_file():
        tls_context(value)


#: The option (its parameter's name) → its check, which raises an error saying what is
#: wrong in English and, as ``zh``, in Chinese.
CHECKS: dict[str, Callable[[str, tuple[str, ...], list[str]], None]] = {
    "month": _month, "as_of": _as_of, "year": _year, "out": _written,
    "annotate": _annotated, "to": _address, "cc": _address, "smtp": _smtp,
    "cafile": _cafile}


def value_problem(name: str, value: Any, words: tuple[str, ...], inputs: list[str]
                  ) -> tuple[str, str] | None:
    """What the command ``opsbook WORDS`` would refuse in the value of its option ``name``
    (each value of a repeated one, a file as the step will write it) as it starts, in
    English and in Chinese; None when it would take it. ``inputs`` are the step's inputs."""
    check = CHECKS.get(name)
    if check is None:
        return None
    for one in value if isinstance(value, list) else [value]:
        if not isinstance(one, str):
            continue  # its TOML type is told by the pipeline's own check
        try:
            check(one, words, inputs)
        except ValueError as error:  # Refused, CannotWrite, YearRefused: said in both
            return str(error), getattr(error, "zh", None) or str(error)
        except Exception as error:  # the mail's DeliveryError is a RuntimeError
            zh = getattr(error, "zh", None)
            if zh is None:
                raise
            return str(error), zh
    return None


def mail_problems(words: tuple[str, ...], chosen: dict[str, Any], base: Path
                  ) -> list[tuple[str, str, str]]:
    """(option, message, Chinese) for what an ``email`` step's command refuses only as it
    starts, after the steps before it have run: a config file that cannot be used (the
    step's ``config``, else the one the command would find), no recipient (no ``to``, none
    in the config) or ``per_department`` without a ``[recipients]`` table, ``encrypt``
    without the password's variable. ``chosen``: the step's options as written."""
    if words != ("email",):
        return []
    import os

    from opsbook.mail.config import ATTACHMENT_PASSWORD_ENV, load_settings

    config = chosen.get("config")
    if config is not None and (not isinstance(config, str) or not config.strip()
                               or not (base / config).is_file()):
        return []  # its type, its emptiness, a missing file: told by the option's checks
    try:
        settings = load_settings(base / config if config else None)
    except ValueError as error:  # ConfigError: said in both languages
        return [("config", str(error), getattr(error, "zh", None) or str(error))]
    found: list[tuple[str, str, str]] = []
    if chosen.get("per_department") is True:
        if not settings.recipients:
            found.append(("per_department", "needs a [recipients] table (department = "
                          "address) in the config file", "需要配置文件中的 [recipients] 表"
                          "（部门 = 地址）。"))
        if chosen.get("to"):  # each head gets their own department's: to would be ignored
            found.append(("to", "is not taken with per_department = true",
                          "不与 per_department = true 同用。"))
    elif not chosen.get("to") and not settings.to:
        found.append(("to", "no recipient: give to = [\"…\"] (or to in the config's [mail] "
                      "table, or per_department = true)", "没有收件人：请写 to = [\"…\"]"
                      "（或在配置文件的 [mail] 表中写 to，或写 per_department = true）。"))
    if chosen.get("encrypt") is True and not os.environ.get(ATTACHMENT_PASSWORD_ENV):
        found.append(("encrypt", f"takes the password from {ATTACHMENT_PASSWORD_ENV}; set it "
                      "for the job that runs the pipeline", f"密码取自环境变量 "
                      f"{ATTACHMENT_PASSWORD_ENV}；请为运行流水线的任务设置该变量。"))
    return found


def kind_problems(words: tuple[str, ...], kind: str | None, chosen: dict[str, Any]
                  ) -> list[tuple[str, str, str]]:
    """(option, message, Chinese) for a computing command's input given to a ``report`` or
    ``email`` step whose kind does not read it (``punches`` for a project, ``history`` for
    an attendance): the command refuses it only as it starts. ``chosen``: the step's
    options, named as parameters."""
    from opsbook import registry
    from opsbook.api.report import TAKEN

    if words not in (("report",), ("email",)) or kind not in registry.names():
        return []
    spec = registry.get(kind)
    return [(name, f"is not taken by the report of {spec.en.lower()} workbooks ({flag} is "
                   f"read by the report of {' or '.join(TAKEN[flag])} workbooks)",
             f"{spec.zh}工作簿的报告不接受此选项（{flag} 用于"
             f"{'或'.join(registry.get(k).zh for k in TAKEN[flag])}工作簿的报告）。")
            for name, value in chosen.items()
            if (flag := f"--{name.replace('_', '-')}") in TAKEN and value
            and kind not in TAKEN[flag]]


def one_file_problem(inputs: list[str], words: tuple[str, ...]) -> tuple[str, str] | None:
    """Why ``inputs`` cannot be the one workbook a command takes (``report``, ``email``),
    or None: several of them, a folder, a glob pattern."""
    command = f"opsbook {' '.join(words)}"
    hint, hint_zh = 'give the step its own inputs = ["…"]', '请为该步骤写 inputs = ["…"]。'
    if len(inputs) != 1:
        return f"'{command}' takes one input; {hint}", f"“{command}”只接受一个输入；{hint_zh}"
    only = inputs[0]
    if Path(only).is_dir():
        return (f"'{command}' takes one workbook, and {only} is a folder; {hint}",
                f"“{command}”只接受一个工作簿，而 {only} 是文件夹；{hint_zh}")
    if not Path(only).exists() and set("*?[") & set(only):
        return (f"'{command}' takes one workbook, not a glob pattern ({only}); {hint}",
                f"“{command}”只接受一个工作簿，不接受通配符路径（{only}）；{hint_zh}")
    return None


def one_book_problem(words: tuple[str, ...], kind: Any, inputs: list[str], recursive: bool
                     ) -> tuple[str, str] | None:
    """Why ``inputs`` cannot make a ``report`` of ``kind`` when that kind reports on one
    workbook at a time (a plan, an appraisal cycle) and they name several workbooks now
    (a result opsbook wrote, its manifest beside it, aside), or None."""
    from opsbook import registry

    if words != ("report",) or kind not in registry.names() or not registry.get(kind).one_book:
        return None
    from opsbook.batch import expand
    from opsbook.batch import manifest as manifests

    files, _ = expand(inputs, recursive)
    found = [f for f in files if f.is_file() and not manifests.wrote(manifests.beside(f), f)]
    if len(found) <= 1:
        return None
    spec = registry.get(kind)
    return (f"{spec.en} reports are made from one workbook at a time, and the inputs name "
            f"{len(found)}; give the step its own inputs = [\"…\"]",
            f"{spec.zh}报告每次只能由一个工作簿生成，而输入包含 {len(found)} 个；"
            "请为该步骤写 inputs = [\"…\"]。")
