"""Benchmark: how long ``ftplanner --version`` and ``ftplanner analyze`` take to start and finish.

Run: ``python tests/benchmarks/bench_start.py [--runs 7]``. Each contender is a fresh process, run
in turn with the others (so load on the machine hits them alike); medians are printed as ratios to
yardsticks measured in the same run:
- ``--version`` against a bare ``python -c "import ftplanner"`` — target: ≤ 2×;
- ``analyze`` of the bundled sample (text report) against the same bare import, and against a bare
  tiktoken loop over the same file started as its own process (vocabulary load, json.loads and
  encode of every message value) — target: ≤ 1.5×.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from ftplanner.core.paths import sample_dataset

BARE_LOOP = """
import json, sys
from ftplanner.core.tokenizers import get_encoding
encoding = get_encoding("o200k_base")
total = 0
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        for message in json.loads(line)["messages"]:
            total += 3 + sum(len(encoding.encode(value)) for value in message.values() if isinstance(value, str))
print(total)
"""


def contenders(sample: str) -> dict[str, list[str]]:
    python = sys.executable
    return {
        "import ftplanner": [python, "-c", "import ftplanner"],
        "bare tiktoken loop": [python, "-c", BARE_LOOP, sample],
        "ftplanner --version": [python, "-m", "ftplanner", "--version"],
        "ftplanner analyze": [python, "-m", "ftplanner", "analyze", sample],
    }


# as installed: compiled bytecode is cached (pip writes it), so the runs do not recompile every module
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="runs of each contender; medians count")
    args = parser.parse_args()
    sample = str(sample_dataset())
    commands = contenders(sample)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        _seconds(command)  # warm the file cache
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(_seconds(command))
    median = {name: statistics.median(values) for name, values in times.items()}
    with open(sample, encoding="utf-8") as handle:
        lines = sum(1 for _ in handle)
    print(f"medians of {args.runs} runs each ({lines} lines in {sample_dataset().name})")
    for name, value in median.items():
        spread = f"{min(times[name]):.2f}–{max(times[name]):.2f}"
        print(f"{name:22} {value:6.2f} s  (range {spread} s)")
    base, loop = median["import ftplanner"], median["bare tiktoken loop"]
    print(f"--version / bare import          {median['ftplanner --version'] / base:5.2f}×  (target ≤ 2×)")
    print(f"analyze / bare import            {median['ftplanner analyze'] / base:5.2f}×")
    print(f"analyze / bare tiktoken loop     {median['ftplanner analyze'] / loop:5.2f}×  (target ≤ 1.5×)")


if __name__ == "__main__":
    main()
