"""Display helpers shared by the GUI pages: durations, unit prices and lifecycle badges.

Pure functions over core values (no Qt); the pages put translated words around what these return, so
every figure on screen still comes from the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ftplanner.core.catalog import ModelEntry
from ftplanner.core.money import BASE_CURRENCY, decimal_text

_SYMBOLS = {"USD": "$", "JPY": "¥", "EUR": "€", "GBP": "£"}

# Badge kinds, in the order they are shown.
CLOSED_PROVIDER = "provider"  # the provider's fine-tuning is deprecated or closed (detail: its status)
CLOSED_SINCE = "closed_since"  # the job deadline has passed (date: the deadline)
RETIRED = "retired"  # the model is no longer served (date: the retirement)
NO_OFFER = "no_offer"  # no published fine-tuning offer
RETIRES = "retires"  # still served, retires on a known date (date; unconfirmed flag)
STALE = "stale"  # prices older than the stale limit (date: as-of)
BLOCKING = frozenset({CLOSED_PROVIDER, CLOSED_SINCE, RETIRED, NO_OFFER})


@dataclass(frozen=True)
class Badge:
    """One lifecycle fact about a model, for a short label such as "closed since 2027-01-06"."""

    kind: str
    date: date | None = None
    unconfirmed: bool = False
    detail: str = ""

    @property
    def blocking(self) -> bool:
        """True when the model cannot take new jobs because of this."""
        return self.kind in BLOCKING


def lifecycle_badges(entry: ModelEntry, today: date) -> list[Badge]:
    """The lifecycle badges of ``entry`` judged on ``today`` (same rules as :meth:`ModelEntry.launch_block`).

    At most one blocking badge (the reason :meth:`ModelEntry.launch_block` gives), then a coming
    retirement, then staleness.
    """
    badges: list[Badge] = []
    if entry.provider_status != "live":
        badges.append(Badge(CLOSED_PROVIDER, detail=entry.provider_status))
    elif entry.job_deadline is not None and today > entry.job_deadline:
        badges.append(Badge(CLOSED_SINCE, entry.job_deadline))
    elif entry.retires_on is not None and today >= entry.retires_on:
        badges.append(Badge(RETIRED, entry.retires_on, entry.retirement_unconfirmed))
    elif not entry.methods:
        badges.append(Badge(NO_OFFER))
    if entry.retires_on is not None and today < entry.retires_on:
        badges.append(Badge(RETIRES, entry.retires_on, entry.retirement_unconfirmed))
    if entry.is_stale(today):
        badges.append(Badge(STALE, entry.as_of))
    return badges


def default_method(entry: ModelEntry) -> str:
    """The method a comparison estimates for ``entry``: SFT when offered, else its first method."""
    if "sft" in entry.methods or not entry.methods:
        return "sft"
    return entry.methods[0]


def hours_minutes(minutes: float) -> tuple[int, int]:
    """``minutes`` rounded to a whole minute, split into (hours, minutes)."""
    total = max(0, round(minutes))
    return divmod(total, 60)


def price_text(amount: Decimal | None, currency: str = BASE_CURRENCY, unknown: str = "—") -> str:
    """A unit price with every stated digit (at least two decimals): ``$0.075``, ``$25.00``, ``1.5 CHF``.

    Unlike :func:`ftplanner.core.money.format_money` nothing is rounded: per-token prices often have
    more digits than the currency's minor unit.
    """
    if amount is None:
        return unknown
    text = decimal_text(amount)
    whole, _, fraction = text.partition(".")
    if len(fraction) < 2:
        text = f"{whole}.{fraction.ljust(2, '0')}"
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def share_text(value: Decimal) -> str:
    """A fraction as a whole percentage: ``Decimal("0.15")`` → ``"15%"``."""
    return f"{value:.0%}"


def money_sort_key(amount: Decimal | None) -> float:
    """Sort value for a money column: unknown amounts sort after every known one."""
    return float("inf") if amount is None else float(amount)
