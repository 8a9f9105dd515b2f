"""The Estimate page's comparison without widgets: visible models, ticking a model, the chart's rows."""

from __future__ import annotations

from datetime import date

from ftplanner.core.catalog import load_catalog
from ftplanner.core.estimate_rows import (
    STATE_ANALYSING,
    STATE_NO_DATASET,
    EstimateRow,
    chart_rows,
    estimate_rows,
    exact_amounts,
    include_model,
    visible_entries,
)
from ftplanner.core.money import ExchangeRates
from ftplanner.core.plan import Plan
from ftplanner.core.timemodel import TimeModel

TODAY = date(2026, 11, 30)


def test_visible_entries_filter_by_provider_and_launchability():
    catalog = load_catalog(today=TODAY)
    everything = visible_entries(catalog)
    assert len(everything) == len(catalog.entries)
    openai = visible_entries(catalog, "openai")
    assert openai and all(e.provider == "openai" for e in openai)
    launchable = visible_entries(catalog, launchable_only=True)
    assert 0 < len(launchable) < len(everything)
    assert all(e.launchable(TODAY) for e in launchable)


def test_ticking_a_model_makes_it_the_chosen_one_and_unticking_goes_back():
    plan = Plan()
    assert include_model(plan, "openai/a", True)
    assert include_model(plan, "openai/b", True)
    assert plan.models == ["openai/a", "openai/b"] and plan.chosen_model == "openai/b"
    assert not include_model(plan, "openai/b", True)  # already there: nothing changes
    assert include_model(plan, "openai/a", False)
    assert plan.models == ["openai/b"] and plan.chosen_model == "openai/b"
    assert include_model(plan, "openai/b", False)
    assert plan.models == [] and plan.chosen_model == ""
    assert not include_model(plan, "openai/b", False)


def _rows(no_dataset: str | None) -> list[EstimateRow]:
    catalog = load_catalog(today=TODAY)
    return estimate_rows(
        Plan(),
        catalog.entries[:3],
        {},
        {},
        no_dataset=no_dataset,
        today=TODAY,
        time_model=TimeModel.from_catalog(catalog),
        currency="USD",
        rates=ExchangeRates(),
    )


def test_rows_without_analyses_say_why_and_have_no_figures():
    waiting = _rows(None)
    assert [r.state for r in waiting] == [STATE_ANALYSING] * 3
    missing = _rows("Open a dataset")
    assert [(r.state, r.message) for r in missing] == [(STATE_NO_DATASET, "Open a dataset")] * 3
    assert exact_amounts(missing[0]) == [""] * 6
    assert chart_rows(missing, missing[:2], [missing[0].entry.key]) == []  # no training cost known
