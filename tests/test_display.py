"""core.display: durations, unit prices and lifecycle badges."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from ftplanner.core import display
from ftplanner.core.catalog import load_catalog

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("minutes", "expected"), [(0.0, (0, 0)), (44.4, (0, 44)), (59.6, (1, 0)), (90.0, (1, 30)), (-3.0, (0, 0))]
)
def test_hours_minutes(minutes, expected):
    assert display.hours_minutes(minutes) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("25.00"), "USD", "$25.00"),
        (Decimal("25"), "USD", "$25.00"),
        (Decimal("1.875"), "USD", "$1.875"),
        (Decimal("0.075"), "USD", "$0.075"),
        (Decimal("1.5"), "CHF", "1.50 CHF"),
        (None, "USD", "—"),
    ],
)
def test_price_text_keeps_every_digit(amount, currency, expected):
    assert display.price_text(amount, currency) == expected


def test_share_text_and_sort_key():
    assert display.share_text(Decimal("0.15")) == "15%"
    assert display.money_sort_key(None) == float("inf")
    assert display.money_sort_key(Decimal("2.5")) == 2.5


def test_badges_agree_with_launch_block_for_the_whole_catalog():
    catalog = load_catalog(user_overrides=False, today=TODAY)
    for entry in catalog.entries:
        badges = display.lifecycle_badges(entry, TODAY)
        assert any(b.blocking for b in badges) == (not entry.launchable(TODAY)), entry.key
        assert any(b.kind == display.STALE for b in badges) == entry.is_stale(TODAY)


def test_badge_kinds_and_dates():
    catalog = load_catalog(user_overrides=False, today=TODAY)
    gpt41 = catalog.get("openai/gpt-4.1-2025-04-14")
    assert display.lifecycle_badges(gpt41, TODAY) == [display.Badge(display.RETIRES, date(2027, 1, 14), True)]
    assert display.lifecycle_badges(gpt41, date(2027, 1, 10))[0] == display.Badge(
        display.CLOSED_SINCE, date(2027, 1, 6)
    )
    nano = catalog.get("openai/gpt-4.1-nano-2025-04-14")
    assert display.lifecycle_badges(nano, TODAY)[0].kind == display.RETIRED
    mistral = catalog.get("mistral/open-mistral-nemo")
    kinds = [b.kind for b in display.lifecycle_badges(mistral, TODAY)]
    assert kinds == [display.CLOSED_PROVIDER, display.STALE]
    offerless = dataclasses.replace(gpt41, methods=(), price_unknown=True, training_per_mtok=None)
    assert display.lifecycle_badges(offerless, TODAY)[0].kind == display.NO_OFFER


def test_default_method():
    catalog = load_catalog(user_overrides=False, today=TODAY)
    assert display.default_method(catalog.get("openai/gpt-4.1-2025-04-14")) == "sft"
    assert display.default_method(catalog.get("openai/o4-mini-2025-04-16")) == "rft"
    assert display.default_method(catalog.get("openai/gpt-5")) == "sft"
