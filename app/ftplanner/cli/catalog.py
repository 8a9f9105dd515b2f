"""``ftplanner catalog import FILE`` / ``ftplanner catalog export``: bring in a newer price catalog, or write it out.

An imported file (same schema as ``pricing/*.toml``) replaces the bundled file of its provider; the bundled
catalog stays the fallback. Import shows what changes and applies only after confirmation.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from ftplanner.cli.models import parse_date
from ftplanner.core import catalog_import
from ftplanner.core.errors import UserError
from ftplanner.core.exports import write_whole


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "catalog",
        help="import or export the price catalog",
        description="Import a newer price catalog file (one provider, same schema as the bundled pricing/*.toml)"
        " or export the catalog in use. The bundled catalog stays the fallback.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        help="show what a catalog file changes, then apply it after confirmation",
        description="Validate FILE, show the changes (prices up/down, models added/removed, dates moved) and"
        " install it after confirmation. An invalid file exits 1 and nothing is written.",
    )
    importing.add_argument(
        "file", metavar="FILE", type=Path, help="catalog file (TOML, pricing/*.toml schema)"
    )
    importing.add_argument("--yes", action="store_true", help="apply without asking")
    importing.add_argument(
        "--json", action="store_true", help="print the changes as JSON (with --yes to apply)"
    )
    importing.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=parse_date,
        help="validate dates as of this day (default: today)",
    )
    importing.set_defaults(func=run_import)
    exporting = actions.add_parser(
        "export",
        help="write the catalog in use (imported files where installed)",
        description="Write the catalog files in use: --out DIR writes one file per provider; --out FILE or"
        " standard output needs --provider.",
    )
    exporting.add_argument("--provider", metavar="P", help="only this provider's file")
    exporting.add_argument(
        "--out", metavar="DIR|FILE", type=Path, help="folder (one file per provider) or file"
    )
    exporting.set_defaults(func=run_export)


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def run_import(args: argparse.Namespace) -> int:
    today = args.today or date.today()
    candidate = catalog_import.read_catalog_file(args.file, today)
    diff = catalog_import.preview_import(candidate, today)
    if args.json:
        changes = [
            {
                "kind": c.kind,
                "model": c.model,
                "field": c.field,
                "old": catalog_import.value_text(c.old) if c.old is not None else None,
                "new": catalog_import.value_text(c.new) if c.new is not None else None,
            }
            for c in diff.changes
        ]
        print(
            json.dumps({"provider": diff.provider, "summary": diff.summary(), "changes": changes}, indent=2)
        )
    else:
        print(f"{args.file}: catalog of provider {diff.provider!r}: {diff.summary()}")
        for line in diff.lines():
            print(f"  {line}")
    if not args.yes and not _confirm("Apply these changes?"):
        hint = "" if sys.stdin.isatty() else " (not a terminal: give --yes to apply)"
        print(f"ftplanner: nothing was imported{hint}", file=sys.stderr)
        return 1
    target = catalog_import.install(candidate)
    print(f"Imported into {target}; the bundled {candidate.file_name} stays the fallback.", file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace) -> int:
    files = catalog_import.exported_files(args.provider)
    out: Path | None = args.out
    if out is None:
        if len(files) != 1:
            raise UserError("catalog export: give --provider P to print one file, or --out DIR for all")
        sys.stdout.write(files[0][1])
        return 0
    if out.is_dir() or (len(files) > 1 and out.suffix != ".toml"):
        out.mkdir(parents=True, exist_ok=True)
        for name, text in files:
            write_whole(out / name, text.encode("utf-8"), "export the catalog")
        print(f"Exported {len(files)} catalog file(s) into {out}", file=sys.stderr)
        return 0
    if len(files) != 1:
        raise UserError(f"catalog export: {out} is a file: give --provider P, or a folder for every provider")
    write_whole(out, files[0][1].encode("utf-8"), "export the catalog")
    print(f"Exported {files[0][0]} to {out}", file=sys.stderr)
    return 0
