"""Summary page: the first screen answers at once; the chosen model flows to the ROI, the launch form and the
report; the plan's name and description are edited here and kept by Save As."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from ftplanner.core import formatting as fmt
from ftplanner.core.plan import load_plan
from ftplanner.core.settings import Settings
from ftplanner.gui.main_window import MainWindow
from ftplanner.gui.pages.estimate import COL_MODEL
from ftplanner.gui.pages.roi import RoiPage
from ftplanner.gui.pages.summary import SummaryPage
from gui_helpers import screenshot

MINI = "openai/gpt-4o-mini-2024-07-18"
GPT41 = "openai/gpt-4.1-mini-2025-04-14"  # compared in the sample plan


def settled(window: MainWindow) -> bool:
    evaluator = window.evaluator
    idle = not (evaluator.runner.busy or evaluator.analysis.busy or evaluator.timer.isActive())
    result = evaluator.result
    return idle and result is not None and all(row.estimate for row in result.rows)


@pytest.fixture
def window(qtbot):
    win = MainWindow(Settings())
    win.resize(1280, 800)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: settled(win), timeout=120_000)
    yield win
    win.evaluator.shutdown()
    for page in win.pages:
        runner = getattr(page, "runner", None)
        if runner is not None:
            runner.shutdown()
    win.document.set_dirty(False)
    win.close()


def test_the_first_screen_is_a_complete_answer(window) -> None:
    page = window.pages[0]
    assert isinstance(page, SummaryPage) and window.nav.item(0).text() == "Summary"
    result = window.evaluator.result
    assert result.recommendation.model is not None and result.roi is not None
    s = result.summary
    assert page.headline.text().startswith("Go with ") and s.display_name in page.headline.text()
    assert page.cost_cards.cards["training"].value.text() == fmt.money(s.training_cost, result.currency)
    assert page.roi_cards.cards["npv"].value.text() == fmt.money(s.npv_p50, result.currency)
    assert page.roi_cards.cards["chance"].value.text() == fmt.fraction(s.chance_roi_positive)
    assert page.launch_button.isEnabled()
    assert page.choice.currentIndex() == 0 and page.choice.currentText().startswith("Recommended: ")
    assert not window.document.dirty


def test_a_ticked_model_flows_to_the_summary_the_roi_and_the_report(qtbot, window, tmp_path) -> None:
    estimate = window.pages[2]
    window.nav.setCurrentRow(2)
    row = next(i for i, r in enumerate(estimate.model.rows()) if r.entry.key == MINI)
    index = estimate.model.index(row, COL_MODEL)
    from PySide6.QtCore import Qt

    estimate.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert window.document.plan.chosen_model == MINI
    qtbot.waitUntil(lambda: settled(window) and window.evaluator.result.summary.model == MINI, timeout=60_000)
    summary = window.evaluator.result.summary
    assert "GPT-4o mini" in window.pages[0].headline.text()
    assert "★ GPT-4o mini" in estimate.model.data(estimate.model.index(row, COL_MODEL))

    roi = window.pages[3]
    assert isinstance(roi, RoiPage)
    window.nav.setCurrentRow(3)
    qtbot.waitUntil(
        lambda: (
            roi.outcome is not None
            and roi.outcome.evaluation.summary.model == MINI
            and not roi.runner.busy
            and not roi.timer.isActive()
        ),
        timeout=60_000,
    )
    assert roi.outcome.figures["npv"] == round(window.evaluator.result.roi.deterministic.npv, 2)
    assert roi.editor.model.model_box.currentData() == MINI

    from ftplanner.report import build_report, report_figures

    content = build_report(window.document.plan, None, draws=10_000)
    figures = report_figures(content, "en")
    assert figures["summary"]["model"] == MINI
    assert figures["summary"]["training_cost"] == json.loads(json.dumps(summary.to_dict()))["training_cost"]


def test_choosing_a_model_and_launching_it(qtbot, window) -> None:
    page = window.pages[0]
    page.choice.setCurrentIndex(page.choice.findData(GPT41))
    page.choice.activated.emit(page.choice.findData(GPT41))
    assert window.document.plan.chosen_model == GPT41 and window.document.dirty
    qtbot.waitUntil(
        lambda: settled(window) and window.evaluator.result.summary.model == GPT41, timeout=60_000
    )
    assert page.headline.text().startswith("Going with GPT-4.1 mini")
    page.launch_button.click()
    assert window.stack.currentWidget() is window.jobs_page
    assert window.jobs_page.form.model.currentData() == GPT41

    page.choice.activated.emit(0)  # back to the recommendation
    assert window.document.plan.chosen_model == ""


def test_name_and_description_are_the_reports_and_save_as_keeps_them(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    page = window.pages[0]
    page.name.setText("Ticket triage pilot")
    page.name.textEdited.emit("Ticket triage pilot")
    page.description.setPlainText("Pilot for the support desk")
    assert window.document.plan.name == "Ticket triage pilot"
    assert window.document.plan.description == "Pilot for the support desk"
    target = tmp_path / "myplan.ftplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save_as()
    saved = load_plan(target)
    assert (saved.name, saved.description) == ("Ticket triage pilot", "Pilot for the support desk")
    qtbot.waitUntil(
        lambda: settled(window) and window.evaluator.result.plan_name == saved.name, timeout=60_000
    )
    from ftplanner.report import build_report, report_figures

    figures = report_figures(build_report(saved, target, draws=500), "en")
    assert figures["plan"]["name"] == "Ticket triage pilot"
    assert figures["plan"]["description"] == "Pilot for the support desk"


def test_export_button_opens_the_export(qtbot, window, monkeypatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(window, "export_report", lambda: asked.append(True))
    window.summary_page.export_requested.disconnect()
    window.summary_page.export_requested.connect(window.export_report)
    window.pages[0].export_button.click()
    assert asked == [True]


def test_screenshot(qtbot, window) -> None:
    window.nav.setCurrentRow(0)
    qtbot.wait(200)
    path = screenshot(window, "summary_en")
    assert path.stat().st_size > 10_000


def test_a_currency_without_a_rate_is_said_and_amounts_stay_in_usd(qtbot, window) -> None:
    window.document.plan.currency = "JPY"
    window.document.edited()
    qtbot.waitUntil(
        lambda: settled(window) and window.evaluator.result.plan_name == "Sample plan", timeout=60_000
    )
    qtbot.waitUntil(lambda: window.summary_page.error.isVisible(), timeout=60_000)
    assert "No exchange rate for JPY" in window.summary_page.error.text()
    assert window.evaluator.result.currency == "USD"
    assert window.summary_page.cost_cards.cards["training"].value.text().startswith("$")


def test_the_window_title_follows_the_plan_name(qtbot, window) -> None:
    page = window.pages[0]
    for text in ("T", "Tr", "Triage pilot"):
        page.name.setText(text)
        page.name.textEdited.emit(text)
    assert window.windowTitle() == "Triage pilot * — FT Planner"
