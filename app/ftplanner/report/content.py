"""The report's figures, assembled from a plan with the core only (no Qt, no drawing).

:func:`build_report` takes a :class:`~ftplanner.core.plan.Plan` and returns a :class:`ReportContent`:
the dataset summary, one :class:`~ftplanner.core.estimate.Estimate` per planned model (money in the plan's
currency), the ROI result of the plan's scenario, the scenario's inputs and the warnings. The PDF, the CSV
files and ``ftplanner report --json`` all read this one object, so they cannot disagree.

A plan whose dataset is missing still gives a report: the estimates then come from the analysis summary the
plan stored (billed tokens per epoch and example count per encoding), and the report says so.
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

from ftplanner.core.catalog import Catalog, ModelEntry, load_catalog
from ftplanner.core.display import default_method
from ftplanner.core.errors import Cancelled, UserError
from ftplanner.core.estimate import Estimate, TrafficProfile, analysis_cap, estimate
from ftplanner.core.money import BASE_CURRENCY, ExchangeRates, check_currency
from ftplanner.core.plan import Plan, resolve_dataset
from ftplanner.core.result import AnalysisResult, Histogram
from ftplanner.core.roi import DEFAULT_DRAWS, DEFAULT_SEED, RoiResult, Scenario, evaluate_scenario
from ftplanner.core.roi.plan_json import scenario_from_plan
from ftplanner.core.roi.scenario import ModelLookup
from ftplanner.core.roi_catalog import catalog_lookup
from ftplanner.core.timemodel import TimeModel

Progress = Callable[[float, str], None]
CancelFlag = Callable[[], bool]

# Dataset states.
ANALYSED = "analysed"  # the file was read now (or the caller passed its analysis)
STORED = "stored"  # the file is missing; figures from the plan's stored summary
MISSING = "missing"  # the file is missing and the plan stored no summary
NO_DATASET = "none"  # the plan names no dataset

# Warning kinds (the PDF words them in the report's language; ``text`` keeps the core's English wording).
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
W_NO_SCENARIO = "no_scenario"
W_ROI = "roi"
W_RATE_STALE = "rate_stale"


@dataclass(frozen=True)
class ReportWarning:
    """One report warning: ``kind`` (see the ``W_*`` names), the model it concerns, values for the wording."""

    kind: str
    text: str
    model: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "model": self.model, "text": self.text, **_jsonable(dict(self.values))}


@dataclass(frozen=True)
class DatasetFacts:
    """What the report says about the training data (from an analysis now, or the plan's stored summary)."""

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
class ReportContent:
    plan_name: str
    plan_path: str
    generated: datetime
    today: date
    currency: str
    months: int
    epochs: int | None
    traffic: TrafficProfile | None
    dataset: DatasetFacts
    rows: tuple[ModelRow, ...]
    scenario: Scenario | None
    roi: RoiResult | None
    inputs: tuple[InputRow, ...]
    warnings: tuple[ReportWarning, ...]
    exchange_rate: Decimal = Decimal(1)

    @property
    def estimates(self) -> tuple[Estimate, ...]:
        return tuple(row.estimate for row in self.rows if row.estimate is not None)


# ------------------------------------------------------------------------------------------- building


def plan_scenario(plan: Plan, source: str, lookup: ModelLookup | None = None) -> Scenario | None:
    """The plan's scenario (a dict with the keys of a scenario TOML file), or None when it has none."""
    if not plan.scenario:
        return None
    try:
        return scenario_from_plan(plan.scenario, lookup)
    except UserError as exc:
        raise UserError(f"{source}: scenario.{exc}") from None


def plan_traffic(plan: Plan) -> TrafficProfile | None:
    t = plan.traffic
    try:
        return TrafficProfile(
            int(t.requests_per_month),
            int(t.input_tokens),
            int(t.output_tokens),
            cached_share=t.cached_share,
            batch_share=t.batch_share,
        )
    except UserError:
        return None


def summary_analysis(summary: Mapping[str, Any], encoding: str, source: str) -> AnalysisResult:
    """An analysis rebuilt from a plan's stored summary: its billed tokens per epoch and example count.

    The per-example token lengths are not stored, so every billed token counts as within any model's limit
    (the stored figure already has the analysed limit applied).
    """
    examples = int(summary.get("examples", 0))
    billing = int(summary.get("billing_tokens_per_epoch", 0))
    return AnalysisResult(
        source=source,
        file_size=0,
        format=str(summary.get("format", "")),
        encoding=encoding,
        max_example_tokens=int(summary.get("max_example_tokens", 0) or 0),
        lines=examples,
        examples=examples,
        error_count=int(summary.get("errors", 0)),
        error_counts={},
        errors=(),
        warnings=(),
        total_tokens=int(summary.get("total_tokens", billing)),
        assistant_tokens=0,
        over_limit_examples=0,
        missing_system=0,
        missing_user=0,
        duplicates=0,
        stats={},
        histogram=Histogram(),
        length_counts=((1, billing),) if billing else (),
    )


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
            found.append((name, None, str(exc)))
    return found


def _analyses(
    plan: Plan,
    base: Path | None,
    entries: list[ModelEntry],
    given: Mapping[str, AnalysisResult],
    progress: Progress | None,
    cancel: CancelFlag | None,
) -> tuple[str, dict[str, AnalysisResult]]:
    """(dataset state, analysis per encoding) for the encodings the entries need."""
    encodings = list(dict.fromkeys(e.encoding for e in entries)) or ["o200k_base"]
    if not plan.dataset:
        return NO_DATASET, dict(given)
    path = resolve_dataset(plan, base)
    if not path.is_file():
        stored = {
            enc: summary_analysis(plan.dataset_summary[enc], enc, str(path))
            for enc in encodings
            if isinstance(plan.dataset_summary.get(enc), Mapping)
        }
        return (STORED if stored else MISSING), {**stored, **given}
    found = dict(given)
    from ftplanner.core.analyzer import analyze

    for index, enc in enumerate(encodings):
        if enc in found:
            continue
        _step(progress, cancel, 0.05 + 0.45 * index / len(encodings), "analyse")
        cap = analysis_cap(e for e in entries if e.encoding == enc)
        found[enc] = analyze(str(path), enc, cap, cancel=cancel)
    return ANALYSED, found


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
        count = int(summary.get("warnings", 0)) if isinstance(summary, Mapping) else 0
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


def _model_warnings(row: Estimate, today: date) -> list[ReportWarning]:
    """The structured warnings of one estimate; the core's other notes are kept in their own words."""
    out: list[ReportWarning] = []
    if not row.exact_tokens:
        out.append(
            ReportWarning(
                W_APPROXIMATE,
                f"token counts approximate ({row.encoding} stand-in, ±{row.token_error:.0%})",
                row.model,
                {"encoding": row.encoding, "error": row.token_error},
            )
        )
    if row.stale:
        out.append(
            ReportWarning(
                W_STALE,
                f"prices as of {row.price_as_of.isoformat()} are more than 180 days old (stale)",
                row.model,
                {"as_of": row.price_as_of},
            )
        )
    if row.retires_on is not None and row.retires_on > today and row.months_counted < row.months:
        out.append(
            ReportWarning(
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
            ReportWarning(
                W_RETIRED, f"retired on {row.retires_on.isoformat()}", row.model, {"date": row.retires_on}
            )
        )
    if not row.launchable:
        out.append(ReportWarning(W_CLOSED, row.launch_status, row.model, {"status": row.launch_status}))
    covered = (
        "token counts approximate",
        "more than 180 days old",
        "inside the",
        "retired on",
        "cannot be launched",
    )
    for text in row.warnings:
        if not any(part in text for part in covered):
            out.append(ReportWarning(W_MODEL_NOTE, text, row.model))
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


def build_report(
    plan: Plan,
    plan_path: Path | None = None,
    *,
    catalog: Catalog | None = None,
    analysis: AnalysisResult | Mapping[str, AnalysisResult] | None = None,
    rates: ExchangeRates | None = None,
    roi: RoiResult | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> ReportContent:
    """Every figure of the report for ``plan``.

    ``catalog``, ``analysis`` (one result or one per encoding) and ``roi`` are used when given (the GUI has
    them in memory); otherwise the catalog is loaded with the plan's price overrides, the dataset analysed
    once per encoding and the scenario simulated with ``draws`` and ``seed`` (as ``ftplanner roi``).
    Raises :class:`UserError` for an unusable plan (bad currency, missing rate, invalid scenario) and
    :class:`Cancelled` when ``cancel()`` turns true.
    """
    source = str(plan_path) if plan_path is not None else plan.name
    base = plan_path.parent if plan_path is not None else None
    _step(progress, cancel, 0.0, "catalog")
    if catalog is None:
        catalog = load_catalog(plan_overrides=plan.price_overrides or None, today=today, plan_label=source)
    today = catalog.today
    rates = rates if rates is not None else ExchangeRates.load()
    try:
        currency = check_currency(plan.currency)
        rate = rates.rate(currency) if currency != BASE_CURRENCY else Decimal(1)
    except UserError as exc:
        raise UserError(f"{source}: currency: {exc}") from None
    warnings: list[ReportWarning] = []
    if currency != BASE_CURRENCY:
        rate_row = rates.get(currency)
        if rate_row is not None and rate_row.is_stale(today):
            warnings.append(
                ReportWarning(
                    W_RATE_STALE,
                    f"exchange rate for {currency} was set on {rate_row.set_on} (more than 30 days ago)",
                    values={"currency": currency, "date": rate_row.set_on},
                )
            )

    named = _entries(catalog, plan)
    entries = [entry for _, entry, _ in named if entry is not None]
    given: dict[str, AnalysisResult] = {}
    if isinstance(analysis, AnalysisResult):
        given[analysis.encoding] = analysis
    elif analysis:
        given.update(analysis)
    state, analyses = _analyses(plan, base, entries, given, progress, cancel)
    main_encoding = entries[0].encoding if entries else next(iter(analyses), "o200k_base")
    dataset = _dataset_facts(plan, base, state, analyses, main_encoding)
    if state == NO_DATASET:
        warnings.append(ReportWarning(W_NO_DATASET, "the plan names no dataset"))
    elif state in (STORED, MISSING):
        warnings.append(
            ReportWarning(
                W_DATASET_MISSING, f"dataset not found: {dataset.path}", values={"path": dataset.path}
            )
        )
        if state == STORED:
            warnings.append(
                ReportWarning(
                    W_STORED_SUMMARY,
                    "figures come from the analysis summary stored in the plan; per-model example limits"
                    " could not be re-applied",
                )
            )
    if dataset.errors:
        warnings.append(
            ReportWarning(
                W_DATA_ERRORS, f"{dataset.errors} line(s) with data errors", values={"count": dataset.errors}
            )
        )
    for text in dataset.warnings:
        warnings.append(ReportWarning(W_DATA_WARNING, text))

    _step(progress, cancel, 0.5, "estimate")
    traffic = plan_traffic(plan)
    time_model = TimeModel.from_catalog(catalog)
    rows: list[ModelRow] = []
    for name, entry, error in named:
        if entry is None:
            rows.append(ModelRow(name, None, None, error))
            warnings.append(ReportWarning(W_ESTIMATE_FAILED, error, name))
            continue
        found = analyses.get(entry.encoding)
        if found is None:
            reason = "no dataset analysis" if state != MISSING else "dataset missing"
            rows.append(ModelRow(entry.key, entry, None, reason))
            continue
        try:
            row = estimate(
                found,
                entry,
                epochs=plan.epochs,
                traffic=traffic,
                months=plan.months,
                today=today,
                time_model=time_model,
                method=default_method(entry),
                currency=currency,
                rates=rates,
            )
        except UserError as exc:
            rows.append(ModelRow(entry.key, entry, None, str(exc)))
            warnings.append(ReportWarning(W_ESTIMATE_FAILED, str(exc), entry.key))
            continue
        rows.append(ModelRow(entry.key, entry, row))
        warnings.extend(_model_warnings(row, today))

    _step(progress, cancel, 0.6, "roi")
    scenario = roi.scenario if roi is not None else None
    if roi is None:
        plain_lookup = catalog_lookup(catalog)
        scenario = plan_scenario(plan, source, plain_lookup)
        if scenario is not None:
            own = scenario.model is not None and scenario.model.inference_per_month is not None
            lookup = catalog_lookup(
                catalog, traffic=None if own else traffic, currency=scenario.currency, rates=rates
            )

            def step(fraction: float) -> None:
                _step(progress, cancel, 0.6 + 0.35 * fraction, "roi")

            roi = evaluate_scenario(scenario, lookup, draws, seed, step, cancel)
    if roi is None:
        warnings.append(ReportWarning(W_NO_SCENARIO, "the plan has no ROI scenario"))
    else:
        warnings.extend(ReportWarning(W_ROI, text) for text in roi.warnings)
    _step(progress, cancel, 1.0, "done")
    return ReportContent(
        plan_name=plan.name,
        plan_path=str(plan_path) if plan_path is not None else "",
        generated=datetime.now().replace(microsecond=0),
        today=today,
        currency=currency,
        months=plan.months,
        epochs=plan.epochs,
        traffic=traffic,
        dataset=dataset,
        rows=tuple(rows),
        scenario=scenario,
        roi=roi,
        inputs=_inputs(roi) if roi is not None else (),
        warnings=tuple(warnings),
        exchange_rate=rate,
    )


# ---------------------------------------------------------------------------------------------- JSON


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        from ftplanner.core.money import decimal_text

        return decimal_text(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def json_text(data: Mapping[str, Any]) -> str:
    return json.dumps(_jsonable(data), indent=2, ensure_ascii=False)
