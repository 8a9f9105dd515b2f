"""Benchmark: how long the desktop app takes to show its window, against a bare PySide6 window.

Run: ``python tests/benchmarks/bench_app_start.py [--runs 5]``. Needs Xvfb and xdotool (Debian's ``xvfb``
and ``xdotool``). A virtual screen is started on a free display; each contender is a fresh process started
with ``QT_QPA_PLATFORM=xcb``, and the time counted is from its start until its window is mapped (polled with
``xdotool search --onlyvisible``), after which it is ended. Contenders take turns, so load on the machine hits
them alike; medians are printed, with the ratio ``ftplanner`` / bare window (target: ≤ 2×).

The app runs with a throw-away home (no settings, no autosave to recover), so it opens the sample plan as
on a first start.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

POLL_SECONDS = 0.01
TIMEOUT_SECONDS = 60.0
BARE_TITLE = "Bare window benchmark"
BARE_WINDOW = f"""
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.setWindowTitle({BARE_TITLE!r})
window.resize(1280, 800)
window.show()
app.exec()
"""


def start_screen() -> tuple[subprocess.Popen, str]:
    """A virtual screen on a display number Xvfb picks itself (free of other servers), once it is ready."""
    read, write = os.pipe()
    screen = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as ready:
        number = ready.readline().strip()  # written once the server accepts connections
    if not number:
        screen.kill()
        raise SystemExit("Xvfb did not start")
    return screen, f":{number}"


def _visible(title: str, env: dict[str, str]) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", title],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def time_to_window(command: list[str], title: str, env: dict[str, str]) -> float:
    """Seconds from starting ``command`` until a visible window whose name matches ``title`` exists."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            while not _visible(title, env):
                if process.poll() is not None:
                    errors.seek(0)
                    said = " | ".join(errors.read().decode("utf-8", "replace").strip().splitlines()[-12:])
                    raise SystemExit(
                        f"{command[-1]!r} ended (exit {process.returncode}) before showing a window: {said}"
                    )
                if time.perf_counter() - start > TIMEOUT_SECONDS:
                    raise SystemExit(f"no window {title!r} after {TIMEOUT_SECONDS:.0f} s")
                time.sleep(POLL_SECONDS)
            return time.perf_counter() - start
        finally:
            process.kill()
            process.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="runs of each contender; medians count")
    args = parser.parse_args()
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (Debian: apt-get install xvfb xdotool)")
    screen, display = start_screen()
    home = tempfile.mkdtemp(prefix="ftplanner-bench-home-")
    try:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "HOME": home,
            "XDG_CONFIG_HOME": f"{home}/.config",
            "XDG_DATA_HOME": f"{home}/.local/share",
            "XDG_CACHE_HOME": f"{home}/.cache",
            "FTPLANNER_HOME": f"{home}/ftplanner",
        }
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled bytecode is cached
        contenders = {
            "bare PySide6 window": ([sys.executable, "-c", BARE_WINDOW], BARE_TITLE),
            "ftplanner": ([sys.executable, "-m", "ftplanner"], "FT Planner"),
        }
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for command, title in contenders.values():
            time_to_window(command, title, env)  # warm the file cache (and matplotlib's font cache)
        for _ in range(args.runs):
            for name, (command, title) in contenders.items():
                times[name].append(time_to_window(command, title, env))
    finally:
        screen.terminate()  # Xvfb removes its socket and lock file
        screen.wait()
        shutil.rmtree(home, ignore_errors=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"start to visible window (xcb on Xvfb), medians of {args.runs} runs each")
    for name, value in median.items():
        spread = f"{min(times[name]):.2f}–{max(times[name]):.2f}"
        print(f"{name:22} {value:6.2f} s  (range {spread} s)")
    ratio = median["ftplanner"] / median["bare PySide6 window"]
    print(f"ftplanner / bare window          {ratio:5.2f}×  (target ≤ 2×)")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
