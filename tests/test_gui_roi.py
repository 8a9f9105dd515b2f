"""ROI page under pytest-qt (offscreen): figures equal the CLI's, debounced background recomputes,
inline validation errors, scenario files, the approach comparison and screenshots."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

import ftplanner.cli as cli
from ftplanner.core.estimate import analyze_for
from ftplanner.core.money import format_money
from ftplanner.core.paths import sample_dataset
from ftplanner.core.plan import Plan, plan_from_dict
from ftplanner.core.roi import evaluate_scenario, load_scenario, result_to_dict
from ftplanner.core.roi.plan_json import plan_dict, scenario_from_plan
from ftplanner.core.roi_catalog import catalog_lookup
from ftplanner.core.scenario_editing import bundled_scenario
from ftplanner.core.settings import Settings
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.main_window import MainWindow
from ftplanner.gui.pages.roi import RoiPage
from ftplanner.gui.pages.roi_items import ItemsTable
from gui_helpers import screenshot

LIKELY = ItemsTable.LIKELY
LOW = ItemsTable.LOW


def usd(value: float | None) -> str:
    return format_money(None if value is None else Decimal(str(value)), "USD")


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert cli.main(["roi", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def computed(qtbot, page: RoiPage) -> None:
    """Wait until the debounce timer has fired and the run it started has finished."""
    qtbot.waitUntil(lambda: not page.timer.isActive() and not page.runner.busy, timeout=30_000)


@pytest.fixture
def page(qtbot):
    document = PlanDocument()
    context = AppContext(Settings())
    widget = RoiPage(document, context)
    qtbot.addWidget(widget)
    widget.resize(1110, 760)
    widget.show()
    qtbot.waitUntil(lambda: widget.outcome is not None, timeout=30_000)
    computed(qtbot, widget)
    yield widget
    widget.timer.stop()
    widget.runner.shutdown()


def card(page: RoiPage, key: str) -> str:
    return page.cards.cards[key].value.text()


def test_first_show_computes_the_bundled_scenario_like_the_cli(qtbot, page, capsys) -> None:
    data = cli_json(capsys, "fine_tuning")
    mc = data["monte_carlo"]
    assert page.document.plan.scenario["name"] == data["name"]
    assert not page.document.dirty
    assert card(page, "npv") == usd(data["npv"])
    assert page.ranges["npv"].text() == f"P10–P90: {usd(mc['npv']['p10'])} – {usd(mc['npv']['p90'])}"
    assert card(page, "roi") == f"{data['roi_pct']:,.1f} %"
    assert (
        page.ranges["roi"].text() == f"P10–P90: {mc['roi_pct']['p10']:,.1f} % – {mc['roi_pct']['p90']:,.1f} %"
    )
    assert card(page, "irr") == f"{data['irr_annual'] * 100:,.1f} %"
    assert card(page, "payback") == f"month {data['payback_month']}"
    payback = mc["payback_month"]
    assert page.ranges["payback"].text() == f"P10–P90: month {payback['p10']} – month {payback['p90']}"
    assert card(page, "prob") == f"{mc['prob_roi_positive'] * 100:.1f} %"
    assert page.outcome is not None and page.outcome.figures == data
    for warning in data["warnings"]:
        assert warning in page.warnings.text()
    assert "retires on 2027-01-14" in page.warnings.text() and page.warnings.isVisible()
    assert not page.error_label.isVisible()
    for key, text in page.definitions.items():
        assert page.cards.cards[key].toolTip() == text
    assert "(1 + r)^(1/12) − 1" in page.editor.discount.toolTip()
    assert "Month 0 holds one-off costs at month 0" in page.editor.horizon.toolTip()
    assert "catalog" in page.editor.model.facts.text().lower()


def test_an_edit_recomputes_after_a_pause_and_marks_the_plan_changed(qtbot, page) -> None:
    before = card(page, "npv")
    starts: list[object] = []
    real_start = page.runner.start
    page.runner.start = lambda task: (starts.append(task), real_start(task))  # type: ignore[method-assign]
    page.editor.benefits.set_cell(0, LIKELY, "8000")
    assert page.timer.isActive() and page.timer.interval() == 400
    assert not starts and not page.runner.busy  # debounced: nothing runs yet
    computed(qtbot, page)
    assert len(starts) == 1
    assert page.document.dirty
    assert page.document.plan.scenario["benefits"][0]["amount"]["likely"] == 8000
    base = bundled_scenario()
    edited = replace(
        base,
        benefits=(
            replace(base.benefits[0], amount=replace(base.benefits[0].amount, likely=Decimal(8000))),
            *base.benefits[1:],
        ),
    )
    expected = result_to_dict(evaluate_scenario(edited, catalog_lookup(page.context.catalog)))
    assert card(page, "npv") == usd(expected["npv"]) != before


def test_rapid_edits_run_once_and_only_the_last_result_is_shown(qtbot, page) -> None:
    shown: list[object] = []
    page.runner.finished.connect(shown.append)
    starts: list[object] = []
    real_start = page.runner.start
    page.runner.start = lambda task: (starts.append(task), real_start(task))  # type: ignore[method-assign]
    for value in ("7100", "7200", "7300"):
        page.editor.benefits.set_cell(0, LIKELY, value)
        qtbot.wait(30)
    computed(qtbot, page)
    assert len(starts) == 1 and len(shown) == 1

    # A run started while another is busy cancels it: three runs, one result, the last one.
    page.editor.draws.setValue(300_000)
    for value in ("7400", "7500", "7600"):
        page.editor.benefits.set_cell(0, LIKELY, value)
        page.recompute()
    assert len(starts) == 4
    computed(qtbot, page)
    assert page.runner.wait()
    assert len(shown) == 2
    assert page.outcome is not None and page.outcome.scenario.benefits[0].amount.likely == Decimal(7600)
    assert page.outcome.figures["monte_carlo"]["draws"] == 300_000
    assert card(page, "npv") == usd(page.outcome.figures["npv"])


def test_a_broken_value_shows_the_core_message_and_keeps_the_last_result(qtbot, page) -> None:
    before = card(page, "npv")
    stored = json.dumps(page.document.plan.scenario)
    page.editor.benefits.set_cell(0, LOW, "9500")
    computed(qtbot, page)
    assert page.error_label.isVisible()
    assert "Benefits, line 1: amount: low (9500) is above likely (7000)" in page.error_label.text()
    assert "last valid scenario" in page.error_label.text()
    assert "Traceback" not in page.error_label.text()
    assert card(page, "npv") == before
    assert json.dumps(page.document.plan.scenario) == stored and not page.document.dirty

    page.editor.benefits.set_cell(0, LOW, "lots")
    computed(qtbot, page)
    assert "Benefits, line 1: Low: expected a number, got the text 'lots'" in page.error_label.text()

    page.editor.discount.setText("eight")
    page.editor.discount.textEdited.emit("eight")
    page.editor.benefits.set_cell(0, LOW, "4000")
    computed(qtbot, page)
    assert "Discount / year: expected a number, got the text 'eight'" in page.error_label.text()

    page.editor.discount.setText("8")
    page.editor.discount.textEdited.emit("8")
    computed(qtbot, page)
    assert not page.error_label.isVisible() and card(page, "npv") == before


def test_an_error_found_while_computing_is_shown_inline(qtbot, page) -> None:
    before = card(page, "npv")
    page.editor.start.setDate(QDate(2027, 3, 1))  # after gpt-4.1-mini retires
    computed(qtbot, page)
    assert "Catalog model: gpt-4.1-mini-2025-04-14 retired on 2027-01-14" in page.error_label.text()
    assert card(page, "npv") == before


def test_opening_a_broken_scenario_file_changes_nothing(qtbot, page, tmp_path, monkeypatch, dialogs) -> None:
    broken = tmp_path / "broken.toml"
    text = bundled_scenario_text().replace("low = 4000, likely = 7000", "low = 8000, likely = 7000")
    broken.write_text(text, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), "")))
    stored = json.dumps(page.document.plan.scenario)
    name = page.editor.name.text()
    page.open_scenario()
    assert len(dialogs) == 1 and dialogs[0][0] == "warning"
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "low = 8000, likely = 7000" in row)
    assert dialogs[0][1] == f"{broken}:{line}: Benefits, line 1: amount: low (8000) is above likely (7000)"
    assert json.dumps(page.document.plan.scenario) == stored and not page.document.dirty
    assert page.editor.name.text() == name and not page.timer.isActive()


def test_opening_a_scenario_file_replaces_the_plans_scenario(
    qtbot, page, tmp_path, monkeypatch, dialogs
) -> None:
    rag = tmp_path / "rag.toml"
    rag.write_text(bundled_scenario_text("rag"), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(rag), "")))
    page.open_scenario()
    computed(qtbot, page)
    assert not dialogs
    assert page.document.dirty
    assert scenario_from_plan(page.document.plan.scenario) == load_scenario(rag)
    assert page.outcome is not None and page.outcome.figures["name"] == load_scenario(rag).name


def test_save_scenario_round_trips(qtbot, page, tmp_path, monkeypatch, dialogs) -> None:
    target = tmp_path / "saved"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    page.save_scenario_dialog()
    saved = tmp_path / "saved.toml"
    assert saved.is_file() and not dialogs
    assert load_scenario(saved) == bundled_scenario()

    page.editor.costs.set_cell(0, LIKELY, "16000")
    computed(qtbot, page)
    page.save_scenario_dialog()
    assert load_scenario(saved).costs[0].amount.likely == Decimal(16000)
    assert load_scenario(saved) == scenario_from_plan(page.document.plan.scenario)


def test_the_plan_file_keeps_the_scenario(qtbot, page) -> None:
    page.editor.benefits.set_cell(1, LIKELY, "1250.5")
    computed(qtbot, page)
    again = plan_from_dict(json.loads(page.document.plan.to_json()), "plan.ftplan")
    assert scenario_from_plan(again.scenario) == scenario_from_plan(page.document.plan.scenario)
    assert scenario_from_plan(again.scenario).benefits[1].amount.likely == Decimal("1250.5")

    # another plan: the page shows its scenario, without marking it changed
    other = Plan(name="Other", scenario=plan_dict(bundled_scenario("prompt_engineering")))
    page.document.replace(other, None)
    computed(qtbot, page)
    assert page.editor.name.text() == bundled_scenario("prompt_engineering").name
    assert page.outcome is not None and page.outcome.figures["name"] == page.editor.name.text()
    assert not page.document.dirty

    # a plan without a scenario gets the bundled example, still unchanged
    page.document.replace(Plan(), None)
    computed(qtbot, page)
    assert page.document.plan.scenario["name"] == bundled_scenario().name and not page.document.dirty


def test_the_approach_comparison_has_three_columns_like_the_cli(qtbot, page, capsys) -> None:
    data = cli_json(capsys, "fine_tuning", "--compare")
    table = page.charts.approaches.table
    assert table.columnCount() == 3
    headers = [table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Prompt engineering", "RAG", "Fine-tuning\n(as written)"]
    for column, approach in enumerate(data["approaches"]):
        item = table.item(0, column)
        assert item is not None and item.text() == usd(approach["npv"])


def test_a_ticked_model_links_training_and_inference_from_its_estimate(qtbot, page) -> None:
    plan = page.document.plan
    plan.models = ["openai/gpt-4o-mini-2024-07-18"]
    page.document.set_dataset(sample_dataset())
    entries = page.context.catalog.entries  # in the app the plan evaluator analyses what the models need
    page.document.add_analysis(analyze_for(sample_dataset(), "o200k_base", entries))
    computed(qtbot, page)
    evaluation = page.outcome.evaluation if page.outcome else None
    assert evaluation is not None and evaluation.recommendation.model == "openai/gpt-4o-mini-2024-07-18"
    row = evaluation.chosen.estimate
    lines = {line.key: line for line in page.outcome.result.schedule.lines}
    # 10,000 requests × (800 input × $0.30 + 200 output × $1.20) / 1M tokens, from the estimate row
    assert lines["model:inference"].amount.likely == row.inference_cost_per_month == Decimal("4.8")
    assert lines["model:training"].amount.likely == row.training_cost
    assert "Training per run: $0.39 — from the estimate" in page.editor.model.facts.text()

    fields = page.editor.model.training.fields  # a typed value is an override, saved in the plan
    for field, text in zip(fields, ("5", "6", "7"), strict=True):
        field.setText(text)
    page.editor.model.training.edited.emit()
    computed(qtbot, page)
    assert page.document.plan.roi_overrides["training_cost"]["likely"] == 6
    lines = {line.key: line for line in page.outcome.result.schedule.lines}
    assert lines["model:training"].amount.likely == Decimal(6)
    assert "your override" in page.editor.model.facts.text()


def test_lines_can_be_added_and_removed(qtbot, page) -> None:
    costs = page.editor.costs
    costs.add_row()
    computed(qtbot, page)
    assert len(page.document.plan.scenario["costs"]) == 4
    costs.table.setCurrentCell(3, 0)
    costs.remove_row()
    computed(qtbot, page)
    assert len(page.document.plan.scenario["costs"]) == 3


def test_screenshots(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(
        MainWindow, "_optional_pages", lambda self: [(self.tr("ROI"), RoiPage(self.document, self.context))]
    )
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.nav.setCurrentRow(2)
    page = window.pages[2]
    assert isinstance(page, RoiPage)
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=30_000)
    computed(qtbot, page)
    for index, name in enumerate(("cashflow", "npv_histogram", "tornado", "approaches")):
        page.charts.setCurrentIndex(index)
        qtbot.wait(50)
        screenshot(window, f"roi_{name}_en")
    bar = page.editor_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(50)
    screenshot(window, "roi_model_section_en")
    bar.setValue(0)
    page.editor.benefits.set_cell(0, LOW, "9500")
    computed(qtbot, page)
    page.charts.setCurrentIndex(0)
    screenshot(window, "roi_error_en")
    window.document.set_dirty(False)
    window.close()
    page.runner.shutdown()


def bundled_scenario_text(name: str = "fine_tuning") -> str:
    from ftplanner.core.paths import resource

    return resource("scenarios", f"{name}.toml").read_text(encoding="utf-8")


def test_plan_dict_is_json_and_reads_back() -> None:
    scenario = bundled_scenario()
    data = plan_dict(scenario)
    assert json.loads(json.dumps(data)) == data
    assert data["discount_rate_annual"] == 0.08 and data["start"] == "2026-12-01"
    assert scenario_from_plan(json.loads(json.dumps(data))) == scenario


def test_another_currency_converts_catalog_prices_with_the_users_rate(qtbot, page) -> None:
    page.editor.currency.setCurrentText("JPY")
    computed(qtbot, page)
    assert page.document.plan.currency == "JPY"  # one currency per plan
    assert "no exchange rate for JPY" in page.error_label.text()

    page.context.rates.set("JPY", "150")
    page.context.rates_changed.emit()
    computed(qtbot, page)
    assert not page.error_label.isVisible()
    assert page.outcome is not None and page.outcome.figures["currency"] == "JPY"
    assert card(page, "npv").startswith("¥")


def test_another_model_from_the_picker_is_written_to_the_plan(qtbot, page) -> None:
    box = page.editor.model.model_box
    box.setCurrentIndex(box.findData("openai/gpt-4o-mini-2024-07-18"))
    computed(qtbot, page)
    assert page.document.plan.scenario["model"]["id"] == "gpt-4o-mini-2024-07-18"
    assert page.outcome is not None and any(
        "gpt-4o-mini" in line.name for line in page.outcome.result.schedule.lines
    )
    page.context.reload_catalog()  # a catalog reload keeps the selection
    computed(qtbot, page)
    assert box.currentData() == "openai/gpt-4o-mini-2024-07-18"
    box.setCurrentIndex(0)  # no model
    computed(qtbot, page)
    assert "model" not in page.document.plan.scenario


def test_cancel_stops_the_run_and_keeps_the_last_result(qtbot, page) -> None:
    before = card(page, "npv")
    statuses: list[str] = []
    page.status.connect(statuses.append)
    page.editor.draws.setValue(1_000_000)
    page.recompute()
    assert page.runner.busy and page.progress.cancel_button.isVisible() is True
    assert statuses[-1].startswith("Simulating 1,000,000 draws")
    page.progress.cancel_button.click()
    assert page.runner.wait()
    qtbot.waitUntil(lambda: not page.runner.busy)
    assert statuses[-1] == "ROI simulation stopped"
    assert card(page, "npv") == before and not page.progress.isVisible()
