"""The mouse wheel over an unfocused combo box or spin box scrolls the page and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from ftplanner.core.settings import Settings
from ftplanner.gui.main_window import MainWindow


def wheel(widget: QWidget, steps: int = -1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_changes_no_value_until_the_control_is_clicked(qtbot) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    try:
        qtbot.waitUntil(lambda: window.evaluator.result is not None, timeout=60_000)
        qtbot.waitUntil(lambda: window.summary_page.choice.count() > 1, timeout=60_000)
        summary = window.summary_page
        window.activateWindow()
        before = window.document.plan.to_json()
        wheel(summary.choice)
        assert summary.choice.currentIndex() == 0 and window.document.plan.chosen_model == ""

        window.nav.setCurrentRow(2)
        estimate = window.pages[2]
        epochs = estimate.epochs
        value = epochs.value()
        wheel(epochs, steps=3)
        assert epochs.value() == value
        wheel(estimate.currency)
        assert window.document.plan.to_json() == before  # nothing in the plan changed

        epochs.setFocus()  # after a click (focus), the wheel is the control's again
        qtbot.waitUntil(epochs.hasFocus, timeout=5_000)
        wheel(epochs, steps=1)
        assert epochs.value() == value + 1
        assert summary.choice.focusPolicy() == Qt.FocusPolicy.StrongFocus
    finally:
        window.evaluator.shutdown()
        for page in window.pages:
            runner = getattr(page, "runner", None)
            if runner is not None:
                runner.shutdown()
        window.document.set_dirty(False)
        window.close()


def test_the_wheel_over_the_roi_kind_combos_and_the_launch_model_box_changes_nothing(qtbot) -> None:
    """The ROI editor's one-off/monthly combos (cell widgets in a table) and the Jobs launch form's Model box."""
    from ftplanner.core.catalog import load_catalog
    from ftplanner.gui.context import AppContext
    from ftplanner.gui.document import PlanDocument
    from ftplanner.gui.pages.jobs_launch import LaunchForm
    from ftplanner.gui.pages.roi import RoiPage
    from ftplanner.gui.wheel_guard import install_wheel_guard

    install_wheel_guard()
    page = RoiPage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.load_example("fine_tuning")
    page.runner.shutdown()
    costs = page.editor.costs.table
    combos = [costs.cellWidget(row, page.editor.costs.KIND) for row in range(costs.rowCount())]
    assert len(combos) >= 2
    kinds = [combo.currentData() for combo in combos]
    scenario = page.current_scenario()
    for combo in combos:
        wheel(combo, steps=-1)
        wheel(combo, steps=1)
    assert [combo.currentData() for combo in combos] == kinds
    assert page.current_scenario() == scenario

    form = LaunchForm()
    qtbot.addWidget(form)
    form.show()
    form.set_models(load_catalog())
    assert form.model.count() > 1
    chosen = form.model.currentData()
    wheel(form.model, steps=-1)
    wheel(form.model, steps=1)
    assert form.model.currentData() == chosen
    assert form.model.focusPolicy() == Qt.FocusPolicy.StrongFocus
    page.timer.stop()
    page.runner.shutdown()
