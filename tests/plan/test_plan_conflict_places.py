"""A plan item copied into many files names the first five places in each conflict message,
then how many more (in both languages), instead of every file in every message."""

from __future__ import annotations

import shutil

import opsbook


def test_a_plan_copied_seven_times(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    first = opsbook.new_workbook("plan", "en", folder / "d1.xlsx", sample=True)
    for n in range(2, 8):
        shutil.copy(first, folder / f"d{n}.xlsx")
    done = opsbook.consolidate_plans(folder)
    item = next(i for i in done.report.issues if i.code == "duplicate-item")
    en, zh = item.message("en"), item.message("zh")
    assert en.count(".xlsx") == 5 and en.endswith("; and 2 more).")
    assert zh.count(".xlsx") == 5 and zh.endswith("；等另 2 处）。")
    assert "d1.xlsx" in en and "d7.xlsx" not in en
