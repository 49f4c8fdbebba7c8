"""How fast a batch runs: 200 department plans sequentially and in two processes, and one
large attendance workbook as a whole command against a raw python-calamine read.

Everything is timed as a separate process, as a scheduled job runs it, and the peak memory
is the resident set of the largest process of the run (``ru_maxrss`` of the children). The
workbooks are generated on first use in ``--out`` (default ``benchmarks/data/``) and reused.

    python benchmarks/batch.py [--plans 200] [--jobs 2] [--repeat 3] [--out benchmarks/data]

Targets (2 cores): ``--jobs 2`` at least 1.6x faster than ``--jobs 1`` over the plans; the
peak memory of the run over the large file below 4x its uncompressed sheet XML.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from attendance_read import generate, workbook_path  # noqa: E402

from opsbook.api import new_workbook  # noqa: E402
from opsbook.batch import cores  # noqa: E402

#: Runs a command and prints the largest resident set of its process tree (kB on Linux).
MEASURE = ("import resource, subprocess, sys; "
           "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
           "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
RAW = ("import sys; from python_calamine import CalamineWorkbook; "
       "book = CalamineWorkbook.from_path(sys.argv[1]); "
       "[book.get_sheet_by_name(name).to_python() for name in book.sheet_names]")
OPSBOOK = [sys.executable, "-m", "opsbook.cli"]


def plans(folder: Path, count: int) -> Path:
    """``count`` seeded department plan workbooks (alternately Chinese and English)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        path = folder / f"dept{n:03}.xlsx"
        if not path.exists():
            new_workbook("plan", "zh" if n % 2 else "en", path, sample=True, seed=n)
    return folder


def measured(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak resident MB of the largest process, exit code) of a command."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                          text=True, check=True)
    seconds = time.perf_counter() - start
    code, peak = done.stdout.split()
    return seconds, int(peak) / 1024, int(code)


def median_of(command: list[str], repeat: int) -> tuple[float, float, int]:
    runs = [measured(command) for _ in range(repeat)]
    return (statistics.median(r[0] for r in runs), max(r[1] for r in runs), runs[0][2])


def sheet_xml_mb(path: Path) -> float:
    """The uncompressed size of a workbook's worksheet XML, in MB."""
    with zipfile.ZipFile(path) as archive:
        return sum(i.file_size for i in archive.infolist()
                   if i.filename.startswith("xl/worksheets/")) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "data")
    args = parser.parse_args()
    folder = plans(args.out / f"plans-{args.plans}", args.plans)
    big = workbook_path(args.out, 500, 360)
    if not big.exists():
        generate(big, employees=500, days=360)
    env_note = f"{cores()} cores, Python {sys.version.split()[0]}, median of {args.repeat}"
    print(f"# batch benchmark ({env_note})")

    base = [*OPSBOOK, "validate", str(folder), "--quiet", "--kind", "plan"]
    alone = median_of([*base, "--jobs", "1"], args.repeat)
    pooled = median_of([*base, "--jobs", str(args.jobs)], args.repeat)
    speedup = alone[0] / pooled[0]
    print(f"{args.plans} plan workbooks, validate --jobs 1: {alone[0]:.1f} s "
          f"({alone[0] / args.plans * 1000:.0f} ms per file), peak {alone[1]:.0f} MB")
    print(f"{args.plans} plan workbooks, validate --jobs {args.jobs}: {pooled[0]:.1f} s "
          f"({pooled[0] / args.plans * 1000:.0f} ms per file), peak {pooled[1]:.0f} MB "
          f"(largest process); speed-up {speedup:.2f}x (target >= 1.6x)")

    xml = sheet_xml_mb(big)
    raw = median_of([sys.executable, "-c", RAW, str(big)], args.repeat)
    whole = median_of([*OPSBOOK, "validate", str(big), "--quiet", "--jobs", "1"], args.repeat)
    print(f"attendance {big.name} ({os.path.getsize(big) / 2**20:.1f} MB, sheet XML "
          f"{xml:.0f} MB): raw calamine read as a process {raw[0]:.2f} s, peak "
          f"{raw[1]:.0f} MB; opsbook validate as a process {whole[0]:.2f} s, peak "
          f"{whole[1]:.0f} MB; ratio {whole[0] / raw[0]:.2f}x; peak / sheet XML "
          f"{whole[1] / xml:.1f}x (target < 4x)")


if __name__ == "__main__":
    main()
