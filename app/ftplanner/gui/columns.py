"""Table columns as wide as their widest text, so nothing is cut; the spare width goes to one column.

``QTableView.resizeColumnsToContents`` measures only the rows on screen, so a longer name further down
would be cut; here every row is measured (through the view's delegate, so fonts, check boxes and
margins count). A window narrower than the table scrolls sideways instead of cutting text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

MAX_MEASURED_ROWS = 2000  # a longer table is measured on its first rows


class ColumnFit(QObject):
    """Fits ``view``'s columns on :meth:`fit`; ``priority`` (the model name) takes the spare width."""

    def __init__(self, view: QTableView, priority: int) -> None:
        super().__init__(view)
        self.view = view
        self.priority = priority
        self._widths: list[int] = []
        header = view.horizontalHeader()
        header.setStretchLastSection(
            False
        )  # a stretched last column shrinks below its text when space is short
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)

    def content_width(self, column: int) -> int:
        view = self.view
        model = view.model()
        widest = view.horizontalHeader().sectionSizeHint(column)
        grid = 1 if view.showGrid() else 0
        for row in range(min(model.rowCount(), MAX_MEASURED_ROWS)):
            widest = max(widest, view.sizeHintForIndex(model.index(row, column)).width() + grid)
        return widest

    def fit(self) -> None:
        model = self.view.model()
        self._widths = [self.content_width(column) for column in range(model.columnCount())]
        for column, width in enumerate(self._widths):
            self.view.setColumnWidth(column, width)
        self._spread()

    def _spread(self) -> None:
        if not (0 <= self.priority < len(self._widths)):
            return
        used = sum(w for c, w in enumerate(self._widths) if not self.view.isColumnHidden(c))
        spare = max(0, self.view.viewport().width() - used)
        self.view.setColumnWidth(self.priority, self._widths[self.priority] + spare)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._spread()
        return False
