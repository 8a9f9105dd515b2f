"""One evaluation of a plan: every figure the Summary page, the other pages, the CLI and the report show.

:func:`evaluate_plan` takes a :class:`~ftplanner.core.plan.Plan`, the catalog (with the user's and the plan's
overrides), the time model (calibrated by the caller, once), the exchange rates and a date, and returns one
:class:`PlanEvaluation`: the dataset summary, one :class:`~ftplanner.core.estimate.Estimate` per compared
model (money in the plan's currency), the chosen model with the reason, the ROI of the plan's scenario with
its model costs linked from the chosen row (or the user's overrides), the headline :class:`PlanSummary` and
every warning. Front ends render this object; they compute nothing of their own.

A plan whose dataset is missing is still evaluated: the estimates then come from the analysis summary the
plan stored (billed tokens per epoch and example count per encoding), and the evaluation says so.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.core.catalog import Catalog, ModelEntry
from ftplanner.core.errors import Cancelled, UserError
from ftplanner.core.estimate import UNKNOWN_RUNNING_COSTS, Estimate, TrafficProfile, analysis_cap
from ftplanner.core.messages import message_of
from ftplanner.core.money import ExchangeRates, decimal_text, json_value
from ftplanner.core.plan import Plan, resolve_dataset
from ftplanner.core.plan_inputs import (
    estimate_for_plan,
    plan_currency,
    plan_scenario,
    plan_traffic,
    summary_analysis,
)
from ftplanner.core.recommendation import PlanSummary, Recommendation, recommend, risks_of, summarise
from ftplanner.core.result import AnalysisResult
from ftplanner.core.roi import DEFAULT_DRAWS, DEFAULT_SEED, RoiResult, Scenario, evaluate_scenario
from ftplanner.core.roi.approaches import ApproachResult, compare_approaches
from ftplanner.core.roi.engine import result_to_dict
from ftplanner.core.roi.schedule import add_months
from ftplanner.core.roi_catalog import catalog_lookup
from ftplanner.core.roi_link import LinkedInput, link_scenario, scenario_in_currency
from ftplanner.core.timemodel import TimeModel

Progress = Callable[[float, str], None]
CancelFlag = Callable[[], bool]

# Dataset states.
ANALYSED = "analysed"  # the file was read now (or the caller passed its analysis)
STORED = "stored"  # the file is missing; figures from the plan's stored summary
MISSING = "missing"  # the file is missing and the plan stored no summary
NO_DATASET = "none"  # the plan names no dataset
PENDING = "pending"  # the file is there but not analysed yet (the caller analyses it; rows wait)

# Warning kinds (front ends word them in the user's language; ``text`` keeps the core's English wording).
W_DATASET_MISSING = "dataset_missing"
W_STORED_SUMMARY = "stored_summary"
W_NO_DATASET = "no_dataset"
W_DATA_ERRORS = "data_errors"
W_DATA_WARNING = "data_warning"
W_APPROXIMATE = "approximate_tokens"
W_STALE = "stale_price"
W_RETIRES = "retires_in_horizon"
W_RETIRED = "retired"
W_CLOSED = "closed"
W_ESTIMATE_FAILED = "estimate_failed"
W_MODEL_NOTE = "model_note"
W_RUNNING_UNKNOWN = "running_costs_unknown"  # no published price for running the fine-tuned model
W_DEDICATED = "dedicated_serving"  # served on a dedicated deployment billed per hour
W_NO_SCENARIO = "no_scenario"
W_ROI = "roi"
W_RATE_STALE = "rate_stale"
W_CURRENCY = "currency_fallback"


@dataclass(frozen=True)
class PlanWarning:
    """One warning: ``kind`` (see the ``W_*`` names), the model it concerns, values for the wording."""

    kind: str
    text: str
    model: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "model": self.model, "text": self.text, **json_value(dict(self.values))}


@dataclass(frozen=True)
class DatasetFacts:
    """What the evaluation says about the training data (from an analysis now, or the plan's stored summary)."""

    path: str
    state: str
    encoding: str = ""
    format: str = ""
    examples: int | None = None
    billing_tokens_per_epoch: int | None = None
    epochs: int | None = None
    epochs_auto: bool = True
    charged_tokens: int | None = None
    errors: int | None = None
    warnings: tuple[str, ...] = ()
    warning_count: int = 0


@dataclass(frozen=True)
class ModelRow:
    """One row of the comparison: the estimate, or why there is none."""

    key: str
    entry: ModelEntry | None
    estimate: Estimate | None
    error: str = ""


@dataclass(frozen=True)
class InputRow:
    """One scenario input as the engine uses it: a cash-flow line with its range and timing."""

    name: str
    side: str  # cost | benefit
    dist: str
    low: Decimal
    likely: Decimal
    high: Decimal
    first_month: int | None
    last_month: int | None
    months_active: int
    ramp: bool


@dataclass(frozen=True)
class PlanEvaluation:
    plan_name: str
    plan_description: str
    plan_path: str
    generated: datetime
    today: date
    currency: str
    months: int
    epochs: int | None
    traffic: TrafficProfile | None
    dataset: DatasetFacts
    rows: tuple[ModelRow, ...]
    recommendation: Recommendation
    scenario: Scenario | None
    linked: tuple[LinkedInput, ...]
    roi: RoiResult | None
    approaches: tuple[ApproachResult, ...]
    inputs: tuple[InputRow, ...]
    summary: PlanSummary
    warnings: tuple[PlanWarning, ...]
    exchange_rate: Decimal = Decimal(1)
    rate_set_on: date | None = None
    # the analyses the figures come from (analysed now ones included), so a caller can keep them
    analyses: Mapping[str, AnalysisResult] = field(default_factory=dict, repr=False, compare=False)

    @property
    def estimates(self) -> tuple[Estimate, ...]:
        return tuple(row.estimate for row in self.rows if row.estimate is not None)

    @property
    def chosen(self) -> ModelRow | None:
        return next((row for row in self.rows if row.key == self.recommendation.model), None)

    def row(self, key: str) -> ModelRow | None:
        return next((row for row in self.rows if row.key == key), None)


# ------------------------------------------------------------------------------------------- building


def _step(progress: Progress | None, cancel: CancelFlag | None, fraction: float, what: str) -> None:
    if cancel is not None and cancel():
        raise Cancelled()
    if progress is not None:
        progress(fraction, what)


def _entries(catalog: Catalog, plan: Plan) -> list[tuple[str, ModelEntry | None, str]]:
    found: list[tuple[str, ModelEntry | None, str]] = []
    for name in dict.fromkeys(plan.models):
        try:
            found.append((name, catalog.get(name), ""))
        except UserError as exc:
            found.append((name, None, message_of(exc)))
    return found


def _analyses(
    plan: Plan,
    base: Path | None,
    entries: list[ModelEntry],
    given: Mapping[str, AnalysisResult],
    analyze_missing: bool,
    progress: Progress | None,
    cancel: CancelFlag | None,
) -> tuple[str, dict[str, AnalysisResult]]:
    """(dataset state, analysis per encoding) for the encodings the entries need."""
    limits = _analysis_limits(entries)
    if not plan.dataset:
        return NO_DATASET, dict(given)
    path = resolve_dataset(plan, base)
    if not path.is_file():
        stored = {
            enc: summary_analysis(plan.dataset_summary[enc], enc, str(path))
            for enc in limits
            if isinstance(plan.dataset_summary.get(enc), Mapping)
        }
        return (STORED if stored else MISSING), {**stored, **given}
    found = dict(given)
    if not analyze_missing:
        return (ANALYSED if found else PENDING), found
    from ftplanner.core.analysis_cache import analyze_cached

    for index, (enc, cap) in enumerate(limits.items()):
        if enc in found:
            continue
        _step(progress, cancel, 0.05 + 0.45 * index / len(limits), "analyse")
        found[enc] = analyze_cached(path, enc, cap, cancel=cancel)  # reused while the file is unchanged
    return ANALYSED, found


def _analysis_limits(entries: list[ModelEntry]) -> dict[str, int]:
    """Encoding → example limit of each analysis the entries need (o200k_base when there are none)."""
    encodings = dict.fromkeys(e.encoding for e in entries) or dict.fromkeys(["o200k_base"])
    return {enc: analysis_cap(e for e in entries if e.encoding == enc) for enc in encodings}


def analyses_needed(plan: Plan, plan_path: Path | None, catalog: Catalog) -> list[tuple[Path, str, int]]:
    """(dataset, encoding, example limit) of each analysis :func:`evaluate_plan` would make for ``plan``."""
    if not plan.dataset:
        return []
    path = resolve_dataset(plan, plan_path.parent if plan_path is not None else None)
    if not path.is_file():
        return []
    entries = [entry for _, entry, _ in _entries(catalog, plan) if entry is not None]
    return [(path, enc, cap) for enc, cap in _analysis_limits(entries).items()]


def _dataset_facts(
    plan: Plan, base: Path | None, state: str, analyses: Mapping[str, AnalysisResult], encoding: str
) -> DatasetFacts:
    path = os.path.normpath(resolve_dataset(plan, base)) if plan.dataset else ""
    analysis = analyses.get(encoding) or next(iter(analyses.values()), None)
    if analysis is None:
        return DatasetFacts(path, state)
    epochs = plan.epochs if plan.epochs is not None else analysis.auto_epochs
    warnings = tuple(w.message for w in analysis.warnings)
    count = len(warnings)
    if state == STORED:
        summary = plan.dataset_summary.get(analysis.encoding, {})
        stored = summary.get("warnings", 0) if isinstance(summary, Mapping) else 0
        count = int(stored) if isinstance(stored, int) and not isinstance(stored, bool) else 0
    billing = analysis.billing_tokens_per_epoch
    return DatasetFacts(
        path=path,
        state=state,
        encoding=analysis.encoding,
        format=analysis.format,
        examples=analysis.examples,
        billing_tokens_per_epoch=billing,
        epochs=epochs,
        epochs_auto=plan.epochs is None,
        charged_tokens=billing * epochs,
        errors=analysis.error_count,
        warnings=warnings,
        warning_count=count,
    )


def _model_warnings(row: Estimate, today: date) -> list[PlanWarning]:
    """The structured warnings of one estimate; the core's other notes are kept in their own words."""
    out: list[PlanWarning] = []
    if not row.exact_tokens:
        out.append(
            PlanWarning(
                W_APPROXIMATE,
                f"token counts approximate ({row.encoding} stand-in, ±{row.token_error:.0%})",
                row.model,
                {"encoding": row.encoding, "error": row.token_error},
            )
        )
    if row.stale:
        out.append(
            PlanWarning(
                W_STALE,
                f"prices as of {row.price_as_of.isoformat()} are more than 180 days old (stale)",
                row.model,
                {"as_of": row.price_as_of},
            )
        )
    if row.retires_on is not None and row.retires_on > today and row.months_counted < row.months:
        out.append(
            PlanWarning(
                W_RETIRES,
                f"retires on {row.retires_on.isoformat()}, inside the {row.months}-month horizon",
                row.model,
                {
                    "date": row.retires_on,
                    "months": row.months,
                    "counted": row.months_counted,
                    "unconfirmed": row.retirement_unconfirmed,
                },
            )
        )
    elif row.retires_on is not None and row.retires_on <= today:
        out.append(
            PlanWarning(
                W_RETIRED, f"retired on {row.retires_on.isoformat()}", row.model, {"date": row.retires_on}
            )
        )
    if not row.launchable:
        out.append(PlanWarning(W_CLOSED, row.launch_status, row.model, {"status": row.launch_status}))
    if not row.inference_price_known:
        out.append(PlanWarning(W_RUNNING_UNKNOWN, UNKNOWN_RUNNING_COSTS, row.model))
    elif row.serving == "dedicated":
        out.append(PlanWarning(W_DEDICATED, "served on a dedicated deployment billed per hour", row.model))
    covered = (
        "no published price for running",
        "served on a dedicated deployment",
        "token counts approximate",
        "more than 180 days old",
        "inside the",
        "retired on",
        "cannot be launched",
    )
    for text in row.warnings:
        if not any(part in text for part in covered):
            out.append(PlanWarning(W_MODEL_NOTE, text, row.model))
    return out


def _inputs(result: RoiResult) -> tuple[InputRow, ...]:
    rows = []
    for line in result.schedule.lines:
        active = [t for t, share in enumerate(line.pattern) if share > 0]
        shares = [line.pattern[t] for t in active]
        rows.append(
            InputRow(
                name=line.name,
                side=line.side,
                dist=line.amount.dist if line.amount.is_uncertain else "fixed",
                low=line.amount.low,
                likely=line.amount.likely,
                high=line.amount.high,
                first_month=active[0] if active else None,
                last_month=active[-1] if active else None,
                months_active=len(active),
                ramp=any(share < 1 for share in shares),
            )
        )
    return tuple(rows)


def _dataset_warnings(dataset: DatasetFacts) -> list[PlanWarning]:
    warnings: list[PlanWarning] = []
    if dataset.state == NO_DATASET:
        warnings.append(PlanWarning(W_NO_DATASET, "the plan names no dataset"))
    elif dataset.state in (STORED, MISSING):
        warnings.append(
            PlanWarning(
                W_DATASET_MISSING, f"dataset not found: {dataset.path}", values={"path": dataset.path}
            )
        )
        if dataset.state == STORED:
            warnings.append(
                PlanWarning(
                    W_STORED_SUMMARY,
                    "figures come from the analysis summary stored in the plan; per-model example limits"
                    " could not be re-applied",
                )
            )
    if dataset.errors:
        warnings.append(
            PlanWarning(
                W_DATA_ERRORS, f"{dataset.errors} line(s) with data errors", values={"count": dataset.errors}
            )
        )
    warnings.extend(PlanWarning(W_DATA_WARNING, text) for text in dataset.warnings)
    return warnings


def evaluate_plan(
    plan: Plan,
    plan_path: Path | None = None,
    *,
    catalog: Catalog,
    time_model: TimeModel,
    rates: ExchangeRates,
    analyses: Mapping[str, AnalysisResult] | None = None,
    analyze_missing: bool = True,
    currency_fallback: bool = False,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    approaches: bool = False,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> PlanEvaluation:
    """Every figure of ``plan`` as of ``catalog.today``.

    ``analyses`` (one per encoding) are used when given; the others are analysed now unless
    ``analyze_missing`` is false (then their rows wait). ``time_model`` is built once by the caller (calibrated
    with finished jobs). ``currency_fallback`` shows money in USD, with a warning, when the plan's currency has
    no rate (the GUI); otherwise that is a :class:`UserError`. ``approaches`` adds the prompt / RAG /
    fine-tuning comparison. Raises :class:`UserError` for an unusable plan and :class:`Cancelled` when
    ``cancel()`` turns true.
    """
    source = str(plan_path) if plan_path is not None else plan.name
    base = plan_path.parent if plan_path is not None else None
    today = catalog.today
    _step(progress, cancel, 0.0, "catalog")
    money = plan_currency(plan, rates, today, fallback=currency_fallback)
    currency = money.code
    warnings: list[PlanWarning] = []
    if money.problem:
        warnings.append(PlanWarning(W_CURRENCY, money.problem, values={"currency": plan.currency}))
    if money.stale:
        warnings.append(
            PlanWarning(
                W_RATE_STALE,
                f"exchange rate for {currency} was set on {money.set_on} (more than 30 days ago)",
                values={"currency": currency, "date": money.set_on},
            )
        )

    named = _entries(catalog, plan)
    entries = [entry for _, entry, _ in named if entry is not None]
    state, found = _analyses(plan, base, entries, dict(analyses or {}), analyze_missing, progress, cancel)
    main_encoding = entries[0].encoding if entries else next(iter(found), "o200k_base")
    dataset = _dataset_facts(plan, base, state, found, main_encoding)
    warnings += _dataset_warnings(dataset)

    _step(progress, cancel, 0.5, "estimate")
    rows: list[ModelRow] = []
    for name, entry, error in named:
        if entry is None:
            rows.append(ModelRow(name, None, None, error))
            warnings.append(PlanWarning(W_ESTIMATE_FAILED, error, name))
            continue
        analysis = found.get(entry.encoding)
        if analysis is None:
            reasons = {MISSING: "dataset missing", PENDING: "analysing", NO_DATASET: "no dataset"}
            rows.append(ModelRow(entry.key, entry, None, reasons.get(state, "no dataset analysis")))
            continue
        try:
            row = estimate_for_plan(
                plan, entry, analysis, today=today, time_model=time_model, currency=currency, rates=rates
            )
        except UserError as exc:
            rows.append(ModelRow(entry.key, entry, None, message_of(exc)))
            warnings.append(PlanWarning(W_ESTIMATE_FAILED, message_of(exc), entry.key))
            continue
        rows.append(ModelRow(entry.key, entry, row))
        warnings.extend(_model_warnings(row, today))

    _step(progress, cancel, 0.6, "roi")
    scenario = plan_scenario(plan, source, catalog_lookup(catalog))
    start = scenario.start if scenario is not None else today
    horizon = scenario.horizon_months if scenario is not None else plan.months
    horizon_end = add_months(start, horizon)
    recommendation = recommend([(row.key, row.estimate) for row in rows], plan.chosen_model, horizon_end)
    chosen = next((row for row in rows if row.key == recommendation.model), None)
    linked: tuple[LinkedInput, ...] = ()
    roi = None
    compared: tuple[ApproachResult, ...] = ()
    if scenario is not None:
        scenario = scenario_in_currency(scenario, currency, rates)
        scenario, linked = link_scenario(
            scenario, chosen.estimate if chosen else None, plan.roi_overrides, rates, source
        )
        lookup = catalog_lookup(catalog, traffic=plan_traffic(plan), currency=currency, rates=rates)
        share = 0.35 if approaches else 0.4

        def step(fraction: float) -> None:
            _step(progress, cancel, 0.6 + share * fraction, "roi")

        try:
            roi = evaluate_scenario(scenario, lookup, draws, seed, step, cancel)
        except UserError as exc:
            raise UserError(f"{source}: scenario: {exc}") from None
        if approaches:

            def later(fraction: float) -> None:
                _step(progress, cancel, 0.95 + 0.05 * fraction, "approaches")

            compared = tuple(
                compare_approaches(scenario, lookup, draws=draws, seed=seed, progress=later, cancel=cancel)
            )
    if roi is None:
        warnings.append(PlanWarning(W_NO_SCENARIO, "the plan has no ROI scenario"))
    else:
        warnings.extend(PlanWarning(W_ROI, text) for text in roi.warnings)
    est = chosen.estimate if chosen is not None else None
    risks = risks_of(
        est,
        horizon_end,
        data_errors=dataset.errors or 0,
        missing_dataset=dataset.path if dataset.state in (STORED, MISSING) else "",
        roi=roi,
        rate_stale=money.stale,
    )
    _step(progress, cancel, 1.0, "done")
    return PlanEvaluation(
        plan_name=plan.name,
        plan_description=plan.description,
        plan_path=str(plan_path) if plan_path is not None else "",
        generated=datetime.now().replace(microsecond=0),
        today=today,
        currency=currency,
        months=plan.months,
        epochs=plan.epochs,
        traffic=plan_traffic(plan),
        dataset=dataset,
        rows=tuple(rows),
        recommendation=recommendation,
        scenario=scenario,
        linked=linked,
        roi=roi,
        approaches=compared,
        inputs=_inputs(roi) if roi is not None else (),
        summary=summarise(currency, est, _provider(chosen), recommendation, roi, risks),
        warnings=tuple(warnings),
        exchange_rate=money.rate,
        rate_set_on=money.set_on,
        analyses=found if state == ANALYSED else {},
    )


def _provider(row: ModelRow | None) -> str:
    entry = row.entry if row is not None else None
    return (entry.provider_name or entry.provider) if entry is not None else ""


# ---------------------------------------------------------------------------------------------- JSON


def evaluation_to_dict(evaluation: PlanEvaluation) -> dict[str, Any]:
    """The evaluation as ``ftplanner plan --json`` prints it (``ftplanner report --json`` holds the same).

    ``models`` rows carry the keys and values of ``ftplanner estimate --json``; ``roi`` is ``ftplanner roi
    --json``'s result plus the linked inputs.
    """
    rec = evaluation.recommendation
    models: list[dict[str, Any]] = []
    for row in evaluation.rows:
        item = row.estimate.to_dict() if row.estimate is not None else {"model": row.key}
        item["error"] = row.error
        models.append(item)
    roi: dict[str, Any] | None = None
    if evaluation.roi is not None:
        roi = result_to_dict(evaluation.roi)
    if roi is not None or evaluation.linked:
        roi = {**(roi or {}), "linked": [link.to_dict() for link in evaluation.linked]}
    return {
        "plan": {
            "name": evaluation.plan_name,
            "description": evaluation.plan_description,
            "path": evaluation.plan_path,
            "months": evaluation.months,
            "epochs": evaluation.epochs,
        },
        "today": evaluation.today.isoformat(),
        "currency": evaluation.currency,
        "exchange_rate": decimal_text(evaluation.exchange_rate),
        "rate_set_on": evaluation.rate_set_on.isoformat() if evaluation.rate_set_on else None,
        "summary": evaluation.summary.to_dict(),
        "recommendation": {
            "model": rec.model,
            "chosen_by": rec.chosen_by,
            "code": rec.code,
            "reason": rec.text,
        },
        "models": models,
        "roi": roi,
        "warnings": [w.to_dict() for w in evaluation.warnings],
    }


def json_text(data: Mapping[str, Any]) -> str:
    return json.dumps(json_value(data), indent=2, ensure_ascii=False)
