"""Monte Carlo: fixed inputs collapse to the deterministic result, seeds reproduce, blocks, progress, cancel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from ftplanner.core.errors import Cancelled
from ftplanner.core.roi import montecarlo
from ftplanner.core.roi.amounts import LOGNORMAL, PERT, TRIANGULAR, Amount
from ftplanner.core.roi.cashflow import FlowModel, deterministic
from ftplanner.core.roi.engine import evaluate_scenario, result_to_dict
from ftplanner.core.roi.montecarlo import simulate
from ftplanner.core.roi.scenario import MONTHLY, ONE_OFF, Item, Scenario
from ftplanner.core.roi.schedule import build_schedule


def three(low: int, likely: int, high: int, dist: str = PERT) -> Amount:
    return Amount(dist, Decimal(low), Decimal(likely), Decimal(high))


UNCERTAIN = Scenario(
    "u",
    24,
    Decimal("0.08"),
    date(2026, 12, 1),
    costs=(
        Item("Data", ONE_OFF, three(3000, 5000, 9000)),
        Item("Ops", MONTHLY, three(100, 200, 400, TRIANGULAR)),
        Item("Review", ONE_OFF, Amount.fixed(Decimal(700)), month=2),
    ),
    benefits=(
        Item("Saved", MONTHLY, three(2000, 4000, 5000), ramp_months=3),
        Item("Upsell", MONTHLY, Amount(LOGNORMAL, Decimal(250), Decimal(500), Decimal(1000)), start_month=6),
    ),
)


def fixed_version(s: Scenario) -> Scenario:
    def fix(item: Item) -> Item:
        return replace(item, amount=Amount.fixed(item.amount.likely))

    return replace(s, costs=tuple(map(fix, s.costs)), benefits=tuple(map(fix, s.benefits)))


def model_of(s: Scenario) -> FlowModel:
    return FlowModel(build_schedule(s))


def test_fixed_inputs_collapse_to_the_deterministic_result() -> None:
    model = model_of(fixed_version(UNCERTAIN))
    det = deterministic(model)
    mc = simulate(model, draws=5_000, seed=7)
    assert mc.npv.p10 == mc.npv.p50 == mc.npv.p90 == det.npv
    assert mc.roi_pct.p10 == mc.roi_pct.p50 == mc.roi_pct.p90 == det.roi_pct
    assert mc.payback_month.p10 == mc.payback_month.p50 == mc.payback_month.p90 == det.payback_month
    assert mc.prob_npv_positive == 1.0 and mc.prob_roi_positive == 1.0 and mc.prob_payback == 1.0
    for point, row in zip(mc.fan, det.monthly, strict=True):
        assert point.p10 == point.p50 == point.p90 == row.cumulative
    assert sum(mc.histogram.counts) == 5_000


def test_fixed_inputs_that_never_pay_back() -> None:
    s = replace(fixed_version(UNCERTAIN), benefits=())
    mc = simulate(model_of(s), draws=100)
    assert mc.payback_month.p10 is None and mc.payback_month.p90 is None
    assert mc.prob_roi_positive == 0.0 and mc.prob_payback == 0.0
    assert mc.roi_pct.p50 == -100.0


def test_same_seed_same_numbers_other_seed_other_numbers() -> None:
    a = simulate(model_of(UNCERTAIN), draws=3_000, seed=42)
    b = simulate(model_of(UNCERTAIN), draws=3_000, seed=42)
    c = simulate(model_of(UNCERTAIN), draws=3_000, seed=43)
    assert a == b
    assert a.npv != c.npv


def test_results_do_not_depend_on_block_size(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = simulate(model_of(UNCERTAIN), draws=5_000, seed=1)
    monkeypatch.setattr(montecarlo, "BLOCK_CELLS", 1_000 * 25)  # blocks of 1,000 draws
    progress: list[float] = []
    blocked = simulate(model_of(UNCERTAIN), draws=5_000, seed=1, progress=progress.append)
    assert blocked == whole
    assert progress == [0.2, 0.4, 0.6, 0.8, 1.0]


def test_other_lines_keep_their_draws_when_one_is_added() -> None:
    base = model_of(UNCERTAIN)
    extra = replace(UNCERTAIN, costs=(*UNCERTAIN.costs, Item("New", MONTHLY, three(1, 2, 3))))
    a = simulate(base, draws=2_000, seed=5)
    b = simulate(model_of(extra), draws=2_000, seed=5)
    # every draw of b costs between 24 × 1 and 24 × 3 more, discounted, than the same draw of a
    assert a.npv.p50 is not None and b.npv.p50 is not None
    assert 0 < a.npv.p50 - b.npv.p50 < 3 * 24


def test_percentiles_are_ordered_and_plausible() -> None:
    model = model_of(UNCERTAIN)
    mc = simulate(model, draws=20_000, seed=3)
    det = deterministic(model)
    assert mc.npv.p10 < mc.npv.p50 < mc.npv.p90
    assert mc.roi_pct.p10 < mc.roi_pct.p50 < mc.roi_pct.p90
    assert mc.payback_month.p10 <= mc.payback_month.p50 <= mc.payback_month.p90
    assert mc.npv.p10 < det.npv < mc.npv.p90
    assert 0.9 < mc.prob_npv_positive <= 1.0
    for point in mc.fan:
        assert point.p10 <= point.p50 <= point.p90
    assert mc.fan_draws == 20_000 and len(mc.fan) == 25
    assert len(mc.histogram.edges) == len(mc.histogram.counts) + 1


def test_fan_uses_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(montecarlo, "FAN_MAX_DRAWS", 500)
    mc = simulate(model_of(UNCERTAIN), draws=2_000, seed=3)
    assert mc.fan_draws == 500 and mc.draws == 2_000


def test_cancel_raises_between_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(montecarlo, "BLOCK_CELLS", 1_000 * 25)
    calls: list[float] = []

    def cancel() -> bool:
        return len(calls) >= 2

    with pytest.raises(Cancelled):
        simulate(model_of(UNCERTAIN), draws=10_000, progress=calls.append, cancel=cancel)
    assert calls == [0.1, 0.2]


def test_draw_limits() -> None:
    model = model_of(UNCERTAIN)
    with pytest.raises(ValueError, match="draws must be between 1 and 1,000,000"):
        simulate(model, draws=0)
    with pytest.raises(ValueError):
        simulate(model, draws=1_000_001)
    assert simulate(model, draws=1).draws == 1


def test_engine_and_json_shape() -> None:
    result = evaluate_scenario(UNCERTAIN, draws=2_000, seed=9)
    data = result_to_dict(result)
    for key in (
        "npv",
        "roi_pct",
        "irr_annual",
        "payback_month",
        "monthly",
        "monte_carlo",
        "tornado",
        "warnings",
    ):
        assert key in data
    assert data["monthly"][0] == {
        "month": 0,
        "date": "2026-12-01",
        "cost": 5000.0,
        "benefit": 0.0,
        "net": -5000.0,
        "cumulative": -5000.0,
    }
    mc = data["monte_carlo"]
    assert mc["draws"] == 2_000 and mc["seed"] == 9
    assert set(mc["npv"]) == set(mc["roi_pct"]) == set(mc["payback_month"]) == {"p10", "p50", "p90"}
    assert 0 <= mc["prob_roi_positive"] <= 1 and 0 <= mc["prob_npv_positive"] <= 1
    assert len(mc["fan"]["months"]) == 25
    assert {"name", "npv_low", "npv_high"} <= set(data["tornado"][0])


def test_engine_reports_progress_and_is_reproducible() -> None:
    seen: list[float] = []
    a = evaluate_scenario(UNCERTAIN, draws=1_500, seed=2, progress=seen.append)
    b = evaluate_scenario(UNCERTAIN, draws=1_500, seed=2)
    assert seen[-1] == 1.0
    assert result_to_dict(a) == result_to_dict(b)
    assert np.isfinite(a.deterministic.npv)
