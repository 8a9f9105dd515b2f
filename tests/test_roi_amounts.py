"""Uncertain amounts: TOML parsing (exact decimals, validation) and sampling."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ftplanner.core.errors import UserError
from ftplanner.core.roi.amounts import FIXED, LOGNORMAL, PERT, TRIANGULAR, Z90, Amount, parse_amount
from ftplanner.core.toml_text import Inline, dumps


def _toml_line(amount: Amount) -> str:
    """``a = …`` as the scenario writer puts an amount (a number, or an inline table)."""
    value = amount.to_toml_value(PERT)
    return dumps({"a": Inline(value) if isinstance(value, dict) else value})


money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


def test_plain_number_is_fixed_and_exact() -> None:
    amount = parse_amount(Decimal("1234.10"), "costs[0].amount")
    assert amount == Amount(FIXED, Decimal("1234.10"), Decimal("1234.10"), Decimal("1234.10"))
    assert not amount.is_uncertain
    assert parse_amount(5000, "x").likely == Decimal(5000)


def test_three_point_defaults_to_given_distribution() -> None:
    raw = {"low": 1, "likely": 2, "high": 4}
    assert parse_amount(raw, "x").dist == PERT
    assert parse_amount(raw, "x", TRIANGULAR).dist == TRIANGULAR
    assert parse_amount({**raw, "dist": "triangular"}, "x").dist == TRIANGULAR


def test_lognormal_takes_median_and_p90() -> None:
    amount = parse_amount({"dist": "lognormal", "likely": 100, "high": 200}, "x")
    assert amount.dist == LOGNORMAL
    assert amount.likely == 100 and amount.high == 200
    assert amount.low == Decimal(50)  # likely² / high: the matching P10


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (-1, "x: must not be negative"),
        ({"low": -1, "likely": 2, "high": 3}, "x.low: must not be negative"),
        ({"low": 3, "likely": 2, "high": 4}, "x: low (3) is above likely (2)"),
        ({"low": 1, "likely": 5, "high": 4}, "x: likely (5) is above high (4)"),
        ({"low": 1, "likely": 2}, "x.high: missing"),
        ({"low": 1, "likely": 2, "high": 3, "mode": 2}, "x.mode: unknown setting"),
        ({"low": 1, "likely": 2, "high": 3, "dist": "uniform"}, "x.dist: unknown distribution uniform"),
        ({"dist": "lognormal", "likely": 2, "high": 1}, "x: high (1) is below likely (2)"),
        ({"dist": "lognormal", "likely": 0, "high": 1}, "x.likely: a lognormal median must be above 0"),
        ({"dist": "lognormal", "low": 1, "likely": 2, "high": 3}, "x.low: unknown setting"),
        ("5000", "x: expected a number, got the text '5000'"),
        (True, "x: expected a number"),
        ([1, 2, 3], "x: expected a number, got a list"),
        (Decimal("nan"), "x: expected a finite number"),
    ],
)
def test_invalid_amounts(raw: object, message: str) -> None:
    with pytest.raises(UserError) as info:
        parse_amount(raw, "x")
    assert str(info.value).startswith(message)


@given(st.lists(money, min_size=3, max_size=3), st.sampled_from([PERT, TRIANGULAR]))
def test_valid_triples_parse_exactly_and_round_trip(values: list[Decimal], dist: str) -> None:
    low, likely, high = sorted(values)
    amount = parse_amount({"low": low, "likely": likely, "high": high, "dist": dist}, "x")
    assert (amount.low, amount.likely, amount.high, amount.dist) == (low, likely, high, dist)
    text = _toml_line(amount)
    again = parse_amount(tomllib.loads(text, parse_float=Decimal)["a"], "x")
    assert again == amount


@given(st.lists(money, min_size=3, max_size=3, unique=True))
def test_out_of_order_triples_are_rejected(values: list[Decimal]) -> None:
    low, likely, high = sorted(values)
    for order in ((likely, low, high), (low, high, likely), (high, likely, low)):
        with pytest.raises(UserError, match="is above"):
            parse_amount(dict(zip(("low", "likely", "high"), order, strict=True)), "x")


@given(money)
def test_fixed_round_trip_through_toml(value: Decimal) -> None:
    amount = Amount.fixed(value)
    text = _toml_line(amount)
    assert parse_amount(tomllib.loads(text, parse_float=Decimal)["a"], "x") == amount


def test_pert_sampling_bounds_and_mean() -> None:
    amount = Amount(PERT, Decimal(1000), Decimal(2000), Decimal(6000))
    draws = amount.sample(np.random.default_rng(1), 200_000)
    assert draws.min() >= 1000 and draws.max() <= 6000
    assert draws.mean() == pytest.approx((1000 + 4 * 2000 + 6000) / 6, rel=0.01)


def test_triangular_sampling_mean() -> None:
    amount = Amount(TRIANGULAR, Decimal(0), Decimal(10), Decimal(50))
    draws = amount.sample(np.random.default_rng(2), 200_000)
    assert draws.min() >= 0 and draws.max() <= 50
    assert draws.mean() == pytest.approx(20, rel=0.01)


def test_lognormal_sampling_median_and_p90() -> None:
    amount = parse_amount({"dist": "lognormal", "likely": 100, "high": 250}, "x")
    draws = amount.sample(np.random.default_rng(3), 400_000)
    assert np.median(draws) == pytest.approx(100, rel=0.01)
    assert np.quantile(draws, 0.9) == pytest.approx(250, rel=0.01)
    assert np.quantile(draws, 0.1) == pytest.approx(float(amount.low), rel=0.01)
    assert NormalDist().inv_cdf(0.9) == pytest.approx(Z90, rel=1e-12)


@pytest.mark.parametrize("dist", [FIXED, PERT, TRIANGULAR, LOGNORMAL])
def test_degenerate_ranges_sample_a_constant(dist: str) -> None:
    amount = Amount(dist, Decimal(7), Decimal(7), Decimal(7))
    assert np.all(amount.sample(np.random.default_rng(0), 10) == 7.0)


def test_scaled_keeps_shape() -> None:
    amount = Amount(PERT, Decimal(10), Decimal(20), Decimal(40)).scaled(Decimal("0.5"))
    assert (amount.low, amount.likely, amount.high) == (Decimal(5), Decimal(10), Decimal(20))
