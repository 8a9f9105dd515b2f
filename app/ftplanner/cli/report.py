"""``ftplanner report PLAN.ftplan --out report.pdf``: a PDF (and CSV files) a budget owner can send."""

from __future__ import annotations

import argparse
from pathlib import Path

from ftplanner.cli.arguments import add_simulation_options
from ftplanner.cli.plan import plan_context
from ftplanner.core.errors import UserError
from ftplanner.core.paths import resource
from ftplanner.core.plan import load_plan
from ftplanner.core.roi import MAX_DRAWS

EXAMPLE_PARTS = ("examples", "example.ftplan")


def example_plan_path() -> Path:
    """The bundled example plan (it uses the bundled sample dataset and the fine-tuning scenario)."""
    return Path(str(resource(*EXAMPLE_PARTS)))


def register(subparsers: argparse._SubParsersAction) -> None:
    from ftplanner.report import LANGUAGES, PAGE_SIZES

    parser = subparsers.add_parser(
        "report",
        help="write a PDF report of a plan (and CSV files of its comparison and cash flows)",
        description=(
            "Write a report of a plan (.ftplan): dataset summary, model comparison, ROI with charts,"
            " assumptions, definitions and warnings. The PDF embeds its fonts (Japanese included) and keeps"
            " text selectable. CSV files are UTF-8 with a byte-order mark. --json prints the report's"
            " figures. A plan whose dataset is missing still gives a report (from the summary the plan"
            f" stored). --example uses the bundled example plan, resources/{'/'.join(EXAMPLE_PARTS)}"
            " inside the package."
        ),
    )
    parser.add_argument("plan", metavar="PLAN.ftplan", type=Path, nargs="?", help="the plan file")
    parser.add_argument("--example", action="store_true", help="report on the bundled example plan")
    parser.add_argument("--out", metavar="FILE.pdf", type=Path, help="write the PDF report here")
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="report language (default: the global --lang, else from the locale)"
    )
    parser.add_argument("--page-size", choices=PAGE_SIZES, default="a4", help="paper size (a4)")
    parser.add_argument(
        "--csv-comparison", metavar="FILE.csv", type=Path, help="write the model comparison as CSV"
    )
    parser.add_argument(
        "--csv-cashflows",
        metavar="FILE.csv",
        type=Path,
        help="write the monthly cash flows (likely; P10/P50/P90 of the cumulative net) as CSV",
    )
    add_simulation_options(parser)
    parser.add_argument("--json", action="store_true", help="print the report's figures as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ftplanner.core.analysis_cache import analyze_ahead
    from ftplanner.core.evaluation import analyses_needed
    from ftplanner.report import build_report, report_figures
    from ftplanner.report.content import json_text
    from ftplanner.report.csv_export import cashflows_csv, comparison_csv, write_csv

    args.lang = args.lang or getattr(args, "ui_lang", None) or "en"
    if args.example == (args.plan is not None):
        raise UserError("give a PLAN.ftplan file or --example (not both)")
    if not (args.out or args.csv_comparison or args.csv_cashflows or args.json):
        raise UserError("nothing to write: give --out FILE.pdf, --csv-comparison, --csv-cashflows or --json")
    if args.draws > MAX_DRAWS:
        raise UserError(f"--draws must be between 1 and {MAX_DRAWS:,} (got {args.draws})")
    path = example_plan_path() if args.example else args.plan
    plan = load_plan(path)
    catalog, time_model, rates = plan_context(plan, path, args.today)
    ahead = analyses_needed(plan, path, catalog) if args.out else []
    with analyze_ahead(ahead):  # the dataset is analysed in a child process while the PDF writer loads
        if args.out:
            import ftplanner.report.pdf  # noqa: F401  (Qt and the fonts)
        content = build_report(
            plan, path, catalog=catalog, rates=rates, time_model=time_model, draws=args.draws, seed=args.seed
        )
    figures = report_figures(content, args.lang)
    written: dict[str, str] = {}
    if args.out:
        from ftplanner.report import export_pdf

        export_pdf(plan, path, args.out, lang=args.lang, page_size=args.page_size, content=content)
        written["pdf"] = str(args.out)
    if args.csv_comparison:
        write_csv(args.csv_comparison, comparison_csv(figures, args.lang))
        written["csv_comparison"] = str(args.csv_comparison)
    if args.csv_cashflows:
        write_csv(args.csv_cashflows, cashflows_csv(figures, args.lang))
        written["csv_cashflows"] = str(args.csv_cashflows)
    if args.json:
        print(json_text({**figures, "page_size": args.page_size, "files": written}))
    else:
        for kind, name in written.items():
            print(f"{kind}: {name}")
    return 0
