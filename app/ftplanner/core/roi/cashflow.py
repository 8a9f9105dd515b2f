"""Monthly cash flows and the headline figures computed from them.

Definitions (months ``t = 0..H``, ``H`` = horizon; net_t = benefits_t − costs_t):

* Month 0 holds one-off items at ``month = 0``; monthly items run in months 1..H.
* Monthly discount rate ``r_m = (1 + r)^(1/12) − 1`` for the annual rate ``r``.
* ``NPV = Σ_t net_t / (1 + r_m)^t`` over ``t = 0..H`` (month 0 is not discounted, as in
  ``numpy_financial.npv``).
* ``ROI % = (Σ benefits − Σ costs) / Σ costs × 100``, undiscounted, over the horizon; undefined without costs.
* IRR: the monthly rate ``irr_m`` that makes the NPV of the net flows zero, reported annualised as
  ``(1 + irr_m)^12 − 1``. When several rates solve it, the one closest to zero is taken (as
  ``numpy_financial.irr`` does); undefined when the flows never change sign or no rate solves it.
* Payback month: the first ``t`` at which at least one cost has been paid and the cumulative net is ≥ 0;
  none if that never happens within the horizon.

Deterministic results take every amount at its ``likely`` value. Flows are float arrays: they are
forecasts, not accounting totals; the exact decimal inputs live in the scenario.

:class:`FlowModel` is the one vectorised kernel behind the deterministic figures, the Monte Carlo draws and
the tornado, so all three agree to the last bit when their inputs agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ftplanner.core.roi.schedule import BENEFIT, COST, Line, Schedule

PAYBACK_TOLERANCE = 1e-6
"""A cumulative net above −1e-6 currency units counts as paid back (absorbs float round-off)."""
NO_PAYBACK = -1


@dataclass(frozen=True)
class MonthRow:
    """One month of the deterministic cash flow."""

    month: int
    date: date
    cost: float
    benefit: float
    net: float
    cumulative: float


@dataclass(frozen=True)
class Deterministic:
    """Headline figures with every amount at its likely value."""

    npv: float
    roi_pct: float | None
    irr_monthly: float | None
    irr_annual: float | None
    payback_month: int | None
    total_cost: float
    total_benefit: float
    monthly: tuple[MonthRow, ...]


@dataclass
class BlockMetrics:
    """Per-row results of :meth:`FlowModel.evaluate` (one row per draw or variant).

    ``cost``, ``benefit`` and ``net`` (rows × months) are filled only with ``keep_flows``.
    """

    npv: np.ndarray
    roi_pct: np.ndarray
    payback: np.ndarray
    total_cost: np.ndarray
    total_benefit: np.ndarray
    cumulative: np.ndarray
    cost: np.ndarray | None = None
    benefit: np.ndarray | None = None
    net: np.ndarray | None = None


class FlowModel:
    """Vectorised cash flows of a :class:`Schedule`.

    Lines whose amount cannot vary are folded into constant vectors; the uncertain ones (``self.uncertain``)
    take one column each in the value matrices handed to :meth:`evaluate`. Every flow is linear in the
    amounts, so each figure is a constant plus the values times a per-line weight (the line's discounted
    pattern for the NPV, its running total for the cumulative net): a few small matrix products per block
    instead of a draws × months matrix per line.
    """

    def __init__(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self.months = months = schedule.horizon_months + 1
        self.discount = (1.0 + schedule.rate_monthly) ** -np.arange(months, dtype=np.float64)
        const_cost = np.zeros(months)
        const_benefit = np.zeros(months)
        uncertain: list[Line] = []
        for line in schedule.lines:
            if line.amount.is_uncertain:
                uncertain.append(line)
            else:
                target = const_cost if line.side == COST else const_benefit
                target += float(line.amount.likely) * np.asarray(line.pattern, dtype=np.float64)
        self.uncertain: tuple[Line, ...] = tuple(uncertain)
        self.const_cost, self.const_benefit = const_cost, const_benefit
        const_net = const_benefit - const_cost
        self._const_npv = float(np.dot(const_net, self.discount))
        self._const_cum = np.cumsum(const_net)
        self._const_total_cost = float(const_cost.sum())
        self._const_total_benefit = float(const_benefit.sum())
        self._const_first_cost = _first_nonzero(const_cost, months)

        patterns = np.array([line.pattern for line in uncertain], dtype=np.float64).reshape(
            len(uncertain), months
        )
        sign = np.array([-1.0 if line.side == COST else 1.0 for line in uncertain])
        self._is_cost = sign < 0
        self._patterns = patterns
        self._npv_weight = sign * (patterns @ self.discount)
        self._cum_weight = sign[:, None] * np.cumsum(patterns, axis=1)
        totals = patterns.sum(axis=1)
        self._cost_total_weight = np.where(self._is_cost, totals, 0.0)
        self._benefit_total_weight = np.where(self._is_cost, 0.0, totals)
        self._first = np.array([_first_nonzero(p, months) for p in patterns], dtype=np.int64)

    def likely_values(self, rows: int = 1) -> np.ndarray:
        """A ``rows × len(uncertain)`` matrix holding every uncertain amount at its likely value."""
        likely = np.array([float(line.amount.likely) for line in self.uncertain], dtype=np.float64)
        return np.tile(likely, (rows, 1))

    def evaluate(self, values: np.ndarray, keep_flows: bool = False) -> BlockMetrics:
        """Figures for each row of ``values`` (amounts of the uncertain lines, in order)."""
        rows = values.shape[0]
        npv = self._const_npv + values @ self._npv_weight
        total_cost = self._const_total_cost + values @ self._cost_total_weight
        total_benefit = self._const_total_benefit + values @ self._benefit_total_weight
        with np.errstate(divide="ignore", invalid="ignore"):
            roi = np.where(total_cost > 0, (total_benefit - total_cost) / total_cost * 100.0, np.nan)
        cumulative = values @ self._cum_weight
        cumulative += self._const_cum
        # The first month with a cost paid: the earliest first month of any cost line with an amount > 0.
        first_cost = np.full(rows, self._const_first_cost, dtype=np.int64)
        for k in np.flatnonzero(self._is_cost):
            np.minimum(first_cost, np.where(values[:, k] > 0, self._first[k], self.months), out=first_cost)
        reached = cumulative >= -PAYBACK_TOLERANCE
        reached &= np.arange(self.months) >= first_cost[:, None]
        first = reached.argmax(axis=1)
        payback = np.where(reached[np.arange(rows), first], first, NO_PAYBACK)
        metrics = BlockMetrics(npv, roi, payback, total_cost, total_benefit, cumulative)
        if keep_flows:
            cost_values = np.where(self._is_cost, values, 0.0)
            metrics.cost = self.const_cost + cost_values @ self._patterns
            metrics.benefit = self.const_benefit + (values - cost_values) @ self._patterns
            metrics.net = metrics.benefit - metrics.cost
        return metrics


def _first_nonzero(pattern: np.ndarray, none: int) -> int:
    hits = np.flatnonzero(pattern > 0)
    return int(hits[0]) if hits.size else none


def irr_monthly(net: np.ndarray) -> float | None:
    """Monthly IRR of ``net`` (month 0 first); ``None`` when undefined. See the module docstring."""
    values = np.asarray(net, dtype=np.float64)
    scale = float(np.max(np.abs(values))) if values.size else 0.0
    if scale == 0.0 or not (np.any(values > 0) and np.any(values < 0)):
        return None
    values = values / scale
    trimmed = np.trim_zeros(values, "b")
    # Σ v_t x^t = 0 with x = 1 / (1 + rate); np.roots wants the highest power first.
    roots = np.roots(trimmed[::-1])
    real = roots[(np.abs(roots.imag) <= 1e-9 * np.maximum(1.0, np.abs(roots))) & (roots.real > 0)].real
    if real.size == 0:
        return None
    rates = 1.0 / real - 1.0
    rate = float(rates[np.argmin(np.abs(rates))])
    return _polish(values, rate)


def _polish(values: np.ndarray, rate: float) -> float:
    """A few Newton steps on NPV(rate) = 0 to clean up the eigenvalue root."""
    t = np.arange(values.size, dtype=np.float64)
    for _ in range(20):
        if rate <= -1.0:
            break
        factors = (1.0 + rate) ** -t
        f = float(np.dot(values, factors))
        df = float(np.dot(-t * values, factors / (1.0 + rate)))
        if df == 0.0 or not np.isfinite(df):
            break
        step = f / df
        if not np.isfinite(step) or rate - step <= -1.0:
            break
        rate -= step
        if abs(step) <= 1e-15 * max(1.0, abs(rate)):
            break
    return rate


def annualise(rate_monthly: float | None) -> float | None:
    """(1 + r_m)^12 − 1, or ``None``."""
    return None if rate_monthly is None else (1.0 + rate_monthly) ** 12 - 1.0


def deterministic(model: FlowModel) -> Deterministic:
    """Headline figures and the month table with every amount at its likely value."""
    m = model.evaluate(model.likely_values(1), keep_flows=True)
    assert m.cost is not None and m.benefit is not None and m.net is not None
    net = m.net[0]
    rows = tuple(
        MonthRow(
            t,
            model.schedule.month_date(t),
            float(m.cost[0, t]),
            float(m.benefit[0, t]),
            float(net[t]),
            float(m.cumulative[0, t]),
        )
        for t in range(model.months)
    )
    irr_m = irr_monthly(net)
    payback = int(m.payback[0])
    roi = float(m.roi_pct[0])
    return Deterministic(
        npv=float(m.npv[0]),
        roi_pct=None if np.isnan(roi) else roi,
        irr_monthly=irr_m,
        irr_annual=annualise(irr_m),
        payback_month=None if payback == NO_PAYBACK else payback,
        total_cost=float(m.total_cost[0]),
        total_benefit=float(m.total_benefit[0]),
        monthly=rows,
    )


__all__ = [
    "BENEFIT",
    "COST",
    "BlockMetrics",
    "Deterministic",
    "FlowModel",
    "MonthRow",
    "annualise",
    "deterministic",
    "irr_monthly",
]
