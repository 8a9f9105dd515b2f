"""The mouse wheel scrolls the page; it changes a combo box, spin box or date only after a click gives it focus.

Without this, scrolling down a page with the wheel silently changes whatever value passes under the pointer
(the plan's model, currency, epochs, a scenario's dates).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Application-wide event filter: guarded widgets take focus only by click or Tab, and an unfocused one
    passes the wheel to its parent (a scroll area scrolls)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, GUARDED):
            return False
        if event.type() == QEvent.Type.Polish:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            parent = watched.parentWidget()
            if isinstance(parent, QWidget):
                QCoreApplication.sendEvent(parent, event)
            return True
        return False


_GUARD: WheelGuard | None = None


def install_wheel_guard() -> None:
    """Install the guard on the running application once (widgets made before it keep their policy, so
    install it before building windows)."""
    global _GUARD
    app = QApplication.instance()
    if app is not None and _GUARD is None:
        _GUARD = WheelGuard(app)
        app.installEventFilter(_GUARD)
