"""The price override editor's data side: field texts, parsing and validation through the catalog schema.

A value the user types is parsed for its field's kind, then the whole merged model is checked with
:func:`ftplanner.core.catalog_schema.coerce_model`, exactly as the catalog loader will check the saved
override. Problems are keyed by field so the editor can mark the right input. Also: which name the user's
overrides file gives a model, and the checking and merging of an imported overrides file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.core import statefile
from ftplanner.core.catalog import (
    LAYER_PLAN,
    ModelEntry,
    load_catalog,
    load_user_overrides,
    read_override_file,
    salvaged_overrides,
    save_user_overrides,
    user_overrides_path,
)
from ftplanner.core.catalog_schema import MODEL_FIELDS, FieldProblem, coerce_model, to_date, to_decimal
from ftplanner.core.errors import UserError
from ftplanner.core.messages import message_of, msg

# Fields the editor offers, in display order.
EDITABLE = (
    "training_per_mtok",
    "training_per_hour",
    "input_per_mtok",
    "cached_input_per_mtok",
    "output_per_mtok",
    "hosting_per_hour",
    "max_example_tokens",
    "job_deadline",
    "retires_on",
    "as_of",
)
SOURCES = "sources"


def field_text(entry: ModelEntry, name: str) -> str:
    """The entry's current value of ``name`` as the editor shows it (empty when not set)."""
    value = getattr(entry, name)
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def parse_text(name: str, text: str) -> Any:
    """The typed value of ``text`` for field ``name``; ValueError with a message when it is not one."""
    kind = MODEL_FIELDS[name]
    cleaned = text.strip()
    if kind == "money":
        amount = to_decimal(cleaned.replace(",", ""))
        if amount < 0:
            raise ValueError(msg("value.negative", value=amount))
        return amount
    if kind == "positive_int":
        try:
            number = int(cleaned.replace(",", "").replace("_", ""))
        except ValueError:
            raise ValueError(msg("value.not_positive_whole", got=repr(cleaned))) from None
        if number <= 0:
            raise ValueError(msg("value.not_positive_whole", got=str(number)))
        return number
    if kind == "date":
        return to_date(cleaned)
    raise ValueError(f"{name} cannot be edited here")


def validate(
    entry: ModelEntry,
    raw: Mapping[str, Any],
    texts: Mapping[str, str],
    source: str,
    today: date,
) -> tuple[dict[str, Any], dict[str, str]]:
    """(fields that changed with their typed values, problems by field) for the editor's texts.

    ``raw`` is the entry's merged catalog table; ``source`` a note added in front of the sources.
    A field left as it is is not part of the override; a figure cannot be removed by emptying it.
    """
    fields: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for name, text in texts.items():
        current = field_text(entry, name)
        if text.strip() == current:
            continue
        if not text.strip():
            problems[name] = msg("override.cannot_remove")
            continue
        try:
            value = parse_text(name, text)
        except ValueError as exc:
            problems[name] = message_of(exc)
            continue
        if value != getattr(entry, name):
            fields[name] = value
    note = source.strip()
    if note and note not in entry.sources:
        fields[SOURCES] = [note, *entry.sources]
    if problems or not fields:
        return fields, problems
    try:
        coerce_model({**raw, **fields}, today=today)
    except FieldProblem as exc:
        problems[exc.field or "-"] = exc.message
    return fields, problems


def user_override_name(entry: ModelEntry) -> str | None:
    """The name the user's overrides file uses for ``entry`` (its key or bare id), if any."""
    try:
        models = load_user_overrides().get("models", {})
    except UserError:
        return None
    for name in (entry.key, entry.id):
        if name in models:
            return name
    return None


def read_import(source: Path, today: date) -> tuple[dict[str, Any], list[str]]:
    """(the overrides of ``source``, problems checking them against the catalog); UserError if unreadable."""
    imported = read_override_file(source)
    check = load_catalog(user_overrides=False, plan_overrides=imported, today=today, plan_label=source.name)
    return imported, check.layer_problems.get(LAYER_PLAN, [])


def merge_into_user_overrides(imported: Mapping[str, Any], notices: list[str] | None = None) -> int:
    """Add ``imported`` to the user's overrides (imported ones win); the number of models imported.

    Runs under the file's lock; a damaged file keeps what can be read of it and is kept aside
    (``notices`` receives where).
    """
    path = user_overrides_path()
    with statefile.locked(path):
        current, _ = salvaged_overrides(path)
        merged = dict(current)
        merged["models"] = {**current.get("models", {}), **imported.get("models", {})}
        if "time_model" in imported:
            merged["time_model"] = {**current.get("time_model", {}), **imported["time_model"]}
        save_user_overrides(merged, path, notices)
    return len(imported.get("models", {}))
