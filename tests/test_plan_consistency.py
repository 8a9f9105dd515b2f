"""One plan, one set of numbers: with a calibrated job store, the Summary, Estimate and ROI pages,
``ftplanner plan --json``, ``ftplanner estimate --json`` and ``ftplanner report --json`` give the same figures."""

from __future__ import annotations

import contextlib
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from ftplanner.cli import main
from ftplanner.cli.report import example_plan_path
from ftplanner.core import formatting as fmt
from ftplanner.core.money import ExchangeRates
from ftplanner.core.plan import load_plan, resolve_dataset, save_plan
from ftplanner.core.settings import Settings
from ftplanner.core.timemodel import TimeModel
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.evaluator import PlanEvaluator
from ftplanner.gui.pages.estimate import EstimatePage
from ftplanner.gui.pages.roi import RoiPage
from ftplanner.gui.pages.summary import SummaryPage
from ftplanner.jobs.store import JobStore

CHOSEN = "openai/gpt-4o-mini-2024-07-18"
ROW_KEYS = ("model", "training_cost", "training_cost_low", "training_cost_high", "time_p10_minutes",
            "time_p50_minutes", "time_p90_minutes", "inference_cost_per_month", "hosting_cost_per_month",
            "tco", "charged_tokens", "currency")  # fmt: skip


def run_cli(*args: str) -> dict:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    assert code == 0, err.getvalue()
    return json.loads(out.getvalue())


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """The example plan in yen, GPT-4o mini ticked and chosen, and three finished six-hour jobs in the store."""
    example = example_plan_path()
    plan = load_plan(example)
    plan.dataset = str(resolve_dataset(plan, example.parent).resolve())
    plan.models = [*plan.models, CHOSEN]
    plan.chosen_model = CHOSEN
    plan.currency = "JPY"
    plan.name = "Consistency"
    path = tmp_path / "consistency.ftplan"
    save_plan(plan, path)
    rates = ExchangeRates.load()
    rates.set("JPY", "150")
    rates.save()
    with JobStore() as store:
        for i in range(3):
            store.upsert_job(
                f"ftjob-{i}",
                provider="openai",
                status="succeeded",
                model=CHOSEN.split("/", 1)[1],
                trained_tokens=130_000 + 1_000 * i,
                created_at=1_800_000_000,
                finished_at=1_800_000_000 + 6 * 3600 + 60 * i,
            )
    return path


def test_every_front_end_shows_the_same_evaluation(qtbot, plan_path: Path) -> None:
    planned = run_cli("plan", str(plan_path), "--json")
    reported = run_cli("report", str(plan_path), "--json")
    plan = load_plan(plan_path)
    t = plan.traffic
    estimated = run_cli(
        "estimate", plan.dataset, "--models", ",".join(plan.models), "--months", str(plan.months),
        "--requests-per-month", str(t.requests_per_month), "--input-tokens", str(t.input_tokens),
        "--output-tokens", str(t.output_tokens), "--currency", "JPY", "--json",
    )  # fmt: skip

    # The CLI and the report: the same evaluation; the rows are `ftplanner estimate`'s.
    summary = planned["summary"]
    assert planned["currency"] == reported["currency"] == "JPY"
    assert {k: v for k, v in reported["summary"].items() if k != "display"} == summary
    assert reported["models"] == planned["models"]
    assert reported["roi"]["linked"] == planned["roi"]["linked"]
    for key in ("npv", "roi_pct", "payback_month", "monthly", "monte_carlo"):
        assert reported["roi"][key] == planned["roi"][key], key
    rows = {row["model"]: row for row in planned["models"]}
    assert [row["model"] for row in estimated] == list(rows)
    for row in estimated:
        for key in ROW_KEYS:
            assert rows[row["model"]][key] == row[key], (row["model"], key)

    # The chosen row feeds the summary and the ROI; the calibrated time model is used everywhere.
    chosen = rows[CHOSEN]
    assert summary["model"] == CHOSEN and summary["chosen_by"] == "user"
    assert summary["training_cost"] == chosen["training_cost"]
    assert summary["time_p50_minutes"] == chosen["time_p50_minutes"]
    linked = {item["key"]: item for item in planned["roi"]["linked"]}
    assert linked["training_cost"]["value"]["likely"] == chosen["training_cost"]
    assert linked["inference_per_month"]["value"]["likely"] == chosen["inference_cost_per_month"]
    assert not any(item["overridden"] for item in linked.values())
    catalog_only = TimeModel.from_catalog().predict("openai-sft", chosen["charged_tokens"])[1]
    assert chosen["time_p50_minutes"] > 2 * catalog_only  # three six-hour jobs slow the estimate down

    # The GUI: the Summary, Estimate and ROI pages render the same numbers.
    document, context = PlanDocument(), AppContext(Settings())
    document.open(plan_path)
    evaluator = PlanEvaluator(document, context)
    summary_page = SummaryPage(document, context, evaluator)
    estimate_page = EstimatePage(document, context)
    roi_page = RoiPage(document, context)
    for widget in (summary_page, estimate_page, roi_page):
        qtbot.addWidget(widget)
    try:
        check_pages(qtbot, evaluator, summary_page, estimate_page, roi_page, planned, rows)
    finally:
        evaluator.shutdown()
        roi_page.timer.stop()
        for runner in (estimate_page.runner, roi_page.runner):
            runner.shutdown()


def check_pages(qtbot, evaluator, summary_page, estimate_page, roi_page, planned: dict, rows: dict) -> None:
    summary = planned["summary"]
    evaluator.run()

    def complete() -> bool:  # every compared model's encoding analysed, and the plan evaluated with them
        result = evaluator.result
        idle = not (evaluator.runner.busy or evaluator.analysis.busy or evaluator.timer.isActive())
        return idle and result is not None and all(row.estimate for row in result.rows)

    qtbot.waitUntil(complete, timeout=120_000)
    roi_page.show()
    qtbot.waitUntil(lambda: roi_page.outcome is not None and not roi_page.runner.busy, timeout=60_000)
    estimate_page.show()
    qtbot.waitUntil(lambda: CHOSEN.split("/")[1] in str(estimate_page.shown_rows()), timeout=30_000)
    qtbot.waitUntil(lambda: not estimate_page.runner.busy, timeout=60_000)

    assert json.loads(json.dumps(evaluator.result.summary.to_dict())) == summary
    page_rows = {row.entry.key: row.estimate for row in estimate_page.build_rows() if row.estimate}
    for key in rows:
        shown = page_rows[key].to_dict()
        for name in ROW_KEYS:
            assert json.loads(json.dumps(shown[name])) == rows[key][name], (key, name)
    assert roi_page.outcome.figures["npv"] == planned["roi"]["npv"]
    assert roi_page.outcome.figures["monte_carlo"] == planned["roi"]["monte_carlo"]
    training = fmt.money(Decimal(summary["training_cost"]), "JPY")
    assert summary_page.cost_cards.cards["training"].value.text() == training
    npv = fmt.money(summary["npv_p50"], "JPY")
    assert summary_page.roi_cards.cards["npv"].value.text() == npv
    assert "GPT-4o mini" in summary_page.headline.text()
