"""Analyses of unchanged datasets, kept on disk: a command run again on the same file reuses its analysis
instead of loading a vocabulary and reading the file again.

An entry is keyed by the dataset's path (as given and resolved), size, modification time (in nanoseconds)
and inode (and, up to ``HASHED_BYTES``, its content), the encoding, the example limit and the analyzer's
version, all read before the analysis: a file changed in any of these is analysed anew. Entries are JSON
files under ``<user data folder>/analyses``: ``AnalysisResult.to_dict`` plus the codes and parameters of
its errors' and warnings' messages, so a stored analysis is worded in any language. One that cannot be read
is ignored and written again. At most ``MAX_ENTRIES`` are kept, the least recently written going first.
:func:`analyze_ahead` stores analyses from a child process while a command does other work.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from ftplanner import __version__
from ftplanner.core.messages import message_data, message_from_data
from ftplanner.core.paths import user_data_dir, write_text_atomic
from ftplanner.core.result import AnalysisResult

CACHE_VERSION = 2  # raise when the analyzer counts differently or the result's fields change
MAX_ENTRIES = 64
HASHED_BYTES = 16 * 1024 * 1024
FOLDER_NAME = "analyses"


def cache_folder() -> Path:
    return user_data_dir() / FOLDER_NAME


def _key(path: Path, encoding: str, max_example_tokens: int) -> str:
    stat = path.stat()
    content = ""
    if stat.st_size <= HASHED_BYTES:  # small files: their content too (two edits within a clock tick)
        content = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    identity = [
        content,
        CACHE_VERSION,
        __version__,
        str(path),
        str(path.resolve()),
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ino,
        encoding,
        max_example_tokens,
    ]
    return hashlib.sha256(json.dumps(identity).encode("utf-8")).hexdigest()[:40]


def _stored(key: str, encoding: str, max_example_tokens: int) -> AnalysisResult | None:
    try:
        data = json.loads((cache_folder() / f"{key}.json").read_text(encoding="utf-8"))
        result = _with_messages(AnalysisResult.from_dict(data), data["messages"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    same = result.encoding == encoding and result.max_example_tokens == max_example_tokens
    return result if same else None


def analyze_cached(path: Path, encoding: str, max_example_tokens: int, **options) -> AnalysisResult:
    """``analyze(path, encoding, max_example_tokens, **options)``, or its stored result when the file is unchanged.

    Analyses started by :func:`analyze_ahead` are waited for first: they store what this would compute.
    """
    _wait_ahead()
    try:
        key = _key(path, encoding, max_example_tokens)  # before reading: a change meanwhile is a new key
    except OSError:
        key = None
    if key is not None:
        found = _stored(key, encoding, max_example_tokens)
        if found is not None:
            return found
    from ftplanner.core.analyzer import analyze

    result = analyze(str(path), encoding, max_example_tokens, **options)
    if key is not None:
        _store(key, result)
    return result


def _store(key: str, result: AnalysisResult) -> None:
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = {**result.to_dict(), "messages": _messages_data(result)}
        write_text_atomic(folder / f"{key}.json", json.dumps(data, ensure_ascii=False))
        entries = sorted(folder.glob("*.json"), key=lambda entry: entry.stat().st_mtime_ns)
        for old in entries[:-MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written only costs the next run an analysis


def _messages_data(result: AnalysisResult) -> dict[str, list[dict]]:
    """The errors' and warnings' messages with their codes and parameters, so a stored analysis is still
    worded in the reader's language (the result's own JSON holds their English text)."""
    return {
        "errors": [message_data(issue.message) for issue in result.errors],
        "warnings": [message_data(warning.message) for warning in result.warnings],
    }


def _with_messages(result: AnalysisResult, data: dict[str, list[dict]]) -> AnalysisResult:
    """``result`` with the messages ``data`` stored; ValueError when they do not match its errors and warnings."""
    return dataclasses.replace(
        result,
        errors=tuple(
            dataclasses.replace(issue, message=message_from_data(item))
            for issue, item in zip(result.errors, data["errors"], strict=True)
        ),
        warnings=tuple(
            dataclasses.replace(warning, message=message_from_data(item))
            for warning, item in zip(result.warnings, data["warnings"], strict=True)
        ),
    )


_ahead: list[int] = []  # child processes storing analyses


def _wait_ahead(stop: bool = False) -> None:
    while _ahead:
        pid = _ahead[-1]  # forgotten only once reaped: an interrupted wait leaves it to be stopped
        if stop:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        _ahead.pop()


@contextlib.contextmanager
def analyze_ahead(analyses: Iterable[tuple[Path, str, int]]) -> Iterator[None]:
    """Store ``analyses`` (dataset, encoding, example limit) from a child process while the block runs.

    A command that has other slow work before it needs the analyses (loading Qt and the fonts for a PDF)
    does it meanwhile on another core; :func:`analyze_cached` then waits for the child and reads what it
    stored. Nothing is started where processes cannot be forked safely (other threads running, no fork),
    nor for analyses already stored; a child that fails leaves the work to ``analyze_cached``. The child is
    stopped when the block ends with an exception.
    """
    todo = [job for job in analyses if _stored_for(*job) is None]
    if todo and _may_fork():
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: store the analyses, then leave without running the parent's exit code
            code = 1
            try:
                for path, encoding, cap in todo:
                    analyze_cached(path, encoding, cap)
                code = 0
            finally:
                os._exit(code)
        _ahead.append(pid)
    try:
        yield
    except BaseException:
        _wait_ahead(stop=True)
        raise
    _wait_ahead()


def _may_fork() -> bool:
    """Whether this process can fork safely: a fork start method and no other thread (a lock another
    thread holds would stay held in the child)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _stored_for(path: Path, encoding: str, max_example_tokens: int) -> AnalysisResult | None:
    try:
        return _stored(_key(path, encoding, max_example_tokens), encoding, max_example_tokens)
    except OSError:
        return None


__all__ = ["analyze_ahead", "analyze_cached", "cache_folder"]
