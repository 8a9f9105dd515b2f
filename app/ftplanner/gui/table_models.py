"""Thin Qt table models over plain Python rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Columns are (header, getter) pairs; ``sort_key`` getters make numeric columns sort as numbers.

    Display text comes from the getter; Qt.UserRole gives the raw sort value.
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Any], str]]],
        sort_keys: dict[int, Callable[[Any], Any]] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._sort_keys = sort_keys or {}
        self._rows: list[Any] = []
        self.tooltip: Callable[[Any, int], str | None] | None = None
        self.foreground: Callable[[Any, int], Any] | None = None
        self.font: Callable[[Any, int], Any] | None = None  # e.g. bold for marked rows

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_headers(self, headers: Sequence[str]) -> None:
        self._columns = [(header, getter) for header, (_, getter) in zip(headers, self._columns, strict=True)]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def row(self, index: int) -> Any:
        return self._rows[index]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[column][1](row)
        if role == Qt.ItemDataRole.UserRole:
            key = self._sort_keys.get(column)
            return key(row) if key else self._columns[column][1](row)
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltip:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and self.foreground:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.FontRole and self.font:
            return self.font(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._sort_keys:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None
