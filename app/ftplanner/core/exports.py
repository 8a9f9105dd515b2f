"""Exports that are whole or absent: written to a temporary file in the target folder, checked, then renamed.

Writers that report no errors of their own (Qt's PDF writer on a full disk) are caught by the check: a file
that is empty, shorter than what was written, or (for a PDF) without its ``%%EOF`` trailer is never renamed
into place. Any failure is one :class:`WriteFailed` line and leaves nothing new at the target.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ftplanner.core.errors import UserError, WriteFailed
from ftplanner.core.messages import Message, msg
from ftplanner.core.statefile import cannot, os_error_text

Check = Callable[[Path], Message | None]  # what is wrong with the written file, or None
LOW_SPACE_BYTES = 1024 * 1024


def pdf_problem(path: Path) -> Message | None:
    """None for a complete PDF file (header and ``%%EOF`` trailer), else what is wrong."""
    size = path.stat().st_size
    if size == 0:
        return msg("write.empty")
    with open(path, "rb") as handle:
        head = handle.read(5)
        handle.seek(max(0, size - 1024))
        tail = handle.read()
    if head != b"%PDF-":
        return msg("write.not_pdf")
    if b"%%EOF" not in tail:
        return msg("write.pdf_incomplete")
    return None


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _low_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


@contextmanager
def whole_or_absent(
    target: Path, what: str | Message = "write", check: Check | None = None
) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; after the body writes it, check, fsync and rename.

    The body may raise anything (Cancelled, UserError): the temporary file is removed and the error goes on;
    an OSError from the body or from publishing becomes one WriteFailed.
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise UserError(msg("file.no_folder", path=str(target), folder=str(target.parent)))
    if target.is_dir():
        raise WriteFailed(cannot(target, what, msg("oserror.folder_in_way"), "nothing was written"))
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        yield tmp
        problem = msg("write.no_file") if not tmp.exists() else (check(tmp) if check else None)
        if problem is None and tmp.stat().st_size == 0:
            problem = msg("write.empty")
        if problem is not None:
            if _low_space(target.parent):
                problem = msg("oserror.disk_full")
            raise WriteFailed(cannot(target, what, problem, "nothing was written"))
        _fsync(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        if isinstance(exc, WriteFailed):
            raise
        raise WriteFailed(os_error_text(exc, target, what, "nothing was written")) from None
    finally:
        tmp.unlink(missing_ok=True)


def write_whole(target: Path, data: bytes, what: str | Message = "write") -> None:
    """Write ``data`` to ``target`` whole or not at all (read back to the last byte before the rename)."""

    def same_size(path: Path) -> Message | None:
        written = path.stat().st_size
        return None if written == len(data) else msg("write.short", written=written, size=len(data))

    with whole_or_absent(target, what, same_size) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
