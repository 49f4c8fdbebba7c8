"""How fast opsbook summarises a year of attendance, against a raw python-calamine read.

The workbook: 500 employees × every day of 2026 ≈ 182,500 clock rows, with a blank month
setting, so that the summary covers every month of the data (written once by
``attendance_read.generate`` and cached in the output folder). In one run the script prints
the median of ``--repeat`` rounds of:

- raw: python-calamine reading every sheet to Python lists, in this process;
- load: ``opsbook.load`` (read, headers, typed columns, settings);
- compute: the summary of the year from the loaded frames (daily status of 182,500
  employee-days, monthly and department totals, violations) — target ≤ 1.5× raw;
- sheets: the four output sheets as SheetOut values;
- write: writing those sheets to a workbook, as the command does (``opsbook.write_output``);

and, each as a fresh process (interpreter start included), the raw read and the whole
command ``opsbook attendance summarize PATH --month M -o OUT`` for one month of the year
and for the whole year, with their ratio to the raw read as a process — target ≤ 4×. Last
it prints the floor of the whole-year command: the raw read as a process (start-up and
reading) plus writing the year's workbook alone, which the command cannot do without,
against the raw read.

    python benchmarks/attendance_summarize.py [--employees 500] [--days 365] [--repeat 3]
                                              [--month 2026-06] [--out benchmarks/data]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

from attendance_read import generate, measure, raw_read
from installed import compile_bytecode, environment

RAW_PROCESS = ("import sys, python_calamine as c; b = c.CalamineWorkbook.from_path(sys.argv[1]); "
               "[b.get_sheet_by_name(n).to_python() for n in b.sheet_names]")
COMPUTE_TARGET, COMMAND_TARGET = 1.5, 4.0


def opsbook_command() -> list[str]:
    script = Path(sys.executable).with_name("opsbook")
    return [str(script)] if script.exists() else [sys.executable, "-m", "opsbook"]


def process(args: list[str]) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one process, which must succeed (exit 0)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=environment())
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}"
                         f"{done.stderr}")
    return seconds, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=500)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--month", default="2026-06", help="The month of the one-month run.")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args(argv)
    compile_bytecode()

    import statistics

    from opsbook import api
    from opsbook.attendance.calculate import summarize_books
    from opsbook.attendance.outputs import sheets

    path = args.out / f"attendance-year-{args.employees}x{args.days}.xlsx"
    if not path.exists():
        start = time.perf_counter()
        generate(path, args.employees, args.days, month="")
        print(f"wrote {path.name} in {time.perf_counter() - start:.1f} s")
    book = api.load(path)
    result = summarize_books([book])[0]
    rows = len(book["Clock"])
    print(f"{path.name}: {rows:,} clock rows, {path.stat().st_size / 1e6:.1f} MB; "
          f"{len(result.daily):,} employee-days in {len(result.months)} months, "
          f"{len(result.violations):,} findings; median of {args.repeat}")
    written = args.out / "attendance-summary-written.xlsx"
    year_sheets = sheets(result, book.lang)
    steps = {"raw": lambda: raw_read(path), "load": lambda: api.load(path),
             "compute": lambda: summarize_books([book]),
             "sheets": lambda: sheets(result, book.lang),
             "write": lambda: api.write_output(written, year_sheets)}
    times = measure(steps, args.repeat)
    raw, raw_cpu = times["raw"]
    print(f"{'in process':<34}{'seconds':>9}{'× raw':>8}{'cpu s':>8}{'× raw':>8}")
    for name, (wall, cpu) in times.items():
        print(f"{name:<34}{wall:>9.2f}{wall / raw:>8.2f}{cpu:>8.2f}{cpu / raw_cpu:>8.2f}")
    compute = times["compute"][0] / raw
    print(f"compute / raw = {compute:.2f} "
          f"({'within' if compute <= COMPUTE_TARGET else 'above'} the target of "
          f"{COMPUTE_TARGET:g}×)")

    out = args.out / "attendance-summary.xlsx"
    command = opsbook_command()
    runs = {
        "raw read (process)": [sys.executable, "-c", RAW_PROCESS, str(path)],
        f"summarize --month {args.month}": [*command, "attendance", "summarize", str(path),
                                            "--month", args.month, "-o", str(out)],
        "summarize (whole year)": [*command, "attendance", "summarize", str(path), "-o",
                                   str(out)],
    }
    rounds: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(args.repeat):  # the processes take turns, as the steps above
        for name, cmd in runs.items():
            rounds[name].append(process(cmd))
    seconds = {name: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r))
               for name, r in rounds.items()}
    base, base_cpu = seconds["raw read (process)"]
    print(f"{'as a process':<34}{'seconds':>9}{'× raw':>8}{'cpu s':>8}{'× raw':>8}")
    for name, (wall, cpu) in seconds.items():
        print(f"{name:<34}{wall:>9.2f}{wall / base:>8.2f}{cpu:>8.2f}{cpu / base_cpu:>8.2f}")
    for name in list(seconds)[1:]:
        ratio = seconds[name][0] / base
        print(f"{name} / raw read = {ratio:.2f} "
              f"({'within' if ratio <= COMMAND_TARGET else 'above'} the target of "
              f"{COMMAND_TARGET:g}×)")
    floor = base + times["write"][0]
    print(f"floor of the whole year: raw read as a process {base:.2f} s + writing its workbook "
          f"{times['write'][0]:.2f} s = {floor:.2f} s = {floor / base:.2f}× the raw read "
          f"(target {COMMAND_TARGET:g}×; {written.stat().st_size / 1e6:.1f} MB written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
