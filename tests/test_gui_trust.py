"""Errors appear once and go when fixed; the Discount field is in percent; a job is cancelled only on purpose."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QMessageBox

from ftplanner.core.settings import Settings
from ftplanner.gui.main_window import MainWindow
from ftplanner.gui.pages.roi import RoiPage
from test_gui_roi import computed


def roi_window(qtbot) -> tuple[MainWindow, RoiPage]:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = next(p for p in window.pages if isinstance(p, RoiPage))
    window.nav.setCurrentRow(window.pages.index(page))
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=30_000)
    computed(qtbot, page)
    return window, page


def close(window: MainWindow) -> None:
    window.evaluator.shutdown()
    for page in window.pages:
        timer = getattr(page, "timer", None)
        if timer is not None:
            timer.stop()
        runner = getattr(page, "runner", None)
        if runner is not None:
            runner.shutdown()
    window.document.set_dirty(False)
    window.close()


def type_discount(page: RoiPage, text: str) -> None:
    page.editor.discount.setText(text)
    page.editor.discount.textEdited.emit(text)


def test_a_scenario_error_shows_once_in_the_status_bar_and_goes_when_fixed(qtbot) -> None:
    window, page = roi_window(qtbot)
    try:
        window.show_status("Plan evaluated.")
        type_discount(page, "eight")
        computed(qtbot, page)
        shown = window.status_label.text()
        assert shown.startswith("ROI: ") and "'eight'" in shown
        assert shown.count("eight") == 1 and page.error_label.isVisible()
        type_discount(page, "8")
        computed(qtbot, page)
        assert not page.error_label.isVisible()
        assert "eight" not in window.status_label.text()  # fixed: the old error is gone

        type_discount(page, "nine")
        computed(qtbot, page)
        window.show_problem("Summary", "")  # another page's fix leaves the ROI error in place
        assert "'nine'" in window.status_label.text()
    finally:
        close(window)


def test_the_discount_field_takes_percent(qtbot) -> None:
    window, page = roi_window(qtbot)
    try:
        assert page.editor.discount.text() == "8"  # the bundled scenario's 0.08
        assert "8 means 8 %" in page.editor.discount.toolTip()
        before = page.results.cards.cards["npv"].value.text()
        for text in ("8", "8 %", "8%"):
            type_discount(page, text)
            computed(qtbot, page)
            assert page.current_scenario().discount_rate_annual == Decimal("0.08"), text
            assert not page.error_label.isVisible()
            assert page.results.cards.cards["npv"].value.text() == before
        type_discount(page, "7.5")
        computed(qtbot, page)
        assert page.current_scenario().discount_rate_annual == Decimal("0.075")
        assert page.document.plan.scenario["discount_rate_annual"] == 0.075
        page.set_scenario(page.current_scenario(), edit=False)
        assert page.editor.discount.text() == "7.5"
    finally:
        close(window)


def test_the_cancel_job_confirmation_defaults_to_no(qtbot, tmp_path, monkeypatch) -> None:
    from test_gui_jobs import make_page

    asked: list[tuple] = []

    def question(parent, title, text, buttons=None, default=QMessageBox.StandardButton.NoButton):
        asked.append((buttons, default))
        # Enter presses the default button; with none given Qt makes the first accepting button (Yes) default.
        return QMessageBox.StandardButton.Yes if default == QMessageBox.StandardButton.NoButton else default

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    page = make_page(qtbot, tmp_path)
    actions: list[tuple[str, str]] = []
    monkeypatch.setattr(page, "_job_action", lambda action, job_id: actions.append((action, job_id)))
    try:
        page.cancel_job("ftjob-123")  # the user presses Enter
        assert asked and asked[0][1] == QMessageBox.StandardButton.No
        assert actions == []  # the job keeps running
    finally:
        page.shutdown()


def test_a_failed_evaluation_leaves_the_status_bar_once_the_plan_evaluates(qtbot) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        window.start()
        qtbot.waitUntil(lambda: window.evaluator.result is not None, timeout=60_000)
        window.evaluator.failed.emit("no catalog entry for openai/gone")
        assert window.status_label.text() == "Summary: no catalog entry for openai/gone"
        assert window.summary_page.error.isVisible()
        window.evaluator.evaluated.emit(window.evaluator.result)  # the next evaluation works
        assert "openai/gone" not in window.status_label.text()
        assert not window.summary_page.error.isVisible()
    finally:
        close(window)
