"""``ftplanner plan PLAN.ftplan``: the plan's evaluation, the answer first (as the Summary page shows it)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ftplanner.cli.arguments import add_simulation_options
from ftplanner.core import formatting as fmt
from ftplanner.core.catalog import Catalog
from ftplanner.core.errors import UserError
from ftplanner.core.evaluation import (
    PlanEvaluation,
    evaluate_plan,
    evaluation_to_dict,
    json_text,
)
from ftplanner.core.money import ExchangeRates, format_money
from ftplanner.core.plan import Plan, load_plan
from ftplanner.core.plan_inputs import plan_catalog
from ftplanner.core.roi import MAX_DRAWS
from ftplanner.core.timemodel import TimeModel


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="evaluate a plan: the recommended model, its cost and time, running costs, ROI and risks",
        description=(
            "Evaluate a plan (.ftplan) as the desktop app's Summary page does: the model to go with and why,"
            " training cost and time P10–P90, running cost per month, NPV, ROI and payback P10/P50/P90, the"
            " chance ROI > 0, the top risks, then the comparison of every model in the plan. The ROI's model"
            " costs are linked from the chosen model's estimate unless the plan overrides them. --json prints"
            " the same evaluation that `ftplanner report --json` contains."
        ),
    )
    parser.add_argument("plan", metavar="PLAN.ftplan", type=Path, help="the plan file")
    parser.add_argument("--json", action="store_true", help="print the evaluation as JSON")
    add_simulation_options(parser)
    parser.set_defaults(func=run)


def plan_context(plan: Plan, path: Path, today: date | None) -> tuple[Catalog, TimeModel, ExchangeRates]:
    """What a command evaluates ``plan`` with: its catalog, the calibrated time model (built once), the rates."""
    from ftplanner.jobs.calibration import calibrated_time_model

    catalog = plan_catalog(plan, str(path), today)
    for line in catalog.problems:
        print(f"ftplanner: warning: {line}", file=sys.stderr)
    rates = ExchangeRates.load()
    for line in rates.problems:
        print(f"ftplanner: warning: {line}", file=sys.stderr)
    return catalog, calibrated_time_model(catalog), rates


def run(args: argparse.Namespace) -> int:
    if args.draws > MAX_DRAWS:
        raise UserError(f"--draws must be between 1 and {MAX_DRAWS:,} (got {args.draws})")
    plan = load_plan(args.plan)
    catalog, time_model, rates = plan_context(plan, args.plan, args.today)
    evaluation = evaluate_plan(
        plan,
        args.plan,
        catalog=catalog,
        time_model=time_model,
        rates=rates,
        draws=args.draws,
        seed=args.seed,
    )
    if args.json:
        print(json_text(evaluation_to_dict(evaluation)))
    else:
        print(render(evaluation))
    return 0


def render(ev: PlanEvaluation) -> str:
    from ftplanner.cli.models import format_table

    s, cur = ev.summary, ev.currency
    lines = [f"Plan: {ev.plan_name}"]
    if ev.plan_description:
        lines.append(ev.plan_description)
    lines.append("")
    if s.model is None:
        lines.append(f"No model to go with: {ev.recommendation.text}.")
    else:
        lines.append(f"Go with: {s.display_name} ({s.provider}) — {s.reason}")
    training = fmt.money_range(s.training_cost, s.training_cost_low, s.training_cost_high, cur)
    lines.append(f"  Training cost:           {training}")
    lines.append(f"  Training time P10–P90:   {fmt.time_range(s.time_p10_minutes, s.time_p90_minutes)}")
    lines.append(f"  Running cost / month:    {fmt.money(s.running_cost_per_month, cur)}")
    if ev.roi is not None:

        def money(value: float | None) -> str:
            return fmt.money(value, cur)

        npv = fmt.triple((s.npv_p10, s.npv_p50, s.npv_p90), money)
        roi = fmt.triple((s.roi_percent_p10, s.roi_percent_p50, s.roi_percent_p90), fmt.percent)
        payback = fmt.triple((s.payback_month_p10, s.payback_month_p50, s.payback_month_p90), fmt.month)
        lines.append(f"  NPV P10 / P50 / P90:     {npv}")
        lines.append(f"  ROI P10 / P50 / P90:     {roi}")
        lines.append(f"  Payback P10 / P50 / P90: {payback}")
        lines.append(f"  Chance ROI > 0:          {fmt.fraction(s.chance_roi_positive)}")
    else:
        lines.append("  ROI: the plan has no scenario")
    lines.append("")
    lines.append("Top risks:" if s.risks else "Top risks: none flagged")
    lines += [f"  - {risk.text}" for risk in s.risks]
    lines.append("")
    if ev.currency != "USD":
        lines.append(f"Money in {cur} at {ev.exchange_rate} {cur}/USD (set {ev.rate_set_on})")
    table = []
    for row in ev.rows:
        est = row.estimate
        mark = "*" if row.key == s.model else " "
        if est is None:
            table.append([f"{mark} {row.key}", row.error, "", "", "", ""])
            continue
        table.append(
            [
                f"{mark} {row.key}",
                format_money(est.training_cost, cur),
                fmt.time_range(est.time_p10_minutes, est.time_p90_minutes),
                format_money(est.inference_cost_per_month, cur),
                format_money(est.hosting_cost_per_month, cur),
                format_money(est.tco, cur),
            ]
        )
    headers = [
        "Model (* chosen)",
        "Training",
        "Time P10–P90",
        "Inference/mo",
        "Hosting/mo",
        f"TCO {ev.months} mo",
    ]
    lines.append(format_table(headers, table, right=(1, 3, 4, 5)))
    if ev.linked:
        lines.append("")
        lines.append("ROI model costs:")
        for link in ev.linked:
            value = "—" if link.amount is None else format_money(link.amount.likely, cur)
            lines.append(f"  {link.key.replace('_', ' ')}: {value} ({link.source})")
    return "\n".join(lines)
