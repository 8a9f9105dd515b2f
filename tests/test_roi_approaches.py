"""Prompt engineering vs RAG vs fine-tuning on one benefit model."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ftplanner.core.roi.amounts import PERT, Amount
from ftplanner.core.roi.approaches import (
    FINE_TUNING,
    PRESETS,
    PROMPT_ENGINEERING,
    RAG,
    approach_scenario,
    compare_approaches,
    preset,
)
from ftplanner.core.roi.scenario import MONTHLY, ONE_OFF, Item, ModelFacts, ModelPlan, Scenario

BASE = Scenario(
    "Triage",
    24,
    Decimal("0.08"),
    date(2026, 12, 1),
    costs=(Item("Own setup", ONE_OFF, Amount.fixed(Decimal(1234))),),
    benefits=(
        Item("Saved", MONTHLY, Amount(PERT, Decimal(2000), Decimal(4000), Decimal(5000)), ramp_months=2),
    ),
)


def test_presets_follow_the_comparison_table() -> None:
    assert [p.key for p in PRESETS] == [PROMPT_ENGINEERING, RAG, FINE_TUNING]
    assert [p.cost_level for p in PRESETS] == ["low", "medium", "high"]
    assert [p.maintenance for p in PRESETS] == ["easy", "medium", "complex"]
    assert [p.accuracy for p in PRESETS] == ["medium", "high", "highest"]
    assert [p.benefit_share for p in PRESETS] == sorted(p.benefit_share for p in PRESETS)


def test_preset_costs_rise_with_the_cost_level() -> None:
    results = compare_approaches(BASE, draws=500, seed=1)
    costs = [r.result.deterministic.total_cost for r in results]
    assert costs == sorted(costs)
    assert not any(r.as_written for r in results)


def test_benefits_are_scaled_and_ramped_per_approach() -> None:
    pe = approach_scenario(BASE, preset(PROMPT_ENGINEERING))
    ft = approach_scenario(BASE, preset(FINE_TUNING))
    assert pe.benefits[0].amount.likely == Decimal("2400.0")
    assert pe.benefits[0].ramp_months == 2  # at least the preset's 1 month: the item's own 2 stays
    assert ft.benefits[0].amount.likely == Decimal("4000.0") and ft.benefits[0].ramp_months == 3
    assert pe.costs == preset(PROMPT_ENGINEERING).costs
    assert ft.costs == preset(FINE_TUNING).costs + preset(FINE_TUNING).without_model


def test_own_approach_is_used_as_written_and_others_are_relative_to_it() -> None:
    base = Scenario(
        BASE.name,
        24,
        BASE.discount_rate_annual,
        BASE.start,
        costs=BASE.costs,
        benefits=BASE.benefits,
        approach=FINE_TUNING,
        model=ModelPlan("m", training_cost=Amount.fixed(Decimal(60))),
    )
    results = compare_approaches(base, lookup=lambda m: ModelFacts(m), draws=300, seed=1)
    assert [r.as_written for r in results] == [False, False, True]
    assert results[2].scenario is base
    rag = approach_scenario(base, preset(RAG))
    assert rag.model is None
    assert rag.benefits[0].amount.likely == Decimal("3400.00")
    assert approach_scenario(rag, preset(FINE_TUNING)).model is None


def test_comparison_uses_common_random_numbers_for_benefits() -> None:
    seen: list[float] = []
    results = compare_approaches(BASE, draws=1_000, seed=4, progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert len(results) == 3
