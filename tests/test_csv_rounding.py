"""CSV exports a finance team can use: money in the currency's minor unit, months counted to two decimals."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from ftplanner.core.money import plain_money, plain_number
from ftplanner.report.csv_export import cashflows_csv, comparison_csv


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (Decimal("3230.4567"), "JPY", "3230"),
        (Decimal("3230.5"), "JPY", "3231"),
        ("0.65805", "USD", "0.66"),
        (0.1 + 0.2, "USD", "0.30"),
        (Decimal("-0.001"), "USD", "0.00"),  # never -0.00
        (Decimal("1.2345"), "KWD", "1.235"),
        (Decimal("1E+3"), "EUR", "1000.00"),
        (None, "USD", ""),
        ("not a number", "USD", ""),
    ],
)
def test_plain_money(amount, currency, text):
    assert plain_money(amount, currency) == text


def test_plain_number():
    assert plain_number("1.479452054794520547945205479", 2) == "1.48"
    assert plain_number(Decimal(12), 2) == "12.00"
    assert plain_number(float("nan"), 2) == ""


def _rows(text: str) -> list[dict[str, str]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    return [dict(zip(header, row, strict=True)) for row in reader]


def test_comparison_csv_rounds_money_to_the_currency_and_months_to_two_decimals():
    row = {
        "model": "m",
        "currency": "JPY",
        "training_cost": "3230.4567",
        "training_cost_low": "2745.88",
        "training_cost_high": "3715.03",
        "inference_cost_per_month": "98765.4321",
        "hosting_cost_per_month": None,
        "months_counted": "1.479452054794520547945205479",
        "tco": "149323.789",
        "time_p10_minutes": 8.2333333,
        "sources": ["a", "b"],
    }
    usd = {**row, "model": "u", "currency": "USD", "tco": "38.53202260273972602739726026"}
    shown = _rows(comparison_csv({"comparison": [row, usd]}, "en"))
    assert shown[0]["Training cost"] == "3230" and shown[0]["Training cost low"] == "2746"
    assert shown[0]["Inference per month"] == "98765" and shown[0]["Hosting per month"] == ""
    assert shown[0]["TCO"] == "149324" and shown[0]["Months counted"] == "1.48"
    assert shown[0]["Time P10 (min)"] == "8.2" and shown[0]["Sources"] == "a | b"
    assert shown[1]["TCO"] == "38.53" and shown[1]["Training cost"] == "3230.46"


def test_cashflow_csv_in_yen_has_whole_yen():
    figures = {
        "roi": {
            "currency": "JPY",
            "monthly": [
                {"month": 0, "date": "2026-12-01", "cost": 20000.06, "benefit": 0.0, "net": -20000.06,
                 "cumulative": -20000.06},
            ],
            "monte_carlo": {"fan": {"months": [{"month": 0, "p10": -27609.09, "p50": -21425.5, "p90": -1.4}]}},
        }
    }  # fmt: skip
    (row,) = _rows(cashflows_csv(figures, "en"))
    assert list(row.values()) == [
        "0",
        "2026-12-01",
        "20000",
        "0",
        "-20000",
        "-20000",
        "-27609",
        "-21426",
        "-1",
    ]
