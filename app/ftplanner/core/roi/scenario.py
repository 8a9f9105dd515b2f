"""ROI scenarios: dataclasses, TOML loading with validation, and writing (with tomlkit).

A scenario file (schema 1) looks like::

    schema = 1
    name = "Support ticket triage"
    currency = "USD"
    start = 2026-12-01            # optional; default: the first day of next month
    horizon_months = 24           # 1..120
    discount_rate_annual = 0.08   # 0..1
    distribution = "pert"         # optional default for three-point amounts: pert | triangular

    [[costs]]
    name = "Data preparation"
    kind = "one_off"              # one_off (paid in month `month`, default 0) | monthly
    month = 0
    amount = { low = 3000, likely = 5000, high = 9000 }   # or a plain number

    [[benefits]]
    name = "Agent hours saved"
    kind = "monthly"              # monthly items run start_month..end_month (default 1..horizon)
    amount = { low = 2000, likely = 4000, high = 5000 }
    ramp_months = 3               # month m of the item earns amount × min(1, m / ramp_months)

    [model]                       # optional: costs linked to a catalog model
    id = "gpt-4.1-mini-2025-04-14"
    training_cost = { low = 40, likely = 60, high = 90 }  # per training run
    retrain_every_months = 6      # 0 = train once, at month 0
    include_inference = true      # monthly inference + hosting from the model lookup
    migration_cost = { low = 2000, likely = 4000, high = 8000 }  # when the model retires in the horizon
    # inference_per_month / hosting_per_month = amounts that override the lookup's figures

Month ``t`` starts on ``start`` + ``t`` months. Amounts keep their exact decimal value (see
:mod:`ftplanner.core.roi.amounts`). Every validation error is a :class:`UserError` naming the file, the line
when it can be found, the key and the problem.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from ftplanner.core import toml_text
from ftplanner.core.errors import UserError, WriteFailed
from ftplanner.core.exports import write_whole
from ftplanner.core.messages import Message, about, msg
from ftplanner.core.money import decimal_text
from ftplanner.core.roi.amounts import DISTRIBUTIONS, LOGNORMAL, PERT, Amount, parse_amount
from ftplanner.core.statefile import os_error_text
from ftplanner.core.toml_text import Inline

SCHEMA: Final = 1
MIN_HORIZON: Final = 1
MAX_HORIZON: Final = 120
ONE_OFF: Final = "one_off"
MONTHLY: Final = "monthly"
KINDS: Final = (ONE_OFF, MONTHLY)


@dataclass(frozen=True)
class ModelFacts:
    """What the ROI engine needs to know about a catalog model (supplied by an injected lookup).

    ``retires_on``: the day the model (and its fine-tunes) stops serving; ``can_launch_until``: the last day
    new fine-tuning jobs are accepted; ``inference_per_month`` / ``hosting_per_month``: monthly running costs
    for the planned traffic, when known.
    """

    model_id: str
    retires_on: date | None = None
    can_launch_until: date | None = None
    inference_per_month: Decimal | None = None
    hosting_per_month: Decimal | None = None


ModelLookup = Callable[[str], ModelFacts | None]
"""Maps a model id to its facts; ``None`` means the model is unknown."""


@dataclass(frozen=True)
class Item:
    """One cost or benefit line.

    ``one_off`` items fall in month ``month`` (0..horizon). ``monthly`` items run from ``start_month`` to
    ``end_month`` (default 1..horizon); in the item's k-th month (1-based) they count
    ``amount × min(1, k / ramp_months)`` (``ramp_months = 0``: the full amount from the first month).
    """

    name: str
    kind: str
    amount: Amount
    month: int = 0
    ramp_months: int = 0
    start_month: int = 1
    end_month: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ModelPlan:
    """Costs linked to a catalog model: training runs, inference, hosting and migration at retirement."""

    model_id: str
    training_cost: Amount | None = None
    retrain_every_months: int = 0
    include_inference: bool = True
    migration_cost: Amount | None = None
    inference_per_month: Amount | None = None
    hosting_per_month: Amount | None = None


@dataclass(frozen=True)
class Scenario:
    """A complete ROI scenario; see the module docstring for the file format."""

    name: str
    horizon_months: int
    discount_rate_annual: Decimal
    start: date
    currency: str = "USD"
    costs: tuple[Item, ...] = ()
    benefits: tuple[Item, ...] = ()
    model: ModelPlan | None = None
    distribution: str = PERT
    approach: str = ""
    description: str = ""
    schema: int = SCHEMA
    source: str = field(default="", compare=False)


def default_start(today: date | None = None) -> date:
    """The first day of the month after ``today``."""
    today = today or date.today()
    return date(today.year + 1, 1, 1) if today.month == 12 else date(today.year, today.month + 1, 1)


# ----------------------------------------------------------------------------------------------- loading

_TOP_KEYS: Final = {
    "schema",
    "name",
    "currency",
    "start",
    "horizon_months",
    "discount_rate_annual",
    "distribution",
    "approach",
    "description",
    "costs",
    "benefits",
    "model",
}
_ITEM_KEYS: Final = {"name", "kind", "amount", "month", "ramp_months", "start_month", "end_month", "note"}
_MODEL_KEYS: Final = {
    "id",
    "training_cost",
    "retrain_every_months",
    "include_inference",
    "migration_cost",
    "inference_per_month",
    "hosting_per_month",
}
_CURRENCY = re.compile(r"^[A-Z]{3}$")
MAX_TEXT_CHARS = 2_000  # names, notes and descriptions


class _Reader:
    """Validating accessors that raise ``UserError("key: message")``."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def key(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def check_keys(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            name = unknown[0] if unknown[0].isprintable() else json.dumps(unknown[0])  # one line
            raise UserError(about(self.key(name), "input.unknown_key"))

    def require(self, name: str) -> Any:
        if name not in self.data:
            raise UserError(about(self.key(name), "input.missing"))
        return self.data[name]

    def text(self, name: str, default: str | None = None) -> str:
        value = self.require(name) if default is None else self.data.get(name, default)
        if not isinstance(value, str):
            raise UserError(about(self.key(name), "input.not_text", got=_kind_of(value)))
        if len(value) > MAX_TEXT_CHARS:
            raise UserError(about(self.key(name), "input.too_long", limit=MAX_TEXT_CHARS, length=len(value)))
        return value

    def integer(self, name: str, default: int | None, low: int, high: int) -> int:
        value = self.require(name) if default is None else self.data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise UserError(about(self.key(name), "input.not_whole", got=_kind_of(value)))
        if not low <= value <= high:
            raise UserError(about(self.key(name), "input.out_of_range", low=low, high=high, value=value))
        return value

    def boolean(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            raise UserError(about(self.key(name), "input.not_bool", got=_kind_of(value)))
        return value


def _kind_of(value: object) -> Message:
    """What a wrong value is, for "expected a number, got …"."""
    if isinstance(value, bool):
        return msg("kind.bool", value=value)
    if isinstance(value, str):
        return msg("kind.text", value=repr(value))
    if isinstance(value, int | Decimal | float):
        return msg("kind.number", value=str(value))
    if isinstance(value, Mapping):
        return msg("kind.table")
    if isinstance(value, list):
        return msg("kind.list")
    if isinstance(value, datetime):
        return msg("kind.datetime", value=value.isoformat())
    if isinstance(value, date):
        return msg("kind.date", value=value.isoformat())
    return msg("kind.other", value=type(value).__name__)


def _parse_start(value: object) -> date:
    if isinstance(value, datetime):
        raise UserError(about("start", "input.not_date", got=_kind_of(value)))
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise UserError(about("start", "input.not_date", got=_kind_of(value)))


def _parse_item(raw: object, where: str, horizon: int, dist: str) -> Item:
    if not isinstance(raw, Mapping):
        raise UserError(about(where, "input.not_table", got=_kind_of(raw)))
    r = _Reader(raw, where)
    r.check_keys(_ITEM_KEYS)
    name = r.text("name").strip()
    if not name:
        raise UserError(about(r.key("name"), "input.empty"))
    kind = r.text("kind")
    if kind not in KINDS:
        raise UserError(about(r.key("kind"), "item.unknown_kind", value=kind))
    amount = parse_amount(r.require("amount"), r.key("amount"), dist)
    note = r.text("note", "")
    if kind == ONE_OFF:
        for key in ("ramp_months", "start_month", "end_month"):
            if key in raw:
                raise UserError(about(r.key(key), "item.monthly_only"))
        return Item(name, kind, amount, month=r.integer("month", 0, 0, horizon), note=note)
    if "month" in raw:
        raise UserError(about(r.key("month"), "item.one_off_only"))
    start_month = r.integer("start_month", 1, 1, horizon)
    end_month = r.integer("end_month", horizon, start_month, horizon) if "end_month" in raw else None
    ramp = r.integer("ramp_months", 0, 0, MAX_HORIZON)
    return Item(name, kind, amount, ramp_months=ramp, start_month=start_month, end_month=end_month, note=note)


def _parse_items(data: Mapping[str, Any], key: str, horizon: int, dist: str) -> tuple[Item, ...]:
    raw = data.get(key, [])
    if not isinstance(raw, list):
        raise UserError(about(key, "input.not_list", got=_kind_of(raw)))
    return tuple(_parse_item(entry, f"{key}[{i}]", horizon, dist) for i, entry in enumerate(raw))


def _parse_model(raw: object, dist: str, lookup: ModelLookup | None) -> ModelPlan:
    if not isinstance(raw, Mapping):
        raise UserError(about("model", "input.not_table", got=_kind_of(raw)))
    r = _Reader(raw, "model")
    r.check_keys(_MODEL_KEYS)
    model_id = r.text("id").strip()
    if lookup is not None and lookup(model_id) is None:
        raise UserError(about("model.id", "model.unknown", model=model_id))

    def optional_amount(key: str) -> Amount | None:
        return parse_amount(raw[key], f"model.{key}", dist) if key in raw else None

    return ModelPlan(
        model_id=model_id,
        training_cost=optional_amount("training_cost"),
        retrain_every_months=r.integer("retrain_every_months", 0, 0, MAX_HORIZON),
        include_inference=r.boolean("include_inference", True),
        migration_cost=optional_amount("migration_cost"),
        inference_per_month=optional_amount("inference_per_month"),
        hosting_per_month=optional_amount("hosting_per_month"),
    )


def scenario_from_dict(
    data: Mapping[str, Any], lookup: ModelLookup | None = None, today: date | None = None
) -> Scenario:
    """Validate parsed TOML data into a :class:`Scenario`; errors name the offending key.

    With a ``lookup``, a ``[model]`` whose id it does not know is an error.
    """
    r = _Reader(data, "")
    r.check_keys(_TOP_KEYS)
    schema = r.require("schema")
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise UserError(about("schema", "input.not_whole", got=_kind_of(schema)))
    if schema > SCHEMA:
        raise UserError(about("schema", "file.newer_schema", version=schema, known=SCHEMA))
    if schema < 1:
        raise UserError(about("schema", "file.unknown_schema", version=schema))
    name = r.text("name")
    currency = r.text("currency", "USD")
    if not _CURRENCY.match(currency):
        raise UserError(about("currency", "input.bad_currency", value=currency))
    horizon = r.integer("horizon_months", None, MIN_HORIZON, MAX_HORIZON)
    rate_raw = r.require("discount_rate_annual")
    if isinstance(rate_raw, bool) or not isinstance(rate_raw, int | Decimal):
        raise UserError(about("discount_rate_annual", "input.not_number", got=_kind_of(rate_raw)))
    rate = Decimal(rate_raw)
    if not rate.is_finite() or not 0 <= rate <= 1:
        # the file holds a fraction, the form shows percent: say it as percent (8 means 8 %)
        percent = decimal_text(rate * 100) if rate.is_finite() else str(rate_raw)
        raise UserError(about("discount_rate_annual", "scenario.bad_discount", percent=percent))
    dist = r.text("distribution", PERT)
    if dist not in DISTRIBUTIONS or dist == LOGNORMAL:
        raise UserError(about("distribution", "scenario.bad_distribution", value=dist))
    start = _parse_start(data["start"]) if "start" in data else default_start(today)
    model = _parse_model(data["model"], dist, lookup) if "model" in data else None
    return Scenario(
        name=name,
        horizon_months=horizon,
        discount_rate_annual=rate,
        start=start,
        currency=currency,
        costs=_parse_items(data, "costs", horizon, dist),
        benefits=_parse_items(data, "benefits", horizon, dist),
        model=model,
        distribution=dist,
        approach=r.text("approach", ""),
        description=r.text("description", ""),
        schema=schema,
    )


def loads_scenario(
    text: str, source: str = "<scenario>", lookup: ModelLookup | None = None, today: date | None = None
) -> Scenario:
    """Parse scenario TOML text; errors read ``SOURCE:LINE: key: message``."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(msg("file.bad_toml", path=source, detail=str(exc))) from None
    except RecursionError:
        raise UserError(msg("file.bad_toml", path=source, detail=msg("file.too_deep"))) from None
    try:
        scenario = scenario_from_dict(data, lookup, today)
    except UserError as exc:
        line = locate_key(text, exc.field) if exc.field else None
        where = f"{source}:{line}" if line else source
        raise UserError(msg("file.at", exc.field, path=where, message=exc.message)) from None
    return replace(scenario, source=source)


def load_scenario(path: Path | str, lookup: ModelLookup | None = None, today: date | None = None) -> Scenario:
    """Read and validate a scenario file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(msg("file.missing", path=str(path))) from None
    except UnicodeDecodeError:
        raise UserError(msg("file.not_utf8", path=str(path))) from None
    except OSError as exc:
        raise UserError(msg("file.unreadable", path=str(path), detail=str(exc.strerror or exc))) from None
    return loads_scenario(text, str(path), lookup, today)


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]")
_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?")


def locate_key(text: str, key_path: str) -> int | None:
    """Best-effort 1-based line of ``key_path`` (like ``costs[1].amount.low``) in scenario TOML ``text``.

    Returns the line of the key, else the header of its table (or the top-level line of an inline table),
    else ``None``.
    """
    parts = [_PART.fullmatch(part) for part in key_path.strip().split(".")]
    if not parts or any(match is None for match in parts):
        return None
    names = [(m.group(1), m.group(2)) for m in parts if m is not None]
    table, index, rest = "", None, [name for name, _ in names]
    if names[0][0] in ("costs", "benefits", "model"):
        table, index, rest = names[0][0], names[0][1], [name for name, _ in names[1:]]
    wanted = int(index) if index is not None else 0
    current, seen, header_line = "", -1, None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1)
            seen += current == table
            if current == table and seen == wanted:
                header_line = number
                if not rest:
                    return number
            continue
        in_target = current == table and (not table or seen == wanted)
        if in_target and rest and re.match(rf"^\s*{re.escape(rest[0])}\s*=", line):
            return number
    if header_line is None and table:
        return _top_level_line(text, table)  # written inline, e.g. ``costs = [...]``
    return header_line


def _top_level_line(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if _HEADER.match(line):
            return None
        if pattern.match(line):
            return number
    return None


# ----------------------------------------------------------------------------------------------- writing


def _number(value: Decimal) -> Decimal | int:
    """A whole amount is written as a TOML integer (``5000``), as scenario files have always held it."""
    return int(value) if "." not in format(value, "f") else value


def _amount(amount: Amount, dist: str) -> object:
    value = amount.to_toml_value(dist)
    if isinstance(value, Mapping):
        return Inline({k: _number(v) if isinstance(v, Decimal) else v for k, v in value.items()})
    return _number(value)


def _item_table(item: Item, dist: str) -> dict[str, object]:
    out: dict[str, object] = {"name": item.name, "kind": item.kind}
    if item.kind == ONE_OFF:
        out["month"] = item.month
    else:
        if item.start_month != 1:
            out["start_month"] = item.start_month
        if item.end_month is not None:
            out["end_month"] = item.end_month
        if item.ramp_months:
            out["ramp_months"] = item.ramp_months
    out["amount"] = _amount(item.amount, dist)
    if item.note:
        out["note"] = item.note
    return out


def scenario_data(scenario: Scenario) -> dict[str, object]:
    """The scenario as the TOML file holds it (keys in file order; amounts as written)."""
    s = scenario
    data: dict[str, object] = {"schema": SCHEMA, "name": s.name}
    if s.description:
        data["description"] = s.description
    if s.approach:
        data["approach"] = s.approach
    data.update(
        currency=s.currency,
        start=s.start,
        horizon_months=s.horizon_months,
        discount_rate_annual=_number(s.discount_rate_annual),
    )
    if s.distribution != PERT:
        data["distribution"] = s.distribution
    for key, items in (("costs", s.costs), ("benefits", s.benefits)):
        if items:
            data[key] = [_item_table(item, s.distribution) for item in items]
    if s.model is not None:
        m = s.model
        model: dict[str, object] = {"id": m.model_id}
        for key in ("training_cost", "migration_cost", "inference_per_month", "hosting_per_month"):
            amount: Amount | None = getattr(m, key)
            if amount is not None:
                model[key] = _amount(amount, s.distribution)
        model["retrain_every_months"] = m.retrain_every_months
        model["include_inference"] = m.include_inference
        data["model"] = model
    return data


def dumps_scenario(scenario: Scenario) -> str:
    """Scenario as TOML text that :func:`loads_scenario` reads back to an equal scenario."""
    return toml_text.dumps(scenario_data(scenario))


def save_scenario(scenario: Scenario, path: Path | str) -> None:
    """Write the scenario whole or not at all; :class:`WriteFailed` (an OSError) says why it could not."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteFailed(os_error_text(exc, target, "save the scenario", "nothing was written")) from None
    write_whole(target, dumps_scenario(scenario).encode("utf-8"), "save the scenario")


def with_items(
    scenario: Scenario, costs: Sequence[Item] | None = None, benefits: Sequence[Item] | None = None
) -> Scenario:
    """A copy with the cost and/or benefit lines replaced."""
    return replace(
        scenario,
        costs=tuple(scenario.costs if costs is None else costs),
        benefits=tuple(scenario.benefits if benefits is None else benefits),
    )
