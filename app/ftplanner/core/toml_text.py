"""TOML text for the files FT Planner writes (scenarios, price overrides, exchange rates), made by tomlkit.

tomlkit quotes every key and escapes every string as TOML requires (control characters included), so what
is written reads back as it was. Decimals keep every digit: they are written as TOML floats whose text is
the exact decimal (read back with ``parse_float=Decimal``). A :class:`Inline` mapping is written as an
inline table (``amount = {low = 1, likely = 2}``); other mappings become ``[tables]``, and lists of
mappings ``[[arrays of tables]]``. Values come before sub-tables, as TOML requires.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import tomlkit
from tomlkit.items import Float, Item, Trivia


class Inline(dict[str, Any]):
    """A mapping written as an inline table."""


def _decimal(value: Decimal) -> Item:
    if not value.is_finite():
        raise ValueError(f"cannot write {value} to TOML")
    text = format(value, "f")
    if "." not in text:
        text += ".0"
    return Float(float(value), Trivia(), text)


def value_item(value: Any) -> Item:
    """One TOML value (not a [table]): text, booleans, numbers, dates, lists and inline tables."""
    if isinstance(value, bool | int | str):
        return tomlkit.item(value)
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"cannot write {value} to TOML")
        return tomlkit.item(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return tomlkit.item(value)
    if isinstance(value, list | tuple):
        array = tomlkit.array()
        for entry in value:
            array.append(value_item(entry))
        return array
    if isinstance(value, Mapping):
        inline = tomlkit.inline_table()
        for key, entry in value.items():
            inline.append(str(key), value_item(entry))
        return inline
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping) and not isinstance(value, Inline)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list | tuple) and bool(value) and all(_is_table(v) for v in value)


def _fill(container: Any, data: Mapping[str, Any]) -> None:
    nested = [(k, v) for k, v in data.items() if _is_table(v) or _is_table_list(v)]
    for key, value in data.items():
        if not (_is_table(value) or _is_table_list(value)):
            container.append(str(key), value_item(value))
    for key, value in nested:
        if _is_table(value):
            container.append(str(key), _table(value))
        else:
            tables = tomlkit.aot()
            for entry in value:
                tables.append(_table(entry))
            container.append(str(key), tables)


def _table(data: Mapping[str, Any]) -> Any:
    # a table holding only sub-tables gets no header of its own: [models."gpt-x"], not [models] first
    only_tables = bool(data) and all(_is_table(v) or _is_table_list(v) for v in data.values())
    table = tomlkit.table(is_super_table=only_tables)
    _fill(table, data)
    return table


def dumps(data: Mapping[str, Any], header: str = "") -> str:
    """TOML text for ``data``; ``header`` lines are written as leading comments."""
    document = tomlkit.document()
    for line in header.splitlines():
        document.add(tomlkit.comment(line) if line else tomlkit.comment(""))
    if header:
        document.add(tomlkit.nl())
    _fill(document, data)
    text = tomlkit.dumps(document)
    return text if text.endswith("\n") else text + "\n"
