"""Monte Carlo simulation of a schedule: seeded, vectorised, in blocks, cancellable.

Every uncertain line draws from its own random stream, derived from the run's seed and the line's stable
key, so the same seed gives the same numbers, and adding or editing one line leaves the draws of the others
unchanged (the approach comparison relies on this: the same benefit draws meet each cost structure).

Draws are processed in blocks of at most :data:`BLOCK_CELLS` month-cells, so 1,000,000 draws never need the
whole draws × months matrix at once; the block size does not change the numbers. The headline percentiles use
every draw; the per-month fan chart uses the first :data:`FAN_MAX_DRAWS` draws (all of them for smaller
runs), an unbiased sample of the run, so its memory stays bounded.

Percentiles are P10/P50/P90 (linear interpolation; for the payback month, the smallest month reached by at
least that share of the draws, so it stays a whole month; ``None`` when that share never pays back).
``prob_roi_positive`` and ``prob_npv_positive`` are the shares of draws with ROI > 0 and NPV > 0 (a draw with
no cost at all has no ROI and does not count as positive); ``prob_payback`` is the share that pays back
within the horizon.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ftplanner.core.errors import Cancelled
from ftplanner.core.roi.cashflow import NO_PAYBACK, FlowModel

DEFAULT_DRAWS = 10_000
MAX_DRAWS = 1_000_000
DEFAULT_SEED = 20_260_101
BLOCK_CELLS = 1 << 18  # month-cells per block: ~7,000 draws at 36 months, 2 MiB per block matrix
FAN_MAX_DRAWS = 100_000
HISTOGRAM_BINS = 40
QUANTILES = (0.1, 0.5, 0.9)

ProgressCallback = Callable[[float], None]
CancelFlag = Callable[[], bool]


@dataclass(frozen=True)
class Percentiles:
    """P10 / P50 / P90 of one output (``None`` where undefined)."""

    p10: float | None
    p50: float | None
    p90: float | None


@dataclass(frozen=True)
class FanPoint:
    """Percentiles of the cumulative net at the end of one month."""

    month: int
    p10: float
    p50: float
    p90: float


@dataclass(frozen=True)
class Histogram:
    """NPV histogram: ``len(edges) == len(counts) + 1``."""

    edges: tuple[float, ...]
    counts: tuple[int, ...]


@dataclass(frozen=True)
class MonteCarloResult:
    draws: int
    seed: int
    npv: Percentiles
    roi_pct: Percentiles
    payback_month: Percentiles
    prob_roi_positive: float
    prob_npv_positive: float
    prob_payback: float
    npv_mean: float
    fan: tuple[FanPoint, ...]
    fan_draws: int
    histogram: Histogram


def line_generator(seed: int, key: str) -> np.random.Generator:
    """The random stream of one line: a function of the run seed and the line key only."""
    sequence = np.random.SeedSequence(entropy=seed, spawn_key=(zlib.crc32(key.encode("utf-8")),))
    return np.random.Generator(np.random.PCG64(sequence))


def block_size(months: int) -> int:
    """Draws per block for a horizon of ``months`` (month 0 included)."""
    return max(1_000, BLOCK_CELLS // max(1, months))


def quantiles_inplace(data: np.ndarray, qs: tuple[float, ...] = QUANTILES) -> np.ndarray:
    """Linear-interpolated quantiles along the last axis, partitioning ``data`` in place (no copy).

    Same definition as ``numpy.quantile``'s default method; returns an array of shape ``(len(qs), ...)``.
    """
    n = data.shape[-1]
    positions = [q * (n - 1) for q in qs]
    below = [int(np.floor(h)) for h in positions]
    above = [min(b + 1, n - 1) for b in below]
    data.partition(sorted(set(below + above)), axis=-1)
    out = []
    for h, lo, hi in zip(positions, below, above, strict=True):
        a, b = data[..., lo], data[..., hi]
        out.append(np.where(a == b, a, a + (b - a) * (h - lo)))
    return np.array(out)


def _percentiles(values: np.ndarray) -> Percentiles:
    finite = values[~np.isnan(values)]  # a copy: safe to partition in place
    if finite.size == 0:
        return Percentiles(None, None, None)
    p10, p50, p90 = (float(v) for v in quantiles_inplace(finite))
    return Percentiles(p10, p50, p90)


def _payback_percentiles(payback: np.ndarray, months: int) -> Percentiles:
    never = months + 1
    ordered = np.where(payback == NO_PAYBACK, never, payback)
    result = np.quantile(ordered, QUANTILES, method="inverted_cdf")
    out = [None if int(v) >= never else int(v) for v in result]
    return Percentiles(*out)


def simulate(
    model: FlowModel,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> MonteCarloResult:
    """Run ``draws`` Monte Carlo draws of ``model``.

    ``progress(fraction)`` is called after each block; ``cancel()`` is checked before each block and a true
    answer raises :class:`Cancelled`.
    """
    if not 1 <= draws <= MAX_DRAWS:
        raise ValueError(f"draws must be between 1 and {MAX_DRAWS:,}, got {draws}")
    months = model.months
    generators = [line_generator(seed, line.key) for line in model.uncertain]
    npv = np.empty(draws)
    roi = np.empty(draws)
    payback = np.empty(draws, dtype=np.int32)
    fan_draws = min(draws, FAN_MAX_DRAWS)
    fan_store = np.empty((months, fan_draws))
    size = block_size(months)
    done = 0
    while done < draws:
        if cancel is not None and cancel():
            raise Cancelled()
        n = min(size, draws - done)
        values = np.empty((n, len(generators)), order="F")
        for k, (line, rng) in enumerate(zip(model.uncertain, generators, strict=True)):
            values[:, k] = line.amount.sample(rng, n)
        metrics = model.evaluate(values)
        npv[done : done + n] = metrics.npv
        roi[done : done + n] = metrics.roi_pct
        payback[done : done + n] = metrics.payback
        if done < fan_draws:
            take = min(n, fan_draws - done)
            fan_store[:, done : done + take] = metrics.cumulative[:take].T
        done += n
        if progress is not None:
            progress(done / draws)
    fan_q = quantiles_inplace(fan_store)
    fan = tuple(
        FanPoint(t, float(fan_q[0, t]), float(fan_q[1, t]), float(fan_q[2, t])) for t in range(months)
    )
    counts, edges = np.histogram(npv, bins=HISTOGRAM_BINS)
    return MonteCarloResult(
        draws=draws,
        seed=seed,
        npv=_percentiles(npv),
        roi_pct=_percentiles(roi),
        payback_month=_payback_percentiles(payback, months),
        prob_roi_positive=float(np.mean(roi > 0)),
        prob_npv_positive=float(np.mean(npv > 0)),
        prob_payback=float(np.mean(payback != NO_PAYBACK)),
        npv_mean=float(np.mean(npv)),
        fan=fan,
        fan_draws=fan_draws,
        histogram=Histogram(tuple(float(e) for e in edges), tuple(int(c) for c in counts)),
    )
