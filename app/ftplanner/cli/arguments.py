"""Argument types shared by the subcommands (argparse turns their errors into usage messages)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def whole_number(minimum: int | None = 0) -> Callable[[str], int]:
    """A whole-number argument (``1,000`` and ``1_000`` accepted) of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text.replace(",", "").replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if minimum is not None and value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


def epochs_or_auto(text: str) -> int | None:
    """``auto`` (None: the provider's choice) or a whole number of epochs from 1."""
    if text.strip().lower() == "auto":
        return None
    try:
        return whole_number(1)(text)
    except argparse.ArgumentTypeError as exc:
        raise argparse.ArgumentTypeError(f"{exc} (or 'auto')") from None


def add_simulation_options(parser: argparse.ArgumentParser) -> None:
    """``--draws``, ``--seed`` and ``--today``: how a plan's ROI is simulated and its lifecycle judged."""
    from ftplanner.cli.models import parse_date
    from ftplanner.core.roi import DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS

    parser.add_argument(
        "--draws", type=whole_number(1), default=DEFAULT_DRAWS, help=f"Monte Carlo draws (1..{MAX_DRAWS:,})"
    )
    parser.add_argument("--seed", type=whole_number(0), default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=parse_date,
        help="judge lifecycle and staleness as of this date (default: today)",
    )
