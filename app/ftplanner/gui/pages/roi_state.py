"""ROI page data without widgets: the background evaluation and formatting.

The plan keeps its scenario as :mod:`ftplanner.core.roi.plan_json` describes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ftplanner.core.catalog import Catalog
from ftplanner.core.errors import UserError
from ftplanner.core.estimate import TrafficProfile
from ftplanner.core.money import ExchangeRates, format_money
from ftplanner.core.paths import resource
from ftplanner.core.plan import Plan
from ftplanner.core.roi import (
    ModelLookup,
    RoiResult,
    Scenario,
    compare_approaches,
    evaluate_scenario,
    loads_scenario,
    result_to_dict,
)
from ftplanner.core.roi_catalog import catalog_lookup

EXAMPLES = ("prompt_engineering", "rag", "fine_tuning")
DEFAULT_EXAMPLE = "fine_tuning"


def bundled_scenario(name: str = DEFAULT_EXAMPLE) -> Scenario:
    """One of the bundled example scenarios (see :data:`EXAMPLES`)."""
    text = resource("scenarios", f"{name}.toml").read_text(encoding="utf-8")
    return loads_scenario(text, f"{name}.toml")


# ---------------------------------------------------------------------------------------- model lookup


def traffic_profile(plan: Plan) -> TrafficProfile | None:
    """The plan's traffic as the estimator takes it; ``None`` when it is not usable."""
    t = plan.traffic
    try:
        return TrafficProfile(
            requests_per_month=int(t.requests_per_month),
            input_tokens=int(t.input_tokens),
            output_tokens=int(t.output_tokens),
            cached_share=t.cached_share,
            batch_share=t.batch_share,
        )
    except UserError:
        return None


def plan_lookup(
    catalog: Catalog, plan: Plan, currency: str, rates: ExchangeRates, scenario: Scenario | None = None
) -> ModelLookup:
    """The catalog lookup for ``plan``'s traffic with money in ``currency``; UserError for a bad code.

    When ``scenario`` sets its own ``model.inference_per_month``, the catalog's inference is not needed
    (nor an exchange rate to convert it), so the lookup leaves it out.
    """
    own_inference = scenario is not None and scenario.model is not None and scenario.model.inference_per_month
    traffic = None if own_inference else traffic_profile(plan)
    return catalog_lookup(catalog, traffic=traffic, currency=currency, rates=rates)


# ------------------------------------------------------------------------------------------ evaluation


@dataclass(frozen=True)
class ApproachFigures:
    """One column of the approach comparison."""

    key: str
    cost_level: str
    accuracy: str
    maintenance: str
    as_written: bool
    figures: dict[str, Any]


@dataclass(frozen=True)
class RoiOutcome:
    """Everything the page shows for one scenario: the core result, its JSON-ready figures, the comparison."""

    scenario: Scenario
    result: RoiResult
    figures: dict[str, Any]
    approaches: tuple[ApproachFigures, ...]


def evaluate(
    scenario: Scenario,
    lookup: ModelLookup,
    draws: int,
    seed: int,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RoiOutcome:
    """The scenario's result and the three-approach comparison (same draws and seed as ``ftplanner roi``)."""

    def report(share: float, offset: float) -> Callable[[float], None]:
        def step(fraction: float) -> None:
            if progress is not None:
                progress(offset + share * fraction, "")

        return step

    result = evaluate_scenario(scenario, lookup, draws, seed, report(0.4, 0.0), cancelled)
    comparison = compare_approaches(
        scenario, lookup, draws=draws, seed=seed, progress=report(0.6, 0.4), cancel=cancelled
    )
    approaches = tuple(
        ApproachFigures(
            a.preset.key,
            a.preset.cost_level,
            a.preset.accuracy,
            a.preset.maintenance,
            a.as_written,
            result_to_dict(a.result),
        )
        for a in comparison
    )
    return RoiOutcome(scenario, result, result_to_dict(result), approaches)


# ------------------------------------------------------------------------------------------ formatting


def money(value: float | None, currency: str) -> str:
    """A result figure (float from the core's JSON-ready dict) in ``currency``; ``—`` when undefined."""
    return format_money(None if value is None else Decimal(str(value)), currency)


def decimal_or_text(text: str) -> Decimal | str:
    """An amount typed by the user: a Decimal, or the text itself so the core names what is wrong."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return text.strip()
    return value if value.is_finite() else text.strip()


def int_or_text(text: str) -> int | str:
    """A whole number typed by the user, or the text itself so the core names what is wrong."""
    cleaned = text.strip()
    try:
        return int(cleaned)
    except ValueError:
        return cleaned


def plain_number(value: Any) -> str:
    """A TOML number as the editor shows it (``5000``, ``0.08``); other values as their text."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    if isinstance(value, float):
        return plain_number(Decimal(repr(value)))
    return str(value)
