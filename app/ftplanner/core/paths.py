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


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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
