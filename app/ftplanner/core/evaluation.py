"""One evaluation of a plan: every figure the Summary page, the other pages, the CLI and the report show.

:func:`evaluate_plan` takes a :class:`~ftplanner.core.plan.Plan`, the catalog (with the user's and the plan's
overrides), the time model (calibrated by the caller, once), the exchange rates and a date, and returns one
:class:`PlanEvaluation`: the dataset summary, one :class:`~ftplanner.core.estimate.Estimate` per compared
model (money in the plan's currency), the chosen model with the reason, the ROI of the plan's scenario with
its model costs linked from the chosen row (or the user's overrides), the headline :class:`PlanSummary` and
every warning. Front ends render this object; they compute nothing of their own.

A plan whose dataset is missing is still evaluated: the estimates then come from the analysis summary the
plan stored (billed tokens per epoch and example count per encoding), and the evaluation says so.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.core.catalog import LAYER_PLAN, Catalog, ModelEntry, load_catalog
from ftplanner.core.display import default_method
from ftplanner.core.errors import Cancelled, UserError
from ftplanner.core.estimate import Estimate, TrafficProfile, analysis_cap, estimate
from ftplanner.core.money import BASE_CURRENCY, ExchangeRates, check_currency, decimal_text
from ftplanner.core.plan import LINKED_INPUTS, Plan, resolve_dataset
from ftplanner.core.result import AnalysisResult, Histogram
from ftplanner.core.roi import DEFAULT_DRAWS, DEFAULT_SEED, RoiResult, Scenario, evaluate_scenario
from ftplanner.core.roi.amounts import FIXED, PERT, Amount, parse_amount
from ftplanner.core.roi.approaches import FINE_TUNING, ApproachResult, compare_approaches
from ftplanner.core.roi.engine import result_to_dict
from ftplanner.core.roi.plan_json import scenario_from_plan
from ftplanner.core.roi.scenario import ModelLookup, ModelPlan
from ftplanner.core.roi.schedule import add_months
from ftplanner.core.roi_catalog import catalog_lookup
from ftplanner.core.timemodel import TimeModel

Progress = Callable[[float, str], None]
CancelFlag = Callable[[], bool]

# Dataset states.
ANALYSED = "analysed"  # the file was read now (or the caller passed its analysis)
STORED = "stored"  # the file is missing; figures from the plan's stored summary
MISSING = "missing"  # the file is missing and the plan stored no summary
NO_DATASET = "none"  # the plan names no dataset
PENDING = "pending"  # the file is there but not analysed yet (the caller analyses it; rows wait)

# Warning kinds (front ends word them in the user's language; ``text`` keeps the core's English wording).
W_DATASET_MISSING = "dataset_missing"
W_STORED_SUMMARY = "stored_summary"
W_NO_DATASET = "no_dataset"
W_DATA_ERRORS = "data_errors"
W_DATA_WARNING = "data_warning"
W_APPROXIMATE = "approximate_tokens"
W_STALE = "stale_price"
W_RETIRES = "retires_in_horizon"
W_RETIRED = "retired"
W_CLOSED = "closed"
W_ESTIMATE_FAILED = "estimate_failed"
W_MODEL_NOTE = "model_note"
W_NO_SCENARIO = "no_scenario"
W_ROI = "roi"
W_RATE_STALE = "rate_stale"
W_CURRENCY = "currency_fallback"
W_NO_INFERENCE = "no_inference_price"

# Where a linked ROI input comes from.
FROM_ESTIMATE = "estimate"  # the chosen model's row (training cost, inference and hosting per month)
FROM_OVERRIDE = "override"  # typed by the user, saved in the plan
FROM_SCENARIO = "scenario"  # the scenario's own figure (no estimate to link)
FROM_CATALOG = "catalog"  # no estimate: the catalog's price at the plan's traffic (through the lookup)
UNKNOWN = "unknown"

LINKED_KEYS = LINKED_INPUTS

# How the model was chosen.
CHOSEN_BY_USER = "user"
RECOMMENDED = "recommended"
NO_MODEL = "none"


@dataclass(frozen=True)
class PlanWarning:
    """One warning: ``kind`` (see the ``W_*`` names), the model it concerns, values for the wording."""

    kind: str
    text: str
    model: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "model": self.model, "text": self.text, **_jsonable(dict(self.values))}


@dataclass(frozen=True)
class DatasetFacts:
    """What the evaluation says about the training data (from an analysis now, or the plan's stored summary)."""

    path: str
    state: str
    encoding: str = ""
    format: str = ""
    examples: int | None = None
    billing_tokens_per_epoch: int | None = None
    epochs: int | None = None
    epochs_auto: bool = True
    charged_tokens: int | None = None
    errors: int | None = None
    warnings: tuple[str, ...] = ()
    warning_count: int = 0


@dataclass(frozen=True)
class ModelRow:
    """One row of the comparison: the estimate, or why there is none."""

    key: str
    entry: ModelEntry | None
    estimate: Estimate | None
    error: str = ""


@dataclass(frozen=True)
class InputRow:
    """One scenario input as the engine uses it: a cash-flow line with its range and timing."""

    name: str
    side: str  # cost | benefit
    dist: str
    low: Decimal
    likely: Decimal
    high: Decimal
    first_month: int | None
    last_month: int | None
    months_active: int
    ramp: bool


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


@dataclass(frozen=True)
class Recommendation:
    """The model the plan goes with: ``chosen_by`` user | recommended | none, and why (``code``, ``values``)."""

    model: str | None
    chosen_by: str
    code: str
    text: str
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Risk:
    """One of the summary's top risks (``code`` for the wording, ``text`` in English)."""

    code: str
    text: str
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanSummary:
    """The answer in one place: what to do, what it costs, when it pays back. Money in the plan's currency."""

    currency: str
    model: str | None
    display_name: str
    provider: str
    chosen_by: str
    reason: str
    training_cost: Decimal | None
    training_cost_low: Decimal | None
    training_cost_high: Decimal | None
    time_p10_minutes: float | None
    time_p50_minutes: float | None
    time_p90_minutes: float | None
    running_cost_per_month: Decimal | None
    npv_p10: float | None
    npv_p50: float | None
    npv_p90: float | None
    roi_percent_p10: float | None
    roi_percent_p50: float | None
    roi_percent_p90: float | None
    payback_month_p10: float | None
    payback_month_p50: float | None
    payback_month_p90: float | None
    chance_roi_positive: float | None
    risks: tuple[Risk, ...]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if name == "risks":
                out[name] = [risk.text for risk in value]
                out["risk_codes"] = [risk.code for risk in value]
            elif isinstance(value, float):
                # minutes as the comparison rows give them (one decimal); ROI figures to six
                out[name] = None if math.isnan(value) else round(value, 1 if name.endswith("minutes") else 6)
            else:
                out[name] = _jsonable(value)
        return out


@dataclass(frozen=True)
class PlanEvaluation:
    plan_name: str
    plan_description: str
    plan_path: str
    generated: datetime
    today: date
    currency: str
    months: int
    epochs: int | None
    traffic: TrafficProfile | None
    dataset: DatasetFacts
    rows: tuple[ModelRow, ...]
    recommendation: Recommendation
    scenario: Scenario | None
    linked: tuple[LinkedInput, ...]
    roi: RoiResult | None
    approaches: tuple[ApproachResult, ...]
    inputs: tuple[InputRow, ...]
    summary: PlanSummary
    warnings: tuple[PlanWarning, ...]
    exchange_rate: Decimal = Decimal(1)
    rate_set_on: date | None = None
    # the analyses the figures come from (analysed now ones included), so a caller can keep them
    analyses: Mapping[str, AnalysisResult] = field(default_factory=dict, repr=False, compare=False)

    @property
    def estimates(self) -> tuple[Estimate, ...]:
        return tuple(row.estimate for row in self.rows if row.estimate is not None)

    @property
    def chosen(self) -> ModelRow | None:
        return next((row for row in self.rows if row.key == self.recommendation.model), None)

    def row(self, key: str) -> ModelRow | None:
        return next((row for row in self.rows if row.key == key), None)


# ------------------------------------------------------------------------------------------ plan inputs


def analysis_summary(result: AnalysisResult) -> dict[str, Any]:
    """What a plan stores of one analysis, so a report can be made when the dataset is gone."""
    return {
        "encoding": result.encoding,
        "format": result.format,
        "examples": result.examples,
        "errors": result.error_count,
        "warnings": len(result.warnings),
        "total_tokens": result.total_tokens,
        "billing_tokens_per_epoch": result.billing_tokens_per_epoch,
        "max_example_tokens": result.max_example_tokens,
        "auto_epochs": result.auto_epochs,
    }


def plan_traffic(plan: Plan) -> TrafficProfile | None:
    """The plan's traffic as the estimator takes it; ``None`` when it is not usable."""
    t = plan.traffic
    try:
        return TrafficProfile(
            int(t.requests_per_month),
            int(t.input_tokens),
            int(t.output_tokens),
            cached_share=t.cached_share,
            batch_share=t.batch_share,
        )
    except (UserError, ValueError, OverflowError):
        return None


def plan_scenario(plan: Plan, source: str, lookup: ModelLookup | None = None) -> Scenario | None:
    """The plan's scenario (a dict with the keys of a scenario TOML file), or None when it has none."""
    if not plan.scenario:
        return None
    try:
        return scenario_from_plan(plan.scenario, lookup)
    except UserError as exc:
        raise UserError(f"{source}: scenario.{exc}") from None


def plan_catalog(plan: Plan, source: str, today: date | None = None) -> Catalog:
    """The bundled catalog with the user's overrides and the plan's; UserError for a bad plan override."""
    catalog = load_catalog(plan_overrides=plan.price_overrides or None, today=today, plan_label=source)
    problems = catalog.layer_problems.get(LAYER_PLAN, [])
    if problems:
        raise UserError(f"{source}: price_overrides: {problems[0]}")
    return catalog


@dataclass(frozen=True)
class CurrencyChoice:
    """The currency money is shown in; ``problem`` says why it is not the plan's (then it is USD)."""

    code: str
    rate: Decimal
    set_on: date | None
    stale: bool
    problem: str = ""


def plan_currency(plan: Plan, rates: ExchangeRates, today: date, *, fallback: bool = False) -> CurrencyChoice:
    """The plan's currency with its rate; without a usable rate: UserError, or USD when ``fallback``."""
    try:
        code = check_currency(plan.currency)
        found = rates.get(code)
        if found is None:
            rates.rate(code)  # raises the message naming the command that sets one
    except UserError as exc:
        if not fallback:
            raise UserError(f"currency: {exc}") from None
        return CurrencyChoice(BASE_CURRENCY, Decimal(1), None, False, f"{exc}; amounts are shown in USD")
    assert found is not None
    if code == BASE_CURRENCY:
        return CurrencyChoice(code, Decimal(1), None, False)
    return CurrencyChoice(code, found.per_usd, found.set_on, found.is_stale(today))


def estimate_for_plan(
    plan: Plan,
    entry: ModelEntry,
    analysis: AnalysisResult,
    *,
    today: date,
    time_model: TimeModel,
    currency: str,
    rates: ExchangeRates,
) -> Estimate:
    """The one estimate of ``entry`` under ``plan`` (its epochs, traffic and horizon), money in ``currency``."""
    return estimate(
        analysis,
        entry,
        epochs=plan.epochs,
        traffic=plan_traffic(plan),
        months=plan.months,
        today=today,
        time_model=time_model,
        method=default_method(entry),
        currency=currency,
        rates=rates,
    )


def summary_analysis(summary: Mapping[str, Any], encoding: str, source: str) -> AnalysisResult:
    """An analysis rebuilt from a plan's stored summary: its billed tokens per epoch and example count.

    The per-example token lengths are not stored, so every billed token counts as within any model's limit
    (the stored figure already has the analysed limit applied).
    """

    def count(key: str, default: int = 0) -> int:
        value = summary.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise UserError(f"{source}: dataset_summary.{encoding}.{key}: expected a whole number")
        if not 0 <= value <= 10**15:
            raise UserError(f"{source}: dataset_summary.{encoding}.{key}: out of range ({value})")
        return int(value)

    examples = count("examples")
    billing = count("billing_tokens_per_epoch")
    return AnalysisResult(
        source=source,
        file_size=0,
        format=str(summary.get("format", "")),
        encoding=encoding,
        max_example_tokens=count("max_example_tokens"),
        lines=examples,
        examples=examples,
        error_count=count("errors"),
        error_counts={},
        errors=(),
        warnings=(),
        total_tokens=count("total_tokens", billing),
        assistant_tokens=0,
        over_limit_examples=0,
        missing_system=0,
        missing_user=0,
        duplicates=0,
        stats={},
        histogram=Histogram(),
        length_counts=((1, billing),) if billing else (),
    )


# ------------------------------------------------------------------------------------------ ROI linking


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
        raise UserError(f"{where}: {exc}") from None


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


# ------------------------------------------------------------------------------------------ choosing


def _lives_through(row: Estimate, horizon_end: date) -> bool:
    return row.retires_on is None or row.retires_on >= horizon_end


def _cost_key(row: Estimate) -> tuple[bool, Decimal]:
    total = row.tco if row.tco is not None else row.training_cost
    return (not row.tco_includes_inference, total if total is not None else Decimal("Infinity"))


def recommend(rows: tuple[ModelRow, ...], chosen: str, horizon_end: date) -> Recommendation:
    """The user's model when it has an estimate; else the cheapest launchable model that fits the
    per-example limit and lives through the horizon (relaxing the last two, in that order, when none does).

    Cheapest means the lowest total cost of ownership over the plan's months, models whose inference price
    is known first.
    """
    estimated = [row for row in rows if row.estimate is not None]
    if chosen:
        found = next((row for row in estimated if row.key == chosen), None)
        if found is not None:
            return Recommendation(found.key, CHOSEN_BY_USER, "user_choice", "chosen by you")
    priced = [r for r in estimated if r.estimate.training_cost is not None and r.estimate.launchable]  # type: ignore[union-attr]
    if not priced:
        if chosen:
            return Recommendation(
                None, NO_MODEL, "chosen_missing", f"{chosen} is not compared", {"model": chosen}
            )
        text = "no compared model can be launched with a known price" if rows else "no model compared"
        return Recommendation(None, NO_MODEL, "no_candidate" if rows else "no_models", text)
    fits = [r for r in priced if not r.estimate.over_limit_examples]  # type: ignore[union-attr]
    lives = [r for r in fits if _lives_through(r.estimate, horizon_end)]  # type: ignore[arg-type]
    end = horizon_end.isoformat()
    for pool, code, text in (
        (
            lives,
            "cheapest_fit",
            f"the cheapest launchable model that fits every example and is served past {end}",
        ),
        (
            fits,
            "cheapest_retiring",
            f"the cheapest launchable model that fits every example; none is served past {end}",
        ),
        (priced, "cheapest_truncating", "the cheapest launchable model; every one truncates some examples"),
    ):
        if pool:
            best = min(pool, key=lambda r: _cost_key(r.estimate))  # type: ignore[arg-type]
            return Recommendation(best.key, RECOMMENDED, code, text, {"horizon_end": horizon_end})
    raise AssertionError("unreachable")


def _risks(
    chosen: ModelRow | None,
    horizon_end: date,
    dataset: DatasetFacts,
    roi: RoiResult | None,
    warnings: list[PlanWarning],
) -> tuple[Risk, ...]:
    risks: list[Risk] = []
    est = chosen.estimate if chosen is not None else None
    if est is not None:
        if not _lives_through(est, horizon_end):
            assert est.retires_on is not None
            note = " (unconfirmed)" if est.retirement_unconfirmed else ""
            risks.append(
                Risk(
                    "retires",
                    f"{est.display_name} retires on {est.retires_on.isoformat()}{note}, before the plan ends"
                    f" ({horizon_end.isoformat()})",
                    {"model": est.display_name, "date": est.retires_on, "end": horizon_end},
                )
            )
        if est.can_launch_until is not None and est.can_launch_until < horizon_end:
            risks.append(
                Risk(
                    "launch_deadline",
                    f"no new fine-tuning jobs on {est.display_name} after {est.can_launch_until.isoformat()}:"
                    " later retraining needs another model",
                    {"model": est.display_name, "date": est.can_launch_until},
                )
            )
        if est.stale:
            risks.append(
                Risk(
                    "stale_prices",
                    f"prices as of {est.price_as_of.isoformat()} are more than 180 days old",
                    {"date": est.price_as_of},
                )
            )
        if not est.exact_tokens:
            risks.append(
                Risk(
                    "approximate_tokens",
                    f"token counts approximate ({est.encoding} stand-in, ±{est.token_error:.0%})",
                    {"encoding": est.encoding, "error": est.token_error},
                )
            )
        if est.inference_cost_per_month is None:
            risks.append(
                Risk(
                    "no_inference_price",
                    f"no inference price for {est.display_name}: running costs exclude inference",
                    {"model": est.display_name},
                )
            )
        if est.over_limit_examples:
            risks.append(
                Risk(
                    "truncated",
                    f"{est.over_limit_examples} example(s) exceed the per-example limit and will be truncated",
                    {"count": est.over_limit_examples},
                )
            )
    if dataset.errors:
        risks.append(
            Risk("data_errors", f"{dataset.errors} line(s) with data errors", {"count": dataset.errors})
        )
    if dataset.state in (STORED, MISSING):
        risks.append(Risk("dataset_missing", f"dataset not found: {dataset.path}", {"path": dataset.path}))
    if roi is not None and roi.monte_carlo.prob_roi_positive < 0.5:
        risks.append(
            Risk(
                "roi_unlikely",
                f"ROI is positive in only {roi.monte_carlo.prob_roi_positive:.0%} of the simulated outcomes",
                {"chance": roi.monte_carlo.prob_roi_positive},
            )
        )
    if any(w.kind == W_RATE_STALE for w in warnings):
        risks.append(Risk("rate_stale", "the exchange rate is more than 30 days old"))
    return tuple(risks)


def _summary(
    currency: str,
    chosen: ModelRow | None,
    recommendation: Recommendation,
    roi: RoiResult | None,
    risks: tuple[Risk, ...],
) -> PlanSummary:
    est = chosen.estimate if chosen is not None else None
    running = None
    if est is not None and est.inference_cost_per_month is not None:
        running = est.inference_cost_per_month + est.hosting_cost_per_month
    mc = roi.monte_carlo if roi is not None else None
    return PlanSummary(
        currency=currency,
        model=recommendation.model,
        display_name=est.display_name if est is not None else "",
        provider=chosen.entry.provider_name or chosen.entry.provider if chosen and chosen.entry else "",
        chosen_by=recommendation.chosen_by,
        reason=recommendation.text,
        training_cost=est.training_cost if est else None,
        training_cost_low=est.training_cost_low if est else None,
        training_cost_high=est.training_cost_high if est else None,
        time_p10_minutes=est.time_p10_minutes if est else None,
        time_p50_minutes=est.time_p50_minutes if est else None,
        time_p90_minutes=est.time_p90_minutes if est else None,
        running_cost_per_month=running,
        npv_p10=mc.npv.p10 if mc else None,
        npv_p50=mc.npv.p50 if mc else None,
        npv_p90=mc.npv.p90 if mc else None,
        roi_percent_p10=mc.roi_pct.p10 if mc else None,
        roi_percent_p50=mc.roi_pct.p50 if mc else None,
        roi_percent_p90=mc.roi_pct.p90 if mc else None,
        payback_month_p10=mc.payback_month.p10 if mc else None,
        payback_month_p50=mc.payback_month.p50 if mc else None,
        payback_month_p90=mc.payback_month.p90 if mc else None,
        chance_roi_positive=mc.prob_roi_positive if mc else None,
        risks=risks,
    )


# ------------------------------------------------------------------------------------------- building


def _step(progress: Progress | None, cancel: CancelFlag | None, fraction: float, what: str) -> None:
    if cancel is not None and cancel():
        raise Cancelled()
    if progress is not None:
        progress(fraction, what)


def _entries(catalog: Catalog, plan: Plan) -> list[tuple[str, ModelEntry | None, str]]:
    found: list[tuple[str, ModelEntry | None, str]] = []
    for name in dict.fromkeys(plan.models):
        try:
            found.append((name, catalog.get(name), ""))
        except UserError as exc:
            found.append((name, None, str(exc)))
    return found


def _analyses(
    plan: Plan,
    base: Path | None,
    entries: list[ModelEntry],
    given: Mapping[str, AnalysisResult],
    analyze_missing: bool,
    progress: Progress | None,
    cancel: CancelFlag | None,
) -> tuple[str, dict[str, AnalysisResult]]:
    """(dataset state, analysis per encoding) for the encodings the entries need."""
    encodings = list(dict.fromkeys(e.encoding for e in entries)) or ["o200k_base"]
    if not plan.dataset:
        return NO_DATASET, dict(given)
    path = resolve_dataset(plan, base)
    if not path.is_file():
        stored = {
            enc: summary_analysis(plan.dataset_summary[enc], enc, str(path))
            for enc in encodings
            if isinstance(plan.dataset_summary.get(enc), Mapping)
        }
        return (STORED if stored else MISSING), {**stored, **given}
    found = dict(given)
    if not analyze_missing:
        return (ANALYSED if found else PENDING), found
    from ftplanner.core.analyzer import analyze

    for index, enc in enumerate(encodings):
        if enc in found:
            continue
        _step(progress, cancel, 0.05 + 0.45 * index / len(encodings), "analyse")
        cap = analysis_cap(e for e in entries if e.encoding == enc)
        found[enc] = analyze(str(path), enc, cap, cancel=cancel)
    return ANALYSED, found


def _dataset_facts(
    plan: Plan, base: Path | None, state: str, analyses: Mapping[str, AnalysisResult], encoding: str
) -> DatasetFacts:
    path = os.path.normpath(resolve_dataset(plan, base)) if plan.dataset else ""
    analysis = analyses.get(encoding) or next(iter(analyses.values()), None)
    if analysis is None:
        return DatasetFacts(path, state)
    epochs = plan.epochs if plan.epochs is not None else analysis.auto_epochs
    warnings = tuple(w.message for w in analysis.warnings)
    count = len(warnings)
    if state == STORED:
        summary = plan.dataset_summary.get(analysis.encoding, {})
        stored = summary.get("warnings", 0) if isinstance(summary, Mapping) else 0
        count = int(stored) if isinstance(stored, int) and not isinstance(stored, bool) else 0
    billing = analysis.billing_tokens_per_epoch
    return DatasetFacts(
        path=path,
        state=state,
        encoding=analysis.encoding,
        format=analysis.format,
        examples=analysis.examples,
        billing_tokens_per_epoch=billing,
        epochs=epochs,
        epochs_auto=plan.epochs is None,
        charged_tokens=billing * epochs,
        errors=analysis.error_count,
        warnings=warnings,
        warning_count=count,
    )


def _model_warnings(row: Estimate, today: date) -> list[PlanWarning]:
    """The structured warnings of one estimate; the core's other notes are kept in their own words."""
    out: list[PlanWarning] = []
    if not row.exact_tokens:
        out.append(
            PlanWarning(
                W_APPROXIMATE,
                f"token counts approximate ({row.encoding} stand-in, ±{row.token_error:.0%})",
                row.model,
                {"encoding": row.encoding, "error": row.token_error},
            )
        )
    if row.stale:
        out.append(
            PlanWarning(
                W_STALE,
                f"prices as of {row.price_as_of.isoformat()} are more than 180 days old (stale)",
                row.model,
                {"as_of": row.price_as_of},
            )
        )
    if row.retires_on is not None and row.retires_on > today and row.months_counted < row.months:
        out.append(
            PlanWarning(
                W_RETIRES,
                f"retires on {row.retires_on.isoformat()}, inside the {row.months}-month horizon",
                row.model,
                {
                    "date": row.retires_on,
                    "months": row.months,
                    "counted": row.months_counted,
                    "unconfirmed": row.retirement_unconfirmed,
                },
            )
        )
    elif row.retires_on is not None and row.retires_on <= today:
        out.append(
            PlanWarning(
                W_RETIRED, f"retired on {row.retires_on.isoformat()}", row.model, {"date": row.retires_on}
            )
        )
    if not row.launchable:
        out.append(PlanWarning(W_CLOSED, row.launch_status, row.model, {"status": row.launch_status}))
    covered = (
        "token counts approximate",
        "more than 180 days old",
        "inside the",
        "retired on",
        "cannot be launched",
    )
    for text in row.warnings:
        if not any(part in text for part in covered):
            out.append(PlanWarning(W_MODEL_NOTE, text, row.model))
    return out


def _inputs(result: RoiResult) -> tuple[InputRow, ...]:
    rows = []
    for line in result.schedule.lines:
        active = [t for t, share in enumerate(line.pattern) if share > 0]
        shares = [line.pattern[t] for t in active]
        rows.append(
            InputRow(
                name=line.name,
                side=line.side,
                dist=line.amount.dist if line.amount.is_uncertain else "fixed",
                low=line.amount.low,
                likely=line.amount.likely,
                high=line.amount.high,
                first_month=active[0] if active else None,
                last_month=active[-1] if active else None,
                months_active=len(active),
                ramp=any(share < 1 for share in shares),
            )
        )
    return tuple(rows)


def _dataset_warnings(dataset: DatasetFacts) -> list[PlanWarning]:
    warnings: list[PlanWarning] = []
    if dataset.state == NO_DATASET:
        warnings.append(PlanWarning(W_NO_DATASET, "the plan names no dataset"))
    elif dataset.state in (STORED, MISSING):
        warnings.append(
            PlanWarning(
                W_DATASET_MISSING, f"dataset not found: {dataset.path}", values={"path": dataset.path}
            )
        )
        if dataset.state == STORED:
            warnings.append(
                PlanWarning(
                    W_STORED_SUMMARY,
                    "figures come from the analysis summary stored in the plan; per-model example limits"
                    " could not be re-applied",
                )
            )
    if dataset.errors:
        warnings.append(
            PlanWarning(
                W_DATA_ERRORS, f"{dataset.errors} line(s) with data errors", values={"count": dataset.errors}
            )
        )
    warnings.extend(PlanWarning(W_DATA_WARNING, text) for text in dataset.warnings)
    return warnings


def evaluate_plan(
    plan: Plan,
    plan_path: Path | None = None,
    *,
    catalog: Catalog,
    time_model: TimeModel,
    rates: ExchangeRates,
    analyses: Mapping[str, AnalysisResult] | None = None,
    analyze_missing: bool = True,
    currency_fallback: bool = False,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    approaches: bool = False,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> PlanEvaluation:
    """Every figure of ``plan`` as of ``catalog.today``.

    ``analyses`` (one per encoding) are used when given; the others are analysed now unless
    ``analyze_missing`` is false (then their rows wait). ``time_model`` is built once by the caller (calibrated
    with finished jobs). ``currency_fallback`` shows money in USD, with a warning, when the plan's currency has
    no rate (the GUI); otherwise that is a :class:`UserError`. ``approaches`` adds the prompt / RAG /
    fine-tuning comparison. Raises :class:`UserError` for an unusable plan and :class:`Cancelled` when
    ``cancel()`` turns true.
    """
    source = str(plan_path) if plan_path is not None else plan.name
    base = plan_path.parent if plan_path is not None else None
    today = catalog.today
    _step(progress, cancel, 0.0, "catalog")
    money = plan_currency(plan, rates, today, fallback=currency_fallback)
    currency = money.code
    warnings: list[PlanWarning] = []
    if money.problem:
        warnings.append(PlanWarning(W_CURRENCY, money.problem, values={"currency": plan.currency}))
    if money.stale:
        warnings.append(
            PlanWarning(
                W_RATE_STALE,
                f"exchange rate for {currency} was set on {money.set_on} (more than 30 days ago)",
                values={"currency": currency, "date": money.set_on},
            )
        )

    named = _entries(catalog, plan)
    entries = [entry for _, entry, _ in named if entry is not None]
    state, found = _analyses(plan, base, entries, dict(analyses or {}), analyze_missing, progress, cancel)
    main_encoding = entries[0].encoding if entries else next(iter(found), "o200k_base")
    dataset = _dataset_facts(plan, base, state, found, main_encoding)
    warnings += _dataset_warnings(dataset)

    _step(progress, cancel, 0.5, "estimate")
    rows: list[ModelRow] = []
    for name, entry, error in named:
        if entry is None:
            rows.append(ModelRow(name, None, None, error))
            warnings.append(PlanWarning(W_ESTIMATE_FAILED, error, name))
            continue
        analysis = found.get(entry.encoding)
        if analysis is None:
            reasons = {MISSING: "dataset missing", PENDING: "analysing", NO_DATASET: "no dataset"}
            rows.append(ModelRow(entry.key, entry, None, reasons.get(state, "no dataset analysis")))
            continue
        try:
            row = estimate_for_plan(
                plan, entry, analysis, today=today, time_model=time_model, currency=currency, rates=rates
            )
        except UserError as exc:
            rows.append(ModelRow(entry.key, entry, None, str(exc)))
            warnings.append(PlanWarning(W_ESTIMATE_FAILED, str(exc), entry.key))
            continue
        rows.append(ModelRow(entry.key, entry, row))
        warnings.extend(_model_warnings(row, today))

    _step(progress, cancel, 0.6, "roi")
    scenario = plan_scenario(plan, source, catalog_lookup(catalog))
    start = scenario.start if scenario is not None else today
    horizon = scenario.horizon_months if scenario is not None else plan.months
    horizon_end = add_months(start, horizon)
    recommendation = recommend(tuple(rows), plan.chosen_model, horizon_end)
    chosen = next((row for row in rows if row.key == recommendation.model), None)
    linked: tuple[LinkedInput, ...] = ()
    roi = None
    compared: tuple[ApproachResult, ...] = ()
    if scenario is not None:
        scenario = scenario_in_currency(scenario, currency, rates)
        scenario, linked = link_scenario(
            scenario, chosen.estimate if chosen else None, plan.roi_overrides, rates, source
        )
        lookup = catalog_lookup(catalog, traffic=plan_traffic(plan), currency=currency, rates=rates)
        share = 0.35 if approaches else 0.4

        def step(fraction: float) -> None:
            _step(progress, cancel, 0.6 + share * fraction, "roi")

        try:
            roi = evaluate_scenario(scenario, lookup, draws, seed, step, cancel)
        except UserError as exc:
            raise UserError(f"{source}: scenario: {exc}") from None
        if approaches:

            def later(fraction: float) -> None:
                _step(progress, cancel, 0.95 + 0.05 * fraction, "approaches")

            compared = tuple(
                compare_approaches(scenario, lookup, draws=draws, seed=seed, progress=later, cancel=cancel)
            )
    if roi is None:
        warnings.append(PlanWarning(W_NO_SCENARIO, "the plan has no ROI scenario"))
    else:
        warnings.extend(PlanWarning(W_ROI, text) for text in roi.warnings)
    risks = _risks(chosen, horizon_end, dataset, roi, warnings)
    _step(progress, cancel, 1.0, "done")
    return PlanEvaluation(
        plan_name=plan.name,
        plan_description=plan.description,
        plan_path=str(plan_path) if plan_path is not None else "",
        generated=datetime.now().replace(microsecond=0),
        today=today,
        currency=currency,
        months=plan.months,
        epochs=plan.epochs,
        traffic=plan_traffic(plan),
        dataset=dataset,
        rows=tuple(rows),
        recommendation=recommendation,
        scenario=scenario,
        linked=linked,
        roi=roi,
        approaches=compared,
        inputs=_inputs(roi) if roi is not None else (),
        summary=_summary(currency, chosen, recommendation, roi, risks),
        warnings=tuple(warnings),
        exchange_rate=money.rate,
        rate_set_on=money.set_on,
        analyses=found if state == ANALYSED else {},
    )


# ---------------------------------------------------------------------------------------------- JSON


def evaluation_to_dict(evaluation: PlanEvaluation) -> dict[str, Any]:
    """The evaluation as ``ftplanner plan --json`` prints it (``ftplanner report --json`` holds the same).

    ``models`` rows carry the keys and values of ``ftplanner estimate --json``; ``roi`` is ``ftplanner roi
    --json``'s result plus the linked inputs.
    """
    rec = evaluation.recommendation
    models: list[dict[str, Any]] = []
    for row in evaluation.rows:
        item = row.estimate.to_dict() if row.estimate is not None else {"model": row.key}
        item["error"] = row.error
        models.append(item)
    roi: dict[str, Any] | None = None
    if evaluation.roi is not None:
        roi = result_to_dict(evaluation.roi)
    if roi is not None or evaluation.linked:
        roi = {**(roi or {}), "linked": [link.to_dict() for link in evaluation.linked]}
    return {
        "plan": {
            "name": evaluation.plan_name,
            "description": evaluation.plan_description,
            "path": evaluation.plan_path,
            "months": evaluation.months,
            "epochs": evaluation.epochs,
        },
        "today": evaluation.today.isoformat(),
        "currency": evaluation.currency,
        "exchange_rate": decimal_text(evaluation.exchange_rate),
        "rate_set_on": evaluation.rate_set_on.isoformat() if evaluation.rate_set_on else None,
        "summary": evaluation.summary.to_dict(),
        "recommendation": {
            "model": rec.model,
            "chosen_by": rec.chosen_by,
            "code": rec.code,
            "reason": rec.text,
        },
        "models": models,
        "roi": roi,
        "warnings": [w.to_dict() for w in evaluation.warnings],
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def json_text(data: Mapping[str, Any]) -> str:
    return json.dumps(_jsonable(data), indent=2, ensure_ascii=False)
