"""Per-model estimates from one dataset analysis: training cost and time, running costs, lifecycle.

All money is USD Decimal at full precision until :meth:`Estimate.converted` applies a user exchange
rate; nothing is rounded here. Conventions:

* training (per token) = charged tokens × price / 1M, where charged = Σ min(limit, tokens per example)
  × epochs, plus n_evals × validation tokens where the provider bills validation (Together);
  then the per-job minimum and cap apply;
* training (per hour, reinforcement fine-tuning) = billed hours × hourly rate (hours must be given);
* inference per month = requests × per-request cost, blending standard/batch and cached/uncached input;
* hosting per month = hourly hosting × :data:`HOURS_PER_MONTH` + any fixed monthly fee; a model served on a
  dedicated deployment (``serving = "dedicated"``) pays that hourly rate and nothing per token;
* total cost of ownership = training + months counted × (inference + hosting), where the months
  counted stop at the model's retirement date. Where the catalog has no price for running the model
  (``serving = "unknown"``) inference is unknown (None, never 0) and the TCO is marked incomplete.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ftplanner.core.catalog import ModelEntry
from ftplanner.core.errors import UserError
from ftplanner.core.messages import msg
from ftplanner.core.money import BASE_CURRENCY, ExchangeRates, check_currency, format_money, json_value
from ftplanner.core.result import AnalysisResult
from ftplanner.core.timemodel import TimeModel

MTOK = Decimal(1_000_000)
# 8,760 hours in a 365-day year / 12 months: the usual cloud billing month (Azure's own calculator uses it).
HOURS_PER_MONTH = Decimal(730)
DAYS_PER_MONTH = Decimal(365) / Decimal(12)
NO_LIMIT = 2**62  # per-example cap used when the catalog does not state one
DEFAULT_MAX_EXAMPLE_TOKENS = 65_536  # analysis cap when no selected model states one

MONEY_FIELDS = (  # an estimate's money figures, in the order exports list them
    "training_cost",
    "training_cost_low",
    "training_cost_high",
    "inference_cost_per_month",
    "hosting_cost_per_month",
    "tco",
)


@dataclass(frozen=True)
class TrafficProfile:
    """Monthly use of the fine-tuned model. Shares are fractions 0–1."""

    requests_per_month: int
    input_tokens: int
    output_tokens: int
    cached_share: Decimal | float = Decimal(0)
    batch_share: Decimal | float = Decimal(0)

    def __post_init__(self) -> None:
        for name in ("requests_per_month", "input_tokens", "output_tokens"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise UserError(
                    msg("estimate.traffic_not_whole", name=name.replace("_", " "), value=repr(value))
                )
        for name in ("cached_share", "batch_share"):
            value = Decimal(str(getattr(self, name)))
            if not (0 <= value <= 1):
                raise UserError(
                    msg("estimate.traffic_bad_share", name=name.replace("_", " "), value=str(value))
                )
            object.__setattr__(self, name, value)


@dataclass(frozen=True)
class Estimate:
    """One row of the model comparison. Money fields are in :attr:`currency`."""

    model: str  # catalog key provider/id
    model_id: str
    display_name: str
    provider: str
    method: str
    encoding: str
    exact_tokens: bool
    token_error: Decimal
    examples: int
    epochs: int
    epochs_auto: bool
    max_example_tokens: int | None
    over_limit_examples: int
    billing_tokens_per_epoch: int
    training_charged_tokens: int
    validation_charged_tokens: int
    charged_tokens: int
    training_hours: Decimal | None
    training_cost: Decimal | None
    training_cost_low: Decimal | None
    training_cost_high: Decimal | None
    time_p10_minutes: float | None
    time_p50_minutes: float | None
    time_p90_minutes: float | None
    can_launch_until: date | None
    retires_on: date | None
    retirement_unconfirmed: bool
    launchable: bool
    launch_status: str
    inference_cost_per_month: Decimal | None
    hosting_cost_per_month: Decimal
    months: int
    months_counted: Decimal
    tco: Decimal | None  # training + months counted × (inference + hosting); None if training cost unknown
    tco_includes_inference: bool  # False when traffic was given but the inference price is unknown
    price_as_of: date
    stale: bool
    sources: tuple[str, ...]
    currency: str = BASE_CURRENCY
    exchange_rate: Decimal = Decimal(1)
    warnings: tuple[str, ...] = field(default=())
    serving: str = "unknown"  # per_token | dedicated | unknown: how running the fine-tuned model is billed
    inference_price_known: bool = False  # the catalog prices running the model; False = running costs unknown
    tco_complete: bool = False  # training and running costs are all priced: the TCO is not a lower bound
    running_costs_as_of: date | None = None
    running_costs_sources: tuple[str, ...] = ()

    @property
    def hosting_known(self) -> bool:
        """Hosting is priced: the running price is known, or the catalog states a fixed fee anyway."""
        return self.inference_price_known or self.hosting_cost_per_month > 0

    def converted(self, currency: str, rates: ExchangeRates) -> Estimate:
        """The same estimate with money in ``currency`` (rate × USD amount, unrounded)."""
        code = check_currency(currency)
        if code == self.currency:
            return self
        if self.currency != BASE_CURRENCY:
            raise ValueError("convert from the USD estimate")
        rate = rates.rate(code)
        changes: dict[str, Any] = {
            name: (None if getattr(self, name) is None else getattr(self, name) * rate)
            for name in MONEY_FIELDS
        }
        return dataclasses.replace(self, currency=code, exchange_rate=rate, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The CLI JSON object. Money is a string of the exact decimal (full precision, no rounding)."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = round(value, 1) if isinstance(value, float) else json_value(value)
        return out


def hosting_cost_per_month(entry: ModelEntry) -> Decimal:
    """Hosting of one deployed fine-tune for a month: hourly fee × 730 h + fixed monthly fee."""
    hourly = entry.hosting_per_hour or Decimal(0)
    return hourly * HOURS_PER_MONTH + (entry.hosting_per_month or Decimal(0))


UNKNOWN_RUNNING_COSTS = msg("estimate.running_costs_unknown")


def _inference(entry: ModelEntry, traffic: TrafficProfile, warnings: list[str]) -> Decimal | None:
    if entry.serving == "dedicated":
        return Decimal(0)  # a dedicated deployment bills its hours (hosting), not tokens
    if entry.input_per_mtok is None or entry.output_per_mtok is None:
        return None
    cached = Decimal(traffic.cached_share)
    batch = Decimal(traffic.batch_share)
    cached_in = entry.cached_input_per_mtok
    if cached_in is None:
        if cached:
            warnings.append(msg("estimate.no_cached_price"))
        cached_in = entry.input_per_mtok
    standard = (
        traffic.input_tokens * ((1 - cached) * entry.input_per_mtok + cached * cached_in)
        + traffic.output_tokens * entry.output_per_mtok
    )
    per_request = standard
    if batch:
        b_in, b_out = entry.batch_input_per_mtok, entry.batch_output_per_mtok
        if b_in is None or b_out is None:
            warnings.append(msg("estimate.no_batch_price"))
            b_in, b_out = entry.input_per_mtok, entry.output_per_mtok
        b_cached = entry.batch_cached_input_per_mtok
        if b_cached is None:
            b_cached = b_in
        batched = (
            traffic.input_tokens * ((1 - cached) * b_in + cached * b_cached) + traffic.output_tokens * b_out
        )
        per_request = (1 - batch) * standard + batch * batched
    return traffic.requests_per_month * per_request / MTOK


def inference_cost_per_month(entry: ModelEntry, traffic: TrafficProfile) -> Decimal | None:
    """Monthly inference cost in USD for ``traffic``; None when the catalog has no inference price
    (0 for a dedicated deployment, whose hours are the hosting cost)."""
    return _inference(entry, traffic, [])


def _months_counted(entry: ModelEntry, months: int, today: date, warnings: list[str]) -> Decimal:
    horizon = Decimal(months)
    if entry.retires_on is None:
        return horizon
    unconfirmed = msg("estimate.unconfirmed") if entry.retirement_unconfirmed else ""
    days_left = (entry.retires_on - today).days
    if days_left <= 0:
        warnings.append(msg("estimate.retired", date=entry.retires_on, unconfirmed=unconfirmed))
        return Decimal(0)
    left = Decimal(days_left) / DAYS_PER_MONTH
    if left < horizon:
        warnings.append(
            msg(
                "estimate.retires_in_horizon",
                date=entry.retires_on,
                unconfirmed=unconfirmed,
                months=months,
                counted=f"{left:.1f}",
            )
        )
        return left
    return horizon


def estimate(
    analysis: AnalysisResult,
    entry: ModelEntry,
    *,
    epochs: int | None = None,
    traffic: TrafficProfile | None = None,
    months: int = 12,
    validation: AnalysisResult | None = None,
    n_evals: int = 0,
    today: date | None = None,
    time_model: TimeModel | None = None,
    method: str = "sft",
    training_hours: Decimal | float | None = None,
    currency: str = BASE_CURRENCY,
    rates: ExchangeRates | None = None,
) -> Estimate:
    """Estimate fine-tuning ``entry`` on the analysed dataset. ``epochs=None`` means auto.

    ``training_hours`` gives the billed hours for per-hour (reinforcement) pricing. ``time_model``
    defaults to the bundled catalog's. Raises UserError when the analysis used another encoding.
    """
    today = today or date.today()
    if analysis.encoding != entry.encoding:
        raise UserError(
            msg(
                "estimate.encoding_mismatch", model=entry.key, encoding=entry.encoding, used=analysis.encoding
            )
        )
    if validation is not None and validation.encoding != entry.encoding:
        raise UserError(
            msg(
                "estimate.validation_encoding",
                model=entry.key,
                encoding=entry.encoding,
                used=validation.encoding,
            )
        )
    if epochs is not None and epochs < 1:
        raise UserError(msg("estimate.bad_epochs", value=str(epochs)))
    if months < 0:
        raise UserError(msg("estimate.bad_months", value=str(months)))
    if n_evals < 0:
        raise UserError(msg("estimate.bad_evals", value=str(n_evals)))
    warnings: list[str] = []
    block = entry.launch_block(today, method)
    if block:
        warnings.append(block)
    if entry.lifecycle_note:
        warnings.append(entry.lifecycle_note)

    epochs_used = analysis.auto_epochs if epochs is None else epochs
    cap = entry.max_example_tokens or NO_LIMIT
    per_epoch = analysis.billing_tokens(cap)
    training_tokens = per_epoch * epochs_used
    over = analysis.over_limit(cap)
    if over:
        warnings.append(msg("estimate.truncated", count=over, limit=cap))
    if entry.min_examples and analysis.examples < entry.min_examples:
        warnings.append(
            msg(
                "estimate.too_few_examples",
                count=analysis.examples,
                provider=entry.provider_name or entry.provider,
                minimum=entry.min_examples,
            )
        )
    if analysis.error_count:
        warnings.append(msg("estimate.data_errors", count=analysis.error_count))
    validation_tokens = 0
    if entry.validation_billed and n_evals:
        if validation is None:
            warnings.append(msg("estimate.no_validation", count=n_evals))
        else:
            validation_tokens = n_evals * validation.billing_tokens(cap)
    charged = training_tokens + validation_tokens
    if not entry.exact_tokens:
        warnings.append(
            msg("estimate.approximate", encoding=entry.encoding, error=f"{entry.token_error:.0%}")
        )

    hours = None if training_hours is None else Decimal(str(training_hours))
    cost, low, high = _training_cost(entry, method, charged, hours, warnings)

    p10 = p50 = p90 = None
    model = time_model if time_model is not None else _default_time_model()
    if _hourly(entry, method):
        if hours is not None:
            p10 = p50 = p90 = float(hours) * 60.0
    elif model.has(entry.family):
        p10, p50, p90 = model.predict(entry.family, training_tokens)

    inference = None
    if traffic is not None:
        inference = _inference(entry, traffic, warnings)
    hosting = hosting_cost_per_month(entry)
    counted = _months_counted(entry, months, today, warnings)
    tco = None if cost is None else cost + counted * ((inference or Decimal(0)) + hosting)
    includes_inference = inference is not None or traffic is None or not traffic.requests_per_month
    if not entry.running_price_known:
        warnings.append(UNKNOWN_RUNNING_COSTS)
    elif entry.serving == "dedicated":
        warnings.append(msg("estimate.dedicated_serving", price=format_money(entry.hosting_per_hour)))
    complete = cost is not None and (entry.running_price_known or counted == 0)
    stale = entry.is_stale(today)
    if stale:
        warnings.append(msg("estimate.stale", date=entry.as_of))

    result = Estimate(
        model=entry.key,
        model_id=entry.id,
        display_name=entry.display_name,
        provider=entry.provider,
        method=method,
        encoding=entry.encoding,
        exact_tokens=entry.exact_tokens,
        token_error=entry.token_error,
        examples=analysis.examples,
        epochs=epochs_used,
        epochs_auto=epochs is None,
        max_example_tokens=entry.max_example_tokens,
        over_limit_examples=over,
        billing_tokens_per_epoch=per_epoch,
        training_charged_tokens=training_tokens,
        validation_charged_tokens=validation_tokens,
        charged_tokens=charged,
        training_hours=hours,
        training_cost=cost,
        training_cost_low=low,
        training_cost_high=high,
        time_p10_minutes=p10,
        time_p50_minutes=p50,
        time_p90_minutes=p90,
        can_launch_until=entry.job_deadline,
        retires_on=entry.retires_on,
        retirement_unconfirmed=entry.retirement_unconfirmed,
        launchable=not block,
        launch_status=block or "open",
        inference_cost_per_month=inference,
        hosting_cost_per_month=hosting,
        months=months,
        months_counted=counted,
        tco=tco,
        tco_includes_inference=includes_inference,
        price_as_of=entry.as_of,
        stale=stale,
        sources=entry.sources,
        warnings=tuple(warnings),
        serving=entry.serving,
        inference_price_known=entry.running_price_known,
        tco_complete=complete,
        running_costs_as_of=entry.running_as_of,
        running_costs_sources=entry.running_sources,
    )
    if check_currency(currency) != BASE_CURRENCY:
        result = result.converted(currency, rates if rates is not None else ExchangeRates.load())
    return result


def _hourly(entry: ModelEntry, method: str) -> bool:
    """Billed per hour: the entry has only an hourly price, or it has one and the method is RFT."""
    return entry.per_hour or (method == "rft" and entry.training_per_hour is not None)


def _limits(entry: ModelEntry, amount: Decimal, warnings: list[str] | None) -> Decimal:
    if entry.min_charge is not None and amount < entry.min_charge:
        if warnings is not None:
            warnings.append(msg("estimate.min_charge", amount=format_money(entry.min_charge)))
        amount = entry.min_charge
    if entry.max_charge is not None and amount > entry.max_charge:
        if warnings is not None:
            warnings.append(msg("estimate.max_charge", amount=format_money(entry.max_charge)))
        amount = entry.max_charge
    return amount


def _training_cost(
    entry: ModelEntry, method: str, charged: int, hours: Decimal | None, warnings: list[str]
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    if entry.price_unknown:
        warnings.append(msg("estimate.no_price"))
        return None, None, None
    if _hourly(entry, method):
        assert entry.training_per_hour is not None
        if hours is None:
            price = format_money(entry.training_per_hour)
            if entry.max_charge is not None:
                note = msg("estimate.per_hour_capped", price=price, cap=format_money(entry.max_charge))
            else:
                note = msg("estimate.per_hour", price=price)
            warnings.append(note)
            return None, None, None
        cost = _limits(entry, hours * entry.training_per_hour, warnings)
        return cost, cost, cost
    price = entry.training_per_mtok
    if method == "dpo" and entry.dpo_training_per_mtok is not None:
        price = entry.dpo_training_per_mtok
    assert price is not None
    raw = Decimal(charged) * price / MTOK
    cost = _limits(entry, raw, warnings)
    error = entry.token_error
    low = _limits(entry, raw * (1 - error), None)
    high = _limits(entry, raw * (1 + error), None)
    return cost, low, high


_TIME_MODEL: TimeModel | None = None


def _default_time_model() -> TimeModel:
    global _TIME_MODEL
    if _TIME_MODEL is None:
        _TIME_MODEL = TimeModel.from_catalog()
    return _TIME_MODEL


# ---------------------------------------------------------------------------------------------- comparison

AnalyzeFn = Callable[..., AnalysisResult]


def analysis_cap(entries: Iterable[ModelEntry]) -> int:
    """Per-example cap to analyse with: the largest stated limit among ``entries`` (or 65,536)."""
    caps = [e.max_example_tokens for e in entries if e.max_example_tokens]
    return max(caps) if caps else DEFAULT_MAX_EXAMPLE_TOKENS


def _analyze_fn() -> AnalyzeFn:
    try:
        from ftplanner.core.analyzer import analyze
    except ImportError:
        raise UserError("dataset analysis is not available in this build") from None
    return analyze


def analyze_for(
    path: str | Path,
    encoding: str,
    entries: Iterable[ModelEntry],
    *,
    analyze: AnalyzeFn | None = None,
    progress: Callable[..., Any] | None = None,
    cancel: Any = None,
) -> AnalysisResult:
    """Analyse ``path`` with ``encoding`` at the largest per-example limit among the entries using it."""
    cap = analysis_cap(e for e in entries if e.encoding == encoding)
    return (analyze or _analyze_fn())(str(path), encoding, cap, progress=progress, cancel=cancel)


def analyze_per_encoding(
    path: str | Path,
    entries: Iterable[ModelEntry],
    *,
    analyze: AnalyzeFn | None = None,
    progress: Callable[..., Any] | None = None,
    cancel: Any = None,
) -> dict[str, AnalysisResult]:
    """Analyse ``path`` once for each distinct encoding among ``entries`` (never twice for one encoding)."""
    entries = list(entries)
    encodings = dict.fromkeys(entry.encoding for entry in entries)
    return {
        encoding: analyze_for(path, encoding, entries, analyze=analyze, progress=progress, cancel=cancel)
        for encoding in encodings
    }


def compare(
    analyses: Mapping[str, AnalysisResult],
    entries: Iterable[ModelEntry],
    *,
    validations: Mapping[str, AnalysisResult] | None = None,
    **kwargs: Any,
) -> list[Estimate]:
    """One estimate per entry, each from the analysis of its encoding (see :func:`estimate` for kwargs)."""
    rows = []
    for entry in entries:
        validation = validations.get(entry.encoding) if validations else None
        rows.append(estimate(analyses[entry.encoding], entry, validation=validation, **kwargs))
    return rows
