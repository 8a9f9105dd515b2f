"""Reading and writing the small TOML subset the catalog and the user's settings files use.

Reading is :mod:`tomllib` with ``parse_float=Decimal`` so prices keep every digit. Writing supports
what those files hold: nested tables of text, booleans, integers, Decimals, floats, dates and lists of
those (or lists of tables, written as arrays of tables).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.core.paths import write_text_atomic

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


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


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    escaped = "".join(ch if ord(ch) >= 0x20 and ch != "\x7f" else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write {value} to TOML")
        text = format(value, "f")
        return text if "." in text else text + ".0"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"cannot write {value} to TOML")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _is_table_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _emit(table: Mapping[str, Any], path: tuple[str, ...], out: list[str]) -> None:
    scalars = [(k, v) for k, v in table.items() if not isinstance(v, Mapping) and not _is_table_list(v)]
    for key, value in scalars:
        out.append(f"{_key(key)} = {_value(value)}")
    for key, value in table.items():
        if isinstance(value, Mapping):
            sub = (*path, key)
            only_tables = value and all(isinstance(v, Mapping) or _is_table_list(v) for v in value.values())
            if not only_tables:  # a table holding only sub-tables needs no header of its own
                if out:
                    out.append("")
                out.append("[" + ".".join(_key(k) for k in sub) + "]")
            _emit(value, sub, out)
        elif _is_table_list(value):
            sub = (*path, key)
            for item in value:
                if out:
                    out.append("")
                out.append("[[" + ".".join(_key(k) for k in sub) + "]]")
                _emit(item, sub, out)


def dumps(data: Mapping[str, Any], header: str = "") -> str:
    """TOML text for ``data``; ``header`` lines are written as leading comments."""
    out: list[str] = [f"# {line}" if line else "#" for line in header.splitlines()]
    if out:
        out.append("")
    body: list[str] = []
    _emit(data, (), body)
    out.extend(body)
    return "\n".join(out) + "\n"


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
        damage.append(f"not valid TOML: {exc}")
        return salvage(text)
