"""Marking the input at fault: a red frame on a widget, a red background on a table cell; cleared when fixed."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget

FAULT_COLOUR = "#d0312d"
FAULT_CELL = QColor(208, 49, 45, 110)
FAULT_STYLE = f"border: 2px solid {FAULT_COLOUR}; border-radius: 3px;"


class FaultMarker:
    """At most one input marked at a time, on a widget or a table cell."""

    def __init__(self) -> None:
        self.widget: QWidget | None = None
        self._style = ""
        self._cell: tuple[QTableWidget, int, int] | None = None

    def mark(self, widget: QWidget, cell: tuple[int, int] | None = None, focus: bool = True) -> None:
        """Mark ``widget`` (or ``cell`` of the table ``widget``) and, with ``focus``, move the focus there."""
        self.clear()
        if cell is not None and isinstance(widget, QTableWidget):
            row, column = cell
            inner = widget.cellWidget(row, column)
            item = widget.item(row, column)
            if inner is not None:
                self._frame(inner)
            elif item is not None:
                blocked = widget.blockSignals(True)
                item.setBackground(QBrush(FAULT_CELL))
                widget.blockSignals(blocked)
                self._cell = (widget, row, column)
            if focus:  # the current cell, not a selected row: the selection colour would hide the mark
                widget.clearSelection()
                widget.setCurrentCell(row, column, QItemSelectionModel.SelectionFlag.NoUpdate)
                if item is not None:
                    widget.scrollToItem(item)
                (inner or widget).setFocus()
            return
        self._frame(widget)
        if focus:
            widget.setFocus()

    def _frame(self, widget: QWidget) -> None:
        self.widget = widget
        self._style = widget.styleSheet()
        widget.setStyleSheet(f"{self._style}\n{FAULT_STYLE}".strip())
        widget.setProperty("fault", True)

    def clear(self) -> None:
        if self.widget is not None:
            self.widget.setStyleSheet(self._style)
            self.widget.setProperty("fault", False)
            self.widget = None
        if self._cell is not None:
            table, row, column = self._cell
            item = table.item(row, column)
            if item is not None:
                blocked = table.blockSignals(True)
                item.setBackground(QBrush())
                table.blockSignals(blocked)
            self._cell = None

    @property
    def cell(self) -> tuple[QTableWidget, int, int] | None:
        return self._cell


def typing_inside(container: QWidget) -> bool:
    """True when the keyboard focus is in ``container`` (the user is typing there: do not move it)."""
    focused = QApplication.focusWidget()
    return focused is not None and (focused is container or container.isAncestorOf(focused))
