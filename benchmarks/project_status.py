"""Benchmark: the status of a folder of 200 project trackers of 50 tasks each.

Prints, in one run: the time per tracker; the whole ``opsbook project status`` command as a
process; the start-up of each side (``opsbook --help``; Python importing python-calamine);
a raw python-calamine read of the same files as a process; and the ratio of the command's
work beyond start-up to the raw read's (target: within 3×). Then the in-process steps
(read and validate, compute, write).

    python benchmarks/project_status.py [--trackers 200] [--tasks 50] [--repeat 3]
                                        [--folder DIR]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from installed import compile_bytecode, environment

from opsbook import api, registry
from opsbook.core import sampling

RAW_READ = """
import sys, pathlib, python_calamine

for path in sorted(pathlib.Path(sys.argv[1]).glob("*.xlsx")):
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()
"""


#: The trackers' status date: no actual date is after it.
STATUS = pd.Timestamp("2026-07-15")


def tracker_frames(n: int, tasks: int, rng: np.random.Generator) -> dict[str, pd.DataFrame]:
    """One tracker: a project of ``tasks`` tasks in sequence, three risks, two actions."""
    pid = f"P-{n + 1:04d}"
    length = rng.integers(3, 15, tasks)
    start = pd.Timestamp("2026-03-02") + pd.to_timedelta(np.concatenate(
        [[0], np.cumsum(length[:-1] + 1)]), unit="D")
    finish = start + pd.to_timedelta(length, unit="D")
    cost = rng.integers(1, 50, tasks) * 1000.0
    done = np.clip(1.2 - np.arange(tasks) / tasks * 1.5 + rng.normal(0, 0.1, tasks), 0, 1)
    done = np.where(start > STATUS, 0.0, np.round(done, 2))  # nothing starts after the status
    done = np.where((done >= 1) & (finish > STATUS), 0.95, done)  # date or finishes after it
    frame = pd.DataFrame({
        "project_id": pid, "task_id": [f"{i // 10 + 1}.{i % 10 + 1}" for i in range(tasks)],
        "name": [f"Task {i + 1}" for i in range(tasks)], "owner": f"Owner {n % 17}",
        "planned_start": start, "planned_finish": finish,
        "actual_start": start.where(done > 0), "actual_finish": finish.where(done >= 1),
        "percent_complete": done, "planned_cost": cost,
        "actual_cost": np.round(cost * done * rng.uniform(0.8, 1.3, tasks), -2),
    })
    project = pd.DataFrame([{
        "project_id": pid, "name": f"Project {n + 1}", "owner": f"Owner {n % 17}",
        "phase": "execution", "goal": "Goal", "scope": "Scope", "start": start[0],
        "finish": finish[-1], "budget": cost.sum(), "accepted": False,
        "lessons_learned": False, "archived": False}])
    risks = pd.DataFrame({"risk_id": [f"{pid}-R{i}" for i in range(3)], "project_id": pid,
                          "description": "Risk", "probability": rng.integers(1, 6, 3),
                          "impact": rng.integers(1, 6, 3), "owner": "Owner",
                          "mitigation": "Mitigation", "status": "open"})
    actions = pd.DataFrame({"action_id": [f"{pid}-A{i}" for i in range(2)], "project_id": pid,
                            "task_id": [None, frame["task_id"][1]], "deviation": "Late",
                            "action": "Re-plan", "owner": "Owner",
                            "due": pd.Timestamp("2026-07-31"), "status": "open"})
    return {"Projects": project, "Tasks": frame, "Risks": risks, "Actions": actions,
            "Settings": sampling.settings(status_date=STATUS)}


def make(folder: Path, trackers: int, tasks: int) -> Path:
    """The benchmark folder, generated once per size (seeded)."""
    target = folder / f"project-{trackers}x{tasks}"
    if not target.exists() or len(list(target.glob("*.xlsx"))) != trackers:
        target.mkdir(parents=True, exist_ok=True)
        rng = np.random.default_rng(5)
        for n in range(trackers):
            api.new_workbook("project", "en", target / f"tracker-{n + 1:04d}.xlsx",
                             frames=tracker_frames(n, tasks, rng))
    return target


def run(command: list[str], repeat: int) -> float:
    """The median wall-clock seconds of a process."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, env=environment())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(function, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trackers", type=int, default=200)
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    compile_bytecode()
    folder = make(args.folder, args.trackers, args.tasks)
    out = args.folder / "project-status.xlsx"
    script = Path(sys.executable).with_name("opsbook")
    opsbook = [str(script)] if script.exists() else [sys.executable, "-m", "opsbook"]

    command = run([*opsbook, "project", "status", str(folder), "-o", str(out)], args.repeat)
    opsbook_start = run([*opsbook, "--help"], args.repeat)
    raw = run([sys.executable, "-c", RAW_READ, str(folder)], args.repeat)
    raw_start = run([sys.executable, "-c", "import python_calamine"], args.repeat)
    work, raw_work = command - opsbook_start, raw - raw_start

    kind = registry.get("project")
    read, (books, report) = timed(lambda: api.load_many(folder, kind), args.repeat)
    compute, done = timed(lambda: api.calculate_books(kind, books, report), args.repeat)
    write, _ = timed(lambda: api.write_output(out, done.sheets), args.repeat)
    assert done.computed, done.report.summary()

    n = args.trackers
    print(f"{n} trackers × {args.tasks} tasks ({len(done.result.tasks):,} tasks) in {folder}")
    print(f"{'':<44}{'seconds':>9}")
    rows = [("opsbook project status (process)", command),
            ("  start-up: opsbook --help", opsbook_start),
            ("  work beyond start-up", work),
            ("raw python-calamine read (process)", raw),
            ("  start-up: python -c 'import python_calamine'", raw_start),
            ("  work beyond start-up", raw_work),
            ("in process: read and validate", read),
            ("in process: compute (validation included)", compute),
            ("in process: write the status workbook", write)]
    for name, seconds in rows:
        print(f"{name:<44}{seconds:>9.3f}")
    print(f"time per tracker (command work / {n}): {work / n * 1000:.1f} ms")
    print(f"ratio of work beyond start-up, command / raw read: {work / raw_work:.2f}× "
          f"(target ≤ 3×)")
    floor = raw_work + write
    print(f"floor: the raw read's work {raw_work:.3f} s + writing the status workbook alone "
          f"{write:.3f} s = {floor / raw_work:.2f}× the raw read's work "
          f"({out.stat().st_size / 1e6:.1f} MB written)")


if __name__ == "__main__":
    main()
