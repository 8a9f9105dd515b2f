"""Figures as people read them: money, counts, percentages, durations and month numbers.

The rules live here once (rounding, when minutes become hours, how a range is written); each front end
supplies its words as :class:`Units` (the GUI's translated strings, the report's language, the CLI's English).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ftplanner.core.display import hours_minutes
from ftplanner.core.money import format_money

HOURS_FROM_MINUTES = 90  # below this a duration is given in minutes


@dataclass(frozen=True)
class Units:
    """The words around numbers; ``{value}``/``{month}`` are filled with the formatted number."""

    minutes: str = "{value} min"
    hours: str = "{value} h"
    month: str = "month {month}"
    never: str = "never"
    percent: str = "{value} %"
    none: str = "none"
    above_1000: str = "above 1,000 %"
    unknown: str = "—"


ENGLISH = Units()


def money(amount: Decimal | float | None, currency: str, units: Units = ENGLISH) -> str:
    """Exact Decimal, or a float ROI result rounded to cents first (as the ROI JSON gives it)."""
    if isinstance(amount, float):
        amount = Decimal(str(round(amount, 2)))
    return format_money(amount, currency, unknown=units.unknown)


def money_range(
    likely: Decimal | None, low: Decimal | None, high: Decimal | None, currency: str, units: Units = ENGLISH
) -> str:
    """``$60.00 ($40.00–$90.00)``; the likely value alone when the range is a point."""
    text = money(likely, currency, units)
    if likely is None or low is None or high is None or low == high:
        return text
    return f"{text} ({money(low, currency, units)}–{money(high, currency, units)})"


def count(value: int | None, units: Units = ENGLISH) -> str:
    return units.unknown if value is None else f"{value:,}"


def percent(value: float | None, units: Units = ENGLISH) -> str:
    """A figure already in percent (ROI %), one decimal."""
    return units.unknown if value is None else units.percent.format(value=f"{value:,.1f}")


def fraction(value: float | None, units: Units = ENGLISH) -> str:
    """A fraction (IRR, a probability) in percent, one decimal."""
    if value is None:
        return units.none
    if value > 10:
        return units.above_1000
    return units.percent.format(value=f"{value * 100:,.1f}")


def month(value: float | None, units: Units = ENGLISH) -> str:
    if value is None:
        return units.never
    return units.month.format(month=int(value) if float(value).is_integer() else f"{value:.1f}")


def duration(minutes: float, units: Units = ENGLISH) -> str:
    if minutes < HOURS_FROM_MINUTES:
        return units.minutes.format(value=f"{minutes:.0f}")
    return units.hours.format(value=f"{minutes / 60:.1f}")


def clock_duration(minutes: float, minutes_text: str, hours_text: str, both_text: str) -> str:
    """``1 h 5 min`` style, rounded to the minute; the texts are ``{0}`` min / ``{0}`` h / ``{0}`` h ``{1}`` min."""
    hours, rest = hours_minutes(minutes)
    if hours == 0:
        return minutes_text.format(rest)
    if rest == 0:
        return hours_text.format(hours)
    return both_text.format(hours, rest)


def time_range(low: float | None, high: float | None, units: Units = ENGLISH) -> str:
    if low is None or high is None:
        return units.unknown
    if high < HOURS_FROM_MINUTES:
        return units.minutes.format(value=f"{low:.0f}–{high:.0f}")
    return f"{duration(low, units)}–{duration(high, units)}"


def triple(values: tuple, shown) -> str:
    """P10 / P50 / P90 as one text."""
    return " / ".join(shown(value) for value in values)
