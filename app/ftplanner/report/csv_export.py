"""CSV files of a report: the model comparison and the monthly cash flows, UTF-8 with a BOM (for Excel).

Headers are in the report's language. Money is rounded to the currency's minor unit (``0.66`` dollars,
``187655`` yen) and months counted to two decimals, with no currency sign or separators, so spreadsheets can
compute; the exact decimals are in ``ftplanner report --json``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ftplanner.core.exports import write_whole
from ftplanner.core.money import plain_money, plain_number
from ftplanner.report.strings import Words

COMPARISON_COLUMNS = (
    ("csv_key", "model"),
    ("csv_chosen", "chosen"),
    ("csv_name", "display_name"),
    ("csv_provider", "provider"),
    ("csv_method", "method"),
    ("csv_exact_tokens", "exact_tokens"),
    ("csv_examples", "examples"),
    ("csv_epochs", "epochs"),
    ("csv_charged", "charged_tokens"),
    ("csv_currency", "currency"),
    ("csv_training", "training_cost"),
    ("csv_training_low", "training_cost_low"),
    ("csv_training_high", "training_cost_high"),
    ("csv_time_p10", "time_p10_minutes"),
    ("csv_time_p50", "time_p50_minutes"),
    ("csv_time_p90", "time_p90_minutes"),
    ("csv_inference", "inference_cost_per_month"),
    ("csv_hosting", "hosting_cost_per_month"),
    ("csv_months_counted", "months_counted"),
    ("csv_tco", "tco"),
    ("csv_launchable", "launchable"),
    ("csv_launch_status", "launch_status"),
    ("csv_job_deadline", "can_launch_until"),
    ("csv_retires", "retires_on"),
    ("csv_retirement_unconfirmed", "retirement_unconfirmed"),
    ("csv_as_of", "price_as_of"),
    ("csv_stale", "stale"),
    ("csv_sources", "sources"),
    ("csv_warnings", "warnings"),
    ("csv_error", "error"),
    ("csv_roi_inputs", "roi_inputs"),
)


MONEY_COLUMNS = frozenset(
    {
        "training_cost",
        "training_cost_low",
        "training_cost_high",
        "inference_cost_per_month",
        "hosting_cost_per_month",
        "tco",
    }
)
MONTHS_PLACES = 2  # months counted (a retirement inside the horizon stops the count mid-month)
MINUTES_PLACES = 1
MINUTE_COLUMNS = frozenset({"time_p10_minutes", "time_p50_minutes", "time_p90_minutes"})


def _cell(value: Any, words: Words) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return words("yes") if value else words("no")
    if isinstance(value, list | tuple):
        return " | ".join(str(v) for v in value)
    return str(value)


def _comparison_cell(row: dict[str, Any], field: str, words: Words) -> str:
    value = row.get(field)
    if field in MONEY_COLUMNS:
        return plain_money(value, row.get("currency") or "USD")
    if field == "months_counted":
        return plain_number(value, MONTHS_PLACES)
    if field in MINUTE_COLUMNS:
        return plain_number(value, MINUTES_PLACES)
    return _cell(value, words)


def comparison_csv(figures: dict[str, Any], lang: str) -> str:
    """The comparison table (one row per planned model) as CSV text."""
    words = Words(lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([words(key) for key, _ in COMPARISON_COLUMNS])
    for row in figures["comparison"]:
        writer.writerow([_comparison_cell(row, field, words) for _, field in COMPARISON_COLUMNS])
    return out.getvalue()


def cashflows_csv(figures: dict[str, Any], lang: str) -> str:
    """Month by month: the likely cost, benefit, net and cumulative net, and P10/P50/P90 of the cumulative net."""
    words = Words(lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    keys = ("csv_month", "csv_date", "csv_cost", "csv_benefit", "csv_net", "csv_cumulative")
    writer.writerow(
        [words(k) for k in keys] + [words(k) for k in ("csv_cum_p10", "csv_cum_p50", "csv_cum_p90")]
    )
    roi = figures["roi"]
    if roi is None:
        return out.getvalue()
    currency = roi["currency"]
    fan = {point["month"]: point for point in roi["monte_carlo"]["fan"]["months"]}
    for row in roi["monthly"]:
        point = fan.get(row["month"], {})
        money = [row[k] for k in ("cost", "benefit", "net", "cumulative")] + [
            point.get(k) for k in ("p10", "p50", "p90")
        ]
        writer.writerow([row["month"], row["date"]] + [plain_money(v, currency) for v in money])
    return out.getvalue()


def write_csv(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with a BOM, atomically; UserError naming the file when it cannot be written."""
    write_whole(Path(path), text.encode("utf-8-sig"), "write the CSV file")
