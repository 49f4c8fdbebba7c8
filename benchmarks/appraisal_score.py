"""Benchmark: score 2,000 employees × 10 indicators × 5 raters (100,000 score rows).

Prints, for the same workbook, the median time of a raw python-calamine read, of reading it
as a Book, of scoring (after reading), of writing the results workbook, and end to end, with
the ratio of each to the raw read.

    python benchmarks/appraisal_score.py [--employees 2000] [--repeat 3] [--folder DIR]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import python_calamine

from opsbook import api, registry
from opsbook.appraisal.sample import sample_frames


def make(folder: Path, employees: int) -> Path:
    """The benchmark workbook, generated once per size (seeded)."""
    path = folder / f"appraisal-{employees}.xlsx"
    if not path.exists():
        frames = sample_frames(seed=11, employees=employees, indicators=10, peers=3, lang="zh")
        api.new_workbook("appraisal", "zh", path, frames=frames)
    return path


def raw_read(path: Path) -> int:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return sum(len(book.get_sheet_by_name(n).to_python()) for n in book.sheet_names)


def timed(function, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    path = make(args.folder, args.employees)
    raw, rows = timed(lambda: raw_read(path), args.repeat)
    kind = registry.get("appraisal")
    read, book = timed(lambda: api.load(path, kind), args.repeat)
    scoring, done = timed(lambda: api.calculate_books(kind, [book]), args.repeat)
    result = done.result
    out = args.folder / "appraisal-results.xlsx"
    write, _ = timed(lambda: api.write_output(out, done.sheets), args.repeat)
    total = read + scoring + write
    scores = len(book["Scores"])
    print(f"file: {path.name} ({path.stat().st_size / 1e6:.1f} MB, {rows:,} rows, "
          f"{scores:,} score rows, {len(result.results):,} employees)")
    print(f"{'step':<26}{'seconds':>9}{'× raw read':>12}{'rows/s':>14}")
    for name, seconds in (("raw calamine read", raw), ("read as a Book", read),
                          ("score (after reading)", scoring), ("write results", write),
                          ("end to end", total)):
        print(f"{name:<26}{seconds:>9.3f}{seconds / raw:>12.2f}{scores / seconds:>14,.0f}")


if __name__ == "__main__":
    main()
