"""A mistake on the command line itself (an unknown option, a value of the wrong type, a
missing argument), said in the language of ``--lang`` as every other message is: Typer's
usage lines, then the mistake in English, in Chinese, or (without ``--lang``) in both."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

try:  # Typer 0.26 and later carry their own copy of Click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - an older Typer, on Click itself
    from click import exceptions as click_errors  # type: ignore[no-redef]

from opsbook.cli import printing

#: English details of a bad value that have a Chinese wording (pattern → Chinese).
DETAILS = (
    (r"valid integer|whole number", "应为整数"),
    (r"valid (number|float)", "应为数字"),
    (r"valid (date|datetime)", "应为日期，写作 YYYY-MM-DD"),
    (r"does not exist", "该路径不存在"),
    (r"is a directory", "这是一个文件夹，应为文件"),
    (r"is a file", "这是一个文件，应为文件夹"),
    (r"greater than or equal to (-?[\d.]+)|(-?[\d.]+) or more", r"应不小于 \1\2"),
    (r"greater than (-?[\d.]+)|more than (-?[\d.]+)", r"应大于 \1\2"),
    (r"less than or equal to (-?[\d.]+)|(-?[\d.]+) or less", r"应不大于 \1\2"),
    (r"less than (-?[\d.]+)", r"应小于 \1"),
    (r"not one of|should be '|Input should be", "不是可选的值之一"),
    (r"empty path", "空路径不指向任何文件，请写文件夹或文件"),
    (r"not readable", "没有读取权限"),
    (r"not writable", "没有写入权限"),
)


#: pydantic's wording of a bound, as Typer passes it on, and the plain words for it.
_BOUNDS = (
    (r"Input should be greater than or equal to (-?[\d.]+)", r"must be \1 or more"),
    (r"Input should be greater than (-?[\d.]+)", r"must be more than \1"),
    (r"Input should be less than or equal to (-?[\d.]+)", r"must be \1 or less"),
    (r"Input should be less than (-?[\d.]+)", r"must be less than \1"),
    (r"Input should be a valid integer(, unable to parse string as an integer)?",
     "must be a whole number"),
)


def plain(message: str) -> str:
    """A bad value's English without pydantic's words: "Value error, " dropped, "Input
    should be greater than or equal to 1" said "must be 1 or more"."""
    message = message.replace("Value error, ", "")
    for pattern, words in _BOUNDS:
        message = re.sub(pattern, words, message)
    return message


def asked_lang(args: Sequence[str]) -> str | None:
    """The ``--lang`` written on a command line that could not be parsed ("zh", "en" or
    None): the option's own callback may not have run."""
    for n, arg in enumerate(args):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            args[n + 1] if arg == "--lang" and n + 1 < len(args) else None)
        if value is not None and value.lower() in ("zh", "en"):  # any case, as the option
            return value.lower()
    return None


def in_chinese(error: click_errors.ClickException) -> str:
    """The mistake in Chinese (Chinese punctuation; option names as typed)."""
    if isinstance(error, click_errors.NoSuchOption):
        some = "、".join(sorted(error.possibilities or ()))
        return f"没有 {error.option_name} 这个选项" + (f"（可能是：{some}）。" if some else "。")
    if isinstance(error, click_errors.MissingParameter):
        argument = (error.param_type or getattr(error.param, "param_type_name", "")) == "argument"
        return f"缺少{'参数' if argument else ''}{_hint(error)}。"  # an option shows its dashes
    if isinstance(error, click_errors.BadParameter):
        detail = next((found.expand(zh) for pattern, zh in DETAILS
                       if (found := re.search(pattern, error.message))), None)
        choices = _choices(error.message)
        if choices:
            detail = f"{detail}，应为以下之一：{'、'.join(choices)}"
        return f"{_hint(error)}的值无效" + (f"：{detail}。" if detail else
                                           f"（{error.message}）。")
    if isinstance(error, click_errors.BadOptionUsage):
        return _option_usage(error.option_name, error.message)
    found = re.search(r"unexpected extra argument(?:s|\(s\))? \((.*)\)", error.message)
    if found:
        return f"多余的参数：{found.group(1)}。每个选项的写法见 --help。"
    found = re.search(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", error.message)
    if found:
        some = "、".join(re.findall(r"'([^']*)'", found.group(2) or ""))
        return f"没有 {found.group(1)} 这个命令" + (f"（可能是：{some}）。" if some else
                                                 "（可用的命令见 --help）。")
    found = re.search(r"Argument '(.*?)' takes (\d+) values", error.message)
    if found:
        return f"参数“{found.group(1)}”需要 {found.group(2)} 个值。"
    if error.message.startswith("Missing command"):
        return "缺少命令（可用的命令见 --help）。"
    return f"命令行有误（{error.format_message()}）。"


def _option_usage(name: str, message: str) -> str:
    """An option written wrongly (a value missing, or given to a switch), in Chinese."""
    if "requires an argument" in message:
        return f"选项 {name} 后面需要一个值。"
    found = re.search(r"requires (\d+) arguments", message)
    if found:
        return f"选项 {name} 后面需要 {found.group(1)} 个值。"
    if "does not take a value" in message:
        return f"选项 {name} 是开关，不带值：只写 {name}。"
    return f"选项 {name} 的用法不对（{message}）。"


def _choices(message: str) -> list[str]:
    """The values a choice takes, as an English mistake lists them ("'pdf' is not one of
    'text', 'json', 'markdown'." or pydantic's "should be 'a', 'b' or 'c'")."""
    found = re.search(r"(?:not one of|should be) ('.*)$", message)
    return re.findall(r"'([^']*)'", found.group(1)) if found else []


def _hint(error: click_errors.BadParameter) -> str:
    """The parameter a mistake is about, as “--year” or “PATHS”."""
    hint, param = error.param_hint, error.param
    if hint is None and param is not None:  # an argument as the usage line names it (PATH)
        hint = (param.param_type_name == "argument" and getattr(param, "metavar", None)) or \
            getattr(param, "opts", None) or [param.name or ""]
    if not hint:
        return "参数"
    names = [hint] if isinstance(hint, str) else list(hint)
    return " / ".join(f"“{n.strip(chr(39)).strip(chr(34))}”" for n in names)


def show(error: click_errors.ClickException, args: Sequence[str] | None = None) -> int:
    """Print a command-line mistake on stderr (usage lines, then the mistake in the
    language(s) of ``--lang``) and return its exit code (2 for a usage error)."""
    lang = asked_lang(sys.argv[1:] if args is None else args)
    context = getattr(error, "ctx", None)
    if context is not None:
        usage = context.get_usage()
        if lang == "zh" and usage.startswith("Usage:"):  # the command line itself stays as is
            usage = "用法：" + usage[len("Usage:"):].lstrip()
        print(usage, file=sys.stderr)
        if context.command.get_help_option(context) is not None:
            if lang != "zh":
                print(f"Try '{context.command_path} --help' for help.", file=sys.stderr)
            if lang != "en":
                print(f"运行“{context.command_path} --help”查看用法。", file=sys.stderr)
    if isinstance(error, click_errors.BadParameter):
        error.message = plain(error.message)
    hint = _one_file_each(sys.argv[1:] if args is None else args, error.message)
    if lang != "zh":
        printing.fail(error.format_message() + (f". {hint[0]}" if hint else ""), "en")
    if lang != "en":
        printing.fail(in_chinese(error) + (hint[1] if hint else ""), "zh")
    return error.exit_code


#: Options that take one file each time they are given, and are given again for more.
REPEATED = ("--history", "--punches")


def _one_file_each(args: Sequence[str], message: str) -> tuple[str, str] | None:
    """When the extra arguments of ``message`` follow a file given to one of
    :data:`REPEATED` (a shell pattern it expanded: ``--history past/*.xlsx``), how to give
    them (English, Chinese); else None."""
    found = re.search(r"unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if not found:
        return None
    extra = found.group(1).split()[0]
    if extra not in args:
        return None
    at = list(args).index(extra)
    before = at - 1
    while before >= 0 and not args[before].startswith("-"):
        before -= 1
    if before < 0 or args[before] not in REPEATED or before + 1 >= at:
        return None
    option, first = args[before], args[before + 1]
    return (f"{option} takes one file each time: give each with its own {option} "
            f"({option} {first} {option} {extra}), or quote a pattern so that opsbook, not "
            f"the shell, reads it ({option} 'past/*.xlsx').",
            f"{option} 每次只接一个文件：请为每个文件各写一次 {option}（{option} {first} "
            f"{option} {extra}），或给通配符加上引号，由 opsbook 展开（{option} 'past/*.xlsx'）。")
