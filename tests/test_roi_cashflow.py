"""The definitions: month 0, monthly rate, NPV, ROI, IRR, payback, ramps; checked against numpy_financial."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ftplanner.core.roi.amounts import PERT, Amount
from ftplanner.core.roi.cashflow import FlowModel, annualise, deterministic, irr_monthly
from ftplanner.core.roi.scenario import MONTHLY, ONE_OFF, Item, Scenario
from ftplanner.core.roi.schedule import build_schedule, item_pattern


def three(low: int, likely: int, high: int) -> Amount:
    return Amount(PERT, Decimal(low), Decimal(likely), Decimal(high))


def fixed(value: float | int | str) -> Amount:
    return Amount.fixed(Decimal(str(value)))


def scenario(
    costs: tuple[Item, ...], benefits: tuple[Item, ...], horizon: int = 12, rate: str = "0.08"
) -> Scenario:
    return Scenario("t", horizon, Decimal(rate), date(2026, 12, 1), costs=costs, benefits=benefits)


def run(s: Scenario):
    return deterministic(FlowModel(build_schedule(s)))


EXAMPLE = scenario(
    (Item("Data", ONE_OFF, three(3000, 5000, 9000)), Item("Ops", MONTHLY, three(100, 200, 400))),
    (Item("Saved", MONTHLY, three(2000, 4000, 5000), ramp_months=3),),
    horizon=24,
)


def test_month_zero_holds_one_offs_and_monthly_items_run_from_month_one() -> None:
    d = run(EXAMPLE)
    assert len(d.monthly) == 25
    assert d.monthly[0].cost == 5000 and d.monthly[0].benefit == 0
    assert [row.cost for row in d.monthly[1:]] == [200.0] * 24
    assert d.monthly[0].date == date(2026, 12, 1) and d.monthly[2].date == date(2027, 2, 1)


def test_ramp() -> None:
    d = run(EXAMPLE)
    assert [row.benefit for row in d.monthly[:6]] == pytest.approx([0, 4000 / 3, 8000 / 3, 4000, 4000, 4000])
    item = Item("x", MONTHLY, fixed(1), ramp_months=0)
    assert item_pattern(item, 3) == (0.0, 1.0, 1.0, 1.0)
    ramp4 = Item("x", MONTHLY, fixed(1), ramp_months=4, start_month=3, end_month=8)
    assert item_pattern(ramp4, 10) == (0, 0, 0, 0.25, 0.5, 0.75, 1, 1, 1, 0, 0)


def test_monthly_rate_and_npv_match_numpy_financial() -> None:
    d = run(EXAMPLE)
    rate_m = 1.08 ** (1 / 12) - 1
    assert build_schedule(EXAMPLE).rate_monthly == pytest.approx(rate_m, rel=1e-15)
    net = [row.net for row in d.monthly]
    assert d.npv == pytest.approx(npf.npv(rate_m, net), rel=1e-12)
    assert d.npv == pytest.approx(sum(v / (1 + rate_m) ** t for t, v in enumerate(net)), rel=1e-12)


def test_irr_matches_numpy_financial_and_is_annualised() -> None:
    d = run(EXAMPLE)
    net = [row.net for row in d.monthly]
    expected = npf.irr(net)
    assert d.irr_monthly == pytest.approx(expected, rel=1e-9)
    assert d.irr_annual == pytest.approx((1 + expected) ** 12 - 1, rel=1e-9)
    assert npf.npv(d.irr_monthly, net) == pytest.approx(0, abs=1e-6)


def test_roi_is_undiscounted_over_the_horizon() -> None:
    d = run(EXAMPLE)
    costs = 5000 + 24 * 200
    benefits = 4000 / 3 + 8000 / 3 + 22 * 4000
    assert d.total_cost == pytest.approx(costs)
    assert d.total_benefit == pytest.approx(benefits)
    assert d.roi_pct == pytest.approx((benefits - costs) / costs * 100)


def test_payback_is_first_month_with_cumulative_net_at_or_above_zero() -> None:
    d = run(EXAMPLE)
    cumulative = np.cumsum([row.net for row in d.monthly])
    expected = int(np.argmax(cumulative >= 0))
    assert d.payback_month == expected == 3
    assert cumulative[expected - 1] < 0
    assert [row.cumulative for row in d.monthly] == pytest.approx(list(cumulative))


def test_payback_exactly_at_break_even() -> None:
    s = scenario((Item("Setup", ONE_OFF, fixed(300)),), (Item("Saved", MONTHLY, fixed(100)),))
    assert run(s).payback_month == 3


def test_payback_waits_for_the_first_cost() -> None:
    s = scenario((Item("Late setup", ONE_OFF, fixed(500), month=4),), (Item("Saved", MONTHLY, fixed(100)),))
    d = run(s)
    assert d.payback_month == 5  # cumulative ≥ 0 from month 1, but the first cost is paid in month 4
    assert run(scenario((), (Item("Saved", MONTHLY, fixed(100)),))).payback_month is None


def test_no_payback_no_irr_when_it_never_pays() -> None:
    s = scenario((Item("Setup", ONE_OFF, fixed(10_000)),), (Item("Saved", MONTHLY, fixed(100)),))
    d = run(s)
    assert d.payback_month is None
    assert d.roi_pct == pytest.approx((1200 - 10_000) / 10_000 * 100)
    assert d.irr_annual == pytest.approx((1 + npf.irr([r.net for r in d.monthly])) ** 12 - 1, rel=1e-9)
    only_costs = scenario((Item("Setup", ONE_OFF, fixed(10)), Item("Ops", MONTHLY, fixed(1))), ())
    d = run(only_costs)
    assert d.irr_annual is None and d.irr_monthly is None and d.payback_month is None
    assert d.roi_pct == -100


def test_roi_undefined_without_costs() -> None:
    d = run(scenario((), (Item("Saved", MONTHLY, fixed(100)),)))
    assert d.roi_pct is None and d.irr_annual is None
    assert d.npv > 0


def test_zero_rate_npv_is_the_plain_sum() -> None:
    d = run(scenario((Item("Setup", ONE_OFF, fixed(1000)),), (Item("Saved", MONTHLY, fixed(100)),), rate="0"))
    assert d.npv == pytest.approx(200)


def test_irr_edge_cases() -> None:
    assert irr_monthly(np.array([0.0, 0.0])) is None
    assert irr_monthly(np.array([-100.0, 0.0, 0.0])) is None
    assert irr_monthly(np.array([-100.0, 110.0, 0.0, 0.0])) == pytest.approx(0.1)
    assert annualise(None) is None


flows = st.lists(st.integers(min_value=-5_000, max_value=5_000), min_size=3, max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1_000, max_value=50_000), flows)
def test_irr_agrees_with_numpy_financial_on_conventional_flows(outlay: int, rest: list[int]) -> None:
    values = np.array([-outlay] + [abs(v) for v in rest], dtype=float)
    ours = irr_monthly(values)
    theirs = npf.irr(values)
    if np.isnan(theirs):
        assert ours is None or abs(npf.npv(ours, values)) < 1e-6 * outlay
    else:
        assert ours == pytest.approx(theirs, rel=1e-6, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=120),
    st.decimals(min_value=0, max_value=1, places=3),
    st.integers(min_value=0, max_value=100_000),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=0, max_value=12),
)
def test_npv_agrees_with_numpy_financial(
    horizon: int, rate: Decimal, setup: int, monthly: int, ramp: int
) -> None:
    s = scenario(
        (Item("Setup", ONE_OFF, fixed(setup)), Item("Ops", MONTHLY, fixed(monthly // 3))),
        (Item("Saved", MONTHLY, fixed(monthly), ramp_months=ramp),),
        horizon=horizon,
        rate=str(rate),
    )
    d = run(s)
    rate_m = (1 + float(rate)) ** (1 / 12) - 1
    net = [row.net for row in d.monthly]
    assert d.npv == pytest.approx(npf.npv(rate_m, net), rel=1e-10, abs=1e-6)
