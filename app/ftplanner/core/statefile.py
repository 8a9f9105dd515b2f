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
from ftplanner.core.messages import Message, msg, raw
from ftplanner.core.paths import write_bytes_atomic

LOCK_SUFFIX = ".lock"
BROKEN_MARK = ".broken-"

_held = threading.local()  # per thread: {lock path: (fd, depth)}
_listeners: list[Callable[[str], None]] = []
_told: set[str] = set()


class Unreadable(Exception):
    """A state file exists but cannot be read; the message says why (for the user)."""


# What a failed write was doing, by the English phrase callers pass; each is worded in every language.
DOING: dict[str, str] = {
    "save": "doing.save",
    "write": "doing.write",
    "save here": "doing.save_here",
    "be kept aside": "doing.keep_aside",
    "complete the command": "doing.complete_command",
    "save the exchange rates": "doing.save_rates",
    "save the price overrides": "doing.save_overrides",
    "save the imported catalog": "doing.save_imported_catalog",
    "export the catalog": "doing.export_catalog",
    "autosave the plan": "doing.autosave_plan",
    "save the settings": "doing.save_settings",
    "save the profiles": "doing.save_profiles",
    "save the scenario": "doing.save_scenario",
    "write the CSV file": "doing.write_csv",
    "write the PDF": "doing.write_pdf",
}
# What was left as it was after a failed write.
THEN: dict[str, str] = {
    "": "file.cannot",
    "nothing was changed": "file.cannot_nothing_changed",
    "nothing was written": "file.cannot_nothing_written",
    "left untouched": "file.cannot_keep_aside",
}


def doing_text(doing: str | Message) -> Message:
    """What a write was doing as a message: a known phrase is worded per language, others shown as is."""
    if isinstance(doing, Message):
        return doing
    code = DOING.get(doing)
    return Message(code) if code else raw(doing)


def os_error_reason(exc: OSError) -> Message:
    """Why an OSError happened, in words (no errno soup)."""
    code = exc.errno
    if code == errno.ENOSPC or code == errno.EDQUOT:
        return msg("oserror.disk_full")
    if code in (errno.EACCES, errno.EPERM):
        return msg("oserror.permission")
    if code == errno.EROFS:
        return msg("oserror.read_only")
    if code == errno.EISDIR or isinstance(exc, IsADirectoryError):
        return msg("oserror.folder_in_way")
    if code == errno.ENOTDIR:
        return msg("oserror.not_a_folder")
    return raw(exc.strerror or str(exc))


def cannot(path: Path, doing: str | Message, why: str | Message, then: str = "") -> Message:
    """ "PATH: cannot DOING (WHY)", then what was left as it was (a key of :data:`THEN`)."""
    return Message(THEN[then], {"path": str(path), "doing": doing_text(doing), "why": why})


def os_error_text(exc: OSError, path: Path, doing: str | Message, then: str = "") -> Message:
    """One line for an OSError while ``doing`` something with ``path`` (no traceback, no errno soup)."""
    return cannot(path, doing, os_error_reason(exc), then)


def read_state(path: Path) -> bytes | None:
    """The file's bytes; None when there is no file. Raises :class:`Unreadable` otherwise."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise Unreadable(msg("oserror.folder_not_file")) from None
    except PermissionError:
        raise Unreadable(msg("oserror.permission")) from None
    except OSError as exc:
        raise Unreadable(raw(exc.strerror or str(exc))) from None


def decode_state(data: bytes, damage: list[str]) -> str:
    """``raw`` as UTF-8 text; bytes that are not are replaced and noted in ``damage``."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        damage.append(msg("state.not_utf8", byte=exc.start))
        return data.decode("utf-8", errors="replace")


def write_state(path: Path, data: bytes | str, what: str | Message = "save") -> None:
    """Write atomically; any OSError becomes one WriteFailed and the old file stays as it was."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_dir():
        raise WriteFailed(cannot(path, what, msg("oserror.folder_in_way"), "nothing was changed"))
    try:
        write_bytes_atomic(path, payload)
    except OSError as exc:
        raise WriteFailed(os_error_text(exc, path, what, "nothing was changed")) from None


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
        raise WriteFailed(os_error_text(exc, path, "be kept aside", "left untouched")) from None
    return target


def aside_notice(path: Path, reason: str | Message, aside: Path, recovered: str | Message) -> Message:
    """The one message a user gets when a broken state file was kept aside."""
    return msg("state.kept_aside", name=path.name, reason=reason, aside=str(aside), recovered=recovered)


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
        raise WriteFailed(os_error_text(exc, path.parent, "save here", "nothing was changed")) from None
    try:
        _lock_file(fd)
        held[key] = (fd, 1)
        try:
            yield
        finally:
            del held[key]
    finally:
        os.close(fd)  # closing releases the lock
