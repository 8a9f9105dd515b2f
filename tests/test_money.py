"""Money formatting, currency codes and the user's exchange rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ftplanner.core.errors import UserError
from ftplanner.core.money import (
    ExchangeRates,
    Money,
    check_currency,
    decimal_text,
    format_money,
    round_for_display,
)


def test_check_currency():
    assert check_currency(" jpy ") == "JPY"
    assert check_currency("EUR") == "EUR"
    for bad in ("YEN", "US", "EURO", "", "XYZ", "12$"):
        with pytest.raises(UserError, match="unknown currency code"):
            check_currency(bad)


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("1234.565", "USD", "$1,234.57"),
        ("0.004", "USD", "$0.00"),
        ("-3.5", "USD", "-$3.50"),
        ("187654.5", "JPY", "¥187,655"),
        ("12.3456", "EUR", "€12.35"),
        ("9.9999", "CHF", "10.00 CHF"),
        ("1.2345", "KWD", "1.235 KWD"),
    ],
)
def test_format_money_rounds_half_up_only_for_display(amount, currency, text):
    value = Decimal(amount)
    assert format_money(value, currency) == text
    assert value == Decimal(amount)  # untouched


def test_format_unknown_and_money_type():
    assert format_money(None) == "—"
    assert str(Money(Decimal("2.5"), "JPY")) == "¥3"
    assert (Money(Decimal("1.10")) + Money(Decimal("2.205"))).amount == Decimal("3.305")
    with pytest.raises(ValueError, match="cannot add"):
        _ = Money(Decimal(1)) + Money(Decimal(1), "JPY")
    assert round_for_display(Decimal("0.125"), "USD") == Decimal("0.13")
    assert decimal_text(Decimal("0.394830000")) == "0.39483"
    assert decimal_text(Decimal("1.241E+3")) == "1241"


def test_rates_set_save_load_and_convert(_isolated_home):
    rates = ExchangeRates()
    rate = rates.set("jpy", "152.3", date(2026, 11, 20))
    assert rate.currency == "JPY" and rate.per_usd == Decimal("152.3")
    rates.set("EUR", 0.92, date(2026, 11, 21))
    path = rates.save()
    assert path == Path(_isolated_home) / "exchange_rates.toml"
    assert not list(path.parent.glob(".exchange_rates.toml.*"))

    loaded = ExchangeRates.load()
    assert loaded.problems == []
    assert [r.currency for r in loaded] == ["EUR", "JPY"]
    assert loaded.get("JPY").set_on == date(2026, 11, 20)
    assert loaded.rate("EUR") == Decimal("0.92")
    assert loaded.convert(Decimal("12.34"), "JPY") == Decimal("1879.382")  # exact, no rounding
    assert loaded.convert(Decimal("12.34"), "USD") == Decimal("12.34")
    assert loaded.convert(None, "JPY") is None
    assert loaded.remove("EUR") and not loaded.remove("EUR")


def test_rates_errors():
    rates = ExchangeRates()
    with pytest.raises(UserError, match="no exchange rate for GBP; set one with `ftplanner rates set GBP"):
        rates.rate("GBP")
    with pytest.raises(UserError, match="unknown currency code 'YEN'"):
        rates.set("YEN", 150)
    with pytest.raises(UserError, match="must be positive"):
        rates.set("JPY", 0)
    with pytest.raises(UserError, match="expected a number"):
        rates.set("JPY", "lots")
    with pytest.raises(UserError, match="base currency"):
        rates.set("USD", 1)


def test_rate_staleness():
    rate = ExchangeRates().set("JPY", 150, date(2026, 10, 1))
    assert not rate.is_stale(date(2026, 10, 31))
    assert rate.is_stale(date(2026, 11, 29))


def test_broken_rates_file_is_reported_not_fatal():
    path = ExchangeRates.default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[rates\n", encoding="utf-8")
    assert "cannot read exchange rates" in ExchangeRates.load().problems[0]
    path.write_text(
        "[rates.JPY]\nper_usd = 150.0\nset_on = 2026-11-01\n[rates.XXQ]\nper_usd = 1.0\n"
        "set_on = 2026-11-01\n[rates.EUR]\nper_usd = -1.0\nset_on = 2026-11-01\n",
        encoding="utf-8",
    )
    rates = ExchangeRates.load()
    assert [r.currency for r in rates] == ["JPY"]
    assert len(rates.problems) == 2
    assert rates.problems[0].startswith("exchange_rates.toml: XXQ: rate: unknown currency code")
