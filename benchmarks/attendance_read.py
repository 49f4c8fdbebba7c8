"""How fast opsbook reads and validates a year of attendance, against a raw calamine read.

The workbook: 500 employees × every day of a year ≈ 182,500 clock rows (plus employees,
holidays, leave, overtime and settings), seeded, written once with XlsxWriter in
``constant_memory`` mode and cached in the output folder. For the same file the script
prints the median of ``--repeat`` runs of:

- raw: python-calamine reading every sheet to Python lists (the floor opsbook builds on);
- load: ``opsbook.load`` (read, find headers, type every column, settings);
- validate: ``opsbook.validate`` on the path (load, then every rule of the kind);

with rows per second and the ratio validate / raw; the target is at most 2×.

    python benchmarks/attendance_read.py [--employees 500] [--days 365] [--repeat 3]
                                         [--out benchmarks/data] [--profile]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd
import xlsxwriter
from python_calamine import CalamineWorkbook

from opsbook.attendance.sample import sample_frames
from opsbook.registry import get

KIND = get("attendance")

EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
SEED = 2026
TARGET = 2.0


def workbook_path(folder: Path, employees: int, days: int) -> Path:
    return folder / f"attendance-{employees}x{days}.xlsx"


def generate(path: Path, employees: int = 500, days: int = 365, month: str = "2026-01") -> Path:
    """Write the seeded benchmark workbook to ``path`` (English headers, real dates and times;
    ``month`` is the month setting, blank for every month of the data)."""
    every = pd.date_range("2026-01-01", periods=days, freq="D")
    frames = sample_frames(seed=SEED, lang="en", employees=employees, days=every,
                           month=month)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp.xlsx")
    book = xlsxwriter.Workbook(str(temp), {"constant_memory": True})
    formats = {"date": book.add_format({"num_format": "yyyy-mm-dd"}),
               "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
               "time": book.add_format({"num_format": "hh:mm"})}
    for sheet in (s for s in KIND.sheets if s.id in frames):
        frame = frames[sheet.id]
        ws = book.add_worksheet(sheet.en)
        fields = [f for f in sheet.fields if f.id in frame.columns]
        ws.write_row(0, 0, [f.en for f in fields])
        columns = [_cells(frame[f.id], f.type) for f in fields]
        styles = [formats.get(f.type) for f in fields]
        for r, values in enumerate(zip(*columns), start=1):
            for c, value in enumerate(values):
                if value is None:
                    continue
                if isinstance(value, str):
                    ws.write_string(r, c, value)
                else:
                    ws.write_number(r, c, value, styles[c])
    ws = book.add_worksheet("Settings")
    ws.write_row(0, 0, ["Key", "Value"])
    for r, (key, value) in enumerate(zip(frames["Settings"]["key"],
                                          frames["Settings"]["value"]), start=1):
        ws.write_string(r, 0, str(key))
        ws.write_string(r, 1, str(value))
    book.close()
    temp.replace(path)
    return path


def _cells(series: pd.Series, kind: str) -> list:
    """A column as plain Python cell values: numbers for dates (serials) and times (fractions)."""
    if kind in ("date", "datetime"):
        stamps = pd.to_datetime(series)
        serial = (stamps - pd.Timestamp(EXCEL_EPOCH)).dt.total_seconds().to_numpy() / 86400
        return [None if np.isnan(v) else float(v) for v in serial]
    if kind == "time":
        seconds = pd.to_timedelta(series).dt.total_seconds().to_numpy()
        return [None if np.isnan(v) else float(v) / 86400 for v in seconds]
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
            for v in series.tolist()]


def raw_read(path: Path) -> int:
    """Every sheet to Python lists with python-calamine; returns the number of rows."""
    book = CalamineWorkbook.from_path(str(path))
    rows = 0
    for name in book.sheet_names:
        rows += len(book.get_sheet_by_name(name).to_python())
    return rows


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) of one call."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(steps: dict[str, Callable[[], object]], repeat: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each step. The steps take turns in every round, so that
    other work on a shared machine slows them alike and the ratios stay fair."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in steps}
    for _ in range(repeat):
        for name, function in steps.items():
            runs[name].append(timed(function))
    return {name: (statistics.median(w for w, _ in times), statistics.median(c for _, c in times))
            for name, times in runs.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=500)
    parser.add_argument("--days", type=int, default=365,
                        help="Days of clock rows per employee (rows = employees × days).")
    parser.add_argument("--rows", type=int, default=None,
                        help="About this many clock rows instead (sets --days).")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data",
                        help="Folder of the generated workbook (reused when it exists).")
    parser.add_argument("--profile", action="store_true",
                        help="Profile one validate run with pyinstrument (if installed).")
    args = parser.parse_args(argv)
    if args.rows:
        args.days = max(1, round(args.rows / args.employees))

    import opsbook

    path = workbook_path(args.out, args.employees, args.days)
    if not path.exists():
        start = time.perf_counter()
        generate(path, args.employees, args.days)
        print(f"wrote {path.name} in {time.perf_counter() - start:.1f} s")
    rows = args.employees * args.days
    size = path.stat().st_size / 1e6
    print(f"{path.name}: {rows:,} clock rows, {size:.1f} MB, median of {args.repeat}")

    report = opsbook.validate(path)
    if not report.readable or report.errors:
        print(f"the benchmark workbook does not validate: {report.summary()}", file=sys.stderr)
        return 1
    results = measure({"raw": lambda: raw_read(path), "load": lambda: opsbook.load(path),
                       "validate": lambda: opsbook.validate(path)}, args.repeat)
    raw_wall, raw_cpu = results["raw"]
    print(f"{'step':<10}{'seconds':>9}{'rows/s':>12}{'× raw':>8}{'cpu s':>8}{'× raw':>8}")
    for name, (wall, cpu) in results.items():
        print(f"{name:<10}{wall:>9.2f}{rows / wall:>12,.0f}{wall / raw_wall:>8.2f}"
              f"{cpu:>8.2f}{cpu / raw_cpu:>8.2f}")
    ratio = results["validate"][0] / raw_wall
    verdict = "within" if ratio <= TARGET else "above"
    print(f"validate / raw = {ratio:.2f} ({verdict} the target of {TARGET:g}×)")
    if args.profile:
        _profile(path)
    return 0


def _profile(path: Path) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("--profile needs pyinstrument (pip install pyinstrument)", file=sys.stderr)
        return
    import opsbook

    profiler = Profiler(interval=0.001)
    with profiler:
        opsbook.validate(path)
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    sys.exit(main())
