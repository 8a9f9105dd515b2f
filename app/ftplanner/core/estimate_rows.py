"""The rows of the Estimate page's comparison, without widgets: one per catalog model, with its estimate.

Figures come from :func:`ftplanner.core.plan_inputs.estimate_for_plan`, the very function ``ftplanner
estimate`` uses; a model whose analysis is missing gets a row that says why (its state).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ftplanner.core import display
from ftplanner.core.catalog import Catalog, ModelEntry
from ftplanner.core.errors import UserError
from ftplanner.core.estimate import MONEY_FIELDS, Estimate
from ftplanner.core.money import ExchangeRates, decimal_text
from ftplanner.core.plan import Plan
from ftplanner.core.plan_inputs import estimate_for_plan
from ftplanner.core.result import AnalysisResult
from ftplanner.core.timemodel import TimeModel

# Row states (the estimate is present only in STATE_OK).
STATE_OK = "ok"
STATE_NO_DATASET = "no_dataset"
STATE_ANALYSING = "analysing"
STATE_ERROR = "error"

# Money figures of an estimate exported exactly (in this order) after the shown columns.
MONEY_EXPORT = MONEY_FIELDS


@dataclass(frozen=True)
class EstimateRow:
    """One model of the comparison: its catalog entry and, once the analysis is there, its estimate."""

    entry: ModelEntry
    estimate: Estimate | None
    state: str
    badges: tuple[display.Badge, ...]
    message: str = ""


def estimate_rows(
    plan: Plan,
    entries: Iterable[ModelEntry],
    analyses: Mapping[str, AnalysisResult],
    failed: Mapping[str, str],
    *,
    no_dataset: str | None,
    today: date,
    time_model: TimeModel,
    currency: str,
    rates: ExchangeRates,
) -> list[EstimateRow]:
    """A row per entry; ``no_dataset`` is why there is no dataset to analyse (None when there is one)."""
    rows: list[EstimateRow] = []
    for entry in entries:
        badges = tuple(display.lifecycle_badges(entry, today))
        analysis = analyses.get(entry.encoding)
        if analysis is None:
            if no_dataset is not None:
                rows.append(EstimateRow(entry, None, STATE_NO_DATASET, badges, no_dataset))
            elif entry.encoding in failed:
                rows.append(EstimateRow(entry, None, STATE_ERROR, badges, failed[entry.encoding]))
            else:
                rows.append(EstimateRow(entry, None, STATE_ANALYSING, badges))
            continue
        try:
            result = estimate_for_plan(
                plan, entry, analysis, today=today, time_model=time_model, currency=currency, rates=rates
            )
        except UserError as exc:
            rows.append(EstimateRow(entry, None, STATE_ERROR, badges, str(exc)))
        else:
            rows.append(EstimateRow(entry, result, STATE_OK, badges))
    return rows


def incomplete_tco(rows: Iterable[EstimateRow]) -> list[EstimateRow]:
    """The estimated rows whose TCO is a lower bound (running costs unknown)."""
    return [
        r
        for r in rows
        if r.estimate is not None and r.estimate.tco is not None and not r.estimate.tco_complete
    ]


def money_key(row: EstimateRow, name: str) -> float:
    """Sort key of the estimate's money figure ``name`` (unknown last)."""
    return display.money_sort_key(getattr(row.estimate, name) if row.estimate else None)


def int_key(value: int | None) -> float | int:
    """Sort key of a count (unknown last)."""
    return float("inf") if value is None else value


def time_key(row: EstimateRow) -> float | int:
    """Sort key of the likely (P50) training time (unknown last)."""
    est = row.estimate
    return int_key(None) if est is None or est.time_p50_minutes is None else est.time_p50_minutes


def exact_amounts(row: EstimateRow) -> list[str]:
    """The row's :data:`MONEY_EXPORT` figures as exact decimal text (empty when unknown)."""
    values: list[Decimal | None] = [
        getattr(row.estimate, name) if row.estimate else None for name in MONEY_EXPORT
    ]
    return ["" if amount is None else decimal_text(amount) for amount in values]


def visible_entries(catalog: Catalog, provider: str = "", launchable_only: bool = False) -> list[ModelEntry]:
    """The catalog's models of ``provider`` (every provider when empty), launchable ones only if asked."""
    entries = [e for e in catalog.entries if not provider or e.provider == provider]
    if launchable_only:
        entries = [e for e in entries if e.launchable(catalog.today)]
    return entries


def include_model(plan: Plan, key: str, included: bool) -> bool:
    """Tick (or untick) ``key`` in the plan's compared models; whether the plan changed.

    The model just ticked becomes the one the plan goes with; unticking it goes back to the recommendation.
    """
    models = list(plan.models)
    if included and key not in models:
        models.append(key)
        plan.chosen_model = key
    elif not included and key in models:
        models.remove(key)
        if plan.chosen_model == key:
            plan.chosen_model = ""
    else:
        return False
    plan.models = models
    return True


def chart_rows(
    shown: list[EstimateRow], selected: list[EstimateRow], included: Iterable[str]
) -> list[EstimateRow]:
    """Rows for the cost chart: the selection when it has several rows, else the rows included in the plan,
    else every shown row; only rows with a known training cost."""
    picked = selected if len(selected) > 1 else []
    if not picked:
        keys = set(included)
        picked = [r for r in shown if r.entry.key in keys]
    if not picked:
        picked = shown
    return [r for r in picked if r.estimate is not None and r.estimate.training_cost is not None]
