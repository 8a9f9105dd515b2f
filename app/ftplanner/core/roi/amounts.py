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
        raise UserError(f"{where}: expected a number, got {_describe(value)}")
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise UserError(f"{where}: expected a finite number, got {value}")
    if number < 0:
        raise UserError(f"{where}: must not be negative (got {number})")
    if number > MAX_AMOUNT:
        raise UserError(f"{where}: must be at most {MAX_AMOUNT:,} (got {value})")
    return number


def _describe(value: object) -> str:
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def parse_amount(value: object, where: str, default_dist: str = PERT) -> Amount:
    """Parse a TOML amount (plain number or table); ``where`` names it in error messages.

    Raises :class:`UserError` on negative values, wrong types, unknown keys or distributions, and on
    ranges that violate ``low ≤ likely ≤ high``.
    """
    if not isinstance(value, Mapping):
        return Amount.fixed(_number(value, where))
    dist = value.get("dist", default_dist)
    if dist not in DISTRIBUTIONS:
        choices = ", ".join(DISTRIBUTIONS)
        raise UserError(f"{where}.dist: unknown distribution {dist!r} (choose one of {choices})")
    allowed = {"dist", "likely", "high"} if dist == LOGNORMAL else {"dist", "low", "likely", "high"}
    unknown = sorted(set(value) - allowed)
    if unknown:
        hint = (
            " (a lognormal amount takes likely = median and high = 90th percentile)"
            if dist == LOGNORMAL
            else ""
        )
        raise UserError(f"{where}: unknown key {unknown[0]!r}{hint}")
    needed = ("likely", "high") if dist == LOGNORMAL else ("low", "likely", "high")
    for key in needed:
        if key not in value:
            raise UserError(f"{where}: missing key {key!r}")
    likely = _number(value["likely"], f"{where}.likely")
    high = _number(value["high"], f"{where}.high")
    if dist == LOGNORMAL:
        if likely == 0:
            raise UserError(f"{where}.likely: a lognormal median must be above 0")
        if high < likely:
            raise UserError(f"{where}: high ({high}) is below likely ({likely})")
        return Amount(LOGNORMAL, likely * likely / high, likely, high)
    low = _number(value["low"], f"{where}.low")
    if low > likely:
        raise UserError(f"{where}: low ({low}) is above likely ({likely})")
    if likely > high:
        raise UserError(f"{where}: likely ({likely}) is above high ({high})")
    return Amount(dist, low, likely, high)
