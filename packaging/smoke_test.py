"""Smoke test of the standalone app: build it, unpack the archive in a fresh temporary folder, run it there.

    python3 packaging/smoke_test.py                       # build, then test
    python3 packaging/smoke_test.py --archive dist/X.tar.gz   # test an archive already built

The bundle runs with a minimal environment: PATH holds only system folders (no virtual environment),
PYTHONPATH and other Python variables are unset, HOME and FTPLANNER_HOME are fresh empty folders, and every
command runs without network access (``unshare -n``) where the system allows it. Checked: ``--version``,
``analyze`` on the bundled sample, ``estimate --all --json``, ``roi fine_tuning --json``,
``report --example --out x.pdf`` (a valid PDF), the desktop app on Qt's offscreen platform for a few seconds,
and (with Xvfb) the desktop app on a virtual X display, with a screenshot of its first page that must not be
blank. Also prints the start time to a visible window against the pip-installed app in the build environment.
Only the standard library is needed; the screenshot is taken and checked with the build environment's Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402

WINDOW_TITLE = "FT Planner"
SAMPLE = Path("_internal/ftplanner/resources/samples/sample_chat.jsonl")


class SmokeFailure(Exception):
    pass


def network_prefix() -> list[str]:
    """``unshare -n`` (``-rn`` when not root) if this system allows it, else nothing."""
    unshare = shutil.which("unshare")
    if not unshare:
        return []
    for flags in (["-n"], ["-rn"]):
        if subprocess.run([unshare, *flags, "true"], capture_output=True).returncode == 0:
            return [unshare, *flags]
    return []


def minimal_env(scratch: Path) -> dict[str, str]:
    home = scratch / "home"
    runtime = scratch / "runtime"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "FTPLANNER_HOME": str(home / "ftplanner-data"),
        "XDG_RUNTIME_DIR": str(runtime),
        "LANG": "C.UTF-8",
        "TMPDIR": str(scratch),
    }
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        assert name not in env
    return env


class Runner:
    def __init__(self, app: Path, env: dict[str, str], prefix: list[str], work: Path) -> None:
        self.app, self.env, self.prefix, self.work = app, env, prefix, work
        self.results: list[tuple[str, bool, str]] = []

    def command(self, args: list[str]) -> list[str]:
        return [*self.prefix, str(self.app), *args]

    def run(self, args: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            self.command(args), env=self.env, cwd=self.work, capture_output=True, text=True, timeout=timeout
        )
        if done.returncode != 0:
            raise SmokeFailure(f"exit {done.returncode}: {done.stderr.strip()[-2000:]}")
        return done

    def check(self, name: str, test: Callable[[], str]) -> None:
        started = time.monotonic()
        try:
            detail = test()
            ok = True
        except (SmokeFailure, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as exc:
            detail, ok = f"{type(exc).__name__}: {exc}", False
        seconds = time.monotonic() - started
        print(f"{'PASS' if ok else 'FAIL'}  {name} ({seconds:.1f} s): {detail}", flush=True)
        self.results.append((name, ok, detail))


def check_version(runner: Runner) -> str:
    out = runner.run(["--version"]).stdout.strip()
    if out != f"ftplanner {build.version()}":
        raise SmokeFailure(f"unexpected version line {out!r}")
    return out


def check_analyze(runner: Runner) -> str:
    sample = runner.app.parent / SAMPLE
    data = json.loads(runner.run(["analyze", str(sample), "--json"]).stdout)
    if not data:
        raise SmokeFailure("empty analysis")
    return f"{len(data)} fields, keys {sorted(data)[:4]}…"


def check_estimate(runner: Runner) -> str:
    sample = runner.app.parent / SAMPLE
    data = json.loads(runner.run(["estimate", str(sample), "--all", "--json"]).stdout)
    if not data:
        raise SmokeFailure("empty estimate")
    return f"JSON {type(data).__name__} of {len(data)}"


def check_roi(runner: Runner) -> str:
    data = json.loads(runner.run(["roi", "fine_tuning", "--json"]).stdout)
    if not data:
        raise SmokeFailure("empty ROI result")
    return f"JSON {type(data).__name__} of {len(data)}"


def check_report(runner: Runner) -> str:
    runner.run(["report", "--example", "--out", "x.pdf"], timeout=180)
    pdf = (runner.work / "x.pdf").read_bytes()
    if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:] or len(pdf) < 2000:
        raise SmokeFailure(f"x.pdf is not a whole PDF ({len(pdf)} bytes)")
    return f"x.pdf, {len(pdf)} bytes, {pdf[:8]!r}…%%EOF"


def stop(process: subprocess.Popen[bytes]) -> int | None:
    """Ask the app to close (SIGTERM), then kill it; the exit code if it was still running, else None."""
    if process.poll() is not None:
        return None
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return process.returncode


def check_gui_offscreen(runner: Runner, seconds: float = 5) -> str:
    """The desktop app on Qt's offscreen platform stays up for a few seconds without complaints."""
    env = {**runner.env, "QT_QPA_PLATFORM": "offscreen"}
    log = runner.work / "offscreen.log"
    with log.open("wb") as out:
        process = subprocess.Popen(runner.command([]), env=env, cwd=runner.work, stdout=out, stderr=out)
        time.sleep(seconds)
        early = process.poll()
        stop(process)
    text = log.read_text(errors="replace")
    if early is not None:
        raise SmokeFailure(f"exited after less than {seconds} s with {early}: {text.strip()[-2000:]}")
    if "Traceback" in text or "Error" in text:
        raise SmokeFailure(f"errors on the console: {text.strip()[-2000:]}")
    return f"ran {seconds:.0f} s" + (f"; console: {text.strip()[:200]!r}" if text.strip() else "")


class Xvfb:
    """A virtual X display for as long as the ``with`` block lasts."""

    def __init__(self) -> None:
        self.display = ""
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Xvfb:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x860x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(10)


def wait_for_window(
    display: str, process: subprocess.Popen[bytes], log: Path | None = None, timeout: float = 60
) -> float:
    """Seconds until a visible window titled FT Planner exists on ``display`` (xdotool polls)."""
    started = time.monotonic()
    env = {**os.environ, "DISPLAY": display}
    while time.monotonic() - started < timeout:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", WINDOW_TITLE], env=env, capture_output=True
        )
        if found.returncode == 0 and found.stdout.strip():
            return time.monotonic() - started
        if process.poll() is not None:
            output = log.read_text(errors="replace").strip()[-2000:] if log and log.is_file() else ""
            raise SmokeFailure(f"the app exited with {process.returncode} before showing a window: {output}")
        time.sleep(0.05)
    raise SmokeFailure(f"no visible window titled {WINDOW_TITLE!r} after {timeout:.0f} s")


GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(["grab", "-platform", "xcb"])
image = app.primaryScreen().grabWindow(0).toImage()
image.save(sys.argv[1])
step = 4
colours = {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
print(image.width(), image.height(), len(colours))
"""


def grab_screen(display: str, png: Path) -> tuple[int, int, int]:
    """Save the whole virtual screen to ``png``; (width, height, distinct colours sampled)."""
    python = build.venv_python(ROOT / "build" / "standalone" / "venv")
    done = subprocess.run(
        [str(python), "-c", GRAB, str(png)],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    width, height, colours = (int(part) for part in done.stdout.split())
    return width, height, colours


def launch_on_display(
    command: list[str], env: dict[str, str], display: str, cwd: Path
) -> subprocess.Popen[bytes]:
    """Start the app on ``display``; its console output goes to ``cwd/display.log``."""
    env = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    with (cwd / "display.log").open("wb") as log:
        return subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)


def check_gui_screenshot(runner: Runner, png: Path) -> str:
    with Xvfb() as xvfb:
        process = launch_on_display(runner.command([]), runner.env, xvfb.display, runner.work)
        try:
            seconds = wait_for_window(xvfb.display, process, runner.work / "display.log")
            time.sleep(3)  # the first page fills in (sample analysis, charts)
            if process.poll() is not None:
                raise SmokeFailure(f"the app exited with {process.returncode} after showing its window")
            width, height, colours = grab_screen(xvfb.display, png)
        finally:
            stop(process)
    if not png.is_file() or png.stat().st_size < 5000 or colours < 20:
        raise SmokeFailure(f"screenshot {png} looks blank ({colours} colours)")
    return f"window after {seconds:.2f} s; {png} {width}x{height}, {colours} colours sampled"


def time_to_window(command: list[str], env: dict[str, str], cwd: Path, runs: int) -> float:
    """Median seconds from launch to a visible window over ``runs`` launches, each on a new display.

    A launch that fails is reported and tried once more (this is a measurement; the screenshot check above
    is the one that must pass first time).
    """
    times: list[float] = []
    failures = 0
    while len(times) < runs:
        with Xvfb() as xvfb:
            process = launch_on_display(command, env, xvfb.display, cwd)
            try:
                times.append(wait_for_window(xvfb.display, process, cwd / "display.log"))
            except SmokeFailure as exc:
                failures += 1
                print(f"WARN  launch {len(times) + failures} of {Path(command[-1]).name}: {exc}", flush=True)
                if failures > 1:
                    raise
            finally:
                stop(process)
    return sorted(times)[len(times) // 2]


def compare_start_times(runner: Runner, runs: int) -> str:
    venv_app = ROOT / "build" / "standalone" / "venv" / "bin" / "ftplanner"
    bundle = time_to_window(runner.command([]), runner.env, runner.work, runs)
    pip = time_to_window([*runner.prefix, str(venv_app)], runner.env, runner.work, runs)
    return f"median of {runs}: bundle {bundle:.2f} s, pip-installed {pip:.2f} s, ratio {bundle / pip:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=Path, help="test this archive instead of building one")
    parser.add_argument("--screenshot", type=Path, default=ROOT / "dist" / "smoke-first-page.png")
    parser.add_argument("--skip-display", action="store_true", help="no Xvfb run (no screenshot, no timing)")
    parser.add_argument(
        "--timing-runs", type=int, default=3, help="launches per app for the start time (0: skip)"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    if args.archive is None:
        try:
            build.main([])
        except subprocess.CalledProcessError as exc:
            print(f"FAIL  build: {Path(str(exc.cmd[0])).name} exited with {exc.returncode} (see above)")
            return 1
        args.archive = ROOT / "dist" / f"{build.archive_name()}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="ftplanner-smoke-") as temp:
        scratch = Path(temp)
        with tarfile.open(args.archive) as archive:
            archive.extractall(scratch / "unpacked", filter="tar")
        app = scratch / "unpacked" / "ftplanner" / "ftplanner"
        work = scratch / "work"
        work.mkdir()
        prefix = network_prefix()
        print(
            f"== smoke test of {args.archive.name} unpacked in {scratch}; network: "
            f"{'cut off with ' + ' '.join(prefix) if prefix else 'not isolated (unshare unavailable)'}"
        )
        runner = Runner(app, minimal_env(scratch), prefix, work)
        runner.check("--version", lambda: check_version(runner))
        runner.check("analyze the bundled sample", lambda: check_analyze(runner))
        runner.check("estimate --all --json", lambda: check_estimate(runner))
        runner.check("roi fine_tuning --json", lambda: check_roi(runner))
        runner.check("report --example --out x.pdf", lambda: check_report(runner))
        runner.check("desktop app, offscreen platform", lambda: check_gui_offscreen(runner))
        if args.skip_display:
            print("SKIP  desktop app on Xvfb (--skip-display)")
        elif not (shutil.which("Xvfb") and shutil.which("xdotool")):
            runner.results.append(("desktop app on Xvfb", False, "Xvfb or xdotool is not installed"))
            print("FAIL  desktop app on Xvfb: Xvfb or xdotool is not installed (or pass --skip-display)")
        else:
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            runner.check(
                "desktop app on Xvfb, screenshot", lambda: check_gui_screenshot(runner, args.screenshot)
            )
            if args.timing_runs > 0:
                runner.check(
                    "start time to a visible window", lambda: compare_start_times(runner, args.timing_runs)
                )
    failed = [name for name, ok, _ in runner.results if not ok]
    print(
        f"== smoke test {'FAILED: ' + ', '.join(failed) if failed else 'passed'} "
        f"in {time.monotonic() - started:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
