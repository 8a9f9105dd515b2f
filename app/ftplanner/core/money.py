"""Money: Decimal amounts in USD (the catalog's base), user-set exchange rates, display formatting.

Amounts are never rounded in calculations; :func:`format_money` rounds (half up) only for display,
to the currency's minor unit. Exchange rates are "units of the currency per 1 USD", each with the date
it was set, stored in ``<user data dir>/exchange_rates.toml`` and written atomically.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from ftplanner.core import catalog_toml
from ftplanner.core.catalog_schema import to_date, to_decimal
from ftplanner.core.errors import UserError
from ftplanner.core.paths import user_data_dir

BASE_CURRENCY = "USD"
RATES_FILE_NAME = "exchange_rates.toml"
RATE_STALE_AFTER_DAYS = 30

# Active ISO 4217 codes (bad codes are refused with a clear message).
ISO_4217 = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
    CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF
    GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP
    LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB
    PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL
    THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW
    ZWG""".split()
)
_MINOR_UNITS = {
    **dict.fromkeys("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(), 0),
    **dict.fromkeys("BHD IQD JOD KWD LYD OMR TND".split(), 3),
}
_SYMBOLS = {"USD": "$", "JPY": "¥", "EUR": "€", "GBP": "£"}
_CODE = re.compile(r"^[A-Z]{3}$")


def decimal_or_none(value: object) -> Decimal | None:
    """``value`` (a number or numeric text from a file or an API) as a Decimal; None if it is not one."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def decimal_text(value: Decimal) -> str:
    """Exact plain-notation text of a Decimal without trailing zeros (``"0.39483"``, ``"1241"``)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def json_value(value: object) -> object:
    """A field value as JSON wants it: Decimal as its exact text, dates as ISO, tuples as lists."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def check_currency(code: str) -> str:
    """The upper-cased ISO 4217 code; UserError for anything else."""
    normalised = code.strip().upper()
    if not _CODE.match(normalised) or normalised not in ISO_4217:
        raise UserError(f"unknown currency code {code!r}; use an ISO 4217 code such as USD, JPY or EUR")
    return normalised


def minor_units(currency: str) -> int:
    return _MINOR_UNITS.get(currency, 2)


def round_for_display(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)), rounding=ROUND_HALF_UP)


def format_money(amount: Decimal | None, currency: str = BASE_CURRENCY, *, unknown: str = "—") -> str:
    """``$1,234.57``, ``¥187,654``, ``1,234.57 CHF``; ``unknown`` for None."""
    if amount is None:
        return unknown
    rounded = round_for_display(amount, currency)
    sign = "-" if rounded < 0 else ""
    digits = f"{abs(rounded):,.{minor_units(currency)}f}"
    symbol = _SYMBOLS.get(currency)
    return f"{sign}{symbol}{digits}" if symbol else f"{sign}{digits} {currency}"


@dataclass(frozen=True)
class Money:
    """An amount with its currency; arithmetic stays in Decimal."""

    amount: Decimal
    currency: str = BASE_CURRENCY

    def __str__(self) -> str:
        return format_money(self.amount, self.currency)

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)


@dataclass(frozen=True)
class Rate:
    """``per_usd`` units of ``currency`` buy 1 USD, as set by the user on ``set_on``."""

    currency: str
    per_usd: Decimal
    set_on: date

    def is_stale(self, today: date) -> bool:
        return (today - self.set_on).days > RATE_STALE_AFTER_DAYS


class ExchangeRates:
    """The user's exchange rates (USD is always 1)."""

    def __init__(self, rates: dict[str, Rate] | None = None, *, problems: list[str] | None = None) -> None:
        self._rates: dict[str, Rate] = dict(rates or {})
        self.problems: list[str] = list(problems or [])

    def __iter__(self) -> Iterator[Rate]:
        return iter(sorted(self._rates.values(), key=lambda r: r.currency))

    def __len__(self) -> int:
        return len(self._rates)

    @staticmethod
    def default_path() -> Path:
        return user_data_dir() / RATES_FILE_NAME

    @classmethod
    def load(cls, path: Path | None = None) -> ExchangeRates:
        """Read the rates file; a broken file or entry is reported in :attr:`problems` and skipped."""
        path = path or cls.default_path()
        if not path.exists():
            return cls()
        try:
            data = catalog_toml.load(path)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            return cls(problems=[f"{path.name}: -: -: cannot read exchange rates: {exc} (ignored)"])
        rates: dict[str, Rate] = {}
        problems: list[str] = []
        table = data.get("rates", {})
        if not isinstance(table, dict):
            return cls(problems=[f"{path.name}: -: rates: expected a table (ignored)"])
        for code, raw in table.items():
            try:
                currency = check_currency(code)
                if not isinstance(raw, dict):
                    raise ValueError("expected a table with per_usd and set_on")
                per_usd = to_decimal(raw.get("per_usd"))
                if per_usd <= 0:
                    raise ValueError(f"per_usd must be positive, got {per_usd}")
                rates[currency] = Rate(currency, per_usd, to_date(raw.get("set_on")))
            except (UserError, ValueError) as exc:
                problems.append(f"{path.name}: {code}: rate: {exc} (ignored)")
        return cls(rates, problems=problems)

    def save(self, path: Path | None = None) -> Path:
        path = path or self.default_path()
        data = {"rates": {r.currency: {"per_usd": r.per_usd, "set_on": r.set_on} for r in self}}
        catalog_toml.dump_atomic(
            path, data, header="FT Planner exchange rates: units of the currency per 1 USD."
        )
        return path

    def set(self, currency: str, per_usd: Decimal | str | float | int, set_on: date | None = None) -> Rate:
        """Record a rate (units per 1 USD); UserError for a bad code or a non-positive rate."""
        code = check_currency(currency)
        if code == BASE_CURRENCY:
            raise UserError("USD is the base currency; its rate is always 1")
        try:
            value = to_decimal(per_usd)
        except ValueError as exc:
            raise UserError(f"exchange rate for {code}: {exc}") from None
        if value <= 0:
            raise UserError(f"exchange rate for {code} must be positive, got {value}")
        rate = Rate(code, value, set_on or date.today())
        self._rates[code] = rate
        return rate

    def remove(self, currency: str) -> bool:
        return self._rates.pop(check_currency(currency), None) is not None

    def get(self, currency: str) -> Rate | None:
        code = check_currency(currency)
        if code == BASE_CURRENCY:
            return Rate(BASE_CURRENCY, Decimal(1), date.min)
        return self._rates.get(code)

    def rate(self, currency: str) -> Decimal:
        """Units of ``currency`` per USD; UserError if the user has not set one."""
        found = self.get(currency)
        if found is None:
            code = check_currency(currency)
            raise UserError(
                f"no exchange rate for {code}; set one with `ftplanner rates set {code} RATE`"
                " (units per 1 USD)"
            )
        return found.per_usd

    def convert(self, amount_usd: Decimal | None, currency: str) -> Decimal | None:
        """USD → ``currency``, full precision (None stays None)."""
        if amount_usd is None:
            return None
        return amount_usd * self.rate(currency)
