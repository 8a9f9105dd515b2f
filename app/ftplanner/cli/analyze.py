"""``ftplanner analyze``: validate a dataset and count its billed tokens."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ftplanner.core.analyzer import DEFAULT_MAX_EXAMPLE_TOKENS, analyze
from ftplanner.core.errors import UserError
from ftplanner.core.examples import FORMAT_LABELS
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
        raise UserError("--max-example-tokens must be a positive number")
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
        print(report(result))
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


def _stats_line(label: str, stats: Stats) -> str:
    return (
        f"  {label:<17} min {stats.min:>9,.0f}  max {stats.max:>9,.0f}  mean {stats.mean:>10,.1f}"
        f"  median {stats.median:>9,.1f}  p10 {stats.p10:>9,.1f}  p90 {stats.p90:>9,.1f}"
    )


def report(result: AnalysisResult) -> str:
    """A readable, plain-text report of an analysis."""
    fmt = FORMAT_LABELS.get(result.format, result.format)
    lines = [
        f"Dataset   {result.source}",
        f"Format    {fmt}",
        f"Encoding  {result.encoding}   (per-example limit {result.max_example_tokens:,} tokens)",
        "",
        f"Examples              {result.examples:>14,}   ({result.lines:,} non-blank lines)",
        f"Errors                {result.error_count:>14,}",
        f"Total tokens          {result.total_tokens:>14,}",
        f"Assistant tokens      {result.assistant_tokens:>14,}",
        f"Billing tokens/epoch  {result.billing_tokens_per_epoch:>14,}",
        f"Epochs (auto)         {result.auto_epochs:>14,}",
        f"Charged tokens        {result.charged_tokens():>14,}",
        "",
        "Per example",
        _stats_line("messages", result.stats["messages"]),
        _stats_line("total tokens", result.stats["total_tokens"]),
        _stats_line("assistant tokens", result.stats["assistant_tokens"]),
    ]
    if result.error_counts:
        lines += ["", "Errors by code"]
        lines += [f"  {code:<36} {count:>10,}" for code, count in result.error_counts.items()]
        lines += ["", "First errors"]
        lines += [f"  line {issue.line:>7}: {issue.code}: {issue.message}" for issue in result.errors[:20]]
        if result.error_count > 20:
            lines.append(f"  … {result.error_count - 20:,} more (use --json for up to {JSON_ERROR_LIMIT})")
    if result.warnings:
        lines += ["", "Warnings"]
        for warning in result.warnings:
            where = f" (lines {', '.join(map(str, warning.lines[:8]))}{'…' if warning.count > 8 else ''})"
            lines.append(f"  {warning.message}{where if warning.lines else ''}")
    return "\n".join(lines)
