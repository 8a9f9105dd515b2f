"""What a plan evaluation starts from: the plan's traffic, scenario, catalog and currency, and the one call that
estimates a model under the plan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ftplanner.core.catalog import LAYER_PLAN, Catalog, ModelEntry, load_catalog
from ftplanner.core.display import default_method
from ftplanner.core.errors import UserError
from ftplanner.core.estimate import Estimate, TrafficProfile, estimate
from ftplanner.core.messages import message_of, msg
from ftplanner.core.money import BASE_CURRENCY, ExchangeRates, check_currency
from ftplanner.core.plan import Plan
from ftplanner.core.result import AnalysisResult, Histogram
from ftplanner.core.roi import Scenario
from ftplanner.core.roi.plan_json import scenario_from_plan
from ftplanner.core.roi.scenario import ModelLookup
from ftplanner.core.timemodel import TimeModel


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
        raise UserError(msg("plan.scenario", exc.field, path=source, message=exc.message)) from None


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
            raise UserError(msg("plan.currency_problem", problem=message_of(exc))) from None
        problem = msg("plan.currency_fallback", problem=message_of(exc))
        return CurrencyChoice(BASE_CURRENCY, Decimal(1), None, False, problem)
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

    def count(key: str, default: int = 0) -> int:  # whole numbers ≥ 0, checked when the plan was read
        return int(summary.get(key, default))

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
