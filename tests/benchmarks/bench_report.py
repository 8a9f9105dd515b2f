"""Benchmark: ``ftplanner report --example --out x.pdf`` against a bare ``python -c "import ftplanner"``.

Run: ``python tests/benchmarks/bench_report.py [--runs 3]``. Each contender is a fresh process, run in turn
with the others (so load on the machine hits them alike), with a throw-away ``FTPLANNER_HOME``. Printed:
medians and ranges of wall time, the CPU seconds of the report (less sensitive than wall time to a busy
machine), and the report's ratio to the bare import. Target: the report in ≤ 2.5 s.

Two report runs are timed: "cold", with an empty ``FTPLANNER_HOME`` each time (the dataset is analysed,
so the vocabulary is loaded), and "warm", where the analysis of the unchanged dataset that an earlier
report stored in the cache is reused.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of ``command`` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3, help="runs of each contender; medians count")
    args = parser.parse_args()
    python = sys.executable
    folder = Path(tempfile.mkdtemp(prefix="ftplanner-bench-report-"))
    out = folder / "report.pdf"
    warm_home, cold_home = folder / "warm", folder / "cold"
    report = [python, "-m", "ftplanner", "report", "--example", "--out", str(out)]
    # as installed: compiled bytecode is cached (pip writes it), so the runs do not recompile every module
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env = {**base_env, "FTPLANNER_HOME": str(warm_home)}
    contenders = {
        "import ftplanner": ([python, "-c", "import ftplanner"], env),
        "report (cold)": (report, {**base_env, "FTPLANNER_HOME": str(cold_home)}),
        "report (warm)": (report, env),
    }
    walls: dict[str, list[float]] = {name: [] for name in contenders}
    cpus: dict[str, list[float]] = {name: [] for name in contenders}
    try:
        for command, environment in contenders.values():
            _run(command, environment)  # warm the file cache; the warm home gets its stored analysis
        for _ in range(args.runs):
            for name, (command, environment) in contenders.items():
                if name == "report (cold)":
                    shutil.rmtree(cold_home, ignore_errors=True)
                wall, cpu = _run(command, environment)
                walls[name].append(wall)
                cpus[name].append(cpu)
        pages = out.stat().st_size
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"medians of {args.runs} runs each (PDF of {pages / 1024:.0f} KB)")
    for name in contenders:
        wall = statistics.median(walls[name])
        spread = f"{min(walls[name]):.2f}–{max(walls[name]):.2f}"
        print(f"{name:18} {wall:6.2f} s  (range {spread} s)  CPU {statistics.median(cpus[name]):5.2f} s")
    base = statistics.median(walls["import ftplanner"])
    for name in ("report (cold)", "report (warm)"):
        wall = statistics.median(walls[name])
        print(f"{name} / bare import   {wall / base:5.2f}×   {wall:.2f} s (target ≤ 2.5 s)")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
