"""Table model of the model comparison: a RowsModel whose first column has an "included" check box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ftplanner.gui.table_models import RowsModel

Index = QModelIndex | QPersistentModelIndex


class CheckableRowsModel(RowsModel):
    """Rows with a check box in column 0 and tooltips on the headers.

    ``is_checked(row)`` gives the box's state; ``on_toggle(row, checked)`` is called when the user
    clicks it (the owner updates its data, then the model is refreshed). ``key(row)`` identifies a row
    so :meth:`update_rows` can keep selection and scroll position when only the figures changed.
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Any], str]]],
        sort_keys: dict[int, Callable[[Any], Any]] | None = None,
        *,
        is_checked: Callable[[Any], bool],
        on_toggle: Callable[[Any, bool], None],
        key: Callable[[Any], Any],
        parent=None,
    ) -> None:
        super().__init__(columns, sort_keys, parent)
        self._is_checked = is_checked
        self._on_toggle = on_toggle
        self._key = key
        self.header_tooltips: list[str] = []

    def update_rows(self, rows: Sequence[Any]) -> bool:
        """Replace the rows; same rows in the same order only emit dataChanged (no reset).

        Returns True when the model was reset (other rows).
        """
        new = list(rows)
        old = self.rows()
        if new and [self._key(r) for r in new] == [self._key(r) for r in old]:
            self._rows = new
            last = self.index(len(new) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return False
        self.set_rows(new)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            if not index.isValid() or index.column() != 0 or not (0 <= index.row() < self.rowCount()):
                return None
            checked = self._is_checked(self.row(index.row()))
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        self._on_toggle(self.row(index.row()), state == Qt.CheckState.Checked)
        if 0 <= index.row() < self.rowCount():
            changed = self.index(index.row(), 0)
            self.dataChanged.emit(changed, changed, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.header_tooltips)
        ):
            return self.header_tooltips[section] or None
        return super().headerData(section, orientation, role)
