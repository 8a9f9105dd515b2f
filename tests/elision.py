"""Which table texts Qt would elide: header and cell text widths (fontMetrics) against the column widths."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QTableWidget, QWidget

DISPLAY, FONT, CHECK = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.CheckStateRole


def _widest_line(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _header_room(view: QTableView, column: int) -> int:
    """Width the header section needs for its text: the text, its margins and a sort arrow shown on it."""
    header: QHeaderView = view.horizontalHeader()
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    text = str(view.model().headerData(column, Qt.Orientation.Horizontal, DISPLAY) or "")
    needed = _widest_line(header.fontMetrics(), text) + 2 * margin
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
        needed += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
    return needed


def _cell_room(view: QAbstractItemView, row: int, column: int) -> tuple[int, str]:
    model = view.model()
    index = model.index(row, column)
    style = view.style()
    if isinstance(view, QTableWidget) and view.cellWidget(row, column) is not None:
        widget = view.cellWidget(row, column)
        return widget.minimumSizeHint().width(), getattr(widget, "currentText", lambda: "")()
    text = str(index.data(DISPLAY) or "")
    font = index.data(FONT)
    metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    extra = 2 * margin
    if index.data(CHECK) is not None:
        extra += style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view) + 2 * margin
    if view.wordWrap() and " " in text.strip():  # wraps: cut only if the lines are taller than the row
        room = view.columnWidth(column) - extra
        lines = metrics.boundingRect(QRect(0, 0, max(room, 1), 100_000), Qt.TextFlag.TextWordWrap, text)
        widest_word = max(metrics.horizontalAdvance(word) for word in text.split())
        fits = lines.height() <= view.rowHeight(row) and widest_word <= room
        return (0 if fits else view.columnWidth(column) + 1), text  # wider than any room: cut
    return _widest_line(metrics, text) + extra, text


def elided(view: QTableView) -> list[str]:
    """Texts wider than their column in ``view`` ("header 'Model' needs 120 px, has 90 px" …).

    A header is never cut; a cell may be shortened when its tooltip shows the whole text. Wrapped cells
    (word wrap on) count as cut when their lines are taller than the row.
    """
    model = view.model()
    grid = 1 if view.showGrid() else 0
    found: list[str] = []
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = view.columnWidth(column)
        header = str(model.headerData(column, Qt.Orientation.Horizontal, DISPLAY) or "")
        label = header.replace("\n", " ")
        if view.horizontalHeader().isVisible() and _header_room(view, column) > width:
            found.append(f"header {label!r} needs {_header_room(view, column)} px, has {width}")
        for row in range(model.rowCount()):
            needed, text = _cell_room(view, row, column)
            tip = str(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or "")
            if needed > width - grid and text not in tip:  # shortened on purpose: the tooltip has it all
                found.append(f"{label!r} row {row} {text!r} needs {needed} px, has {width - grid}")
    return found


def tables(widget: QWidget) -> list[QTableView]:
    """The tables of a page that are on screen (a hidden tab's table is checked where it is shown)."""
    return [view for view in widget.findChildren(QTableView) if view.isVisible()]
