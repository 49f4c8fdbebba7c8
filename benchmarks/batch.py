"""How fast a batch runs: 200 department plans sequentially and in two processes, and one
large attendance workbook as a whole command against a raw python-calamine read.

Everything is timed as a separate process, as a scheduled job runs it: wall-clock and CPU
seconds (user + system of the whole process tree), and the peak memory, the resident set of
the largest process of the run (``ru_maxrss`` of the children). The workbooks are generated
on first use in ``--out`` (default ``benchmarks/data/``) and reused.

    python benchmarks/batch.py [--plans 200] [--jobs 2] [--repeat 3] [--out benchmarks/data]

Targets (2 cores): ``--jobs 2`` at least 1.6x faster than ``--jobs 1`` over the plans (the
whole processes; the speed-up of the work beyond the command's fixed cost, a run over an
empty folder, is printed beside it); the peak memory of the run over the large file below
4x its uncompressed sheet XML.

A speed-up needs idle cores: the load average at start and end and the CPU time that other
processes took during the runs (from ``/proc/stat`` on Linux) are printed, and the output
says whether the machine was idle. On a busy machine the wall-clock speed-up says little;
the CPU seconds say how much work each run did.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from installed import compile_bytecode, environment

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from attendance_read import generate, workbook_path  # noqa: E402

from opsbook.api import new_workbook  # noqa: E402
from opsbook.batch import cores  # noqa: E402

#: Runs a command; prints its exit code, the largest resident set of its process tree (kB on
#: Linux) and the CPU seconds (user + system) of the tree.
MEASURE = ("import resource, subprocess, sys; "
           "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
           "use = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(done.returncode, use.ru_maxrss, use.ru_utime + use.ru_stime)")
RAW = ("import sys; from python_calamine import CalamineWorkbook; "
       "book = CalamineWorkbook.from_path(sys.argv[1]); "
       "[book.get_sheet_by_name(name).to_python() for name in book.sheet_names]")
OPSBOOK = [sys.executable, "-m", "opsbook.cli"]
#: Other processes may take at most this share of the machine's CPU for it to count as idle.
IDLE_SHARE = 0.05


@dataclass
class Run:
    """One command as a process: wall and CPU seconds, peak resident MB, exit code."""

    wall: float
    cpu: float
    peak: float
    code: int


def plans(folder: Path, count: int) -> Path:
    """``count`` seeded department plan workbooks (alternately Chinese and English)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        path = folder / f"dept{n:03}.xlsx"
        if not path.exists():
            new_workbook("plan", "zh" if n % 2 else "en", path, sample=True, seed=n)
    return folder


def machine_busy() -> float | None:
    """CPU seconds the whole machine has been busy since boot (all cores; None where
    /proc/stat is not there)."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
    except OSError:
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def measured(command: list[str]) -> Run:
    """A command run once as a process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                          text=True, check=True, env=environment())
    wall = time.perf_counter() - start
    code, peak, cpu = done.stdout.split()
    return Run(wall, float(cpu), int(peak) / 1024, int(code))


#: CPU seconds of every process this benchmark ran (to tell its own load from others').
SPENT = [0.0]


def rounds(commands: dict[str, list[str]], repeat: int) -> dict[str, Run]:
    """Each command ``repeat`` times, taking turns (a busy spell slows them alike); the
    median wall and CPU seconds and the largest peak of each."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(measured(command))
            SPENT[0] += runs[name][-1].cpu
    return {name: Run(statistics.median(r.wall for r in got),
                      statistics.median(r.cpu for r in got), max(r.peak for r in got),
                      got[0].code) for name, got in runs.items()}


def sheet_xml_mb(path: Path) -> float:
    """The uncompressed size of a workbook's worksheet XML, in MB."""
    with zipfile.ZipFile(path) as archive:
        return sum(i.file_size for i in archive.infolist()
                   if i.filename.startswith("xl/worksheets/")) / 2**20


def loads() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "data")
    args = parser.parse_args()
    compile_bytecode()
    folder = plans(args.out / f"plans-{args.plans}", args.plans)
    big = workbook_path(args.out, 500, 360)
    if not big.exists():
        generate(big, employees=500, days=360)
    n = cores()
    print(f"# batch benchmark ({n} cores, Python {sys.version.split()[0]}, median of "
          f"{args.repeat})")
    start_load, busy_before, clock = loads(), machine_busy(), time.perf_counter()
    print(f"load average at start (1, 5, 15 min): {start_load}")

    base = [*OPSBOOK, "validate", str(folder), "--quiet", "--kind", "plan"]
    empty = args.out / "no-plans"
    empty.mkdir(parents=True, exist_ok=True)
    many = rounds({"start-up": [*OPSBOOK, "--help"],
                   "fixed": [*OPSBOOK, "validate", str(empty), "--quiet", "--kind", "plan",
                             "--jobs", "1"],
                   "jobs 1": [*base, "--jobs", "1"],
                   f"jobs {args.jobs}": [*base, "--jobs", str(args.jobs)]}, args.repeat)
    up, fixed = many["start-up"], many["fixed"]
    alone, pooled = many["jobs 1"], many[f"jobs {args.jobs}"]
    for name, run in (("jobs 1", alone), (f"jobs {args.jobs}", pooled)):
        print(f"{args.plans} plan workbooks, validate --{name}: "
              f"{run.wall:.2f} s wall ({run.wall / args.plans * 1000:.0f} ms per file), "
              f"{run.cpu:.2f} CPU s, peak {run.peak:.0f} MB (largest process)")
    print(f"start-up (opsbook --help): {up.wall:.2f} s wall, {up.cpu:.2f} CPU s; the same "
          f"validate over an empty folder: {fixed.wall:.2f} s wall, {fixed.cpu:.2f} CPU s")
    speedup = alone.wall / pooled.wall
    print(f"speed-up --jobs {args.jobs} over --jobs 1: {speedup:.2f}x wall (target >= 1.6x); "
          f"CPU seconds {pooled.cpu / alone.cpu:.2f}x of --jobs 1 (the cost of the processes)")
    if pooled.wall > fixed.wall:
        # the command's fixed cost (start-up, nothing to read) is paid once by either run
        # and no number of processes divides it
        print(f"  the work beyond the command's fixed cost (the empty folder's run): "
              f"{(alone.wall - fixed.wall):.2f} s / {(pooled.wall - fixed.wall):.2f} s = "
              f"{(alone.wall - fixed.wall) / (pooled.wall - fixed.wall):.2f}x wall")
    work = alone.cpu - up.cpu
    if work > 0:
        bound = alone.cpu / (up.cpu + work * pooled.cpu / alone.cpu / args.jobs)
        print(f"  from CPU seconds alone (an estimate for {args.jobs} idle cores, not a "
              f"measurement): {bound:.2f}x")

    xml = sheet_xml_mb(big)
    one = rounds({"raw": [sys.executable, "-c", RAW, str(big)],
                  "validate": [*OPSBOOK, "validate", str(big), "--quiet", "--jobs", "1"]},
                 args.repeat)
    raw, whole = one["raw"], one["validate"]
    print(f"attendance {big.name} ({os.path.getsize(big) / 2**20:.1f} MB, sheet XML "
          f"{xml:.0f} MB): raw calamine read as a process {raw.wall:.2f} s "
          f"({raw.cpu:.2f} CPU s), peak {raw.peak:.0f} MB; opsbook validate as a process "
          f"{whole.wall:.2f} s ({whole.cpu:.2f} CPU s), peak {whole.peak:.0f} MB; ratio "
          f"{whole.wall / raw.wall:.2f}x wall, {whole.cpu / raw.cpu:.2f}x CPU; peak / sheet "
          f"XML {whole.peak / xml:.3f}x (target < 4x)")

    elapsed = time.perf_counter() - clock
    print(f"load average at end (1, 5, 15 min): {loads()}")
    busy_after = machine_busy()
    if busy_before is None or busy_after is None:
        print("machine: idle or not is unknown here (no /proc/stat); judge by the load")
        return
    others = max(0.0, busy_after - busy_before - SPENT[0])
    share = others / (elapsed * n)
    verdict = "idle" if share < IDLE_SHARE else "NOT idle: the wall-clock figures are distorted"
    print(f"other processes used {others:.1f} CPU s of the {elapsed * n:.0f} the {n} cores "
          f"had during the runs ({share:.0%}); machine {verdict}")


if __name__ == "__main__":
    main()
