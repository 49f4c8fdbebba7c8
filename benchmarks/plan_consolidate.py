"""Benchmark: consolidate 200 department plans of 50 items each, as a user runs it.

Prints, for the same folder of workbooks, the median wall-clock time of

- ``opsbook plan consolidate FOLDER -o OUT`` as a process, OUT made anew each time (a
  first consolidation), and its start-up (``opsbook --help``);
- the same again into the company plan it made (which is read first, so that its
  reviewers' decisions are carried over), for comparison;
- a raw python-calamine read of every sheet of the same files as a process, and its
  start-up (Python importing python_calamine);

then the work beyond start-up of each and their ratio (target: within 3×).

    python benchmarks/plan_consolidate.py [--plans 200] [--items 50] [--repeat 3] [--jobs N]
                                          [--folder benchmarks/data]

Without ``--jobs`` the command runs as a user runs it (its default: one process per core).
CPU seconds (user + system of the process and its workers) are printed beside the
wall-clock times: on a busy machine they are the steadier comparison.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from installed import compile_bytecode, environment

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


def timed(command: list[str], repeat: int, fresh: list[Path] = ()) -> tuple[float, float]:
    """Median (wall-clock, CPU) seconds of running ``command`` ``repeat`` times (exit code
    0 or 1 expected); CPU counts the process and every process it started. The files of
    ``fresh`` are removed before each run."""
    walls, cpus = [], []
    for _ in range(repeat):
        for path in fresh:
            path.unlink(missing_ok=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=environment())
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None,
                        help="processes for consolidate (default: the command's own)")
    parser.add_argument("--folder", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    compile_bytecode()
    plans = make(args.folder, args.plans, args.items)
    out = args.folder / "company-plan.xlsx"
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    consolidate = " ".join(["opsbook plan consolidate", *jobs])
    command = opsbook_command() + ["plan", "consolidate", str(plans), "-o", str(out), *jobs]
    again = f"{consolidate}, again into OUT"
    runs = {
        consolidate: command,
        again: command,
        "opsbook --help": opsbook_command() + ["--help"],
        "raw calamine read": [sys.executable, "-c", RAW_READ, str(plans)],
        "python -c 'import python_calamine'": [sys.executable, "-c",
                                               "import python_calamine"],
    }
    made = [out, out.with_suffix(".manifest.json")]
    times = {name: timed(command, args.repeat, made if name == consolidate else [])
             for name, command in runs.items()}
    size = sum(p.stat().st_size for p in plans.glob("*.xlsx")) / 1e6
    print(f"{args.plans} department plans × {args.items} items ({size:.1f} MB) in {plans}")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'process':<48}{'seconds':>9}{'CPU s':>9}")
    for name, (wall, cpu) in times.items():
        print(f"{name:<48}{wall:>9.3f}{cpu:>9.3f}")
    for n, label in ((0, "seconds"), (1, "CPU seconds")):
        work = times[consolidate][n] - times["opsbook --help"][n]
        raw = times["raw calamine read"][n] - times["python -c 'import python_calamine'"][n]
        print(f"{label}: consolidate beyond start-up {work:.3f}, raw read beyond start-up "
              f"{raw:.3f}, ratio {work / raw:.2f} (target ≤ 3)")


if __name__ == "__main__":
    main()
