"""The README is the front door: every command is documented and answers --help."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from opsbook.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group=None, prefix=()):
    """Every leaf command of the CLI as a tuple of words."""
    import typer.main

    group = group or typer.main.get_command(app)
    for name, command in group.commands.items():
        words = (*prefix, name)
        if hasattr(command, "commands"):
            yield from commands(command, words)
        else:
            yield words


ALL = sorted(commands())


def test_the_cli_has_the_commands_of_the_contract():
    names = {" ".join(c) for c in ALL}
    assert {"new", "validate", "calculate", "demo"} <= names


@pytest.mark.parametrize("words", ALL, ids=[" ".join(c) for c in ALL])
def test_every_command_is_in_the_readme(words):
    assert f"opsbook {' '.join(words)}" in README


def options(words):
    """The long option names of one command (``--force``, ``--max-issues`` …)."""
    import typer.main

    command = typer.main.get_command(app)
    for word in words:
        command = command.commands[word]
    return [opt for param in command.params for opt in param.opts if opt.startswith("--")]


@pytest.mark.parametrize("words", ALL, ids=[" ".join(c) for c in ALL])
def test_every_option_is_in_the_readme(words):
    """Each option appears in the README on the line of its command's usage (in the
    section "The command line"; examples elsewhere need not give every option)."""
    synopsis = README[README.index("\n## The command line"):]
    usage = [line for line in synopsis.splitlines()
             if line.startswith(f"opsbook {' '.join(words)} ")
             or line.strip() == f"opsbook {' '.join(words)}"]
    assert usage, f"no usage line for opsbook {' '.join(words)}"
    block = synopsis[synopsis.index(usage[0]):].split("\nopsbook ", 1)[0]
    missing = [opt for opt in options(words) if opt != "--help" and opt not in block]
    assert missing == []


def test_the_root_options_are_in_the_readme():
    """``opsbook --version`` and any other option of the command itself has its usage line."""
    import typer.main

    synopsis = README[README.index("\n## The command line"):]
    root = [opt for param in typer.main.get_command(app).params for opt in param.opts
            if opt.startswith("--") and opt != "--help"]
    assert root and [opt for opt in root if f"\nopsbook {opt}" not in synopsis] == []


@pytest.mark.parametrize("words", ALL, ids=[" ".join(c) for c in ALL])
def test_every_command_answers_help(words):
    done = subprocess.run([sys.executable, "-m", "opsbook.cli", *words, "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout


def test_readme_has_exactly_the_two_commands_and_ci_runs_the_second():
    blocks = re.findall(r"```(?:sh|bash)\n(.*?)```", README, re.S)
    install = [b for b in blocks if "opsbook demo" in b]
    assert install, "the README shows the command that runs the demo"
    test_lines = [line for b in blocks for line in b.splitlines() if "pytest" in line]
    assert test_lines, "the README shows the test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_lines[0].strip() in ci


def test_the_json_fields_are_documented():
    from opsbook.core.issues import ISSUE_FIELDS

    for name in ISSUE_FIELDS:
        assert f"`{name}`" in README


def test_every_issue_code_is_in_the_readme():
    from opsbook.core import messages

    messages.category("a-code-nobody-registers")  # has every kind register its codes
    missing = [code for code in messages.CODES if f"`{code}`" not in README]
    assert not missing, f"codes the README's Codes list does not name: {missing}"


DOCS = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
        for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]}


def anchors(text):
    """The anchors GitHub gives a Markdown page's headings."""
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
            for h in re.findall(r"^#+ (.+)$", text, re.M)}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_every_link_to_a_file_of_the_repository_leads_to_one(name):
    """A relative link in the README or a page of docs/ names a file that is there, and a
    heading of it when it names one (#anchor)."""
    base = (ROOT / name).parent
    missing = []
    for target, anchor in re.findall(r"\]\(([^)#\s]*)(?:#([^)\s]*))?\)", DOCS[name]):
        if "://" in target:
            continue
        path = (base / target) if target else ROOT / name
        if not path.exists():
            missing.append(target)
        elif anchor and path.suffix == ".md" and anchor not in anchors(
                path.read_text(encoding="utf-8")):
            missing.append(f"{target}#{anchor}")
    assert missing == []


def example_lines(text):
    """The ``opsbook …`` lines of a page's code blocks (shell, or no language), comments cut."""
    for lang, block in re.findall(r"```(\w*)\n(.*?)```", text, re.S):
        if lang not in ("", "sh", "bash"):
            continue
        for line in block.replace("\\\n", " ").splitlines():
            words = line.split("#", 1)[0].split()
            while words and "=" in words[0] and not words[0].startswith("-"):
                words = words[1:]  # VAR=value before the command
            if words[:1] == ["opsbook"]:
                yield words[1:]


EXAMPLES = sorted({(name, " ".join(words)) for name, text in DOCS.items()
                   for words in example_lines(text)})


@pytest.mark.parametrize(("name", "line"), EXAMPLES, ids=[f"{n}: {x}" for n, x in EXAMPLES])
def test_every_example_names_a_command_and_its_options(name, line):
    """Each ``opsbook …`` line shown in a code block (the synopsis too) is a command of the
    CLI, and every option it writes is one of that command's."""
    import typer.main

    command, words = typer.main.get_command(app), line.split()
    while hasattr(command, "commands") and not words[0].startswith("-"):  # --version: the root's
        assert words and words[0] in command.commands, f"no command in {line!r}"
        command, words = command.commands[words[0]], words[1:]
    known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    written = {part.split("=", 1)[0] for word in words
               for part in word.strip("[]().").split("|") if part.startswith("-")}
    assert written - known == set()


def test_the_data_contract_names_every_sheet_field_and_setting():
    """docs/WORKBOOKS.md gives, under each kind, every sheet (English and Chinese name),
    every field (id, English and Chinese header) and every setting the program reads."""
    from opsbook import registry

    contract = DOCS["docs/WORKBOOKS.md"]
    missing = []
    for kind in registry.kinds().values():
        part = re.search(rf"^## {kind.id} .*?(?=^## |\Z)", contract, re.S | re.M).group(0)
        for sheet in kind.sheets:
            missing += [n for n in (sheet.en, sheet.zh) if n not in part]
            for field in sheet.fields:
                missing += [f"{kind.id}.{sheet.id}: {n}" for n in (field.en, field.zh)
                            if n not in part]
                if not re.search(rf"\b{re.escape(field.id)}\b", part):
                    missing.append(f"{kind.id}.{sheet.id}.{field.id}")
        missing += [f"{kind.id} setting {name}" for name in kind.settings.model_fields
                    if f"`{name}`" not in part]
    assert missing == []


def test_the_python_example_runs_as_written(tmp_path, monkeypatch):
    """The README's Python block runs as it is, on the files it names: the repository's
    examples and workbooks made here, with a punch export of November 2026."""
    import shutil

    import openpyxl

    import opsbook

    block = re.search(r"\n## Python\n.*?```python\n(.*?)```", README, re.S).group(1)
    examples = ROOT / "examples"
    shutil.copytree(examples / "plans", tmp_path / "plans")
    shutil.copy(examples / "appraisal" / "2026Q4.xlsx", tmp_path)
    shutil.copy(examples / "appraisal" / "2026Q4.xlsx", tmp_path / "appraisal.xlsx")
    shutil.copy(examples / "appraisal" / "history" / "2026Q3-results.xlsx", tmp_path)
    shutil.copy(examples / "attendance" / "operations.xlsx", tmp_path / "ops.xlsx")
    shutil.copy(examples / "attendance" / "sales.xlsx", tmp_path)
    shutil.copy(examples / "opsbook.toml", tmp_path)
    opsbook.new_workbook("project", "zh", tmp_path / "trackers" / "a.xlsx", sample=True)
    punches = openpyxl.Workbook()
    punches.active.append(["工号", "日期", "打卡时间"])
    for day in range(2, 7):
        punches.active.append(["E0001", f"2026-11-0{day}", "08:58 18:03"])
    punches.save(tmp_path / "钉钉每日统计.xlsx")
    monkeypatch.chdir(tmp_path)

    names = {"fn": len, "items": ["a", "bb"]}
    exec(compile(block, "README.md › Python", "exec"), names)

    assert names["done"].computed and len(names["done"].result.results) > 0
    monthly = names["month"].result.monthly.set_index("employee_id")
    # November 2026 has 21 weekdays; the export punches E0001 in on Monday 2 to Friday 6
    assert monthly.loc["E0001", ["work_days", "days_present"]].tolist() == [21, 5]
    assert names["status"].result.status["project_id"].tolist() == [
        "P-101", "P-102", "P-103", "P-104"]
    assert (tmp_path / "2026Q4-calculated.xlsx").is_file()
    assert (tmp_path / "marked.xlsx").is_file() and (tmp_path / "attendance.xlsx").is_file()
    assert [p.suffix for p in names["built"].paths] == [".xlsx", ".html"]
    assert len(names["sent"].outcome.written) == 1 and names["sent"].outcome.failed == []


def test_the_json_example_is_what_validate_prints(tmp_path, monkeypatch):
    """The README's JSON report is, word for word, what `validate --format json` prints for
    a Chinese appraisal workbook with a score of 120 at 评分!E4."""
    import json

    import openpyxl

    import opsbook

    shown = json.loads(re.search(r"```json\n(.*?)```", README, re.S).group(1))
    monkeypatch.chdir(tmp_path)
    opsbook.new_workbook("appraisal", "zh", "appraisal.xlsx", sample=True)
    book = openpyxl.load_workbook("appraisal.xlsx")
    book["评分"]["E4"] = 120
    book.save("appraisal.xlsx")
    done = subprocess.run([sys.executable, "-m", "opsbook.cli", "validate", "appraisal.xlsx",
                           "--format", "json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert json.loads(done.stdout) == shown
