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
