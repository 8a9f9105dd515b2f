"""One call from a scenario to every ROI figure, and its JSON-ready form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ftplanner.core.roi.cashflow import Deterministic, FlowModel, deterministic
from ftplanner.core.roi.montecarlo import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    CancelFlag,
    MonteCarloResult,
    Percentiles,
    ProgressCallback,
    simulate,
)
from ftplanner.core.roi.scenario import ModelLookup, Scenario
from ftplanner.core.roi.schedule import Schedule, build_schedule
from ftplanner.core.roi.sensitivity import TornadoBar, tornado


@dataclass(frozen=True)
class RoiResult:
    """Deterministic figures, Monte Carlo summary, tornado and warnings of one scenario."""

    scenario: Scenario
    schedule: Schedule
    deterministic: Deterministic
    monte_carlo: MonteCarloResult
    tornado: tuple[TornadoBar, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.schedule.warnings


def evaluate_scenario(
    scenario: Scenario,
    lookup: ModelLookup | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> RoiResult:
    """Evaluate ``scenario``: deterministic figures, ``draws`` Monte Carlo draws and the tornado.

    ``progress``/``cancel`` are passed to :func:`~ftplanner.core.roi.montecarlo.simulate`.
    """
    schedule = build_schedule(scenario, lookup)
    model = FlowModel(schedule)
    return RoiResult(
        scenario=scenario,
        schedule=schedule,
        deterministic=deterministic(model),
        monte_carlo=simulate(model, draws, seed, progress, cancel),
        tornado=tornado(model),
    )


def _money(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _ratio(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else round(value, digits)


def _pct(p: Percentiles, digits: int = 2) -> dict[str, float | None]:
    return {k: _ratio(getattr(p, k), digits) for k in ("p10", "p50", "p90")}


def _iso(day: date) -> str:
    return day.isoformat()


def result_to_dict(result: RoiResult) -> dict[str, Any]:
    """A JSON-ready dict: money rounded to cents, ROI % to 2 decimals, rates and probabilities to 6."""
    det, mc, s = result.deterministic, result.monte_carlo, result.scenario
    return {
        "name": s.name,
        "currency": s.currency,
        "start": _iso(s.start),
        "horizon_months": s.horizon_months,
        "discount_rate_annual": float(s.discount_rate_annual),
        "npv": _money(det.npv),
        "roi_pct": _ratio(det.roi_pct, 2),
        "irr_annual": _ratio(det.irr_annual),
        "irr_monthly": _ratio(det.irr_monthly),
        "payback_month": det.payback_month,
        "total_cost": _money(det.total_cost),
        "total_benefit": _money(det.total_benefit),
        "monthly": [
            {
                "month": row.month,
                "date": _iso(row.date),
                "cost": _money(row.cost),
                "benefit": _money(row.benefit),
                "net": _money(row.net),
                "cumulative": _money(row.cumulative),
            }
            for row in det.monthly
        ],
        "monte_carlo": {
            "draws": mc.draws,
            "seed": mc.seed,
            "npv": _pct(mc.npv),
            "roi_pct": _pct(mc.roi_pct),
            "payback_month": {
                "p10": mc.payback_month.p10,
                "p50": mc.payback_month.p50,
                "p90": mc.payback_month.p90,
            },
            "prob_roi_positive": _ratio(mc.prob_roi_positive),
            "prob_npv_positive": _ratio(mc.prob_npv_positive),
            "prob_payback": _ratio(mc.prob_payback),
            "npv_mean": _money(mc.npv_mean),
            "fan": {
                "draws": mc.fan_draws,
                "months": [
                    {"month": p.month, "p10": _money(p.p10), "p50": _money(p.p50), "p90": _money(p.p90)}
                    for p in mc.fan
                ],
            },
            "npv_histogram": {
                "edges": [_money(e) for e in mc.histogram.edges],
                "counts": list(mc.histogram.counts),
            },
        },
        "tornado": [
            {
                "name": bar.name,
                "side": bar.side,
                "input_low": _money(bar.input_low),
                "input_high": _money(bar.input_high),
                "npv_low": _money(bar.npv_low),
                "npv_high": _money(bar.npv_high),
            }
            for bar in result.tornado
        ],
        "warnings": list(result.warnings),
    }
