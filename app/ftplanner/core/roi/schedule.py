"""Turning a scenario into cash-flow lines: one amount times a per-month pattern each.

Timing rules (month ``t`` runs from ``start + t months``; ``t = 0..horizon``):

* ``one_off`` items fall entirely in their ``month`` (default 0).
* ``monthly`` items run ``start_month..end_month`` (default 1..horizon); in their k-th month they count
  ``min(1, k / ramp_months)`` of the amount (``ramp_months = 0``: full amount from the first month).
* Model training runs at month 0 and every ``retrain_every_months`` after it (``0``: once). A run is
  dropped when its month starts on or after the model's retirement date, or after the last day the provider
  accepts new fine-tuning jobs.
* Inference and hosting (from the scenario's ``[model]`` overrides, else the lookup) are monthly costs over
  months 1..horizon. They continue after a retirement: the plan assumes the successor model costs the same
  to run, and the one-off migration cost pays for the move.
* A retirement inside the horizon adds the migration cost in the retirement month (the month whose period
  contains the retirement date) and a warning.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ftplanner.core.errors import UserError
from ftplanner.core.messages import about, msg
from ftplanner.core.roi.amounts import Amount
from ftplanner.core.roi.scenario import ONE_OFF, Item, ModelLookup, Scenario

COST = "cost"
BENEFIT = "benefit"


def add_months(start: date, months: int) -> date:
    """``start`` moved by ``months`` calendar months (day clamped to the month's length)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def month_index(start: date, day: date) -> int:
    """The month ``t`` whose period ``[start + t, start + t + 1)`` holds ``day`` (negative before start)."""
    t = (day.year - start.year) * 12 + day.month - start.month
    while add_months(start, t) > day:
        t -= 1
    while add_months(start, t + 1) <= day:
        t += 1
    return t


@dataclass(frozen=True)
class Line:
    """One cash-flow line: ``amount × pattern[t]`` in month ``t``.

    ``key`` is stable across edits of other lines (it seeds this line's random stream).
    """

    key: str
    name: str
    side: str
    amount: Amount
    pattern: tuple[float, ...]


@dataclass(frozen=True)
class Schedule:
    """A scenario resolved into lines over months ``0..horizon_months``, plus the warnings it raised."""

    name: str
    currency: str
    start: date
    horizon_months: int
    discount_rate_annual: float
    lines: tuple[Line, ...]
    warnings: tuple[str, ...] = ()

    @property
    def rate_monthly(self) -> float:
        """r_m = (1 + r)^(1/12) − 1."""
        return (1.0 + self.discount_rate_annual) ** (1.0 / 12.0) - 1.0

    def month_date(self, t: int) -> date:
        return add_months(self.start, t)


def item_pattern(item: Item, horizon: int) -> tuple[float, ...]:
    """Multiplier of ``item.amount`` in each month ``0..horizon``."""
    pattern = [0.0] * (horizon + 1)
    if item.kind == ONE_OFF:
        pattern[item.month] = 1.0
        return tuple(pattern)
    end = horizon if item.end_month is None else min(item.end_month, horizon)
    for t in range(item.start_month, end + 1):
        k = t - item.start_month + 1
        pattern[t] = 1.0 if item.ramp_months <= 0 else min(1.0, k / item.ramp_months)
    return tuple(pattern)


def _unique_key(seen: dict[str, int], key: str) -> str:
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}#{seen[key]}"


def _model_lines(scenario: Scenario, lookup: ModelLookup | None) -> tuple[list[Line], list[str]]:
    plan = scenario.model
    if plan is None:
        return [], []
    facts = lookup(plan.model_id) if lookup is not None else None

    def refusal(code: str, **params: object) -> UserError:
        message = about("model.id", code, model=plan.model_id, **params)
        return UserError(
            msg("file.at", message.field, path=scenario.source, message=message)
            if scenario.source
            else message
        )

    if facts is None:
        raise refusal("model.unknown")
    horizon, start = scenario.horizon_months, scenario.start
    if facts.retires_on is not None and facts.retires_on <= start:
        raise refusal("roi.model_retired_before_start", date=facts.retires_on, start=start)
    if facts.can_launch_until is not None and facts.can_launch_until < start:
        raise refusal("roi.model_closed_before_start", date=facts.can_launch_until, start=start)
    lines: list[Line] = []
    warnings: list[str] = []
    model = plan.model_id
    retire_t = month_index(start, facts.retires_on) if facts.retires_on is not None else None
    in_horizon = retire_t is not None and retire_t <= horizon

    step = plan.retrain_every_months
    scheduled = [0] if step <= 0 else list(range(0, horizon + 1, step))
    runs = [0.0] * (horizon + 1)
    after_retirement = after_deadline = 0
    for t in scheduled:
        when = add_months(start, t)
        if facts.retires_on is not None and when >= facts.retires_on:
            after_retirement += 1
        elif facts.can_launch_until is not None and when > facts.can_launch_until:
            after_deadline += 1
        else:
            runs[t] = 1.0
    if plan.training_cost is None:
        warnings.append(msg("roi.no_training_cost", model=model))
    else:
        lines.append(
            Line(
                "model:training", msg("roi.line_training", model=model), COST, plan.training_cost, tuple(runs)
            )
        )
    if after_deadline:
        warnings.append(
            msg("roi.runs_after_deadline", count=after_deadline, model=model, date=facts.can_launch_until)
        )

    if plan.include_inference:
        monthly = tuple([0.0] + [1.0] * horizon)
        inference = plan.inference_per_month or _fixed(facts.inference_per_month)
        hosting = plan.hosting_per_month or _fixed(facts.hosting_per_month)
        if inference is None:
            warnings.append(msg("roi.no_inference_cost", model=model))
        else:
            lines.append(
                Line("model:inference", msg("roi.line_inference", model=model), COST, inference, monthly)
            )
        if hosting is not None and hosting.high > 0:
            lines.append(Line("model:hosting", msg("roi.line_hosting", model=model), COST, hosting, monthly))

    if in_horizon and retire_t is not None:
        when = {"model": model, "date": facts.retires_on, "month": retire_t}
        if plan.migration_cost is None:
            warnings.append(msg("roi.retires_no_migration", **when))
        else:
            pattern = [0.0] * (horizon + 1)
            pattern[retire_t] = 1.0
            lines.append(
                Line(
                    "model:migration",
                    msg("roi.line_migration", model=model),
                    COST,
                    plan.migration_cost,
                    tuple(pattern),
                )
            )
            warnings.append(msg("roi.retires_migration_added", **when))
        if after_retirement:
            warnings.append(msg("roi.runs_after_retirement", count=after_retirement))
        if plan.include_inference:
            warnings.append(msg("roi.successor_same_cost"))
    return lines, warnings


def _fixed(value: Decimal | None) -> Amount | None:
    return None if value is None else Amount.fixed(value)


def build_schedule(scenario: Scenario, lookup: ModelLookup | None = None) -> Schedule:
    """Resolve ``scenario`` into cash-flow lines; ``lookup`` is needed when it has a ``[model]``.

    Raises :class:`UserError` for an unknown model, or one retired or closed to new jobs before the start.
    """
    horizon = scenario.horizon_months
    seen: dict[str, int] = {}
    lines: list[Line] = []
    for side, items in ((COST, scenario.costs), (BENEFIT, scenario.benefits)):
        for item in items:
            key = _unique_key(seen, f"{side}:{item.name}")
            lines.append(Line(key, item.name, side, item.amount, item_pattern(item, horizon)))
    model_lines, warnings = _model_lines(scenario, lookup)
    lines.extend(model_lines)
    if not any(line.side == COST and line.amount.high > 0 for line in lines):
        warnings.append(msg("roi.no_costs"))
    if not any(line.side == BENEFIT and line.amount.high > 0 for line in lines):
        warnings.append(msg("roi.no_benefits"))
    return Schedule(
        name=scenario.name,
        currency=scenario.currency,
        start=scenario.start,
        horizon_months=horizon,
        discount_rate_annual=float(scenario.discount_rate_annual),
        lines=tuple(lines),
        warnings=tuple(warnings),
    )
