"""Tornado: one bar per uncertain input, swung low/high with the others at likely, widest first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from ftplanner.core.roi.amounts import PERT, Amount
from ftplanner.core.roi.cashflow import FlowModel, deterministic
from ftplanner.core.roi.scenario import MONTHLY, ONE_OFF, Item, Scenario
from ftplanner.core.roi.schedule import build_schedule
from ftplanner.core.roi.sensitivity import tornado


def three(low: int, likely: int, high: int) -> Amount:
    return Amount(PERT, Decimal(low), Decimal(likely), Decimal(high))


S = Scenario(
    "t",
    12,
    Decimal("0.1"),
    date(2027, 1, 1),
    costs=(
        Item("Data", ONE_OFF, three(3000, 5000, 9000)),
        Item("Fixed ops", MONTHLY, Amount.fixed(Decimal(100))),
        Item("Ops", MONTHLY, three(150, 200, 260)),
    ),
    benefits=(Item("Saved", MONTHLY, three(2000, 4000, 5000), ramp_months=3),),
)


def npv_with(item_index: tuple[str, int], value: int) -> float:
    side, index = item_index
    items = list(getattr(S, side))
    items[index] = replace(items[index], amount=Amount.fixed(Decimal(value)))
    s = replace(S, **{side: tuple(items)})
    return deterministic(FlowModel(build_schedule(s))).npv


def test_bars_match_one_at_a_time_evaluation_and_are_sorted() -> None:
    bars = tornado(FlowModel(build_schedule(S)))
    assert [bar.name for bar in bars] == ["Saved", "Data", "Ops"]
    swings = [bar.swing for bar in bars]
    assert swings == sorted(swings, reverse=True)
    saved, data, ops = bars
    assert saved.npv_low == pytest.approx(npv_with(("benefits", 0), 2000), rel=1e-12)
    assert saved.npv_high == pytest.approx(npv_with(("benefits", 0), 5000), rel=1e-12)
    assert data.npv_low == pytest.approx(npv_with(("costs", 0), 3000), rel=1e-12)
    assert data.npv_high == pytest.approx(npv_with(("costs", 0), 9000), rel=1e-12)
    assert data.npv_low > data.npv_high  # a cost at its low value leaves more NPV
    assert (ops.input_low, ops.input_high, ops.side) == (150.0, 260.0, "cost")


def test_fixed_inputs_have_no_bar() -> None:
    fixed = replace(S, costs=(S.costs[1],), benefits=())
    assert tornado(FlowModel(build_schedule(fixed))) == ()
