"""The plan's ROI scenario with its model costs linked from the chosen model's estimate.

Training cost per run, inference and hosting per month come from the chosen model's row of the comparison
unless the user overrode them (``Plan.roi_overrides``); each :class:`LinkedInput` says where its value came
from. Scenario amounts are converted to the plan's one currency.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ftplanner.core.errors import UserError
from ftplanner.core.estimate import Estimate
from ftplanner.core.messages import message_of, msg
from ftplanner.core.money import ExchangeRates, check_currency, decimal_text
from ftplanner.core.plan import LINKED_INPUTS
from ftplanner.core.roi import Scenario
from ftplanner.core.roi.amounts import FIXED, PERT, Amount, parse_amount
from ftplanner.core.roi.approaches import FINE_TUNING
from ftplanner.core.roi.scenario import ModelPlan

# Where a linked ROI input comes from.
FROM_ESTIMATE = "estimate"  # the chosen model's row (training cost, inference and hosting per month)
FROM_OVERRIDE = "override"  # typed by the user, saved in the plan
FROM_SCENARIO = "scenario"  # the scenario's own figure (no estimate to link)
FROM_CATALOG = "catalog"  # no estimate: the catalog's price at the plan's traffic (through the lookup)
UNKNOWN = "unknown"

LINKED_KEYS = LINKED_INPUTS


@dataclass(frozen=True)
class LinkedInput:
    """One model cost of the ROI scenario, where it came from, and whether the user overrode it."""

    key: str  # one of LINKED_KEYS
    amount: Amount | None
    source: str  # FROM_ESTIMATE | FROM_OVERRIDE | FROM_SCENARIO | UNKNOWN
    linked: Amount | None  # the value the estimate gives (shown beside an override)

    @property
    def overridden(self) -> bool:
        return self.source == FROM_OVERRIDE

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "source": self.source,
            "overridden": self.overridden,
            "value": amount_dict(self.amount),
            "linked_value": amount_dict(self.linked),
        }


def amount_dict(amount: Amount | None) -> dict[str, Any] | None:
    if amount is None:
        return None
    return {
        "dist": amount.dist,
        "low": decimal_text(amount.low),
        "likely": decimal_text(amount.likely),
        "high": decimal_text(amount.high),
    }


def _range(low: Decimal | None, likely: Decimal | None, high: Decimal | None) -> Amount | None:
    if likely is None:
        return None
    low = likely if low is None else low
    high = likely if high is None else high
    return Amount.fixed(likely) if low == high else Amount(PERT, low, likely, high)


def override_amount(
    overrides: Mapping[str, Any], key: str, currency: str, rates: ExchangeRates, source: str
) -> Amount | None:
    """The user's override of one linked input, in ``currency``; UserError naming the key when broken.

    A stored override is ``{"currency": "USD", "low": 40, "likely": 60, "high": 90}`` or a plain number
    (in the plan's currency).
    """
    if key not in overrides:
        return None
    where = f"{source}: roi_overrides.{key}"
    raw = overrides[key]
    stored_in = currency
    if isinstance(raw, Mapping):
        raw = dict(raw)
        stored_in = str(raw.pop("currency", currency))
        if set(raw) == {"likely"}:
            raw = raw["likely"]
    value = raw if not isinstance(raw, float) else Decimal(repr(raw))
    if isinstance(value, dict):
        value = {k: Decimal(repr(v)) if isinstance(v, float) else v for k, v in value.items()}
    amount = parse_amount(value, where)
    if stored_in != currency:
        amount = amount.scaled(_factor(stored_in, currency, rates, where))
    return amount


def override_value(amount: Amount, currency: str) -> dict[str, Any]:
    """How the plan stores an override typed in ``currency``."""
    if amount.dist == FIXED:
        return {"currency": currency, "likely": float(amount.likely)}
    return {
        "currency": currency,
        "low": float(amount.low),
        "likely": float(amount.likely),
        "high": float(amount.high),
    }


def _factor(from_code: str, to_code: str, rates: ExchangeRates, where: str) -> Decimal:
    try:
        return rates.rate(check_currency(to_code)) / rates.rate(check_currency(from_code))
    except UserError as exc:
        raise UserError(msg("file.at", path=where, message=message_of(exc))) from None


def scenario_in_currency(scenario: Scenario, currency: str, rates: ExchangeRates) -> Scenario:
    """``scenario`` with every amount converted to ``currency`` (the plan's one currency)."""
    if scenario.currency == currency:
        return scenario
    factor = _factor(scenario.currency, currency, rates, "scenario.currency")

    def items(found: tuple) -> tuple:
        return tuple(replace(item, amount=item.amount.scaled(factor)) for item in found)

    model = scenario.model
    if model is not None:
        model = replace(
            model,
            **{
                name: getattr(model, name).scaled(factor)
                for name in ("training_cost", "migration_cost", "inference_per_month", "hosting_per_month")
                if getattr(model, name) is not None
            },
        )
    return replace(
        scenario,
        currency=currency,
        costs=items(scenario.costs),
        benefits=items(scenario.benefits),
        model=model,
    )


def split_overrides(scenario: Scenario) -> tuple[Scenario, dict[str, Any]]:
    """A scenario as edited (model costs typed in) → the scenario without them, and the plan's overrides."""
    model = scenario.model
    if model is None:
        return scenario, {}
    typed = {key: getattr(model, key) for key in LINKED_KEYS if getattr(model, key) is not None}
    overrides = {key: override_value(amount, scenario.currency) for key, amount in typed.items()}
    return replace(scenario, model=replace(model, **dict.fromkeys(typed))), overrides


def link_scenario(
    scenario: Scenario,
    row: Estimate | None,
    overrides: Mapping[str, Any],
    rates: ExchangeRates,
    source: str = "plan",
) -> tuple[Scenario, tuple[LinkedInput, ...]]:
    """The scenario with its model costs taken from ``row`` (the chosen model), or the user's overrides.

    Training cost per run = the row's training cost (its low/high from the token-count uncertainty);
    inference and hosting per month = the row's, for the plan's traffic; the lifecycle comes from the catalog
    through the lookup. An override wins over the linked figure; the scenario's own figure is used only
    when there is no estimate to link (no dataset, or no price). ``scenario`` must already be in the row's currency. A scenario without a model
    section gets one only when it is a fine-tuning scenario.
    """
    model = scenario.model
    if model is None:
        if row is None or scenario.approach not in ("", FINE_TUNING):
            return scenario, ()
        model = ModelPlan(model_id=row.model)
    estimated: dict[str, Amount | None] = dict.fromkeys(LINKED_KEYS)
    if row is not None:
        estimated = {
            "training_cost": _range(row.training_cost_low, row.training_cost, row.training_cost_high),
            "inference_per_month": _range(None, row.inference_cost_per_month, None),
            "hosting_per_month": _range(None, row.hosting_cost_per_month, None),
        }
    linked: list[LinkedInput] = []
    values: dict[str, Amount | None] = {}
    for key in LINKED_KEYS:
        override = override_amount(overrides, key, scenario.currency, rates, source)
        own = getattr(model, key)
        if override is not None:
            linked.append(LinkedInput(key, override, FROM_OVERRIDE, estimated[key]))
        elif estimated[key] is not None:
            linked.append(LinkedInput(key, estimated[key], FROM_ESTIMATE, estimated[key]))
        elif own is not None:  # no estimate to link: the scenario's own figure stands
            linked.append(LinkedInput(key, own, FROM_SCENARIO, None))
        else:
            fallback = FROM_CATALOG if row is None and key != "training_cost" else UNKNOWN
            linked.append(LinkedInput(key, None, fallback, None))
        values[key] = linked[-1].amount
    if row is None:
        return replace(scenario, model=replace(model, **values)), tuple(linked)
    model = replace(model, model_id=row.model, **values)
    return replace(scenario, model=model), tuple(linked)
