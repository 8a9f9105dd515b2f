"""``ftplanner models``: the price catalog with limits, lifecycle status and as-of dates."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.cli.say import say
from ftplanner.core.catalog import LAYER_PLAN, Catalog, ModelEntry, load_catalog, read_override_file
from ftplanner.core.errors import UserError
from ftplanner.core.money import format_money


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def add_catalog_options(parser: argparse.ArgumentParser) -> None:
    """``--overrides FILE`` and ``--today DATE``, shared by the catalog-reading commands."""
    parser.add_argument(
        "--overrides",
        metavar="FILE",
        type=Path,
        help="plan overrides (TOML, same form as the user's overrides.toml); errors exit 2",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=parse_date,
        help="judge lifecycle and staleness as of this date (default: today)",
    )


def warn(message: str) -> None:
    print(f"ftplanner: warning: {say(message)}", file=sys.stderr)


def catalog_from_args(args: argparse.Namespace) -> Catalog:
    """Load the layered catalog: broken user overrides warn; a broken ``--overrides`` file is a UserError."""
    today = args.today or date.today()
    plan: dict[str, Any] | None = None
    label = "plan"
    if args.overrides is not None:
        plan = read_override_file(args.overrides)
        label = str(args.overrides)
    catalog = load_catalog(plan_overrides=plan, today=today, plan_label=label)
    plan_problems = catalog.layer_problems.get(LAYER_PLAN, [])
    if plan_problems:
        more = f" (and {len(plan_problems) - 1} more)" if len(plan_problems) > 1 else ""
        raise UserError(plan_problems[0] + more)
    for line in catalog.problems:
        warn(line)
    return catalog


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """Plain aligned columns; ``right`` lists the column indexes to right-align."""
    widths = [
        max(len(str(h)), *(len(str(r[i])) for r in rows)) if rows else len(str(h))
        for i, h in enumerate(headers)
    ]

    def line(cells: Sequence[str]) -> str:
        parts = [
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _price(amount: Decimal | None) -> str:
    if amount is None:
        return "—"
    text = format(amount.normalize(), "f")
    if "." not in text or len(text.split(".")[1]) < 2:
        text = f"{amount:.2f}"
    return f"${text}"


def training_price_text(entry: ModelEntry) -> str:
    if entry.price_unknown:
        return "unknown"
    if entry.per_hour:
        text = f"{_price(entry.training_per_hour)}/h"
    else:
        text = f"{_price(entry.training_per_mtok)}/1M"
        if entry.dpo_training_per_mtok is not None:
            text += f" (DPO {_price(entry.dpo_training_per_mtok)})"
    if entry.min_charge is not None:
        text += f" min {format_money(entry.min_charge)}"
    if entry.max_charge is not None:
        text += f" cap {format_money(entry.max_charge)}"
    return text


def serving_text(entry: ModelEntry) -> str:
    """How running the fine-tuned model is priced: per-token prices, a deployment's hourly rate, or unknown."""
    if entry.serving == "dedicated":
        return f"{_price(entry.hosting_per_hour)}/h dedicated"
    text = "unknown"
    if entry.serving != "unknown":
        text = f"{_price(entry.input_per_mtok)} / {_price(entry.output_per_mtok)}"
    return text + (f" + {_price(entry.hosting_per_hour)}/h" if entry.hosting_per_hour else "")


def status_text(entry: ModelEntry, today: date) -> str:
    block = entry.launch_block(today)
    if not block:
        return "open"
    reason = block.removeprefix("cannot be launched").strip(" :")
    if reason.startswith("(since "):
        return "closed since " + reason[len("(since ") :].rstrip(")")
    return reason.strip("()") or "closed"


def entry_json(entry: ModelEntry, catalog: Catalog) -> dict[str, Any]:
    data = entry.to_dict(catalog.today)
    data["can_launch_until"] = data["job_deadline"]
    provider = catalog.providers.get(entry.provider)
    data["provider_note"] = provider.note if provider else ""
    return data


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "models",
        help="list the price catalog",
        description="The fine-tuning price catalog: prices (USD), limits, lifecycle status and as-of dates."
        " Prices older than 180 days are marked stale; '?' marks an unconfirmed retirement date.",
    )
    parser.add_argument("--provider", metavar="P", help="only this provider (e.g. openai, together)")
    parser.add_argument("--launchable", action="store_true", help="only models that accept new jobs today")
    parser.add_argument("--json", action="store_true", help="JSON list; money as decimal strings (USD)")
    add_catalog_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    catalog = catalog_from_args(args)
    entries = catalog.by_provider(args.provider) if args.provider else catalog.entries
    if args.launchable:
        entries = tuple(e for e in entries if e.launchable(catalog.today))
    if args.json:
        print(json.dumps([entry_json(e, catalog) for e in entries], indent=2, ensure_ascii=False))
        return 0
    rows = []
    for e in entries:
        retires = (
            e.retires_on.isoformat() + ("?" if e.retirement_unconfirmed else "") if e.retires_on else "—"
        )
        as_of = e.as_of.isoformat() + (" stale" if e.is_stale(catalog.today) else "")
        rows.append(
            [
                e.key,
                ",".join(e.methods) or "—",
                training_price_text(e),
                serving_text(e),
                f"{e.max_example_tokens:,}" if e.max_example_tokens else "—",
                e.tokenizer.replace("approximate:", "≈"),
                e.job_deadline.isoformat() if e.job_deadline else "—",
                retires,
                status_text(e, catalog.today),
                as_of,
            ]
        )
    headers = [
        "Model",
        "Methods",
        "Training",
        "Serving in/out per 1M",
        "Max tok/ex",
        "Tokenizer",
        "New jobs until",
        "Retires",
        "Status",
        "As of",
    ]
    print(format_table(headers, rows, right=(4,)))
    print(
        f"\nPrices in USD as of the date shown; 'stale' = more than 180 days old (today {catalog.today});"
        " '?' = retirement date from a single unconfirmed source; ≈ = approximate token counts (±15%);"
        " serving 'unknown' = no published price for running the fine-tuned model."
    )
    shown = {e.provider for e in entries}
    for provider in catalog.providers.values():
        if provider.id in shown and provider.note:
            print(f"{provider.name}: {provider.note}")
    return 0
