"""Benchmark: consolidate 200 department plans of 50 items each, as a user runs it.

Prints, for the same folder of workbooks, the median wall-clock time of

- ``opsbook plan consolidate FOLDER -o OUT`` as a process, and its start-up
  (``opsbook --help``);
- a raw python-calamine read of every sheet of the same files as a process, and its
  start-up (Python importing python_calamine);

then the work beyond start-up of each and their ratio (target: within 3×).

    python benchmarks/plan_consolidate.py [--plans 200] [--items 50] [--repeat 3] [--jobs 1]
                                          [--folder benchmarks/data]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

RAW_READ = """
import sys
from pathlib import Path
import python_calamine
rows = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    rows += sum(len(book.get_sheet_by_name(n).to_python()) for n in book.sheet_names)
print(rows)
"""


def make(folder: Path, plans: int, items: int) -> Path:
    """The department workbooks, generated once per size (seeded)."""
    from opsbook.api import new_workbook
    from opsbook.plan.sample import benchmark_plans

    target = folder / f"plans-{plans}x{items}"
    if len(list(target.glob("*.xlsx"))) == plans:
        return target
    target.mkdir(parents=True, exist_ok=True)
    for n, frames in enumerate(benchmark_plans(plans, items), start=1):
        new_workbook("plan", "zh", target / f"dept-{n:03d}.xlsx", frames=frames)
    return target


def opsbook_command() -> list[str]:
    script = Path(sys.executable).with_name("opsbook")
    return [str(script)] if script.exists() else [sys.executable, "-m", "opsbook.cli"]


def timed(command: list[str], repeat: int) -> float:
    """Median seconds of running ``command`` ``repeat`` times (exit code 0 or 1 expected)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="processes for consolidate")
    parser.add_argument("--folder", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    plans = make(args.folder, args.plans, args.items)
    out = args.folder / "company-plan.xlsx"
    consolidate = f"opsbook plan consolidate --jobs {args.jobs}"
    runs = {
        consolidate: opsbook_command() + ["plan", "consolidate", str(plans), "-o", str(out),
                                          "--jobs", str(args.jobs)],
        "opsbook --help": opsbook_command() + ["--help"],
        "raw calamine read": [sys.executable, "-c", RAW_READ, str(plans)],
        "python -c 'import python_calamine'": [sys.executable, "-c",
                                               "import python_calamine"],
    }
    times = {name: timed(command, args.repeat) for name, command in runs.items()}
    size = sum(p.stat().st_size for p in plans.glob("*.xlsx")) / 1e6
    print(f"{args.plans} department plans × {args.items} items ({size:.1f} MB) in {plans}")
    print(f"{'process':<38}{'seconds':>9}")
    for name, seconds in times.items():
        print(f"{name:<38}{seconds:>9.3f}")
    work = times[consolidate] - times["opsbook --help"]
    raw = times["raw calamine read"] - times["python -c 'import python_calamine'"]
    print(f"{'consolidate beyond start-up':<38}{work:>9.3f}")
    print(f"{'raw read beyond start-up':<38}{raw:>9.3f}")
    print(f"{'ratio (target ≤ 3)':<38}{work / raw:>9.2f}")


if __name__ == "__main__":
    main()
