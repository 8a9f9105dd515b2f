"""Which model a plan goes with, why, what could go wrong, and the summary's figures.

:func:`recommend` picks the user's model, or the cheapest launchable one that fits the per-example limit and is
served through the plan's horizon; :func:`risks_of` lists the top risks; :func:`summarise` gathers the answer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ftplanner.core.estimate import Estimate
from ftplanner.core.money import json_value
from ftplanner.core.roi import RoiResult

# How the model was chosen.
CHOSEN_BY_USER = "user"
RECOMMENDED = "recommended"
NO_MODEL = "none"


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
                out[name] = json_value(value)
        return out


def _lives_through(row: Estimate, horizon_end: date) -> bool:
    return row.retires_on is None or row.retires_on >= horizon_end


def _cost_key(row: Estimate) -> tuple[bool, Decimal]:
    total = row.tco if row.tco is not None else row.training_cost
    return (not row.tco_includes_inference, total if total is not None else Decimal("Infinity"))


@dataclass(frozen=True)
class _Row:
    key: str
    estimate: Estimate


def recommend(rows: Sequence[tuple[str, Estimate | None]], chosen: str, horizon_end: date) -> Recommendation:
    """The user's model when it has an estimate; else the cheapest launchable model that fits the
    per-example limit and lives through the horizon (relaxing the last two, in that order, when none does).

    Cheapest means the lowest total cost of ownership over the plan's months, models whose inference price
    is known first.
    """
    estimated = [_Row(key, est) for key, est in rows if est is not None]
    if chosen:
        found = next((row for row in estimated if row.key == chosen), None)
        if found is not None:
            return Recommendation(found.key, CHOSEN_BY_USER, "user_choice", "chosen by you")
    priced = [r for r in estimated if r.estimate.training_cost is not None and r.estimate.launchable]
    if not priced:
        if chosen:
            return Recommendation(
                None, NO_MODEL, "chosen_missing", f"{chosen} is not compared", {"model": chosen}
            )
        text = "no compared model can be launched with a known price" if rows else "no model compared"
        return Recommendation(None, NO_MODEL, "no_candidate" if rows else "no_models", text)
    fits = [r for r in priced if not r.estimate.over_limit_examples]
    lives = [r for r in fits if _lives_through(r.estimate, horizon_end)]
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
            best = min(pool, key=lambda r: _cost_key(r.estimate))
            return Recommendation(best.key, RECOMMENDED, code, text, {"horizon_end": horizon_end})
    raise AssertionError("unreachable")


def risks_of(
    est: Estimate | None,
    horizon_end: date,
    *,
    data_errors: int,
    missing_dataset: str,
    roi: RoiResult | None,
    rate_stale: bool,
) -> tuple[Risk, ...]:
    """The top risks of going with ``est``: lifecycle, prices, token counts, data, ROI, exchange rate."""
    risks: list[Risk] = []
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
    if data_errors:
        risks.append(Risk("data_errors", f"{data_errors} line(s) with data errors", {"count": data_errors}))
    if missing_dataset:
        risks.append(
            Risk("dataset_missing", f"dataset not found: {missing_dataset}", {"path": missing_dataset})
        )
    if roi is not None and roi.monte_carlo.prob_roi_positive < 0.5:
        risks.append(
            Risk(
                "roi_unlikely",
                f"ROI is positive in only {roi.monte_carlo.prob_roi_positive:.0%} of the simulated outcomes",
                {"chance": roi.monte_carlo.prob_roi_positive},
            )
        )
    if rate_stale:
        risks.append(Risk("rate_stale", "the exchange rate is more than 30 days old"))
    return tuple(risks)


def summarise(
    currency: str,
    est: Estimate | None,
    provider: str,
    recommendation: Recommendation,
    roi: RoiResult | None,
    risks: tuple[Risk, ...],
) -> PlanSummary:
    """The summary's figures: the chosen estimate's costs and time, the ROI's P10/P50/P90, the risks."""
    running = None
    if est is not None and est.inference_cost_per_month is not None:
        running = est.inference_cost_per_month + est.hosting_cost_per_month
    mc = roi.monte_carlo if roi is not None else None
    return PlanSummary(
        currency=currency,
        model=recommendation.model,
        display_name=est.display_name if est is not None else "",
        provider=provider,
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
