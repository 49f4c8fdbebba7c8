"""Files a user may have at an output path, and the inputs of every command that writes a
workbook, written to disk for the tests of this folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

import msoffcrypto.format.ooxml
import openpyxl
import pytest

from opsbook.api import new_workbook

#: What the filled tracker is said to be, in either language (after "<path>: ").
TRACKER_EN = ("this is a project tracker workbook with 4 row(s) of data (Projects: 1, "
              "Tasks: 3), so it is not replaced: give the output another file name")
TRACKER_ZH = ("这是一份项目管理工作簿，含 4 行数据（项目 1 行、任务 3 行），不会被覆盖；"
              "请为输出另指定一个文件名。")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filled_tracker(path: Path) -> Path:
    """A project tracker a user has filled in: 1 project and 3 tasks, typed into the empty
    Chinese template (headers on row 3, data from row 4)."""
    new_workbook("project", "zh", path)
    book = openpyxl.load_workbook(path)
    book["项目"].append(["P1", "新仓库", "王芳"])
    for n in (1, 2, 3):
        book["任务"].append(["P1", f"1.{n}", f"任务{n}", "李雷"])
    book.save(path)
    return path


def filled_plan(path: Path) -> Path:
    """A department's plan a user has filled in: 2 items, no actuals."""
    new_workbook("plan", "zh", path)
    book = openpyxl.load_workbook(path)
    for n in (1, 2):
        book["计划"].append([f"S{n}", "销售部", "增长", f"指标{n}", "万元"])
    book.save(path)
    return path


def no_kind(path: Path) -> Path:
    """A workbook of the user's that is no opsbook kind at all: a small budget."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Budget"
    sheet.append(["Item", "Amount"])
    sheet.append(["Rent", 1200])
    book.save(path)
    return path


def text_named_xlsx(path: Path) -> Path:
    path.write_text("meeting notes, not a workbook\n", encoding="utf-8")
    return path


def encrypted(path: Path) -> Path:
    """The filled tracker, encrypted with a password of the user's."""
    plain = filled_tracker(path.with_name(f"plain-{path.name}"))
    with plain.open("rb") as source, path.open("wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt("secret", out)
    return path


def inputs(folder: Path) -> dict[str, Path]:
    """The sample workbook of each kind (English), and a folder holding the plan's copy."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {kind: new_workbook(kind, "en", folder / f"{kind}.xlsx", sample=True)
            for kind in ("appraisal", "attendance", "project", "plan")}
    plans = folder / "plans"
    plans.mkdir(exist_ok=True)
    (plans / "sales.xlsx").write_bytes(made["plan"].read_bytes())
    return {**made, "plans": plans}


def inputs_once(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """:func:`inputs`, once for a test module: its fixture ``given``."""
    return inputs(tmp_path_factory.mktemp("inputs"))


#: The fixture, for a test module to take in as ``given = GIVEN``.
GIVEN = pytest.fixture(scope="module", name="given")(inputs_once)


#: Each command that writes a workbook: its arguments before the output, the option that
#: names the output, and the kind of the empty template that is replaced there.
COMMANDS = {
    "annotate": (("validate", "{project}"), "--annotate", "project"),
    "calculate": (("calculate", "{project}"), "-o", "project"),
    "appraisal": (("appraisal", "score", "{appraisal}"), "-o", "appraisal"),
    "attendance": (("attendance", "summarize", "{attendance}"), "-o", "attendance"),
    "project": (("project", "status", "{project}"), "-o", "project"),
    "consolidate": (("plan", "consolidate", "{plans}"), "-o", "plan"),
    "track": (("plan", "track", "{plan}"), "-o", "plan"),
    "diff": (("plan", "diff", "{plan}", "{plan}"), "-o", "plan"),
    "report": (("report", "{project}"), "-o", "project"),
}


def command(name: str, given: dict[str, Path], out: Path) -> list[str]:
    """The command line of ``name`` writing ``out``."""
    words, option, _ = COMMANDS[name]
    return [w.format(**given) for w in words] + [option, str(out)]
