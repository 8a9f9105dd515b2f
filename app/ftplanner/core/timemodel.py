"""Training-time model: ``minutes = overhead + trained_tokens / throughput``, with a log-normal spread.

Each model family (``[time_model.<family>]`` in the catalog) has

* ``overhead_minutes`` — fixed cost of a job: file validation, queue, start-up, checkpoint upload;
* ``tokens_per_second`` — steady throughput in trained tokens (tokens in the file × epochs);
* ``log_spread`` — σ of ``ln(observed / predicted)``, giving P10/P90 = P50 × exp(∓1.2816 σ);
* ``observations`` — measured jobs the parameters were fitted to.

:meth:`TimeModel.with_observations` adds finished jobs and refits by ordinary least squares on
minutes (which lets the large jobs decide the throughput and the small ones the overhead), then
recomputes σ from the log residuals (n − 2 degrees of freedom). With too few distinct points the
catalog's parameters are kept as priors: one point refits the throughput only, fewer than four keep σ.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

Z90 = 1.2815515655446004  # standard-normal quantile of 0.9
MIN_LOG_SPREAD = 0.10
MIN_POINTS_FOR_FULL_FIT = 2
MIN_POINTS_FOR_SPREAD = 4


@dataclass(frozen=True)
class Observation:
    """A finished job: its family, trained tokens (file tokens × epochs) and created→finished minutes."""

    family: str
    trained_tokens: int
    minutes: float
    label: str = ""


@dataclass(frozen=True)
class FamilyParams:
    family: str
    overhead_minutes: float
    tokens_per_second: float
    log_spread: float
    observations: tuple[Observation, ...] = ()
    note: str = ""

    def p50(self, trained_tokens: float) -> float:
        return self.overhead_minutes + trained_tokens / self.tokens_per_second / 60.0

    def predict(self, trained_tokens: float) -> tuple[float, float, float]:
        middle = self.p50(max(0.0, trained_tokens))
        factor = math.exp(Z90 * self.log_spread)
        return middle / factor, middle, middle * factor

    def covers(self, trained_tokens: float, minutes: float) -> bool:
        low, _, high = self.predict(trained_tokens)
        return low <= minutes <= high


def fit_family(prior: FamilyParams, points: Iterable[Observation]) -> FamilyParams:
    """Refit ``prior`` to ``points`` (see the module docstring for the rules)."""
    pts = [
        (float(p.trained_tokens), float(p.minutes)) for p in points if p.trained_tokens > 0 and p.minutes > 0
    ]
    if not pts:
        return prior
    overhead, rate = prior.overhead_minutes, prior.tokens_per_second
    distinct = len({t for t, _ in pts})
    if distinct >= MIN_POINTS_FOR_FULL_FIT:
        n = len(pts)
        mean_t = sum(t for t, _ in pts) / n
        mean_m = sum(m for _, m in pts) / n
        sxx = sum((t - mean_t) ** 2 for t, _ in pts)
        slope = sum((t - mean_t) * (m - mean_m) for t, m in pts) / sxx
        intercept = mean_m - slope * mean_t
        if slope <= 0:  # no usable throughput signal: keep the prior rate, fit the overhead
            slope = 1.0 / (rate * 60.0)
            intercept = max(0.0, mean_m - slope * mean_t)
        elif intercept < 0:  # through the origin
            intercept = 0.0
            slope = sum(t * m for t, m in pts) / sum(t * t for t, _ in pts)
        overhead, rate = intercept, 1.0 / (slope * 60.0)
    else:  # one distinct size: keep the prior overhead, solve the throughput if the job outlasted it
        tokens = pts[0][0]
        mean_m = sum(m for _, m in pts) / len(pts)
        if mean_m > overhead:
            rate = tokens / ((mean_m - overhead) * 60.0)
    spread = prior.log_spread
    if len(pts) >= MIN_POINTS_FOR_SPREAD:
        residuals = [math.log(m / (overhead + t / rate / 60.0)) for t, m in pts]
        spread = max(MIN_LOG_SPREAD, math.sqrt(sum(r * r for r in residuals) / (len(pts) - 2)))
    return replace(prior, overhead_minutes=overhead, tokens_per_second=rate, log_spread=spread)


class TimeModel:
    """Per-family P10/P50/P90 minutes for a job of a given number of trained tokens."""

    def __init__(self, families: Mapping[str, FamilyParams]) -> None:
        self.families: dict[str, FamilyParams] = dict(families)

    @classmethod
    def from_tables(cls, tables: Mapping[str, Mapping[str, Any]]) -> TimeModel:
        """From validated ``[time_model.<family>]`` tables (as held by ``Catalog.time_models``)."""
        families = {}
        for family, table in tables.items():
            observations = tuple(
                Observation(
                    family,
                    int(o["tokens"]),
                    float(o["minutes"]),
                    " ".join(str(o[k]) for k in ("model", "date") if o.get(k)),
                )
                for o in table.get("observations", ())
            )
            families[family] = FamilyParams(
                family,
                float(table["overhead_minutes"]),
                float(table["tokens_per_second"]),
                float(table["log_spread"]),
                observations,
                str(table.get("note", "")),
            )
        return cls(families)

    @classmethod
    def from_catalog(cls, catalog: Any = None) -> TimeModel:
        """The parameters as stated in the catalog (loads the bundled catalog when none is given)."""
        if catalog is None:
            from ftplanner.core.catalog import load_catalog

            catalog = load_catalog(user_overrides=False)
        return cls.from_tables(catalog.time_models)

    def has(self, family: str) -> bool:
        return family in self.families

    def predict(self, family: str, trained_tokens: int) -> tuple[float, float, float]:
        """(p10, p50, p90) minutes from job creation to finish. KeyError for an unknown family."""
        return self.families[family].predict(trained_tokens)

    def refit(self, families: Iterable[str] | None = None) -> TimeModel:
        """Refit the named families (default all) to their own recorded observations."""
        names = set(self.families if families is None else families)
        return TimeModel(
            {
                name: fit_family(params, params.observations) if name in names else params
                for name, params in self.families.items()
            }
        )

    def with_observations(self, observations: Iterable[Observation | tuple[str, int, float]]) -> TimeModel:
        """A new model that also knows these finished jobs; families that gained points are refitted.

        Jobs of an unknown family start a new family from the ``default_prior`` parameters.
        """
        added: dict[str, list[Observation]] = {}
        for item in observations:
            obs = (
                item if isinstance(item, Observation) else Observation(item[0], int(item[1]), float(item[2]))
            )
            added.setdefault(obs.family, []).append(obs)
        families = dict(self.families)
        for family, new in added.items():
            prior = families.get(family) or replace(self.default_prior(), family=family, observations=())
            prior = replace(prior, observations=prior.observations + tuple(new))
            families[family] = fit_family(prior, prior.observations)
        return TimeModel(families)

    def default_prior(self) -> FamilyParams:
        """Prior for a family with no parameters: the family with most observations, or a generic guess."""
        if self.families:
            best = max(self.families.values(), key=lambda p: len(p.observations))
            return replace(best, observations=())
        return FamilyParams("default", overhead_minutes=15.0, tokens_per_second=500.0, log_spread=0.75)
