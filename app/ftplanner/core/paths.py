"""Where user state lives, and atomic writes to it."""

from __future__ import annotations

import os
import sys
import tempfile
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

APP_DIR_NAME = "ftplanner"


def user_data_dir() -> Path:
    """The per-user data folder; ``FTPLANNER_HOME`` overrides it (tests, portable use)."""
    override = os.environ.get("FTPLANNER_HOME")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "FT Planner"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "FT Planner"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once, at import, before any worker thread exists


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file and rename, so a crash never leaves half a file.

    The file gets the permissions a plain ``open(path, "w")`` would give (an existing file keeps its own).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):  # POSIX (and Windows from Python 3.13)
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def resource(*parts: str) -> Traversable:
    """A file shipped in the package's ``resources`` folder."""
    node = resources.files("ftplanner.resources")
    for part in parts:
        node = node / part
    return node


def sample_dataset() -> Traversable:
    """The bundled English/Japanese sample chat dataset."""
    return resource("samples", "sample_chat.jsonl")
