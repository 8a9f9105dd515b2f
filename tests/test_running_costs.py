"""Running costs for every model: per-token serving, dedicated deployments per hour, or an explicit unknown —
never a silent zero — and whether each row's TCO is complete; the new launchable base models."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from ftplanner.cli import main
from ftplanner.core.catalog import load_catalog
from ftplanner.core.catalog_schema import FieldProblem, coerce_model
from ftplanner.core.estimate import HOURS_PER_MONTH
from ftplanner.core.paths import sample_dataset

TODAY = ["--today", "2026-11-29"]
TRAFFIC = ["--requests-per-month", "20000", "--input-tokens", "600", "--output-tokens", "150"]
NEW_BASE_MODELS = {
    "fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct",
    "nebius/meta-llama/Llama-3.1-8B-Instruct",
    "vertex/gemini-2.5-flash",
}


def run_json(capsys, *argv: str) -> list[dict]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_every_together_fireworks_and_vertex_row_has_a_running_cost_or_the_unknown_marker(capsys):
    rows = run_json(capsys, "estimate", str(sample_dataset()), "--all", *TRAFFIC, *TODAY, "--json")
    checked = [row for row in rows if row["provider"] in ("together", "fireworks", "vertex", "nebius")]
    assert len(checked) >= 20
    for row in rows:
        for key in ("inference_cost_per_month", "inference_price_known", "tco_complete", "serving"):
            assert key in row, (row["model"], key)
        inference = row["inference_cost_per_month"]
        if not row["inference_price_known"]:
            assert inference is None and row["serving"] == "unknown", row["model"]
            assert not row["tco_complete"]
            continue
        assert inference is not None, row["model"]
        if (
            Decimal(inference) == 0
        ):  # only a dedicated deployment bills nothing per token: its hours are hosting
            assert row["serving"] == "dedicated", row["model"]
            assert Decimal(row["hosting_cost_per_month"]) > 0, row["model"]
        assert row["running_costs_as_of"] and row["running_costs_sources"], row["model"]
        assert row["tco_complete"] == (row["training_cost"] is not None), row["model"]
    by_key = {row["model"]: row for row in rows}
    # Vertex: a tuned Gemini at the base model's per-token price (20,000 × (600 × 0.30 + 150 × 2.50) / 1M).
    flash = by_key["vertex/gemini-2.5-flash"]
    assert Decimal(flash["inference_cost_per_month"]) == Decimal("11.1")
    assert flash["serving"] == "per_token" and flash["tco_complete"]
    # Fireworks: a LoRA on a dedicated deployment, one A100 × 730 hours a month.
    llama = by_key["fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct"]
    assert Decimal(llama["hosting_cost_per_month"]) == Decimal("2.90") * HOURS_PER_MONTH
    assert llama["serving"] == "dedicated" and llama["tco_complete"]
    # Together tiers name no base model: unknown, and the TCO says it is a lower bound.
    tier = by_key["together/lora-up-to-16b"]
    assert tier["inference_cost_per_month"] is None and not tier["tco_complete"]
    # Azure: the $1.70/h hosting is known even though per-token prices of fine-tuned deployments are not.
    azure = by_key["azure-openai/gpt-4o-mini-2024-07-18"]
    assert Decimal(azure["hosting_cost_per_month"]) == Decimal("1.70") * HOURS_PER_MONTH
    assert not azure["tco_complete"]
    # OpenAI keeps its per-token figures and is complete.
    assert by_key["openai/gpt-4o-mini-2024-07-18"]["tco_complete"]


def test_the_table_marks_incomplete_tco_and_says_which(capsys):
    code = main(["estimate", str(sample_dataset()), "--models", "gpt-4o-mini,together/lora-up-to-16b",
                 *TRAFFIC, *TODAY])  # fmt: skip
    out, _ = capsys.readouterr()
    assert code == 0
    tier = next(line for line in out.splitlines() if line.startswith("together/lora-up-to-16b"))
    mini = next(line for line in out.splitlines() if line.startswith("openai/gpt-4o-mini"))
    assert "unknown" in tier and "≥" in tier
    assert "unknown" not in mini and "≥" not in mini
    assert "TCO incomplete for 1 of 2 models" in out


def test_a_dedicated_deployment_shows_its_inference_in_hosting(capsys):
    key = "fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct"
    assert main(["estimate", str(sample_dataset()), "--models", key, *TRAFFIC, *TODAY]) == 0
    out, _ = capsys.readouterr()
    line = next(line for line in out.splitlines() if line.startswith(key))
    assert "in hosting" in line and "$2,117.00" in line and "≥" not in line
    assert "TCO complete for every model" in out


def test_new_base_models_are_launchable_and_carry_sources(capsys):
    rows = run_json(capsys, "models", "--launchable", "--json", *TODAY)
    keys = {row["key"] for row in rows}
    assert keys >= NEW_BASE_MODELS
    for row in rows:
        if row["key"] in NEW_BASE_MODELS:
            assert row["launchable"] and row["launch_status"] == "open"
            assert row["sources"] and row["as_of"]
    providers = {row["provider"] for row in rows}
    assert {"fireworks", "vertex", "nebius"} <= providers


def test_launchable_is_a_property_of_the_row_not_of_job_clients():
    catalog = load_catalog(user_overrides=False, today=date(2026, 11, 29))
    nebius = catalog.get("nebius/meta-llama/Llama-3.1-8B-Instruct")
    assert nebius.launchable(catalog.today) and nebius.price_unknown  # no price yet, still open for jobs
    assert not catalog.get("mistral/open-mistral-nemo").launchable(catalog.today)  # provider deprecated


BASE = {"id": "m", "display_name": "M", "provider": "p", "family": "generic-sft", "methods": ["sft"],
        "tokenizer": "o200k_base", "sources": ["s"], "as_of": "2026-01-01", "training_per_mtok": 1}  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"serving": "dedicated"}, "needs hosting_per_hour"),
        (
            {"serving": "dedicated", "hosting_per_hour": 1, "input_per_mtok": 1, "output_per_mtok": 1},
            "no per-token",
        ),
        ({"serving": "per_token", "input_per_mtok": 1}, "needs input_per_mtok and output_per_mtok"),
        ({"serving": "unknown", "input_per_mtok": 1, "output_per_mtok": 2}, "cannot carry per-token"),
        ({"serving": "free"}, "expected one of per_token, dedicated, unknown"),
        ({"serving_as_of": "2027-01-01"}, "in the future"),
    ],
)
def test_serving_fields_are_validated(fields, problem):
    with pytest.raises(FieldProblem, match=problem):
        coerce_model({**BASE, **fields}, today=date(2026, 11, 29))
