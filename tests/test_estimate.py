"""Estimates: training cost to the cent, running costs, lifecycle, currency, one analysis per encoding."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ftplanner.core.catalog import load_catalog
from ftplanner.core.errors import UserError
from ftplanner.core.estimate import (
    HOURS_PER_MONTH,
    TrafficProfile,
    analyze_per_encoding,
    compare,
    estimate,
    hosting_cost_per_month,
    inference_cost_per_month,
)
from ftplanner.core.money import ExchangeRates
from ftplanner.core.result import AnalysisResult, Histogram

TODAY = date(2026, 11, 29)
CENT = Decimal("0.01")

# The keys `ftplanner estimate --json` promises for every model.
ESTIMATE_JSON_KEYS = (
    "model",
    "provider",
    "encoding",
    "exact_tokens",
    "epochs",
    "charged_tokens",
    "training_cost",
    "currency",
    "time_p10_minutes",
    "time_p90_minutes",
    "can_launch_until",
    "retires_on",
    "launchable",
    "inference_cost_per_month",
    "hosting_cost_per_month",
    "warnings",
)


def make_analysis(length_counts, encoding="o200k_base", max_example_tokens=65_536, error_count=0):
    pairs = tuple(sorted(length_counts))
    examples = sum(count for _, count in pairs)
    total = sum(tokens * count for tokens, count in pairs)
    return AnalysisResult(
        source="train.jsonl",
        file_size=1,
        format="chat",
        encoding=encoding,
        max_example_tokens=max_example_tokens,
        lines=examples + error_count,
        examples=examples,
        error_count=error_count,
        error_counts={},
        errors=(),
        warnings=(),
        total_tokens=total,
        assistant_tokens=total // 2,
        over_limit_examples=sum(c for t, c in pairs if t > max_example_tokens),
        missing_system=0,
        missing_user=0,
        duplicates=0,
        stats={},
        histogram=Histogram(),
        length_counts=pairs,
    )


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(user_overrides=False, today=TODAY)


# 200 examples of 1,234 tokens and 50 of 4,321: 462,850 billing tokens per epoch (no cap reached)
DATA = make_analysis([(1_234, 200), (4_321, 50)])


def test_per_token_training_cost_is_charged_tokens_times_price(catalog):
    entry = catalog.get("openai/gpt-4.1-2025-04-14")
    row = estimate(DATA, entry, epochs=3, today=TODAY)
    assert row.billing_tokens_per_epoch == 462_850
    assert row.charged_tokens == row.training_charged_tokens == 1_388_550
    assert row.training_cost == Decimal(1_388_550) * Decimal("25.00") / Decimal(1_000_000)
    assert row.training_cost.quantize(CENT) == Decimal("34.71")
    assert row.training_cost_low == row.training_cost_high == row.training_cost  # exact tokens
    assert row.exact_tokens and row.encoding == "o200k_base"


def test_auto_epochs_follow_the_analysis(catalog):
    small = make_analysis([(100, 10)])  # 10 examples -> 10 epochs (cookbook rule)
    row = estimate(small, catalog.get("gpt-4o-mini"), today=TODAY)
    assert row.epochs == 10 and row.epochs_auto
    assert row.charged_tokens == 10_000
    assert row.training_cost == Decimal("0.03")
    with pytest.raises(UserError, match="epochs must be at least 1"):
        estimate(small, catalog.get("gpt-4o-mini"), epochs=0, today=TODAY)


def test_per_example_limit_is_the_models_own(catalog):
    data = make_analysis([(1_000, 5), (40_000, 1)])
    nano = estimate(data, catalog.get("openai/gpt-4.1-nano-2025-04-14"), epochs=1, today=TODAY)
    mini = estimate(data, catalog.get("openai/gpt-4.1-mini-2025-04-14"), epochs=1, today=TODAY)
    assert nano.charged_tokens == 5_000 + 32_768 and nano.over_limit_examples == 1
    assert any("exceed the 32,768-token limit" in w for w in nano.warnings)
    assert mini.charged_tokens == 45_000 and mini.over_limit_examples == 0


def test_per_hour_training_and_cap(catalog):
    openai_rft = catalog.get("openai/o4-mini-2025-04-16")
    row = estimate(DATA, openai_rft, method="rft", training_hours=Decimal("2.5"), today=TODAY)
    assert row.training_cost == Decimal("250.000")
    assert row.time_p50_minutes == pytest.approx(150.0)
    azure_rft = catalog.get("azure-openai/o4-mini-2025-04-16")
    capped = estimate(DATA, azure_rft, method="rft", training_hours=80, today=TODAY)
    assert capped.training_cost == Decimal("5000.00")  # 80 h × $100 = $8,000, capped at $5,000 per job
    assert any("capped at $5,000.00 per job" in w for w in capped.warnings)
    unknown = estimate(DATA, azure_rft, method="rft", today=TODAY)
    assert unknown.training_cost is None and unknown.tco is None and unknown.time_p50_minutes is None
    assert any("billed per training hour" in w for w in unknown.warnings)


def test_minimum_charge(catalog):
    nemo = catalog.get("mistral/open-mistral-nemo")
    tiny = estimate(make_analysis([(500, 20)]), nemo, epochs=3, today=TODAY)
    assert tiny.charged_tokens == 30_000  # $0.03 at $1/1M
    assert tiny.training_cost == Decimal("4.00")
    assert any("minimum charge of $4.00 per job applies" in w for w in tiny.warnings)
    big = estimate(make_analysis([(1_000, 2_000)]), nemo, epochs=3, today=TODAY)
    assert big.training_cost == Decimal("6.00")


def test_validation_tokens_billed_only_where_the_provider_bills_them(catalog):
    validation = make_analysis([(1_000, 40)])  # 40,000 tokens
    together = estimate(
        DATA, catalog.get("together/lora-up-to-16b"), epochs=2, validation=validation, n_evals=5, today=TODAY
    )
    assert together.validation_charged_tokens == 200_000
    assert together.charged_tokens == 2 * 462_850 + 200_000
    assert together.training_cost == Decimal(together.charged_tokens) * Decimal("0.48") / Decimal(1_000_000)
    assert together.training_cost.quantize(CENT) == Decimal("0.54")
    openai = estimate(
        DATA, catalog.get("gpt-4o-mini"), epochs=2, validation=validation, n_evals=5, today=TODAY
    )
    assert openai.validation_charged_tokens == 0 and openai.charged_tokens == 2 * 462_850


def test_dpo_price_and_unoffered_method(catalog):
    lora = catalog.get("together/lora-17b-69b")
    row = estimate(DATA, lora, epochs=1, method="dpo", today=TODAY)
    assert row.training_cost == Decimal(462_850) * Decimal("3.75") / Decimal(1_000_000)
    gpt4o = estimate(DATA, catalog.get("gpt-4o"), epochs=1, method="dpo", today=TODAY)
    assert not gpt4o.launchable and "DPO is not offered" in gpt4o.launch_status


def test_approximate_tokens_carry_the_error_band(catalog):
    row = estimate(DATA, catalog.get("vertex/gemini-2.5-flash"), epochs=1, today=TODAY)
    assert row.exact_tokens is False
    assert row.training_cost == Decimal(462_850) * Decimal(5) / Decimal(1_000_000)
    assert row.training_cost_low == row.training_cost * Decimal("0.85")
    assert row.training_cost_high == row.training_cost * Decimal("1.15")
    assert any("approximate" in w and "±15%" in w for w in row.warnings)
    assert row.to_dict()["exact_tokens"] is False


def test_fireworks_reference_job_cost(catalog):
    """13.5M trained tokens on the 16.1–80B tier: $40.50 at list price (the job was billed $40.59)."""
    data = make_analysis([(6_750, 1_000)])
    row = estimate(data, catalog.get("fireworks/sft-16b-80b"), epochs=2, today=TODAY)
    assert row.charged_tokens == 13_500_000 and row.training_cost == Decimal("40.5")
    assert row.time_p50_minutes == pytest.approx(58.0, rel=0.01)


def test_inference_per_month(catalog):
    entry = catalog.get("gpt-4.1-mini")
    plain = TrafficProfile(100_000, 1_000, 250)
    # 100k × (1000 × 0.80 + 250 × 3.20) / 1M = 160.00
    assert inference_cost_per_month(entry, plain) == Decimal("160.00")
    mixed = TrafficProfile(100_000, 1_000, 250, cached_share=Decimal("0.5"), batch_share=Decimal("0.25"))
    standard = Decimal(1000) * (
        Decimal("0.5") * Decimal("0.80") + Decimal("0.5") * Decimal("0.20")
    ) + Decimal(250) * Decimal("3.20")
    batch = Decimal(1000) * (Decimal("0.5") * Decimal("0.40") + Decimal("0.5") * Decimal("0.10")) + Decimal(
        250
    ) * Decimal("1.60")
    expected = Decimal(100_000) * (Decimal("0.75") * standard + Decimal("0.25") * batch) / Decimal(1_000_000)
    assert inference_cost_per_month(entry, mixed) == expected == Decimal("113.75")
    # no cached price (gpt-3.5): cached input is priced as input, with a warning in the estimate
    old = estimate(
        make_analysis([(10, 10)], encoding="cl100k_base"),
        catalog.get("gpt-3.5-turbo-0125"),
        traffic=TrafficProfile(1_000, 1_000, 0, cached_share=0.5),
        today=TODAY,
    )
    assert old.inference_cost_per_month == Decimal("3.00")
    assert any("no cached-input price" in w for w in old.warnings)
    assert inference_cost_per_month(catalog.get("together/lora-up-to-16b"), plain) is None


def test_traffic_profile_validation():
    with pytest.raises(UserError, match="between 0 and 1"):
        TrafficProfile(1, 1, 1, cached_share=1.5)
    with pytest.raises(UserError, match="whole number"):
        TrafficProfile(-1, 1, 1)


def test_hosting_per_month(catalog):
    assert HOURS_PER_MONTH == 730
    assert hosting_cost_per_month(catalog.get("azure-openai/gpt-4.1-2025-04-14")) == Decimal("1241.000")
    assert hosting_cost_per_month(catalog.get("mistral/mistral-large-latest")) == Decimal("4.00")
    assert hosting_cost_per_month(catalog.get("gpt-4.1")) == 0


def test_tco_over_the_horizon(catalog):
    azure = catalog.get("azure-openai/gpt-4.1-mini-2025-04-14")  # deployments retire 2027-10-01
    start = date(2026, 1, 1)
    row = estimate(DATA, azure, epochs=1, months=6, today=start)
    assert row.months_counted == 6
    assert row.tco == row.training_cost + 6 * Decimal("1241.000")
    assert not any("retire" in w for w in row.warnings if "deployments" not in w)


def test_retirement_inside_horizon_stops_the_tco(catalog):
    entry = catalog.get("gpt-4.1-mini")  # retires 2027-01-14 (unconfirmed)
    traffic = TrafficProfile(100_000, 1_000, 250)
    row = estimate(DATA, entry, epochs=1, traffic=traffic, months=12, today=TODAY)
    months = Decimal(46) / (Decimal(365) / Decimal(12))  # 2026-11-29 -> 2027-01-14
    assert row.months_counted == months
    assert row.tco == row.training_cost + months * Decimal("160.00")
    assert any("retires on 2027-01-14 (unconfirmed" in w and "12-month horizon" in w for w in row.warnings)
    assert row.retirement_unconfirmed and row.to_dict()["retirement_unconfirmed"] is True
    later = estimate(DATA, entry, epochs=1, traffic=traffic, months=1, today=TODAY)
    assert later.months_counted == 1 and not any("horizon" in w for w in later.warnings)


def test_closed_models_are_still_estimated(catalog):
    nano = catalog.get("openai/gpt-4.1-nano-2025-04-14")
    row = estimate(DATA, nano, epochs=1, traffic=TrafficProfile(10, 10, 10), today=TODAY)
    assert row.training_cost == Decimal(462_850) * Decimal("1.50") / Decimal(1_000_000)
    assert row.launchable is False and row.launch_status == "cannot be launched (retired 2026-10-23)"
    assert row.months_counted == 0 and row.tco == row.training_cost
    future = estimate(DATA, catalog.get("gpt-4o-mini"), epochs=1, today=date(2027, 1, 10))
    assert (
        not future.launchable
        and future.launch_status == "cannot be launched: new fine-tuning jobs closed on 2027-01-06"
    )
    assert future.can_launch_until == date(2027, 1, 6)
    assert future.training_cost is not None


def test_stale_price_warning(catalog):
    row = estimate(DATA, catalog.get("together/lora-up-to-16b"), epochs=1, today=TODAY)
    assert row.stale and any("more than 180 days old" in w for w in row.warnings)
    assert not estimate(DATA, catalog.get("gpt-4o-mini"), epochs=1, today=TODAY).stale


def test_unknown_price_model(catalog):
    row = estimate(DATA, catalog.get("openai/gpt-5"), today=TODAY)
    assert row.training_cost is None and row.tco is None and not row.launchable
    assert any("no published fine-tuning price" in w for w in row.warnings)


def test_encoding_mismatch_is_refused(catalog):
    with pytest.raises(UserError, match="counts tokens with cl100k_base, but the analysis used o200k_base"):
        estimate(DATA, catalog.get("davinci-002"), today=TODAY)


def test_currency_conversion_is_exact(catalog):
    rates = ExchangeRates()
    rates.set("JPY", "152.3", TODAY)
    usd = estimate(DATA, catalog.get("gpt-4.1"), epochs=3, today=TODAY)
    jpy = estimate(DATA, catalog.get("gpt-4.1"), epochs=3, today=TODAY, currency="JPY", rates=rates)
    assert jpy.currency == "JPY" and jpy.exchange_rate == Decimal("152.3")
    assert jpy.training_cost == usd.training_cost * Decimal("152.3")
    assert jpy.charged_tokens == usd.charged_tokens
    assert usd.converted("JPY", rates) == jpy
    with pytest.raises(UserError, match="no exchange rate for EUR"):
        usd.converted("EUR", rates)


def test_json_object_has_the_documented_keys(catalog):
    row = estimate(
        DATA, catalog.get("gpt-4o-mini"), epochs=3, traffic=TrafficProfile(1000, 100, 100), today=TODAY
    )
    data = row.to_dict()
    for key in ESTIMATE_JSON_KEYS:
        assert key in data
    assert data["training_cost"] == "4.16565"  # 1,388,550 × $3.00 / 1M, full precision, as a string
    assert data["can_launch_until"] == "2027-01-06" and data["retires_on"] == "2027-01-14"
    assert isinstance(data["warnings"], list) and data["currency"] == "USD"
    assert data["time_p10_minutes"] < data["time_p90_minutes"]


def test_one_analysis_per_encoding_is_reused(catalog):
    calls: list[tuple[str, int]] = []

    def fake_analyze(path, encoding, max_example_tokens, progress=None, cancel=None):
        calls.append((encoding, max_example_tokens))
        return make_analysis([(1_000, 100)], encoding=encoding, max_example_tokens=max_example_tokens)

    entries = [
        catalog.get(name)
        for name in (
            "gpt-4.1",
            "gpt-4o-mini",
            "gpt-4.1-nano",
            "azure-openai/gpt-4.1-2025-04-14",
            "together/lora-up-to-16b",
            "vertex/gemini-2.5-flash",
            "gpt-3.5-turbo-0125",
            "davinci-002",
        )
    ]
    analyses = analyze_per_encoding("train.jsonl", entries, analyze=fake_analyze)
    assert sorted(calls) == [("cl100k_base", 16_385), ("o200k_base", 131_072)]
    rows = compare(analyses, entries, epochs=1, today=TODAY)
    assert len(calls) == 2  # estimating eight models did not analyse again
    assert [r.model for r in rows] == [e.key for e in entries]
    assert {r.billing_tokens_per_epoch for r in rows} == {100_000}
    # another model of an already analysed encoding: reuse, no new call
    estimate(analyses["o200k_base"], catalog.get("fireworks/sft-up-to-16b"), today=TODAY)
    assert len(calls) == 2


def test_evaluations_without_validation_data_are_flagged(catalog):
    row = estimate(DATA, catalog.get("together/lora-up-to-16b"), epochs=1, n_evals=3, today=TODAY)
    assert row.validation_charged_tokens == 0
    assert any("no validation data" in w for w in row.warnings)


def test_model_with_both_prices_bills_rft_per_hour(catalog):
    from dataclasses import replace

    both = replace(catalog.get("gpt-4.1-mini"), methods=("sft", "rft"), training_per_hour=Decimal(50))
    assert estimate(DATA, both, epochs=1, method="rft", training_hours=2, today=TODAY).training_cost == 100
    sft = estimate(DATA, both, epochs=1, method="sft", training_hours=2, today=TODAY)
    assert sft.training_cost == Decimal(462_850) * Decimal(5) / Decimal(1_000_000)
