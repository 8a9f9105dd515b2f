"""The price catalog as the ROI model lookup: lifecycle dates, running costs, currency conversion."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

import ftplanner.cli as cli
from ftplanner.cli import roi as roi_cli
from ftplanner.core.catalog import load_catalog
from ftplanner.core.errors import UserError
from ftplanner.core.estimate import TrafficProfile, hosting_cost_per_month, inference_cost_per_month
from ftplanner.core.money import ExchangeRates
from ftplanner.core.paths import resource
from ftplanner.core.roi import ModelPlan, evaluate_scenario, loads_scenario
from ftplanner.core.roi_catalog import catalog_lookup

TODAY = date(2026, 11, 29)
TRAFFIC = TrafficProfile(requests_per_month=10_000, input_tokens=800, output_tokens=200)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(user_overrides=False, today=TODAY)


def rates_with(code: str, per_usd: str) -> ExchangeRates:
    rates = ExchangeRates()
    rates.set(code, per_usd, TODAY)
    return rates


def bundled_fine_tuning() -> str:
    return resource("scenarios", "fine_tuning.toml").read_text(encoding="utf-8")


def test_lifecycle_dates_and_hosting_come_from_the_entry(catalog) -> None:
    facts = catalog_lookup(catalog)("gpt-4.1-mini-2025-04-14")
    entry = catalog.get("openai/gpt-4.1-mini-2025-04-14")
    assert facts is not None and facts.model_id == "gpt-4.1-mini-2025-04-14"
    assert facts.retires_on == entry.retires_on == date(2027, 1, 14)
    assert facts.can_launch_until == entry.job_deadline == date(2027, 1, 6)
    assert facts.hosting_per_month == hosting_cost_per_month(entry) == 0
    assert facts.inference_per_month is None  # no traffic given


def test_inference_follows_the_traffic(catalog) -> None:
    entry = catalog.get("openai/gpt-4.1-mini-2025-04-14")
    facts = catalog_lookup(catalog, traffic=TRAFFIC)("openai/gpt-4.1-mini-2025-04-14")
    assert facts is not None
    assert facts.inference_per_month == inference_cost_per_month(entry, TRAFFIC)
    # 10,000 × (800 × $0.80 + 200 × $3.20) / 1M
    assert facts.inference_per_month == Decimal("12.8")


def test_names_resolve_like_the_catalog_and_unknown_ones_give_none(catalog) -> None:
    lookup = catalog_lookup(catalog)
    assert lookup("gpt-4.1-mini") is not None  # without the date suffix
    azure = lookup("azure-openai/gpt-4.1-mini-2025-04-14")
    assert azure is not None and azure.hosting_per_month == Decimal(1241)
    assert lookup("no-such-model") is None


def test_money_is_converted_to_the_scenario_currency(catalog) -> None:
    rates = rates_with("JPY", "150")
    lookup = catalog_lookup(catalog, traffic=TRAFFIC, currency="JPY", rates=rates)
    openai = lookup("gpt-4.1-mini-2025-04-14")
    azure = lookup("azure-openai/gpt-4.1-mini-2025-04-14")
    assert openai is not None and openai.inference_per_month == Decimal("1920.0")
    assert azure is not None and azure.hosting_per_month == Decimal(1241) * 150


def test_a_missing_rate_is_a_clear_error(catalog) -> None:
    lookup = catalog_lookup(catalog, currency="EUR", rates=ExchangeRates())
    with pytest.raises(UserError, match=r"no exchange rate for EUR: azure-openai/gpt-4\.1-mini"):
        lookup("azure-openai/gpt-4.1-mini-2025-04-14")
    # nothing to convert: zero hosting and no traffic need no rate
    facts = lookup("openai/gpt-4.1-mini-2025-04-14")
    assert facts is not None and facts.hosting_per_month == 0
    with pytest.raises(UserError, match="no exchange rate for EUR"):
        catalog_lookup(catalog, traffic=TRAFFIC, currency="EUR")("openai/gpt-4.1-mini-2025-04-14")


def test_an_unknown_currency_code_fails_at_once(catalog) -> None:
    with pytest.raises(UserError, match="unknown currency code"):
        catalog_lookup(catalog, currency="XYZ")


def test_the_engine_costs_catalog_inference_when_the_scenario_gives_none(catalog) -> None:
    lookup = catalog_lookup(catalog, traffic=TRAFFIC)
    scenario = loads_scenario(bundled_fine_tuning(), "fine_tuning.toml", lookup)
    assert scenario.model is not None
    plain = replace(scenario, model=replace(scenario.model, inference_per_month=None))
    result = evaluate_scenario(plain, lookup, draws=200, seed=3)
    inference = next(line for line in result.schedule.lines if line.key == "model:inference")
    assert inference.amount.likely == Decimal("12.8")
    assert not any("No inference cost known" in w for w in result.warnings)
    without = evaluate_scenario(plain, catalog_lookup(catalog), draws=200, seed=3)
    assert any("No inference cost known" in w for w in without.warnings)


def test_hosting_line_in_another_currency(catalog) -> None:
    rates = rates_with("JPY", "150")
    lookup = catalog_lookup(catalog, currency="JPY", rates=rates)
    scenario = loads_scenario(bundled_fine_tuning().replace('currency = "USD"', 'currency = "JPY"'), "x.toml")
    assert scenario.model is not None
    azure = replace(scenario, model=ModelPlan("azure-openai/gpt-4.1-mini-2025-04-14"))
    result = evaluate_scenario(azure, lookup, draws=100, seed=1)
    hosting = next(line for line in result.schedule.lines if line.key == "model:hosting")
    assert hosting.amount.likely == Decimal(1241) * 150


def test_cli_converts_catalog_costs_to_the_scenario_currency(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(cli, "_subcommand_modules", lambda: [roi_cli])
    text = (
        bundled_fine_tuning()
        .replace('currency = "USD"', 'currency = "JPY"')
        .replace('id = "gpt-4.1-mini-2025-04-14"', 'id = "azure-openai/gpt-4.1-mini-2025-04-14"')
    )
    path = tmp_path / "jpy.toml"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["roi", str(path), "--json", "--draws", "100"]) == 2
    assert "no exchange rate for JPY" in capsys.readouterr().err
    rates = rates_with("JPY", "150")
    rates.save()
    assert cli.main(["roi", str(path), "--json", "--draws", "100"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["currency"] == "JPY"
    # month 2 holds the monthly lines only: review 2,000 + inference 600 + hosting 1,241 × 150
    assert data["monthly"][2]["cost"] == 2000 + 600 + 1241 * 150
