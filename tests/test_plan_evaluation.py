"""The plan evaluation in the core: the recommendation, ROI linked to the estimate, overrides, one currency,
plan properties, and ``ftplanner plan``."""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ftplanner.cli import main
from ftplanner.cli.report import example_plan_path
from ftplanner.core.catalog import load_catalog
from ftplanner.core.errors import UserError
from ftplanner.core.evaluation import evaluate_plan, evaluation_to_dict
from ftplanner.core.money import ExchangeRates
from ftplanner.core.plan import Plan, load_plan, plan_from_dict, resolve_dataset, save_plan
from ftplanner.core.recommendation import recommend
from ftplanner.core.roi.amounts import Amount
from ftplanner.core.roi_link import (
    FROM_ESTIMATE,
    FROM_OVERRIDE,
    FROM_SCENARIO,
    link_scenario,
    override_value,
    scenario_in_currency,
    split_overrides,
)
from ftplanner.core.scenario_editing import bundled_scenario
from ftplanner.core.timemodel import TimeModel

TODAY = date(2026, 11, 30)
MINI = "openai/gpt-4o-mini-2024-07-18"


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def example() -> Plan:
    path = example_plan_path()
    plan = load_plan(path)
    plan.dataset = str(resolve_dataset(plan, path.parent).resolve())
    return plan


def evaluate(plan: Plan, rates: ExchangeRates | None = None, draws: int = 500):
    catalog = load_catalog(today=TODAY)
    return evaluate_plan(
        plan,
        None,
        catalog=catalog,
        time_model=TimeModel.from_catalog(catalog),
        rates=rates or ExchangeRates(),
        draws=draws,
    )


def test_the_recommendation_is_the_cheapest_model_served_through_the_horizon(example: Plan) -> None:
    result = evaluate(replace(example, models=[*example.models, MINI]))
    rows = {row.key: row.estimate for row in result.rows}
    assert result.recommendation.chosen_by == "recommended"
    chosen = rows[result.recommendation.model]
    assert chosen.retires_on is None or chosen.retires_on >= date(2028, 12, 1)  # the scenario ends 2028-12
    for key, est in rows.items():  # every cheaper model retires inside the horizon
        if est.tco is not None and est.tco < chosen.tco and key != result.recommendation.model:
            assert est.retires_on is not None and est.retires_on < date(2028, 12, 1)
    assert result.summary.training_cost == chosen.training_cost
    assert result.summary.time_p50_minutes == chosen.time_p50_minutes


def test_the_recommendation_relaxes_the_horizon_and_then_the_limit() -> None:
    def row(cost: str, retires: date | None, over: int = 0):
        est = type("E", (), {})()
        est.training_cost, est.tco, est.tco_includes_inference = Decimal(cost), Decimal(cost), True
        est.launchable, est.over_limit_examples, est.retires_on = True, over, retires
        return est

    end = date(2028, 12, 1)
    early = date(2027, 1, 14)
    assert recommend([("a", row("5", early)), ("b", row("9", None))], "", end).model == "b"
    relaxed = recommend([("a", row("5", early)), ("b", row("9", early))], "", end)
    assert (relaxed.model, relaxed.code) == ("a", "cheapest_retiring")
    truncating = recommend([("a", row("5", None, over=3))], "", end)
    assert (truncating.model, truncating.code) == ("a", "cheapest_truncating")
    assert recommend([("a", row("5", None)), ("b", row("9", None))], "b", end).chosen_by == "user"
    assert recommend([], "", end).model is None


def test_roi_costs_come_from_the_chosen_row_unless_overridden(example: Plan) -> None:
    plan = replace(example, models=[MINI], chosen_model=MINI)
    result = evaluate(plan)
    row = result.chosen.estimate
    links = {link.key: link for link in result.linked}
    assert links["training_cost"].source == FROM_ESTIMATE
    assert links["training_cost"].amount.likely == row.training_cost
    assert links["inference_per_month"].amount.likely == row.inference_cost_per_month
    lines = {line.key: line for line in result.roi.schedule.lines}
    assert lines["model:training"].amount.likely == row.training_cost
    assert lines["model:inference"].amount.likely == row.inference_cost_per_month

    overridden = replace(
        plan, roi_overrides={"training_cost": {"currency": "USD", "low": 5, "likely": 6, "high": 8}}
    )
    result = evaluate(overridden)
    links = {link.key: link for link in result.linked}
    assert links["training_cost"].source == FROM_OVERRIDE and links["training_cost"].overridden
    assert links["training_cost"].linked.likely == row.training_cost  # the estimate shown beside it
    assert {line.key: line for line in result.roi.schedule.lines}["model:training"].amount.likely == 6
    data = evaluation_to_dict(result)
    assert [item["overridden"] for item in data["roi"]["linked"]] == [True, False, False]


def test_without_an_estimate_the_scenarios_own_figures_stand() -> None:
    scenario = bundled_scenario()
    linked, links = link_scenario(scenario, None, {}, ExchangeRates())
    assert linked.model.training_cost == scenario.model.training_cost
    assert {link.source for link in links if link.key != "hosting_per_month"} == {FROM_SCENARIO}


def test_typed_model_costs_become_overrides_and_read_back() -> None:
    scenario = bundled_scenario()
    stripped, overrides = split_overrides(scenario)
    assert stripped.model.training_cost is None and stripped.model.inference_per_month is None
    assert overrides["training_cost"] == {"currency": "USD", "low": 40.0, "likely": 60.0, "high": 90.0}
    assert override_value(Amount.fixed(Decimal(7)), "JPY") == {"currency": "JPY", "likely": 7.0}


def test_one_currency_converts_scenario_amounts_and_overrides() -> None:
    rates = ExchangeRates()
    rates.set("JPY", "150", TODAY)
    converted = scenario_in_currency(bundled_scenario(), "JPY", rates)
    assert converted.currency == "JPY"
    assert converted.benefits[0].amount.likely == bundled_scenario().benefits[0].amount.likely * 150
    with pytest.raises(UserError, match="no exchange rate for EUR"):
        scenario_in_currency(bundled_scenario(), "EUR", rates)


def test_the_plan_evaluates_in_its_currency(example: Plan) -> None:
    rates = ExchangeRates()
    rates.set("JPY", "150", TODAY)
    usd = evaluate(example)
    jpy = evaluate(replace(example, currency="JPY"), rates)
    assert jpy.currency == "JPY" and jpy.scenario.currency == "JPY"
    assert jpy.summary.training_cost == usd.summary.training_cost * 150
    assert jpy.roi.deterministic.npv == pytest.approx(usd.roi.deterministic.npv * 150, rel=1e-9)
    with pytest.raises(UserError, match="currency: no exchange rate for JPY"):
        evaluate(replace(example, currency="JPY"))


def test_plan_properties_round_trip_and_bad_overrides_are_named(tmp_path: Path, example: Plan) -> None:
    plan = Plan(name="Triage", description="Why we fine-tune", chosen_model=MINI)
    plan.roi_overrides = {"training_cost": {"currency": "USD", "likely": 6.0}}
    path = tmp_path / "p.ftplan"
    save_plan(plan, path)
    again = load_plan(path)
    assert (again.name, again.description, again.chosen_model) == ("Triage", "Why we fine-tune", MINI)
    assert again.roi_overrides == plan.roi_overrides
    with pytest.raises(UserError, match=r"roi_overrides\.tokens: unknown input"):
        plan_from_dict({"roi_overrides": {"tokens": 1}}, "x.ftplan")
    with pytest.raises(UserError, match="description: expected text"):
        plan_from_dict({"description": 5}, "x.ftplan")
    broken = replace(example, models=[MINI], roi_overrides={"training_cost": {"likely": -1}})
    with pytest.raises(UserError, match=r"roi_overrides\.training_cost"):
        evaluate(broken)


def test_cli_plan_prints_the_answer_first_and_the_json_keys(tmp_path: Path) -> None:
    code, out, err = run_cli("plan", str(example_plan_path()), "--draws", "500")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Plan: ") and any(line.startswith("Go with: ") for line in lines[:5])
    assert "Top risks:" in out and "Model (* chosen)" in out
    code, out, err = run_cli("plan", str(example_plan_path()), "--draws", "500", "--json")
    data = json.loads(out)
    assert {"currency", "models", "summary", "roi", "recommendation"} <= set(data)
    summary = data["summary"]
    for key in ("model", "training_cost", "time_p10_minutes", "time_p90_minutes", "running_cost_per_month",
                "npv_p10", "npv_p50", "npv_p90", "roi_percent_p50", "payback_month_p50",
                "chance_roi_positive", "risks"):  # fmt: skip
        assert key in summary, key
    chosen = next(row for row in data["models"] if row["model"] == summary["model"])
    assert summary["training_cost"] == chosen["training_cost"]
    assert all("overridden" in item for item in data["roi"]["linked"])

    code, out, err = run_cli("plan", str(tmp_path / "missing.ftplan"))
    assert code == 2 and out == "" and err.count("\n") == 1 and "no such file" in err
