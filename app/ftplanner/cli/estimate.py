"""``ftplanner estimate FILE``: compare training cost, time, running costs and lifecycle across models.

The dataset is analysed once per distinct encoding among the selected models; every model of that
encoding reuses the analysis. JSON money values are strings of exact decimals (full precision).
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ftplanner.cli.arguments import epochs_or_auto, whole_number
from ftplanner.cli.models import add_catalog_options, catalog_from_args, format_table, warn
from ftplanner.cli.say import say
from ftplanner.core import formatting
from ftplanner.core.catalog import Catalog, ModelEntry
from ftplanner.core.errors import UserError
from ftplanner.core.estimate import Estimate, TrafficProfile, analyze_per_encoding, compare
from ftplanner.core.messages import msg
from ftplanner.core.money import BASE_CURRENCY, ExchangeRates, check_currency, format_money
from ftplanner.jobs.calibration import calibrated_time_model


def _share(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"expected a fraction 0-1, got {text!r}") from None
    if not value.is_finite() or not (0 <= value <= 1):
        raise argparse.ArgumentTypeError(f"expected a fraction 0-1, got {text!r}")
    return value


def _hours(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"expected a number of hours, got {text!r}") from None
    if not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of hours ≥ 0, got {text!r}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "estimate",
        help="compare fine-tuning cost and time across models",
        description="Estimate training cost and time, monthly inference and hosting, lifecycle and total cost"
        " of ownership for a dataset across models. Without --models or --all: every model that"
        " accepts new jobs today and has a published price. JSON money values are strings of exact"
        " decimals in the chosen currency.",
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="training data (JSONL chat format)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--models", metavar="M1,M2", help="comma-separated model ids or provider/id keys")
    which.add_argument("--all", action="store_true", help="every model in the catalog, closed ones included")
    parser.add_argument(
        "--method", choices=("sft", "dpo", "rft"), default="sft", help="training method (sft)"
    )
    parser.add_argument(
        "--epochs", type=epochs_or_auto, default=None, metavar="N|auto", help="epochs (default auto)"
    )
    parser.add_argument(
        "--currency",
        default=BASE_CURRENCY,
        metavar="CODE",
        help="show money in this currency (set its rate with `ftplanner rates set`)",
    )
    parser.add_argument(
        "--requests-per-month", type=whole_number(0), metavar="N", help="inference requests per month"
    )
    parser.add_argument(
        "--input-tokens", type=whole_number(0), metavar="N", help="average input tokens per request"
    )
    parser.add_argument(
        "--output-tokens", type=whole_number(0), metavar="N", help="average output tokens per request"
    )
    parser.add_argument(
        "--cached-share",
        type=_share,
        default=Decimal(0),
        metavar="F",
        help="share of input tokens served from the prompt cache (0-1)",
    )
    parser.add_argument(
        "--batch-share",
        type=_share,
        default=Decimal(0),
        metavar="F",
        help="share of requests sent through the batch API (0-1)",
    )
    parser.add_argument(
        "--months", type=whole_number(0), default=12, metavar="N", help="ownership horizon (12)"
    )
    parser.add_argument(
        "--validation", type=Path, metavar="FILE", help="validation data (billed by some providers)"
    )
    parser.add_argument(
        "--n-evals",
        type=whole_number(0),
        default=0,
        metavar="N",
        help="evaluations over the validation set (billed where the provider bills them)",
    )
    parser.add_argument(
        "--training-hours",
        type=_hours,
        metavar="H",
        help="billed hours for per-hour (reinforcement) training",
    )
    parser.add_argument("--json", action="store_true", help="JSON list of estimates")
    add_catalog_options(parser)
    parser.set_defaults(func=run)


def select_models(
    catalog: Catalog, names: str | None, everything: bool, method: str = "sft"
) -> list[ModelEntry]:
    """``--all``: every entry; ``--models``: those named; else launchable, priced models offering ``method``."""
    if everything:
        return list(catalog.entries)
    if names:
        chosen = [catalog.get(name) for name in names.split(",") if name.strip()]
        if not chosen:
            raise UserError("--models: give at least one model")
        return list(dict.fromkeys(chosen))
    return [e for e in catalog.entries if not e.price_unknown and not e.launch_block(catalog.today, method)]


def traffic_from_args(args: argparse.Namespace) -> TrafficProfile | None:
    given = [args.requests_per_month, args.input_tokens, args.output_tokens]
    if all(v is None for v in given):
        return None
    if any(v is None for v in given):
        raise UserError("give --requests-per-month, --input-tokens and --output-tokens together")
    return TrafficProfile(
        args.requests_per_month,
        args.input_tokens,
        args.output_tokens,
        cached_share=args.cached_share,
        batch_share=args.batch_share,
    )


def run(args: argparse.Namespace) -> int:
    currency = check_currency(args.currency)
    rates = ExchangeRates.load()
    for line in rates.problems:
        warn(line)
    if currency != BASE_CURRENCY:
        rates.rate(currency)  # fail early (exit 2) when no rate is set
    traffic = traffic_from_args(args)
    for path in (args.file, args.validation):
        if path is not None and not path.is_file():
            raise UserError(f"{path}: no such file")
    catalog = catalog_from_args(args)
    entries = select_models(catalog, args.models, args.all, args.method)
    if not entries:
        raise UserError("no model selected")
    analyses = analyze_per_encoding(args.file, entries)
    validations = analyze_per_encoding(args.validation, entries) if args.validation else None
    rows = compare(
        analyses,
        entries,
        validations=validations,
        epochs=args.epochs,
        traffic=traffic,
        months=args.months,
        n_evals=args.n_evals,
        today=catalog.today,
        method=args.method,
        training_hours=args.training_hours,
        time_model=calibrated_time_model(catalog),
    )
    if currency != BASE_CURRENCY:
        rates_row = rates.get(currency)
        if rates_row is not None and rates_row.is_stale(catalog.today):
            warn(msg("rates.stale", currency=currency, date=rates_row.set_on))
        rows = [row.converted(currency, rates) for row in rows]
    if args.json:
        print(json.dumps([row.to_dict() for row in rows], indent=2, ensure_ascii=False))
        return 0
    print(render(rows, analyses, args, currency, rates))
    return 0


def inference_text(row: Estimate, currency: str) -> str:
    """Inference per month as shown: "unknown" without a price, "in hosting" on a dedicated deployment."""
    if not row.inference_price_known:
        return "unknown"
    if row.serving == "dedicated" and row.inference_cost_per_month is not None:
        return "in hosting"
    return format_money(row.inference_cost_per_month, currency)


def launch_text(status: str) -> str:
    """Short form of a launch status for the table ("closed since 2027-01-06", "retired 2026-10-23")."""
    reason = status.removeprefix("cannot be launched").strip(" :")
    if reason.startswith("(since "):
        return "closed since " + reason[len("(since ") :].rstrip(")")
    return reason.strip("()") or "closed"


def time_range(low: float | None, high: float | None) -> str:
    return formatting.time_range(low, high)


def render(
    rows: list[Estimate], analyses: dict, args: argparse.Namespace, currency: str, rates: ExchangeRates
) -> str:
    lines = []
    for encoding, analysis in analyses.items():
        lines.append(
            f"{args.file}: {analysis.examples:,} valid examples, {analysis.error_count:,} with errors"
            f" ({encoding})"
        )
    if currency != BASE_CURRENCY:
        rate = rates.get(currency)
        if rate is not None:
            lines.append(f"Money in {currency} at {rate.per_usd} {currency}/USD (set {rate.set_on})")
    lines.append("")
    headers = [
        "Model",
        "Charged tokens",
        "Epochs",
        "Training",
        "Time P10–P90",
        "Inference/mo",
        "Hosting/mo",
        f"TCO {args.months} mo",
        "Launch",
    ]
    table = []
    for row in rows:
        tokens = f"{row.charged_tokens:,}" if row.exact_tokens else f"≈{row.charged_tokens:,}"
        training = format_money(row.training_cost, currency)
        if row.training_cost is not None and not row.exact_tokens:
            training = "≈" + training
        time = time_range(row.time_p10_minutes, row.time_p90_minutes)
        launch = "open" if row.launchable else launch_text(row.launch_status)
        table.append(
            [
                row.model,
                tokens,
                f"{row.epochs}{' (auto)' if row.epochs_auto else ''}",
                training,
                time,
                inference_text(row, currency),
                format_money(row.hosting_cost_per_month, currency) if row.hosting_known else "unknown",
                ("≥" if row.tco is not None and not row.tco_complete else "")
                + format_money(row.tco, currency),
                launch,
            ]
        )
    lines.append(format_table(headers, table, right=(1, 3, 5, 6, 7)))
    grouped: dict[str, list[str]] = {}
    for row in rows:
        for text in row.warnings:
            grouped.setdefault(say(text), []).append(row.model)
    if grouped:
        lines.append("")
        lines.append("Warnings:")
        for text, models in grouped.items():
            who = (
                ", ".join(models)
                if len(models) <= 3
                else f"{', '.join(models[:2])} and {len(models) - 2} more"
            )
            lines.append(f"  {who}: {text}")
    incomplete = [row.model for row in rows if row.tco is not None and not row.tco_complete]
    lines.append("")
    if incomplete:
        lines.append(
            f"≥ TCO incomplete for {len(incomplete)} of {len(rows)} models: running costs unknown"
            " (no published price for serving the fine-tuned model), so the TCO is a lower bound."
        )
    else:
        lines.append(
            "TCO complete for every model with a training price: training and running costs are priced."
        )
    return "\n".join(lines)
