"""The bundled price catalog: contents drawn from the reference facts, lookup, lifecycle, staleness."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ftplanner.core.catalog import STALE_AFTER_DAYS, load_catalog
from ftplanner.core.errors import UserError

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(user_overrides=False, today=TODAY)


def test_bundled_catalog_loads_without_problems(catalog):
    assert catalog.problems == []
    assert set(catalog.providers) == {
        "openai",
        "azure-openai",
        "together",
        "fireworks",
        "vertex",
        "nebius",
        "mistral",
    }
    assert catalog.entries[0].provider == "openai"
    assert len({e.key for e in catalog.entries}) == len(catalog.entries)
    for entry in catalog.entries:
        assert entry.sources and entry.as_of <= TODAY
        assert entry.family in catalog.time_models


@pytest.mark.parametrize(
    ("model", "training", "inputs", "batch"),
    [
        ("gpt-4.1-2025-04-14", "25.00", ("3.00", "0.75", "12.00"), ("1.50", "0.50", "6.00")),
        ("gpt-4.1-mini-2025-04-14", "5.00", ("0.80", "0.20", "3.20"), ("0.40", "0.10", "1.60")),
        ("gpt-4.1-nano-2025-04-14", "1.50", ("0.20", "0.05", "0.80"), ("0.10", "0.025", "0.40")),
        ("gpt-4o-2024-08-06", "25.00", ("3.75", "1.875", "15.00"), ("2.225", "0.90", "12.50")),
        ("gpt-4o-mini-2024-07-18", "3.00", ("0.30", "0.15", "1.20"), ("0.15", "0.075", "0.60")),
        ("gpt-3.5-turbo-0125", "8.00", ("3.00", None, "6.00"), ("1.50", None, "3.00")),
        ("davinci-002", "6.00", ("12.00", None, "12.00"), ("6.00", None, "6.00")),
        ("babbage-002", "0.40", ("1.60", None, "1.60"), ("0.80", None, "0.90")),
    ],
)
def test_openai_prices_match_the_reference(catalog, model, training, inputs, batch):
    entry = catalog.get(f"openai/{model}")
    dec = lambda v: None if v is None else Decimal(v)  # noqa: E731
    assert entry.training_per_mtok == Decimal(training)
    assert (entry.input_per_mtok, entry.cached_input_per_mtok, entry.output_per_mtok) == tuple(
        map(dec, inputs)
    )
    assert (
        entry.batch_input_per_mtok,
        entry.batch_cached_input_per_mtok,
        entry.batch_output_per_mtok,
    ) == tuple(map(dec, batch))
    assert entry.validation_billed is False


def test_reinforcement_and_other_provider_prices(catalog):
    o4 = catalog.get("openai/o4-mini-2025-04-16")
    assert o4.per_hour and o4.training_per_hour == Decimal(100) and o4.methods == ("rft",)
    azure_rft = catalog.get("azure-openai/o4-mini-2025-04-16")
    assert azure_rft.max_charge == Decimal(5000)
    assert catalog.get("azure-openai/gpt-4.1-2025-04-14").hosting_per_hour == Decimal("1.70")
    lora = catalog.get("together/lora-up-to-16b")
    assert (lora.training_per_mtok, lora.dpo_training_per_mtok, lora.validation_billed) == (
        Decimal("0.48"),
        Decimal("1.20"),
        True,
    )
    assert catalog.get("together/full-70b-100b").dpo_training_per_mtok == Decimal("8.00")
    assert catalog.get("fireworks/sft-16b-80b").training_per_mtok == Decimal("3.00")
    assert catalog.get("vertex/gemini-2.5-flash").max_example_tokens == 131_072
    nemo = catalog.get("mistral/open-mistral-nemo")
    assert nemo.min_charge == Decimal(4) and nemo.hosting_per_month == Decimal(2)
    assert catalog.get("mistral/mistral-large-latest").hosting_per_month == Decimal(4)


def test_limits_and_tokenizers(catalog):
    assert catalog.get("gpt-4o-2024-08-06").max_example_tokens == 65_536
    assert catalog.get("gpt-4.1-nano-2025-04-14").max_example_tokens == 32_768
    assert catalog.get("gpt-3.5-turbo-0125").max_example_tokens == 16_385
    assert catalog.get("gpt-3.5-turbo-0125").encoding == "cl100k_base"
    assert catalog.get("gpt-4.1-2025-04-14").encoding == "o200k_base"
    for entry in catalog.entries:
        if entry.provider in ("openai", "azure-openai") and not entry.price_unknown:
            assert entry.exact_tokens, entry.key
        if entry.provider in ("together", "fireworks", "vertex", "mistral") and entry.encoding != "llama3":
            assert not entry.exact_tokens and entry.encoding == "o200k_base"
            assert entry.token_error == Decimal("0.15")


def test_openai_lifecycle(catalog):
    for model in (
        "gpt-4.1-2025-04-14",
        "gpt-4.1-mini-2025-04-14",
        "gpt-4o-2024-08-06",
        "gpt-4o-mini-2024-07-18",
    ):
        entry = catalog.get(f"openai/{model}")
        assert entry.job_deadline == date(2027, 1, 6)
        assert entry.retires_on == date(2027, 1, 14) and entry.retirement_unconfirmed
        assert "unconfirmed" in entry.lifecycle_note
        assert entry.launchable(TODAY)
        assert (
            entry.launch_block(date(2027, 1, 7))
            == "cannot be launched: new fine-tuning jobs closed on 2027-01-06"
        )
    for model in ("gpt-4.1-nano-2025-04-14", "o4-mini-2025-04-16", "gpt-3.5-turbo-0125"):
        entry = catalog.get(f"openai/{model}")
        assert entry.retires_on == date(2026, 10, 23) and not entry.launchable(TODAY)
    for model in ("davinci-002", "babbage-002"):
        assert catalog.get(model).retires_on == date(2026, 9, 28)
    assert catalog.get("azure-openai/gpt-4o-2024-08-06").job_deadline == date(2027, 4, 1)
    assert catalog.get("azure-openai/gpt-4.1-2025-04-14").job_deadline == date(2027, 4, 14)
    assert catalog.get("azure-openai/o4-mini-2025-04-16").job_deadline == date(2027, 4, 16)


def test_gpt5_is_listed_with_unknown_price(catalog):
    gpt5 = catalog.get("openai/gpt-5")
    assert gpt5.price_unknown and gpt5.training_per_mtok is None and gpt5.training_per_hour is None
    assert "no published" in gpt5.price_note.lower() or "unknown" in gpt5.display_name.lower()
    assert not gpt5.launchable(TODAY)


def test_mistral_is_deprecated_and_not_launchable(catalog):
    for entry in catalog.by_provider("mistral"):
        assert entry.provider_status == "deprecated"
        assert "deprecated" in entry.launch_block(TODAY)
    assert all(e.provider != "mistral" for e in catalog.launchable())


def test_staleness_threshold(catalog):
    assert not catalog.get("openai/gpt-4o-2024-08-06").is_stale(TODAY)
    assert catalog.get("together/lora-up-to-16b").is_stale(TODAY)
    assert catalog.get("mistral/open-mistral-nemo").is_stale(TODAY)
    entry = catalog.get("azure-openai/gpt-4o-2024-08-06")
    edge = date.fromordinal(entry.as_of.toordinal() + STALE_AFTER_DAYS)
    assert not entry.is_stale(edge)
    assert entry.is_stale(date.fromordinal(edge.toordinal() + 1))
    assert entry.to_dict(TODAY)["stale"] is True


def test_lookup_by_key_id_and_alias(catalog):
    assert catalog.get("openai/gpt-4o-mini-2024-07-18").provider == "openai"
    assert catalog.get("gpt-4.1-2025-04-14").provider == "openai"  # OpenAI's, though Azure shares the id
    assert catalog.get("azure-openai/gpt-4.1-2025-04-14").provider == "azure-openai"
    assert catalog.get("gpt-4o-mini").id == "gpt-4o-mini-2024-07-18"
    assert catalog.get("gpt-4o").id == "gpt-4o-2024-08-06"
    assert catalog.get("gpt-3.5-turbo").id == "gpt-3.5-turbo-0125"
    assert catalog.get("lora-up-to-16b").key == "together/lora-up-to-16b"


def test_unknown_model_gets_a_hint(catalog):
    with pytest.raises(UserError, match=r"unknown model 'gpt-4o-mimi-2024-07-18'.*did you mean"):
        catalog.get("gpt-4o-mimi-2024-07-18")
    with pytest.raises(UserError, match=r"unknown provider 'openia'.*did you mean 'openai'"):
        catalog.by_provider("openia")


def test_entry_json_view(catalog):
    data = catalog.get("gpt-4o-2024-08-06").to_dict(TODAY)
    assert data["key"] == "openai/gpt-4o-2024-08-06"
    assert data["training_per_mtok"] == "25"
    assert data["cached_input_per_mtok"] == "1.875"
    assert data["job_deadline"] == "2027-01-06" and data["launchable"] is True
    assert data["exact_tokens"] is True and data["encoding"] == "o200k_base"
