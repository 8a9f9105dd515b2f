"""The user's saved state files (rates, overrides, settings): locked, never overwritten when broken.

Every read-modify-write of a state file runs under :func:`locked`, an inter-process lock (a ``.lock``
file next to it) that also serialises threads of one process. A file that cannot be read in full is
never overwritten: :func:`keep_aside` renames it to ``NAME.broken-YYYYMMDDTHHMMSS`` and the caller
writes a fresh file with what it could recover. :func:`write_state` is atomic and turns a full disk,
a read-only folder or a folder in the way into one :class:`WriteFailed`, leaving the old file as it was.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ftplanner.core.errors import WriteFailed
from ftplanner.core.paths import write_bytes_atomic

LOCK_SUFFIX = ".lock"
BROKEN_MARK = ".broken-"

_held = threading.local()  # per thread: {lock path: (fd, depth)}
_listeners: list[Callable[[str], None]] = []
_told: set[str] = set()


class Unreadable(Exception):
    """A state file exists but cannot be read; the message says why (for the user)."""


def os_error_text(exc: OSError, path: Path, doing: str) -> str:
    """One line for an OSError while ``doing`` something with ``path`` (no traceback, no errno soup)."""
    code = exc.errno
    if code == errno.ENOSPC or code == errno.EDQUOT:
        why = "the disk is full"
    elif code in (errno.EACCES, errno.EPERM):
        why = "permission denied"
    elif code == errno.EROFS:
        why = "the disk is read-only"
    elif code == errno.EISDIR or isinstance(exc, IsADirectoryError):
        why = "a folder is in the way"
    elif code == errno.ENOTDIR:
        why = "part of the path is a file, not a folder"
    else:
        why = exc.strerror or str(exc)
    return f"{path}: cannot {doing} ({why})"


def read_state(path: Path) -> bytes | None:
    """The file's bytes; None when there is no file. Raises :class:`Unreadable` otherwise."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise Unreadable("it is a folder, not a file") from None
    except PermissionError:
        raise Unreadable("permission denied") from None
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None


def decode_state(raw: bytes, damage: list[str]) -> str:
    """``raw`` as UTF-8 text; bytes that are not are replaced and noted in ``damage``."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        damage.append(f"not UTF-8 text at byte {exc.start}")
        return raw.decode("utf-8", errors="replace")


def write_state(path: Path, data: bytes | str, what: str = "save") -> None:
    """Write atomically; any OSError becomes one WriteFailed and the old file stays as it was."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_dir():
        raise WriteFailed(f"{path}: cannot {what} (a folder is in the way); nothing was changed")
    try:
        write_bytes_atomic(path, payload)
    except OSError as exc:
        raise WriteFailed(os_error_text(exc, path, what) + "; nothing was changed") from None


def keep_aside(path: Path) -> Path:
    """Rename a broken state file (or folder) out of the way; returns where it went."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}{BROKEN_MARK}{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}{BROKEN_MARK}{stamp}-{counter}")
    try:
        os.replace(path, target)
    except OSError as exc:
        raise WriteFailed(
            os_error_text(exc, path, "be kept aside")
            + "; it was left untouched and nothing was saved: move it away and try again"
        ) from None
    return target


def aside_notice(path: Path, reason: str, aside: Path, recovered: str) -> str:
    """The one message a user gets when a broken state file was kept aside."""
    return f"{path.name} could not be read in full ({reason}); the original is kept as {aside}; {recovered}"


def listen(callback: Callable[[str], None]) -> Callable[[], None]:
    """Receive every :func:`announce`d line (the CLI prints them, the GUI shows them); returns the undo."""
    _listeners.append(callback)

    def stop() -> None:
        if callback in _listeners:
            _listeners.remove(callback)

    return stop


def announce(line: str) -> None:
    """Tell the user ``line`` once per process (for callers that do not collect notices themselves)."""
    if line in _told:
        return
    _told.add(line)
    for callback in list(_listeners):
        callback(line)
    if not _listeners:
        logging.getLogger("ftplanner").warning(line)


def _lock_file(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                time.sleep(0.05)
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the inter-process lock of state file ``path`` (re-entrant within a thread)."""
    lock_path = path.with_name(path.name + LOCK_SUFFIX)
    key = str(lock_path)
    held: dict[str, tuple[int, int]] = _held.__dict__.setdefault("locks", {})
    if key in held:
        fd, depth = held[key]
        held[key] = (fd, depth + 1)
        try:
            yield
        finally:
            fd, depth = held[key]
            held[key] = (fd, depth - 1)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise WriteFailed(os_error_text(exc, path.parent, "save here") + "; nothing was changed") from None
    try:
        _lock_file(fd)
        held[key] = (fd, 1)
        try:
            yield
        finally:
            del held[key]
    finally:
        os.close(fd)  # closing releases the lock
