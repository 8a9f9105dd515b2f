"""Uncertain money amounts: parsing from TOML values and vectorised sampling.

An amount is one of

* **fixed** — a plain number (``5000``), or a range whose three points coincide;
* **three-point** ``{ low = …, likely = …, high = … }`` with ``low ≤ likely ≤ high``, sampled from a
  PERT distribution (a Beta on ``[low, high]`` with mode ``likely`` and shape λ = 4, the default) or from a
  triangular one (``dist = "triangular"``);
* **lognormal** ``{ dist = "lognormal", likely = …, high = … }``: ``likely`` is the median and ``high`` the
  90th percentile; the matching 10th percentile ``likely² / high`` is used as its ``low`` (for sensitivity).

Values parsed from files keep their exact decimal value (:class:`~decimal.Decimal`); they become floats only
when the simulation samples them, since every simulated figure is a forecast, not an accounting total.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

import numpy as np

from ftplanner.core.errors import UserError
from ftplanner.core.messages import Message, about, msg

FIXED: Final = "fixed"
PERT: Final = "pert"
TRIANGULAR: Final = "triangular"
LOGNORMAL: Final = "lognormal"
DISTRIBUTIONS: Final = (PERT, TRIANGULAR, LOGNORMAL)

PERT_LAMBDA: Final = 4.0
Z90: Final = 1.2815515655446004  # standard normal 90th percentile


@dataclass(frozen=True)
class Amount:
    """A non-negative money amount, fixed or uncertain, in the scenario's currency."""

    dist: str
    low: Decimal
    likely: Decimal
    high: Decimal

    @classmethod
    def fixed(cls, value: Decimal | int | str) -> Amount:
        v = Decimal(value)
        return cls(FIXED, v, v, v)

    @property
    def is_uncertain(self) -> bool:
        """True when sampling can give more than one value."""
        return self.low != self.high

    def scaled(self, factor: Decimal) -> Amount:
        """This amount multiplied by a non-negative ``factor`` (same distribution shape)."""
        return Amount(self.dist, self.low * factor, self.likely * factor, self.high * factor)

    def sample(self, rng: np.random.Generator, size: int) -> np.ndarray:
        """``size`` float draws from this amount's distribution."""
        low, likely, high = float(self.low), float(self.likely), float(self.high)
        if self.dist == FIXED or low == high:
            return np.full(size, likely)
        if self.dist == LOGNORMAL:
            sigma = math.log(high / likely) / Z90
            return likely * np.exp(sigma * rng.standard_normal(size))
        if self.dist == TRIANGULAR:
            return rng.triangular(low, likely, high, size)
        span = high - low
        alpha = 1.0 + PERT_LAMBDA * (likely - low) / span
        beta = 1.0 + PERT_LAMBDA * (high - likely) / span
        return low + span * rng.beta(alpha, beta, size)

    def to_toml_value(self, default_dist: str) -> Decimal | dict[str, Decimal | str]:
        """The TOML value that parses back to this amount (see :func:`parse_amount`)."""
        if self.dist == FIXED:
            return self.likely
        table: dict[str, Decimal | str] = {}
        if self.dist != default_dist:
            table["dist"] = self.dist
        if self.dist != LOGNORMAL:
            table["low"] = self.low
        table["likely"] = self.likely
        table["high"] = self.high
        return table


MAX_AMOUNT = Decimal(10) ** 15  # a thousand trillion in any currency; beyond it the charts cannot bin


def _number(value: object, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        raise UserError(about(where, "input.not_number", got=_describe(value)))
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise UserError(about(where, "input.not_finite", value=str(value)))
    if number < 0:
        raise UserError(about(where, "input.negative", value=number))
    if number > MAX_AMOUNT:
        raise UserError(about(where, "input.too_large", limit=int(MAX_AMOUNT), value=str(value)))
    return number


def _describe(value: object) -> Message:
    if isinstance(value, str):
        return msg("kind.text", value=repr(value))
    if isinstance(value, bool):
        return msg("kind.bool", value=value)
    if isinstance(value, Mapping):
        return msg("kind.table")
    if isinstance(value, list):
        return msg("kind.list")
    return msg("kind.other", value=type(value).__name__)


def parse_amount(value: object, where: str, default_dist: str = PERT) -> Amount:
    """Parse a TOML amount (plain number or table); ``where`` names it in error messages.

    Raises :class:`UserError` on negative values, wrong types, unknown keys or distributions, and on
    ranges that violate ``low ≤ likely ≤ high``.
    """
    if not isinstance(value, Mapping):
        return Amount.fixed(_number(value, where))
    dist = value.get("dist", default_dist)
    if dist not in DISTRIBUTIONS:
        raise UserError(
            about(f"{where}.dist", "amount.bad_distribution", value=dist, choices=list(DISTRIBUTIONS))
        )
    allowed = {"dist", "likely", "high"} if dist == LOGNORMAL else {"dist", "low", "likely", "high"}
    unknown = sorted(set(value) - allowed)
    if unknown:
        code = "amount.unknown_key_lognormal" if dist == LOGNORMAL else "input.unknown_key"
        raise UserError(about(f"{where}.{unknown[0]}", code))
    needed = ("likely", "high") if dist == LOGNORMAL else ("low", "likely", "high")
    for key in needed:
        if key not in value:
            raise UserError(about(f"{where}.{key}", "input.missing"))
    likely = _number(value["likely"], f"{where}.likely")
    high = _number(value["high"], f"{where}.high")
    if dist == LOGNORMAL:
        if likely == 0:
            raise UserError(about(f"{where}.likely", "amount.zero_median"))
        if high < likely:
            raise UserError(
                about(where, "amount.high_below_likely", high=high, likely=likely).at(f"{where}.high")
            )
        return Amount(LOGNORMAL, likely * likely / high, likely, high)
    low = _number(value["low"], f"{where}.low")
    if low > likely:
        raise UserError(about(where, "amount.low_above_likely", low=low, likely=likely).at(f"{where}.low"))
    if likely > high:
        raise UserError(
            about(where, "amount.likely_above_high", high=high, likely=likely).at(f"{where}.likely")
        )
    return Amount(dist, low, likely, high)
