"""Schema of the price catalog: the fields a model entry may carry and how each is checked.

The catalog files (``pricing/*.toml``), the user's ``overrides.toml`` and per-plan overrides all go
through :func:`coerce_model`, so every layer is validated the same way. Problems are reported as
``file: model: field: message`` (see :class:`FieldProblem`). ``pricing/README.md`` documents the schema.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ftplanner.core.messages import Message, message_of, msg
from ftplanner.core.tokenizers import ENCODINGS

METHODS: tuple[str, ...] = ("sft", "dpo", "rft")
PROVIDER_STATUSES: tuple[str, ...] = ("live", "deprecated", "closed")
# How a fine-tuned model is billed when used: per token (serverless, perhaps plus an hourly hosting fee),
# per hour of a dedicated deployment (tokens not billed), or no published price (running costs unknown).
SERVING_KINDS: tuple[str, ...] = ("per_token", "dedicated", "unknown")
APPROXIMATE_PREFIX = "approximate:"

# kind of every model field; "required" fields must be present after defaults are applied.
MODEL_FIELDS: dict[str, str] = {
    "id": "str",
    "display_name": "str",
    "provider": "str",
    "family": "str",
    "methods": "methods",
    "training_per_mtok": "money",
    "dpo_training_per_mtok": "money",
    "training_per_hour": "money",
    "min_charge": "money",
    "max_charge": "money",
    "input_per_mtok": "money",
    "cached_input_per_mtok": "money",
    "output_per_mtok": "money",
    "batch_input_per_mtok": "money",
    "batch_cached_input_per_mtok": "money",
    "batch_output_per_mtok": "money",
    "hosting_per_hour": "money",
    "hosting_per_month": "money",
    "serving": "serving",
    "serving_note": "str",
    "serving_sources": "str_list",
    "serving_as_of": "date",
    "validation_billed": "bool",
    "max_example_tokens": "positive_int",
    "min_examples": "positive_int",
    "tokenizer": "tokenizer",
    "job_deadline": "date",
    "retires_on": "date",
    "retirement_unconfirmed": "bool",
    "lifecycle_note": "str",
    "price_note": "str",
    "price_unknown": "bool",
    "sources": "str_list",
    "as_of": "date",
}
REQUIRED_MODEL_FIELDS: tuple[str, ...] = (
    "id",
    "display_name",
    "provider",
    "family",
    "methods",
    "tokenizer",
    "sources",
    "as_of",
)
PROVIDER_FIELDS: dict[str, str] = {"id": "str", "name": "str", "status": "status", "note": "str"}
TIME_MODEL_FIELDS: dict[str, str] = {
    "overhead_minutes": "number",
    "tokens_per_second": "positive_number",
    "log_spread": "number",
    "note": "str",
    "observations": "observations",
}
OBSERVATION_FIELDS: dict[str, str] = {
    "tokens": "positive_int",
    "minutes": "positive_number",
    "model": "str",
    "date": "str",
    "source": "str",
}
FILE_KEYS: tuple[str, ...] = ("provider", "defaults", "models", "time_model")
OVERRIDE_FILE_KEYS: tuple[str, ...] = ("models", "time_model")

_PROVIDER_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class FieldProblem(Exception):
    """One validation failure, located by field (the caller adds file and model)."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def problem_line(source: str, model: str, field: str, message: str) -> Message:
    """The one-line form every catalog problem is shown in: ``file: model: field: message``."""
    return msg("catalog.problem", source=source, model=model, field=field, message=message)


def close_match(name: str, candidates: list[str] | tuple[str, ...]) -> str | None:
    """The candidate ``name`` is a near miss of, if any."""
    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def close_match_hint(name: str, candidates: list[str] | tuple[str, ...]) -> Message | str:
    """`` (did you mean 'x'?)`` for a near miss, else an empty string."""
    match = close_match(name, candidates)
    return msg("catalog.did_you_mean", match=repr(match)) if match else ""


def to_decimal(value: Any) -> Decimal:
    """A Decimal from TOML (already Decimal when parsed with ``parse_float=Decimal``), JSON or text."""
    if isinstance(value, bool):
        raise ValueError(msg("value.not_number", got=str(value).lower()))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))  # shortest round-trip form: 1.875 -> Decimal("1.875")
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(msg("value.not_number", got=repr(value))) from None
    else:
        raise ValueError(msg("value.not_number", got=type(value).__name__))
    if not result.is_finite():
        raise ValueError(msg("value.not_finite", got=repr(value)))
    return result


def to_date(value: Any) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(msg("value.not_date", got=repr(value))) from None
    raise ValueError(msg("value.not_date", got=type(value).__name__))


def check_tokenizer(value: str) -> str:
    """Accept a bundled encoding (``o200k_base``, ``cl100k_base``, ``llama3``) or ``approximate:<one of those>``."""
    encoding = value[len(APPROXIMATE_PREFIX) :] if value.startswith(APPROXIMATE_PREFIX) else value
    if encoding not in ENCODINGS:
        known = ", ".join(ENCODINGS)
        raise ValueError(msg("catalog.unknown_tokenizer", value=repr(value), known=known))
    return value


def _coerce(kind: str, value: Any) -> Any:
    if kind == "str":
        if not isinstance(value, str) or not value.strip():
            raise ValueError(msg("catalog.expected_text"))
        return value.strip()
    if kind == "money":
        amount = to_decimal(value)
        if amount < 0:
            raise ValueError(msg("catalog.not_negative", value=str(amount)))
        return amount
    if kind in ("number", "positive_number"):
        number = float(to_decimal(value))
        if number < 0 or (kind == "positive_number" and number == 0):
            code = "catalog.not_positive" if kind == "positive_number" else "catalog.negative"
            raise ValueError(msg(code, value=str(value)))
        return number
    if kind == "positive_int":
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValueError(msg("catalog.not_positive_int", value=repr(value)))
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(msg("catalog.not_bool", value=repr(value)))
        return value
    if kind == "date":
        return to_date(value)
    if kind == "str_list":
        if isinstance(value, str):
            value = [value]
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise ValueError(msg("catalog.expected_text_list"))
        return tuple(v.strip() for v in value)
    if kind == "methods":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(msg("catalog.expected_methods", known=", ".join(METHODS)))
        unknown = [v for v in value if v not in METHODS]
        if unknown:
            raise ValueError(msg("catalog.unknown_method", value=repr(unknown[0]), known=", ".join(METHODS)))
        return tuple(dict.fromkeys(value))
    if kind == "tokenizer":
        if not isinstance(value, str):
            raise ValueError(msg("catalog.expected_text"))
        return check_tokenizer(value.strip())
    if kind == "status":
        if value not in PROVIDER_STATUSES:
            raise ValueError(msg("catalog.one_of", known=", ".join(PROVIDER_STATUSES), value=repr(value)))
        return value
    if kind == "serving":
        if value not in SERVING_KINDS:
            raise ValueError(msg("catalog.one_of", known=", ".join(SERVING_KINDS), value=repr(value)))
        return value
    if kind == "observations":
        if not isinstance(value, list):
            raise ValueError(msg("catalog.expected_observations"))
        return tuple(
            _coerce_table(item, OBSERVATION_FIELDS, ("tokens", "minutes"), "observations") for item in value
        )
    raise AssertionError(f"unknown field kind {kind}")


def _coerce_table(
    raw: Any, fields: Mapping[str, str], required: tuple[str, ...], where: str
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise FieldProblem(where, msg("catalog.expected_table"))
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in fields:
            raise FieldProblem(
                f"{where}.{key}" if where else key,
                msg("catalog.unknown_field", hint=close_match_hint(key, tuple(fields))),
            )
        try:
            out[key] = _coerce(fields[key], value)
        except ValueError as exc:
            raise FieldProblem(f"{where}.{key}" if where else key, message_of(exc)) from None
    for key in required:
        if key not in out:
            raise FieldProblem(f"{where}.{key}" if where else key, msg("catalog.missing_field"))
    return out


def coerce_provider(raw: Any) -> dict[str, Any]:
    """Validate a file's ``[provider]`` table."""
    table = _coerce_table(raw, PROVIDER_FIELDS, ("id", "name"), "")
    if not _PROVIDER_ID.match(table["id"]):
        raise FieldProblem("id", msg("catalog.bad_provider_id", value=repr(table["id"])))
    return table


def coerce_time_model(raw: Any) -> dict[str, Any]:
    """Validate one ``[time_model.<family>]`` table."""
    table = _coerce_table(raw, TIME_MODEL_FIELDS, ("overhead_minutes", "tokens_per_second", "log_spread"), "")
    if table["log_spread"] > 3:
        raise FieldProblem("log_spread", msg("catalog.log_spread", value=table["log_spread"]))
    return table


def coerce_model(raw: Any, *, today: date | None = None) -> dict[str, Any]:
    """Validate one complete model table (defaults already applied); raise :class:`FieldProblem`."""
    table = _coerce_table(raw, MODEL_FIELDS, REQUIRED_MODEL_FIELDS, "")
    price_unknown = table.get("price_unknown", False)
    if not table["methods"] and not price_unknown:
        raise FieldProblem("methods", msg("catalog.no_method"))
    if not price_unknown and "training_per_mtok" not in table and "training_per_hour" not in table:
        raise FieldProblem(
            "training_per_mtok",
            msg("catalog.training_price_needed"),
        )
    if price_unknown and ("training_per_mtok" in table or "training_per_hour" in table):
        raise FieldProblem("price_unknown", msg("catalog.unknown_with_price"))
    low, high = table.get("min_charge"), table.get("max_charge")
    if low is not None and high is not None and low > high:
        raise FieldProblem("min_charge", msg("catalog.min_above_max", low=low, high=high))
    deadline, retires = table.get("job_deadline"), table.get("retires_on")
    if deadline is not None and retires is not None and deadline > retires:
        raise FieldProblem(
            "job_deadline", msg("catalog.deadline_after_retirement", deadline=deadline, retires=retires)
        )
    if table.get("retirement_unconfirmed") and retires is None:
        raise FieldProblem("retirement_unconfirmed", msg("catalog.unconfirmed_alone"))
    _check_serving(table)
    for name in ("as_of", "serving_as_of"):
        if today is not None and name in table and table[name] > today:
            raise FieldProblem(name, msg("catalog.as_of_future", date=table[name], today=today))
    if not _PROVIDER_ID.match(table["provider"]):
        raise FieldProblem("provider", msg("catalog.bad_provider_id", value=repr(table["provider"])))
    return table


def serving_of(table: Mapping[str, Any]) -> str:
    """The serving kind a model table states, or the one its prices imply (per-token prices: per_token)."""
    if "serving" in table:
        return str(table["serving"])
    if "input_per_mtok" in table and "output_per_mtok" in table:
        return "per_token"
    return "unknown"


def _check_serving(table: Mapping[str, Any]) -> None:
    serving = serving_of(table)
    priced = "input_per_mtok" in table or "output_per_mtok" in table
    if serving == "per_token" and not ("input_per_mtok" in table and "output_per_mtok" in table):
        raise FieldProblem("serving", msg("catalog.per_token_needs_prices"))
    if serving == "dedicated":
        if "hosting_per_hour" not in table:
            raise FieldProblem("serving", msg("catalog.dedicated_needs_hourly"))
        if priced:
            raise FieldProblem("serving", msg("catalog.dedicated_no_token_prices"))
    if serving == "unknown" and priced:
        raise FieldProblem("serving", msg("catalog.unknown_serving_priced"))
