"""Analyses of unchanged datasets, kept on disk: a command run again on the same file reuses its analysis
instead of loading a vocabulary and reading the file again.

An entry is keyed by the dataset's path (as given and resolved), size, modification time (in nanoseconds)
and inode (and, up to ``HASHED_BYTES``, its content), the encoding, the example limit and the analyzer's
version, all read before the analysis: a file changed in any of these is analysed anew. Entries are JSON files (``AnalysisResult.to_dict``) under
``<user data folder>/analyses``; one that cannot be read is ignored and written again. At most
``MAX_ENTRIES`` are kept, the least recently written going first.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ftplanner import __version__
from ftplanner.core.paths import user_data_dir, write_text_atomic
from ftplanner.core.result import AnalysisResult

CACHE_VERSION = 1  # raise when the analyzer counts differently or the result's fields change
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
        result = AnalysisResult.from_dict(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    same = result.encoding == encoding and result.max_example_tokens == max_example_tokens
    return result if same else None


def analyze_cached(path: Path, encoding: str, max_example_tokens: int, **options) -> AnalysisResult:
    """``analyze(path, encoding, max_example_tokens, **options)``, or its stored result when the file is unchanged."""
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
        write_text_atomic(folder / f"{key}.json", json.dumps(result.to_dict(), ensure_ascii=False))
        entries = sorted(folder.glob("*.json"), key=lambda entry: entry.stat().st_mtime_ns)
        for old in entries[:-MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written only costs the next run an analysis


__all__ = ["analyze_cached", "cache_folder"]
