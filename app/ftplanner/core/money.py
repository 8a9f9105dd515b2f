"""Money: Decimal amounts in USD (the catalog's base), user-set exchange rates, display formatting.

Amounts are never rounded in calculations; :func:`format_money` rounds (half up) only for display,
to the currency's minor unit. Exchange rates are "units of the currency per 1 USD", each with the date
it was set, stored in ``<user data dir>/exchange_rates.toml`` and written atomically.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from ftplanner.core import catalog_toml, statefile
from ftplanner.core.catalog_schema import to_date, to_decimal
from ftplanner.core.errors import UserError
from ftplanner.core.messages import Joined, message_of, msg
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
    """A value as JSON wants it: Decimal as its exact text, dates as ISO, tuples as lists, nested too."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


def check_currency(code: str) -> str:
    """The upper-cased ISO 4217 code; UserError for anything else."""
    normalised = code.strip().upper()
    if not _CODE.match(normalised) or normalised not in ISO_4217:
        raise UserError(msg("money.unknown_currency", code=repr(code)))
    return normalised


def minor_units(currency: str) -> int:
    return _MINOR_UNITS.get(currency, 2)


def round_for_display(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)), rounding=ROUND_HALF_UP)


def plain_number(value: object, places: int) -> str:
    """``value`` rounded (half up) to ``places`` decimals, as plain text for a spreadsheet (``"1.48"``).

    Empty for None or text that is not a number; never ``-0.00``.
    """
    number = decimal_or_none(value)
    if number is None or not number.is_finite():
        return ""
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return format(abs(rounded) if rounded == 0 else rounded, "f")


def plain_money(amount: object, currency: str) -> str:
    """An amount rounded to the currency's minor unit, without sign or separators (``"0.66"``, ``"187655"``)."""
    return plain_number(amount, minor_units(currency))


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
        self.problems: list[str] = list(problems or [])  # messages (str subclasses), English as text
        self.damage: str | None = None  # why the file could not be read in full (a message), if it could not
        self.notices: list[str] = []  # what happened to a damaged file when saving (messages)
        self.path: Path | None = None  # the file these were read from

    def __iter__(self) -> Iterator[Rate]:
        return iter(sorted(self._rates.values(), key=lambda r: r.currency))

    def __len__(self) -> int:
        return len(self._rates)

    @staticmethod
    def default_path() -> Path:
        return user_data_dir() / RATES_FILE_NAME

    @classmethod
    def load(cls, path: Path | None = None) -> ExchangeRates:
        """Read the rates file; a broken file or entry is reported in :attr:`problems` and skipped.

        What a damaged file still holds is recovered; :attr:`damage` then says what is wrong with it.
        """
        path = path or cls.default_path()
        try:
            raw = statefile.read_state(path)
        except statefile.Unreadable as exc:
            reason = message_of(exc)
            found = cls(problems=[msg("rates.unreadable", path=str(path), reason=reason)])
            found.damage, found.path = reason, path
            return found
        if raw is None:
            return cls()
        damage: list[str] = []
        data = catalog_toml.loads_salvaging(statefile.decode_state(raw, damage), damage)
        rates: dict[str, Rate] = {}
        problems: list[str] = [msg("rates.partly_unreadable", path=str(path), reason=d) for d in damage]
        table = data.get("rates", {})
        if not isinstance(table, dict):
            problems.append(msg("rates.not_table", name=path.name))
            damage.append(msg("rates.damage_not_table"))
            table = {}
        for code, raw_rate in table.items():
            try:
                currency = check_currency(code)
                if not isinstance(raw_rate, dict):
                    raise UserError(msg("rates.entry_not_table"))
                per_usd = to_decimal(raw_rate.get("per_usd"))
                if per_usd <= 0:
                    raise UserError(msg("rates.entry_not_positive", value=str(per_usd)))
                rates[currency] = Rate(currency, per_usd, to_date(raw_rate.get("set_on")))
            except (UserError, ValueError) as exc:
                problems.append(msg("rates.bad_entry", name=path.name, code=code, reason=message_of(exc)))
                damage.append(msg("rates.damage_rate", code=code))
        found = cls(rates, problems=problems)
        found.damage = msg("list", items=Joined(damage, "; ")) if damage else None
        found.path = path
        return found

    @classmethod
    @contextmanager
    def editing(cls, path: Path | None = None) -> Iterator[ExchangeRates]:
        """Load, change and save the rates under the file's lock (no lost updates between processes).

        A damaged file is kept aside before the fresh one is written; :attr:`notices` then says where.
        Nothing is saved when the body raises.
        """
        path = path or cls.default_path()
        with statefile.locked(path):
            rates = cls.load(path)
            yield rates
            rates.save(path)

    def save(self, path: Path | None = None) -> Path:
        """Write the rates atomically; a damaged file on disk is kept aside first, never overwritten."""
        path = path or self.default_path()
        data = {"rates": {r.currency: {"per_usd": r.per_usd, "set_on": r.set_on} for r in self}}
        text = catalog_toml.dumps(data, header="FT Planner exchange rates: units of the currency per 1 USD.")
        with statefile.locked(path):
            current = ExchangeRates.load(path)
            if current.damage is not None and (path.exists() or path.is_symlink()):
                aside = statefile.keep_aside(path)
                kept = [r.currency for r in current]
                recovered = msg("rates.recovered", kept=Joined(kept)) if kept else msg("rates.recovered_none")
                self.notices.append(statefile.aside_notice(path, current.damage, aside, recovered))
            statefile.write_state(path, text, "save the exchange rates")
        return path

    def set(self, currency: str, per_usd: Decimal | str | float | int, set_on: date | None = None) -> Rate:
        """Record a rate (units per 1 USD); UserError for a bad code or a non-positive rate."""
        code = check_currency(currency)
        if code == BASE_CURRENCY:
            raise UserError(msg("rates.usd_is_base"))
        try:
            value = to_decimal(per_usd)
        except ValueError as exc:
            raise UserError(msg("rates.bad_value", code=code, reason=message_of(exc))) from None
        if value <= 0:
            raise UserError(msg("rates.not_positive", code=code, value=str(value)))
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
            if self.damage:
                where = str(self.path or self.default_path())
                raise UserError(msg("rates.missing_damaged", code=code, path=where, damage=self.damage))
            raise UserError(msg("rates.missing", code=code))
        return found.per_usd

    def convert(self, amount_usd: Decimal | None, currency: str) -> Decimal | None:
        """USD → ``currency``, full precision (None stays None)."""
        if amount_usd is None:
            return None
        return amount_usd * self.rate(currency)
