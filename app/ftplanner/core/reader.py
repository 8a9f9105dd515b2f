"""Streaming access to JSONL and ``.jsonl.gz`` datasets: sniffing, and blocks of whole lines.

Lines are split on LF; a trailing CR is dropped by the consumer, a UTF-8 BOM at the start of the
file is skipped. Memory stays bounded: blocks have a fixed size, and a line longer than
``MAX_LINE_BYTES`` is skipped (reported as an error line) rather than held.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import stat
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ftplanner.core.errors import UserError
from ftplanner.core.messages import msg

GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"
BLOCK_BYTES = 2 * 1024 * 1024
MAX_LINE_BYTES = 32 * 1024 * 1024
SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class Block:
    """Whole lines ``first_line``, ``first_line + 1``, … joined by LF; ``overlong`` lists skipped lines."""

    first_line: int
    data: bytes
    overlong: tuple[tuple[int, int], ...] = ()  # (line, bytes) of lines too long to keep
    progress: float = 0.0  # fraction of the file consumed when this block was read


def _open_raw(path: Path) -> BinaryIO:
    try:
        if path.is_dir():
            raise UserError(msg("dataset.folder", path=str(path)))
        return open(path, "rb")
    except FileNotFoundError:
        raise UserError(msg("file.missing", path=str(path))) from None
    except PermissionError:
        raise UserError(msg("dataset.permission", path=str(path))) from None
    except OSError as exc:
        raise UserError(msg("dataset.unreadable", path=str(path), detail=str(exc.strerror or exc))) from None


@contextmanager
def regular_file(path: Path) -> Iterator[Path]:
    """``path`` when it is a regular file; a stream (pipe, ``/dev/stdin``, ``<(...)``) as a temporary copy.

    The analysis reads a file more than once, which a stream cannot do.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise UserError(msg("file.missing", path=str(path))) from None
    except OSError as exc:
        raise UserError(msg("dataset.unreadable", path=str(path), detail=str(exc.strerror or exc))) from None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        yield path
        return
    fd, name = tempfile.mkstemp(prefix="ftplanner-stream-", suffix=".jsonl")
    copy = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle, _open_raw(path) as raw:
            try:
                shutil.copyfileobj(raw, handle, 1024 * 1024)
            except OSError as exc:
                raise UserError(
                    msg("dataset.stream_copy", path=str(path), detail=str(exc.strerror or exc))
                ) from None
        yield copy
    finally:
        copy.unlink(missing_ok=True)


def is_gzip(path: Path) -> bool:
    with _open_raw(path) as raw:
        return raw.read(2) == GZIP_MAGIC


def _head(path: Path) -> bytes:
    """The first SNIFF_BYTES of the (decompressed) content."""
    with _open_raw(path) as raw:
        if raw.read(2) != GZIP_MAGIC:
            raw.seek(0)
            return raw.read(SNIFF_BYTES)
        raw.seek(0)
        try:
            with gzip.GzipFile(fileobj=raw) as stream:
                return stream.read(SNIFF_BYTES)
        except (OSError, EOFError, zlib.error) as exc:
            raise UserError(msg("dataset.bad_gzip", path=str(path), detail=str(exc))) from None


def check_usable(path: Path) -> None:
    """Raise UserError when ``path`` cannot be a JSONL dataset (missing, folder, binary, not JSON lines)."""
    head = _head(path)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError(msg("dataset.utf16", path=str(path)))
    if b"\x00" in head:
        raise UserError(msg("dataset.binary", path=str(path)))
    head = head.removeprefix(UTF8_BOM)
    lines = head.split(b"\n")
    if len(head) == SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut
    candidates = [line.strip() for line in lines if line.strip()]
    if not candidates:
        return  # empty file: an analysis with no examples
    if any(line.startswith((b"{", b"[")) for line in candidates):
        return  # JSON lines, maybe broken ones: the analysis reports each
    for line in candidates[:200]:
        try:
            json.loads(line)
            return
        except (ValueError, UnicodeDecodeError):
            continue
    raise UserError(msg("dataset.not_jsonl", path=str(path)))


class _Progress:
    def __init__(self, raw: BinaryIO, size: int) -> None:
        self._raw = raw
        self._size = max(size, 1)

    def fraction(self) -> float:
        return min(1.0, self._raw.tell() / self._size)


def iter_blocks(
    path: Path, block_bytes: int | None = None, max_line_bytes: int | None = None
) -> Iterator[Block]:
    """Yield blocks of whole lines; never holds more than about block_bytes + max_line_bytes."""
    block_bytes = block_bytes or BLOCK_BYTES
    max_line_bytes = max_line_bytes or MAX_LINE_BYTES
    raw = _open_raw(path)
    try:
        size = os.fstat(raw.fileno()).st_size
        progress = _Progress(raw, size)
        gz = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream: BinaryIO = gzip.GzipFile(fileobj=raw) if gz else raw  # type: ignore[assignment]
        yield from _blocks(stream, progress, block_bytes, max_line_bytes, path)
    finally:
        raw.close()


class _Damaged(Exception):
    """Decompression failed; ``data`` is what was read of the current block before it did."""

    def __init__(self, data: bytes, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.data = data
        self.cause = cause


def _read(stream: BinaryIO, size: int, piece: int = 64 * 1024) -> bytes:
    """Up to ``size`` bytes, in pieces so a decompression error keeps what came before it."""
    parts: list[bytes] = []
    total = 0
    while total < size:
        try:
            part = stream.read(min(piece, size - total))
        except (OSError, EOFError, zlib.error) as exc:
            raise _Damaged(b"".join(parts), exc) from None
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def _blocks(
    stream: BinaryIO, progress: _Progress, block_bytes: int, max_line_bytes: int, path: Path
) -> Iterator[Block]:
    line_no = 1  # number of the first line in `pending`
    pending = b""
    skipping: tuple[int, int] | None = None  # (line, bytes seen) of an overlong line being skipped
    overlong: list[tuple[int, int]] = []
    first = True
    while True:
        try:
            chunk = _read(stream, block_bytes)
        except _Damaged as damaged:
            good = line_no - 1 + (pending + damaged.data).count(b"\n")
            raise UserError(
                msg("dataset.gzip_damaged", path=str(path), line=good, detail=damaged.cause)
            ) from None
        if first:
            chunk = chunk.removeprefix(UTF8_BOM)
            first = False
        if not chunk:
            break
        if skipping is not None:
            cut = chunk.find(b"\n")
            if cut < 0:
                skipping = (skipping[0], skipping[1] + len(chunk))
                continue
            overlong.append((skipping[0], skipping[1] + cut))
            skipping = None
            line_no += 1
            chunk = chunk[cut + 1 :]
            pending = b""
        data = pending + chunk
        cut = data.rfind(b"\n")
        if cut < 0:
            if len(data) > max_line_bytes:
                skipping, pending = (line_no, len(data)), b""
            else:
                pending = data
            continue
        whole, pending = data[:cut], data[cut + 1 :]
        yield Block(line_no, whole, tuple(overlong), progress.fraction())
        line_no += whole.count(b"\n") + 1
        overlong = []
        if len(pending) > max_line_bytes:
            skipping, pending = (line_no, len(pending)), b""
    if skipping is not None:
        overlong.append(skipping)
    if pending or overlong:
        yield Block(line_no, pending, tuple(overlong), 1.0)


def read_line(path: Path, line: int, max_bytes: int = 200_000) -> str:
    """Line ``line`` (1-based) of a dataset, decoded with replacement and cut at ``max_bytes``."""
    with _open_raw(path) as raw:
        gz = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream: BinaryIO = gzip.GzipFile(fileobj=raw) if gz else raw  # type: ignore[assignment]
        try:
            for number, data in enumerate(stream, start=1):
                if number == line:
                    data = data.removeprefix(UTF8_BOM) if number == 1 else data
                    text = data[:max_bytes].rstrip(b"\r\n").decode("utf-8", errors="replace")
                    return text + (" …" if len(data) > max_bytes else "")
        except (OSError, EOFError, zlib.error) as exc:
            raise UserError(
                msg("dataset.line_unreadable", path=str(path), line=line, detail=str(exc))
            ) from None
    raise UserError(msg("dataset.no_line", path=str(path), line=line))
