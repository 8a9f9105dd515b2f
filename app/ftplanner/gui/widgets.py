"""Small reusable widgets: summary cards and message helpers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ftplanner.gui.tasks import TaskRunner

WARNING_COLOR = "#c0392b"  # invalid input, stale or failed figures


class Card(QFrame):
    """A titled figure: a small caption above a large value."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.caption = QLabel(title)
        self.caption.setObjectName("cardCaption")
        self.value = QLabel("—")
        self.value.setObjectName("cardValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set(self, value: str, tooltip: str = "") -> None:
        self.value.setText(value)
        self.setToolTip(tooltip)


class CardRow(QWidget):
    """Cards laid out in a grid, addressed by key."""

    def __init__(self, titles: dict[str, str], columns: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.cards: dict[str, Card] = {}
        for index, (key, title) in enumerate(titles.items()):
            card = Card(title, self)
            self.cards[key] = card
            layout.addWidget(card, index // columns, index % columns)

    def set(self, key: str, value: str, tooltip: str = "") -> None:
        self.cards[key].set(value, tooltip)

    def clear(self) -> None:
        for card in self.cards.values():
            card.set("—")


class CheckOutlineDelegate(QStyledItemDelegate):
    """Item check boxes outlined in the text colour on a dark palette.

    Fusion outlines a check box in a shade darker than the window: on a dark theme the box of an
    unchecked row (is this model in the plan?) all but disappears.
    """

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        palette = option.palette
        if (
            index.data(Qt.ItemDataRole.CheckStateRole) is None
            or palette.color(QPalette.ColorRole.Window).lightness() >= 128
        ):
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, item, widget)
        outline = QColor(palette.color(QPalette.ColorRole.Text))
        outline.setAlpha(200)
        painter.save()
        painter.setPen(QPen(outline, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box.adjusted(0, 0, -1, -1))
        painter.restore()


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


class TaskProgress(QWidget):
    """A progress bar and a Cancel button, shown while ``runner`` works.

    ``text_format`` (already translated) shows the task's progress text, e.g. "%p% — {0} lines".
    """

    def __init__(
        self, runner: TaskRunner, cancel_text: str, text_format: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._format = text_format
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.cancel_button = QPushButton(cancel_text)
        self.cancel_button.clicked.connect(runner.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)
        runner.progress.connect(self._on_progress)
        runner.busy_changed.connect(self._on_busy)

    def _on_progress(self, fraction: float, text: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        if self._format:
            self.bar.setFormat(self._format.format(text))

    def _on_busy(self, busy: bool) -> None:
        self.setVisible(busy)
        if busy:  # a new task: nothing of the previous one's text (e.g. its line count) stays
            self.bar.setValue(0)
            self.bar.setFormat("%p%")
