"""The README renders as it reads: every table row stays in its table with the table's
columns, every heading starts a block, and the Codes list files each code under the
category the JSON report gives it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
PAGES = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
         for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]}


def cells(line: str) -> int:
    """How many cells a table row has (pipes inside `code` or escaped do not count)."""
    line = re.sub(r"`[^`]*`", "", line).replace("\\|", "")
    return line.strip().strip("|").count("|") + 1


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_table_row_is_one_row_of_its_table(name):
    """A row broken over two lines renders as two rows, the second with too few cells."""
    text = PAGES[name]
    lines = text.split("\n")
    bad = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type == "table_open":
            first, last = token.map
            width = cells(lines[first])
            bad += [f"{name}:{n + 1}" for n in range(first, last)
                    if lines[n].strip() and cells(lines[n]) != width]
    assert not bad, f"table rows with another number of cells than their header: {bad}"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_heading_follows_a_blank_line(name):
    lines, fenced, bad = PAGES[name].split("\n"), False, []
    for n, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line) and n and lines[n - 1].strip():
            bad.append(f"{name}:{n + 1}")
    assert not fenced, f"{name}: a code block is never closed"
    assert not bad, f"headings run on from the paragraph above: {bad}"


def test_the_codes_list_files_each_code_under_its_category():
    import opsbook  # noqa: F401  (the registry has every kind register its codes)
    from opsbook.core import messages

    messages.category("a-code-nobody-registers")
    text = PAGES["README.md"]
    codes = text[text.index("Codes: file —"):text.index("## Appraisal scoring")]
    wrong, group = [], None
    for part in re.split(r"((?:^|[;\s])(?:file|structure|data) —)", codes):
        heading = re.search(r"(file|structure|data) —$", part)
        if heading:
            group = heading.group(1)
            continue
        if re.search(r"; [a-z ]+ —", part):  # a run, the plan cycle, a kind: mixed groups
            part = part[:re.search(r"; [a-z ]+ —", part).start()]
        for code in re.findall(r"`([a-z][a-z0-9-]*)`", part):
            if code in messages.CODES and messages.CODES[code].category != group:
                wrong.append(f"{code} listed under {group}, "
                             f"category {messages.CODES[code].category}")
    assert not wrong, wrong
    assert "`output-workbook` (info" in codes
