"""``ftplanner roi``: does a plan pay back? Deterministic figures, Monte Carlo ranges and a tornado."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.cli.say import say
from ftplanner.core.errors import UserError
from ftplanner.core.paths import resource
from ftplanner.core.roi import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    MAX_DRAWS,
    ApproachResult,
    ModelFacts,
    ModelLookup,
    RoiResult,
    Scenario,
    compare_approaches,
    evaluate_scenario,
    load_scenario,
    loads_scenario,
    result_to_dict,
)

EXAMPLES = ("prompt_engineering", "rag", "fine_tuning")

# (retires_on, last day for new jobs) of the OpenAI fine-tunable models: the lookup falls back to this table
# when the price catalog (ftplanner.core.catalog) is not available in this build.
# Inference depends on traffic, so scenarios give it as model.inference_per_month; OpenAI charges no hosting.
_BUILTIN_MODELS: dict[str, tuple[date, date]] = {
    "gpt-4o-2024-08-06": (date(2027, 1, 14), date(2027, 1, 6)),
    "gpt-4o-mini-2024-07-18": (date(2027, 1, 14), date(2027, 1, 6)),
    "gpt-4.1-2025-04-14": (date(2027, 1, 14), date(2027, 1, 6)),
    "gpt-4.1-mini-2025-04-14": (date(2027, 1, 14), date(2027, 1, 6)),
    "gpt-4.1-nano-2025-04-14": (date(2026, 10, 23), date(2026, 10, 23)),
}


def _builtin_lookup(model_id: str) -> ModelFacts | None:
    known = _BUILTIN_MODELS.get(model_id)
    if known is None:
        return None
    return ModelFacts(model_id, retires_on=known[0], can_launch_until=known[1], hosting_per_month=Decimal(0))


def _model_lookup(currency: str = "USD") -> ModelLookup:
    """Model facts from the price catalog (money in ``currency``), or the built-in table without it."""
    try:
        from ftplanner.core.catalog import load_catalog
        from ftplanner.core.money import ExchangeRates
        from ftplanner.core.roi_catalog import catalog_lookup
    except ImportError:
        return _builtin_lookup
    rates = ExchangeRates.load() if currency != "USD" else None
    return catalog_lookup(load_catalog(), currency=currency, rates=rates)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "roi",
        help="simulate whether a plan pays back (NPV, ROI, IRR, payback, Monte Carlo, tornado)",
        description=(
            "Evaluate an ROI scenario: deterministic NPV, ROI, IRR and payback month at the likely values, "
            "Monte Carlo P10/P50/P90, and the inputs that move the NPV most."
        ),
    )
    parser.add_argument(
        "scenario",
        metavar="SCENARIO.toml",
        help=f"a scenario file, or the name of a bundled example ({', '.join(EXAMPLES)})",
    )
    parser.add_argument(
        "--draws", type=int, default=DEFAULT_DRAWS, help=f"Monte Carlo draws (1..{MAX_DRAWS:,})"
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="random seed (same seed, same numbers)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of the text report")
    parser.add_argument(
        "--compare", action="store_true", help="also compare prompt engineering, RAG and fine-tuning"
    )
    parser.set_defaults(func=run)


def _load(name: str, lookup: ModelLookup) -> Scenario:
    path = Path(name)
    if not path.exists() and name in EXAMPLES:
        node = resource("scenarios", f"{name}.toml")
        return loads_scenario(node.read_text(encoding="utf-8"), f"{name}.toml", lookup)
    return load_scenario(path, lookup)


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.draws <= MAX_DRAWS:
        raise UserError(f"--draws must be between 1 and {MAX_DRAWS:,} (got {args.draws})")
    if args.seed < 0:
        raise UserError(f"--seed must be 0 or more (got {args.seed})")
    lookup = _model_lookup()
    scenario = _load(args.scenario, lookup)
    if scenario.currency != "USD":
        lookup = _model_lookup(scenario.currency)
    result = evaluate_scenario(scenario, lookup, args.draws, args.seed)
    comparison = (
        compare_approaches(scenario, lookup, draws=args.draws, seed=args.seed) if args.compare else ()
    )
    if args.json:
        data = result_to_dict(result)
        if args.compare:
            data["approaches"] = [_approach_dict(a) for a in comparison]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(result, comparison))
    return 0


def _approach_dict(a: ApproachResult) -> dict[str, Any]:
    det, mc = a.result.deterministic, a.result.monte_carlo
    full = result_to_dict(a.result)
    return {
        "approach": a.preset.key,
        "label": a.preset.label,
        "cost_level": a.preset.cost_level,
        "accuracy": a.preset.accuracy,
        "maintenance": a.preset.maintenance,
        "benefit_share": float(a.preset.benefit_share),
        "as_written": a.as_written,
        "npv": full["npv"],
        "roi_pct": full["roi_pct"],
        "irr_annual": full["irr_annual"],
        "payback_month": det.payback_month,
        "total_cost": full["total_cost"],
        "monte_carlo": {
            "npv": full["monte_carlo"]["npv"],
            "prob_roi_positive": full["monte_carlo"]["prob_roi_positive"],
            "prob_npv_positive": round(mc.prob_npv_positive, 6),
        },
        "warnings": full["warnings"],
    }


# ------------------------------------------------------------------------------------------- text report


def _money(value: float | None, currency: str) -> str:
    if value is None:
        return "–"
    sign = "−" if value < 0 else ""
    return f"{sign}{currency} {abs(value):,.0f}"


def _pct(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f} %"


def _rate(value: float | None) -> str:
    if value is None:
        return "–"
    return "above 1,000 %" if value > 10 else _pct(value * 100)


def _month(value: int | None) -> str:
    return "never" if value is None else f"month {value}"


def format_report(result: RoiResult, comparison: tuple[ApproachResult, ...] = ()) -> str:
    """The human-readable report: cards, Monte Carlo ranges, tornado, approach comparison, warnings."""
    s, det, mc = result.scenario, result.deterministic, result.monte_carlo
    cur = s.currency
    rate = float(s.discount_rate_annual) * 100
    out = [
        s.name,
        f"{s.horizon_months} months from {s.start.isoformat()} · discount {rate:.2f} % a year · "
        f"{mc.draws:,} draws, seed {mc.seed}",
        "",
        f"{'':16}{'likely':>16}{'P10':>16}{'P50':>16}{'P90':>16}",
        f"{'NPV':16}{_money(det.npv, cur):>16}"
        + "".join(f"{_money(v, cur):>16}" for v in (mc.npv.p10, mc.npv.p50, mc.npv.p90)),
        f"{'ROI':16}{_pct(det.roi_pct):>16}"
        + "".join(f"{_pct(v):>16}" for v in (mc.roi_pct.p10, mc.roi_pct.p50, mc.roi_pct.p90)),
        f"{'Payback':16}{_month(det.payback_month):>16}"
        + "".join(
            f"{_month(v):>16}" for v in (mc.payback_month.p10, mc.payback_month.p50, mc.payback_month.p90)
        ),
        f"{'IRR (annual)':16}{_rate(det.irr_annual):>16}",
        "",
        f"Total cost {_money(det.total_cost, cur)} · total benefit {_money(det.total_benefit, cur)} (likely, "
        "undiscounted)",
        f"Chance ROI > 0: {mc.prob_roi_positive * 100:.1f} % · chance NPV > 0: {mc.prob_npv_positive * 100:.1f} % · "
        f"pays back within the horizon: {mc.prob_payback * 100:.1f} %",
    ]
    if result.tornado:
        out += ["", "What moves the NPV (each input at its low / high value, the others at likely)"]
        widest = max(bar.swing for bar in result.tornado) or 1.0
        name_width = min(44, max(len(bar.name) for bar in result.tornado))
        for bar in result.tornado:
            blocks = "█" * max(1, round(24 * bar.swing / widest)) if bar.swing else ""
            name = bar.name if len(bar.name) <= name_width else bar.name[: name_width - 1] + "…"
            out.append(
                f"  {name:<{name_width}} {_money(bar.npv_low, cur):>14} → {_money(bar.npv_high, cur):<14} {blocks}"
            )
    if comparison:
        out += [
            "",
            "Approaches on the same benefits",
            f"  {'approach':<30}{'cost':<8}{'accuracy':<10}{'upkeep':<9}{'NPV likely':>14}{'NPV P10':>14}"
            f"{'NPV P90':>14}{'ROI':>10}{'payback':>10}{'ROI > 0':>9}",
        ]
        for a in comparison:
            r, p = a.result, a.preset
            label = p.label + (" (as written)" if a.as_written else "")
            payback = r.deterministic.payback_month
            out.append(
                f"  {label:<30}{p.cost_level:<8}{p.accuracy:<10}{p.maintenance:<9}"
                f"{_money(r.deterministic.npv, cur):>14}{_money(r.monte_carlo.npv.p10, cur):>14}"
                f"{_money(r.monte_carlo.npv.p90, cur):>14}{_pct(r.deterministic.roi_pct):>10}"
                f"{'never' if payback is None else f'm {payback}':>10}{r.monte_carlo.prob_roi_positive * 100:>8.0f} %"
            )
    if result.warnings:
        out += ["", "Warnings"]
        out += [f"  ! {say(w)}" for w in result.warnings]
    return "\n".join(out) + "\n"
