"""Reading and writing the TOML of the catalog and the user's settings files.

Reading is :mod:`tomllib` with ``parse_float=Decimal`` so prices keep every digit. Writing is
:func:`ftplanner.core.toml_text.dumps` (tomlkit), re-exported here as :func:`dumps`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.core.messages import msg
from ftplanner.core.paths import write_text_atomic
from ftplanner.core.toml_text import dumps

__all__ = ["dump_atomic", "dumps", "load", "loads", "loads_salvaging", "salvage"]


def loads(text: str) -> dict[str, Any]:
    """Parse TOML text; floats become Decimal. Raises :class:`tomllib.TOMLDecodeError`."""
    return tomllib.loads(text, parse_float=Decimal)


def load(path: Path) -> dict[str, Any]:
    return loads(path.read_text(encoding="utf-8"))


SALVAGE_MAX_LINES = 2000


def salvage(text: str) -> dict[str, Any]:
    """What can still be read from broken TOML text: each line is kept if the document still parses with it.

    Meant for the user's small state files; a longer text recovers nothing.
    """
    lines = text.splitlines()
    if len(lines) > SALVAGE_MAX_LINES:
        return {}
    good: list[str] = []
    for line in lines:
        try:
            loads("\n".join([*good, line]))
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            continue
        good.append(line)
    return loads("\n".join(good))


def dump_atomic(path: Path, data: Mapping[str, Any], header: str = "") -> None:
    """Write ``data`` as TOML to ``path`` atomically (temp file + rename)."""
    text = dumps(data, header)
    loads(text)  # never write a file we could not read back
    write_text_atomic(path, text)


def loads_salvaging(text: str, damage: list[str]) -> dict[str, Any]:
    """Parse TOML text; when it is broken, note why in ``damage`` and keep what :func:`salvage` can read."""
    try:
        return loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
        damage.append(msg("toml.invalid", detail=str(exc)))  # the parser's own detail stays as it is
        return salvage(text)
