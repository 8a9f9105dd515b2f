"""Build the standalone one-folder FT Planner app with PyInstaller, and an archive of it.

    python3 packaging/build.py            # Linux/macOS; Windows: py packaging\\build.py

Steps: a fresh build virtual environment (``build/standalone/venv``) gets a plain (non-editable) install of
this checkout plus PyInstaller; PyInstaller runs ``packaging/ftplanner.spec``; the folder ``dist/ftplanner``
gets the icon and (Linux) the desktop entry; the archive is written next to it:
``dist/ftplanner-<version>-<system>-<machine>.tar.gz`` (``.zip`` on Windows). Only the standard library is
needed to run this script.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
BUILD_TOOLS = ["pyinstaller>=6.10", "pyinstaller-hooks-contrib>=2024.8"]


def venv_python(env_dir: Path) -> Path:
    return env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def run(command: list[str | Path], **kwargs) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def archive_name() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    return f"ftplanner-{version()}-{system}-{platform.machine().lower()}"


def make_build_env(env_dir: Path, reuse: bool) -> Path:
    python = venv_python(env_dir)
    if reuse and python.exists():
        print(f"== reusing build environment {env_dir}")
        return python
    print(f"== build environment {env_dir}")
    shutil.rmtree(env_dir, ignore_errors=True)
    venv.create(env_dir, with_pip=True)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    run([python, "-m", "pip", "install", "-q", str(ROOT), *BUILD_TOOLS], env=env)
    return python


def strip_debug_info(folder: Path) -> None:
    """Drop debug sections (Linux) from the libraries that carry them: libpython alone has 16 MiB."""
    strip, readelf = shutil.which("strip"), shutil.which("readelf")
    if not (sys.platform.startswith("linux") and strip and readelf):
        return
    stripped = []
    for path in folder.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        sections = subprocess.run([readelf, "-S", "-W", str(path)], capture_output=True, text=True).stdout
        if ".debug_info" in sections:
            subprocess.run([strip, "--strip-debug", str(path)], check=True)
            stripped.append(path)
    print(f"== debug information stripped from {len(stripped)} libraries")


def add_desktop_files(folder: Path) -> None:
    """The icon for every system; on Linux the desktop entry and the script that installs it."""
    shutil.copy2(ROOT / "resources" / "icons" / "ftplanner.png", folder / "ftplanner.png")
    if sys.platform.startswith("linux"):
        for name in ("ftplanner.desktop", "install-desktop-entry.sh"):
            shutil.copy2(PACKAGING / name, folder / name)
        (folder / "install-desktop-entry.sh").chmod(0o755)


def write_archive(folder: Path) -> Path:
    """A .tar.gz of the folder (macOS: of the .app bundle); a .zip on Windows."""
    base = folder.parent / archive_name()
    if sys.platform == "darwin":
        folder = folder.parent / "FT Planner.app"
    if sys.platform == "win32":
        path = base.with_suffix(".zip")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for item in sorted(folder.rglob("*")):
                archive.write(item, item.relative_to(folder.parent))
        return path
    path = Path(f"{base}.tar.gz")
    with tarfile.open(path, "w:gz", compresslevel=6) as archive:
        archive.add(folder, arcname=folder.name)
    return path


def tree_size(path: Path) -> int:
    if path.is_file() or path.is_symlink():
        return path.lstat().st_size
    return sum(item.lstat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def print_sizes(folder: Path, archive: Path, top: int = 12) -> None:
    """Total size and the largest items in the bundle's library folder (what dominates)."""
    mib = 1024 * 1024
    print(
        f"== bundle {folder}: {tree_size(folder) / mib:.1f} MiB; archive {archive.name}: "
        f"{archive.stat().st_size / mib:.1f} MiB"
    )
    internal = folder / "_internal"
    items = sorted(
        ((tree_size(item), item) for item in internal.iterdir()), key=lambda pair: pair[0], reverse=True
    )
    for size, item in items[:top]:
        print(f"   {size / mib:7.1f} MiB  {item.relative_to(folder)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, default=ROOT / "build" / "standalone")
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist")
    parser.add_argument(
        "--reuse-env", action="store_true", help="reuse an existing build environment (faster rebuilds)"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    python = make_build_env(args.build_dir / "venv", args.reuse_env)
    print("== PyInstaller")
    run(
        [
            python,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            args.dist_dir,
            "--workpath",
            args.build_dir / "work",
            PACKAGING / "ftplanner.spec",
        ],
        cwd=ROOT,
    )
    folder = args.dist_dir / "ftplanner"
    strip_debug_info(folder)
    add_desktop_files(folder)
    archive = write_archive(folder)
    print_sizes(folder, archive)
    print(f"== built in {time.monotonic() - started:.0f} s: {folder} and {archive}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        sys.exit(f"build.py: {Path(str(exc.cmd[0])).name} failed with exit code {exc.returncode} (see above)")
