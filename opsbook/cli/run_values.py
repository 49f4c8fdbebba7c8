"""What a step's command checks only once it starts, checked when a pipeline is read: a
month, a status date, a plan year, the type of a file it writes, a recipient, the SMTP
address. The command line's parser takes any text for them; without this a mistake in a
later step would be found only after the steps before it had run."""

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


#: The option (its parameter's name) → its check, which raises an error saying what is
#: wrong in English and, as ``zh``, in Chinese.
CHECKS: dict[str, Callable[[str, tuple[str, ...], list[str]], None]] = {
    "month": _month, "as_of": _as_of, "year": _year, "out": _written,
    "annotate": _annotated, "to": _address, "cc": _address, "smtp": _smtp}


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
