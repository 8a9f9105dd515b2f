"""``ftplanner rates``: the user's exchange rates (units of a currency per 1 USD)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from ftplanner.cli.models import format_table, parse_date, warn
from ftplanner.core.errors import UserError
from ftplanner.core.money import ExchangeRates


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rates",
        help="set or list exchange rates",
        description="Exchange rates used to show money in other currencies: units of the currency per 1 USD,"
        " each with the date it was set.",
    )
    actions = parser.add_subparsers(dest="rates_action", metavar="ACTION")
    set_parser = actions.add_parser("set", help="set a rate, e.g. `rates set JPY 152.3`")
    set_parser.add_argument("currency", metavar="CODE", help="ISO 4217 code, e.g. JPY, EUR")
    set_parser.add_argument("rate", metavar="RATE", help="units of the currency per 1 USD")
    set_parser.add_argument(
        "--date", type=parse_date, metavar="YYYY-MM-DD", help="date the rate was set (today)"
    )
    list_parser = actions.add_parser("list", help="list the rates")
    list_parser.add_argument("--json", action="store_true", help="JSON list; rates as decimal strings")
    remove_parser = actions.add_parser("remove", help="forget a rate")
    remove_parser.add_argument("currency", metavar="CODE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "rates_action", None) or "list"
    if action in ("set", "remove"):
        return _change(args, action)
    rates = ExchangeRates.load()
    for line in rates.problems:
        warn(line)
    today = date.today()
    if getattr(args, "json", False):
        print(
            json.dumps(
                [
                    {
                        "currency": r.currency,
                        "per_usd": str(r.per_usd),
                        "set_on": r.set_on.isoformat(),
                        "stale": r.is_stale(today),
                    }
                    for r in rates
                ],
                indent=2,
            )
        )
        return 0
    if not len(rates):
        print("No exchange rates set; add one with `ftplanner rates set JPY 152.3` (units per 1 USD).")
        return 0
    rows = [
        [
            r.currency,
            str(r.per_usd),
            r.set_on.isoformat() + (" (older than 30 days)" if r.is_stale(today) else ""),
        ]
        for r in rates
    ]
    print(format_table(["Currency", "Per USD", "Set on"], rows, right=(1,)))
    return 0


def _change(args: argparse.Namespace, action: str) -> int:
    """``set`` and ``remove``: read, change and save under the rates file's lock."""
    with ExchangeRates.editing() as rates:
        if action == "set":
            rate = rates.set(args.currency, args.rate, args.date or date.today())
        elif not rates.remove(args.currency):
            raise UserError(f"no exchange rate for {args.currency.upper()}")
    for line in rates.notices:
        warn(line)
    if action == "set":
        path = ExchangeRates.default_path()
        print(f"{rate.currency}: {rate.per_usd} per USD (set {rate.set_on}) saved to {path}")
    else:
        print(f"{args.currency.upper()}: removed")
    return 0
