"""``ftplanner analyze``: validate a dataset and count its billed tokens."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from ftplanner.core.analyzer import DEFAULT_MAX_EXAMPLE_TOKENS, analyze
from ftplanner.core.errors import UserError
from ftplanner.core.examples import FORMAT_LABELS
from ftplanner.core.messages import msg, render
from ftplanner.core.result import AnalysisResult, Stats
from ftplanner.core.tally import MAX_STORED_ERRORS
from ftplanner.core.tokenizers import ENCODINGS, encoding_for_model

JSON_ERROR_LIMIT = MAX_STORED_ERRORS  # the README promises up to 1,000 described errors


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="validate a JSONL(.gz) dataset and count its billed tokens",
        description="Validate a fine-tuning dataset and count its tokens the way OpenAI bills them.",
    )
    parser.add_argument("file", type=Path, help="dataset: .jsonl or .jsonl.gz")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--model", help="base model whose tokenizer to use (e.g. gpt-4.1-mini-2025-04-14)")
    choice.add_argument("--encoding", choices=ENCODINGS, help="tokenizer encoding (default o200k_base)")
    parser.add_argument(
        "--max-example-tokens",
        type=int,
        default=DEFAULT_MAX_EXAMPLE_TOKENS,
        metavar="N",
        help=f"per-example limit; longer examples are truncated (default {DEFAULT_MAX_EXAMPLE_TOKENS:,})",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.max_example_tokens < 1:
        raise UserError(msg("cli.positive_option", option="--max-example-tokens"))
    encoding = args.encoding or (encoding_for_model(args.model) if args.model else "o200k_base")
    progress = _progress_printer() if not args.json and sys.stderr.isatty() else None
    result = analyze(
        args.file, encoding=encoding, max_example_tokens=args.max_example_tokens, progress=progress
    )
    if progress:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(result_json(result), ensure_ascii=False, indent=2))
    else:
        print(report(result, getattr(args, "ui_lang", "en")))
    return 0


def _progress_printer():
    def show(fraction: float, lines: int) -> None:
        print(f"\ranalysing… {fraction:5.1%} ({lines:,} lines)", end="", file=sys.stderr, flush=True)

    return show


def result_json(result: AnalysisResult) -> dict:
    """The ``--json`` object: the analysis with derived billing figures, errors capped."""
    data = result.to_dict()
    data["errors"] = data["errors"][:JSON_ERROR_LIMIT]
    data["errors_truncated"] = result.error_count > len(data["errors"])
    data["examples_over_limit"] = result.over_limit_examples
    return data


def _stats_line(label: str, stats: Stats, lang: str) -> str:
    figures = {
        "min": f"{stats.min:>9,.0f}",
        "max": f"{stats.max:>9,.0f}",
        "mean": f"{stats.mean:>10,.1f}",
        "median": f"{stats.median:>9,.1f}",
        "p10": f"{stats.p10:>9,.1f}",
        "p90": f"{stats.p90:>9,.1f}",
    }
    return f"  {_pad(label, 17)} " + render(msg("cli.analyze.stats", **figures), lang)


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (East Asian wide characters take two)."""
    used = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, width - used)


def report(result: AnalysisResult, lang: str = "en") -> str:
    """A readable, plain-text report of an analysis, in ``lang``."""

    def say(key: str, **params: object) -> str:
        return render(msg(key, **params), lang)

    def row(key: str, value: int) -> str:
        return f"{_pad(say(key), 22)}{value:>14,}"

    fmt = render(FORMAT_LABELS.get(result.format, result.format), lang)
    lines = [
        say("cli.analyze.dataset", path=result.source),
        say("cli.analyze.format", format=fmt),
        say("cli.analyze.encoding", encoding=result.encoding, limit=result.max_example_tokens),
        "",
        row("cli.analyze.examples", result.examples) + "   " + say("cli.analyze.lines", count=result.lines),
        row("cli.analyze.errors", result.error_count),
        row("cli.analyze.total_tokens", result.total_tokens),
        row("cli.analyze.assistant_tokens", result.assistant_tokens),
        row("cli.analyze.billing_tokens", result.billing_tokens_per_epoch),
        row("cli.analyze.epochs", result.auto_epochs),
        row("cli.analyze.charged_tokens", result.charged_tokens()),
        "",
        say("cli.analyze.per_example"),
        _stats_line(say("cli.analyze.messages"), result.stats["messages"], lang),
        _stats_line(say("cli.analyze.example_tokens"), result.stats["total_tokens"], lang),
        _stats_line(say("cli.analyze.example_assistant_tokens"), result.stats["assistant_tokens"], lang),
    ]
    if result.error_counts:
        lines += ["", say("cli.analyze.errors_by_code")]
        lines += [
            f"  {_pad(say(f'errorkind.{code}'), 36)} {count:>10,}"
            for code, count in result.error_counts.items()
        ]
        lines += ["", say("cli.analyze.first_errors")]
        lines += [
            "  "
            + say(
                "cli.analyze.error_line",
                line=f"{issue.line:>7}",
                code=say(f"errorkind.{issue.code}"),
                text=render(issue.message, lang),
            )
            for issue in result.errors[:20]
        ]
        if result.error_count > 20:
            lines.append(
                "  " + say("cli.analyze.more", count=result.error_count - 20, limit=JSON_ERROR_LIMIT)
            )
    if result.warnings:
        lines += ["", say("cli.analyze.warnings")]
        for warning in result.warnings:
            shown = ", ".join(map(str, warning.lines[:8])) + ("…" if warning.count > 8 else "")
            where = " " + say("cli.analyze.warning_lines", lines=shown) if warning.lines else ""
            lines.append(f"  {render(warning.message, lang)}{where}")
    return "\n".join(lines)
