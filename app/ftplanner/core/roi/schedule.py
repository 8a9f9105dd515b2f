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
    where = f"{scenario.source}: model.id" if scenario.source else "model.id"
    facts = lookup(plan.model_id) if lookup is not None else None
    if facts is None:
        raise UserError(f"{where}: unknown model {plan.model_id!r}")
    horizon, start = scenario.horizon_months, scenario.start
    if facts.retires_on is not None and facts.retires_on <= start:
        raise UserError(
            f"{where}: {plan.model_id} retired on {facts.retires_on}, before the plan starts ({start})"
        )
    if facts.can_launch_until is not None and facts.can_launch_until < start:
        raise UserError(
            f"{where}: {plan.model_id} accepts no new fine-tuning jobs after {facts.can_launch_until}; "
            f"the plan starts {start}"
        )
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
        warnings.append(f"No training_cost set for {model}: training runs are not costed.")
    else:
        lines.append(
            Line("model:training", f"Training runs ({model})", COST, plan.training_cost, tuple(runs))
        )
    if after_deadline:
        warnings.append(
            f"{after_deadline} scheduled training run(s) dropped: {model} accepts no new fine-tuning jobs "
            f"after {facts.can_launch_until}."
        )

    if plan.include_inference:
        monthly = tuple([0.0] + [1.0] * horizon)
        inference = plan.inference_per_month or _fixed(facts.inference_per_month)
        hosting = plan.hosting_per_month or _fixed(facts.hosting_per_month)
        if inference is None:
            warnings.append(f"No inference cost known for {model}: set model.inference_per_month.")
        else:
            lines.append(Line("model:inference", f"Inference ({model})", COST, inference, monthly))
        if hosting is not None and hosting.high > 0:
            lines.append(Line("model:hosting", f"Hosting ({model})", COST, hosting, monthly))

    if in_horizon and retire_t is not None:
        text = f"{model} retires on {facts.retires_on}, in month {retire_t} of the plan"
        if plan.migration_cost is None:
            warnings.append(f"{text}; no migration_cost is set, so moving to a successor is not costed.")
        else:
            pattern = [0.0] * (horizon + 1)
            pattern[retire_t] = 1.0
            lines.append(
                Line("model:migration", f"Migration off {model}", COST, plan.migration_cost, tuple(pattern))
            )
            warnings.append(f"{text}: migration cost added in month {retire_t}.")
        if after_retirement:
            warnings.append(
                f"{after_retirement} scheduled training run(s) after the retirement dropped; re-training on the "
                "successor belongs in migration_cost or a cost line."
            )
        if plan.include_inference:
            warnings.append("Inference and hosting after the retirement assume the successor costs the same.")
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
        warnings.append("The scenario has no costs: ROI and payback are undefined.")
    if not any(line.side == BENEFIT and line.amount.high > 0 for line in lines):
        warnings.append("The scenario has no benefits: it cannot pay back.")
    return Schedule(
        name=scenario.name,
        currency=scenario.currency,
        start=scenario.start,
        horizon_months=horizon,
        discount_rate_annual=float(scenario.discount_rate_annual),
        lines=tuple(lines),
        warnings=tuple(warnings),
    )
