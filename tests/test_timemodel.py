"""The training-time model: the catalog's fit reproduces the observed jobs, and refits with new ones."""

from __future__ import annotations

import math
from datetime import date

import pytest

from ftplanner.core.catalog import load_catalog
from ftplanner.core.timemodel import FamilyParams, Observation, TimeModel, fit_family

# Reference facts §6: observed OpenAI jobs (trained tokens, minutes).
OPENAI_JOBS = [
    (1_700, 15.3),
    (4_480, 40.7),
    (6_104, 7.0),
    (83_427, 5.8),
    (379_446, 47.6),
    (23_580, 9.8),
    (3_281_924, 114.7),
    (73_014, 13.9),
    (36_984, 15.3),
]


@pytest.fixture(scope="module")
def model() -> TimeModel:
    return TimeModel.from_catalog(load_catalog(user_overrides=False, today=date(2026, 11, 29)))


def test_catalog_holds_the_observed_points(model):
    points = sorted((o.trained_tokens, o.minutes) for o in model.families["openai-sft"].observations)
    assert points == sorted(OPENAI_JOBS)


@pytest.mark.parametrize("family", ["openai-sft", "azure-openai-sft", "fireworks-sft"])
def test_stated_parameters_are_the_fit_of_their_observations(model, family):
    stated = model.families[family]
    refit = fit_family(stated, stated.observations)
    assert refit.overhead_minutes == pytest.approx(stated.overhead_minutes, rel=0.01)
    assert refit.tokens_per_second == pytest.approx(stated.tokens_per_second, rel=0.01)
    assert refit.log_spread == pytest.approx(stated.log_spread, abs=0.01)


def test_openai_fit_reproduces_the_observations_within_its_range(model):
    params = model.families["openai-sft"]
    inside = [params.covers(tokens, minutes) for tokens, minutes in OPENAI_JOBS]
    assert sum(inside) / len(inside) >= 0.8  # a P10–P90 band claims about 80 %
    # the large job that pins the throughput is reproduced closely at P50
    assert params.p50(3_281_924) == pytest.approx(114.7, rel=0.05)
    # small jobs: the fixed overhead dominates, so the band spans the observed 6-40 minutes
    low, mid, high = model.predict("openai-sft", 5_000)
    assert low < 7.0 and high > 40.0 and 15 < mid < 20


def test_one_point_families_reproduce_their_point(model):
    assert model.predict("fireworks-sft", 13_500_000)[1] == pytest.approx(58.0, rel=0.01)
    assert model.predict("azure-openai-sft", 2_000_000)[1] == pytest.approx(135.0, rel=0.01)


def test_predictions_are_ordered_and_grow_with_tokens(model):
    for family in model.families:
        previous = 0.0
        for tokens in (0, 10_000, 1_000_000, 50_000_000):
            low, mid, high = model.predict(family, tokens)
            assert 0 < low < mid < high
            assert mid >= previous
            previous = mid
    with pytest.raises(KeyError):
        model.predict("unknown-family", 1)


def test_generic_family_is_wider_than_openai(model):
    openai_low, _, openai_high = model.predict("openai-sft", 100_000)
    generic_low, _, generic_high = model.predict("generic-sft", 100_000)
    assert generic_high / generic_low > openai_high / openai_low


def test_refit_recovers_a_known_line():
    prior = FamilyParams("x", overhead_minutes=30.0, tokens_per_second=100.0, log_spread=0.5)
    start = TimeModel({"x": prior})
    # jobs exactly on minutes = 12 + tokens / 1000 / 60
    jobs = [("x", tokens, 12 + tokens / 1000 / 60) for tokens in (10_000, 200_000, 1_000_000, 5_000_000)]
    fitted = start.with_observations(jobs)
    params = fitted.families["x"]
    assert params.overhead_minutes == pytest.approx(12.0)
    assert params.tokens_per_second == pytest.approx(1000.0)
    assert params.log_spread == pytest.approx(0.10)  # the floor: perfect fits still keep a band
    assert len(params.observations) == 4
    assert start.families["x"] is prior  # immutable: the original model is unchanged


def test_new_observations_shift_the_catalog_fit(model):
    slower = model.with_observations([("openai-sft", 4_000_000, 400.0), ("openai-sft", 8_000_000, 800.0)])
    assert slower.families["openai-sft"].tokens_per_second < model.families["openai-sft"].tokens_per_second
    assert len(slower.families["openai-sft"].observations) == 11
    assert slower.families["fireworks-sft"] == model.families["fireworks-sft"]


def test_unknown_family_starts_from_the_best_observed_prior(model):
    grown = model.with_observations([Observation("nebius-sft", 1_000_000, 60.0)])
    params = grown.families["nebius-sft"]
    assert params.overhead_minutes == pytest.approx(model.families["openai-sft"].overhead_minutes)
    assert params.p50(1_000_000) == pytest.approx(60.0)


def test_degenerate_fits_keep_priors():
    prior = FamilyParams("x", overhead_minutes=20.0, tokens_per_second=500.0, log_spread=0.6)
    # one job shorter than the overhead: nothing to learn about throughput
    assert fit_family(prior, [Observation("x", 1000, 10.0)]) == prior
    # longer jobs finishing sooner: negative slope, keep the prior throughput, refit the overhead
    odd = fit_family(prior, [Observation("x", 1_000, 30.0), Observation("x", 2_000_000, 20.0)])
    assert odd.tokens_per_second == 500.0 and odd.overhead_minutes >= 0
    # a fit crossing below zero minutes is forced through the origin
    origin = fit_family(prior, [Observation("x", 100_000, 1.0), Observation("x", 1_000_000, 30.0)])
    assert origin.overhead_minutes == 0.0 and origin.tokens_per_second > 0
    # fewer than four points keep the prior spread
    assert origin.log_spread == 0.6
    assert fit_family(prior, []) == prior


def test_spread_comes_from_log_residuals():
    prior = FamilyParams("x", overhead_minutes=10.0, tokens_per_second=1000.0, log_spread=0.5)
    fitted = fit_family(prior, [Observation("x", t, m) for t, m in OPENAI_JOBS])
    residuals = [math.log(m / fitted.p50(t)) for t, m in OPENAI_JOBS]
    assert fitted.log_spread == pytest.approx(
        math.sqrt(sum(r * r for r in residuals) / (len(OPENAI_JOBS) - 2))
    )
