"""Scenario editor parts: three-point amount fields and the table of cost or benefit lines.

Values the user types go to the core as typed when they are not numbers, so the core's validator names
the key and the problem. Keys the table does not show (notes, end months, lognormal amounts) are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.roi.amounts import LOGNORMAL
from ftplanner.core.roi.scenario import MONTHLY, ONE_OFF
from ftplanner.core.scenario_editing import decimal_or_text, int_or_text, plain_number


class AmountFields(QWidget):
    """Three fields low / likely / high for one amount; empty fields mean "not set" when optional."""

    edited = Signal()

    def __init__(self, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self._original: Any = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.fields: list[QLineEdit] = []
        for placeholder in (self.tr("low"), self.tr("likely"), self.tr("high")):
            field = QLineEdit()
            field.setPlaceholderText(placeholder)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setMinimumWidth(60)
            field.textEdited.connect(self.edited)
            layout.addWidget(field)
            self.fields.append(field)

    def set_value(self, value: Any) -> None:
        self._original = value
        if value is None:
            texts = ["", "", ""]
        elif isinstance(value, Mapping):
            texts = [plain_number(value.get(key, "")) for key in ("low", "likely", "high")]
        else:
            texts = [plain_number(value)] * 3
        lognormal = isinstance(value, Mapping) and value.get("dist") == LOGNORMAL
        self.fields[0].setEnabled(not lognormal)
        for field, text in zip(self.fields, texts, strict=True):
            field.setText(text)

    def value(self) -> Any:
        """The TOML amount: a number, a table, or ``None`` (optional and left empty)."""
        texts = [field.text() for field in self.fields]
        if self.optional and not any(text.strip() for text in texts):
            return None
        low, likely, high = (decimal_or_text(text) for text in texts)
        return amount_value(self._original, low, likely, high)


def amount_value(original: Any, low: Any, likely: Any, high: Any) -> Any:
    """The TOML form of an edited amount, keeping the original's distribution."""
    dist = original.get("dist") if isinstance(original, Mapping) else None
    if dist == LOGNORMAL:
        return {"dist": dist, "likely": likely, "high": high}
    if dist is None and low == likely == high:
        return likely
    table = {"low": low, "likely": likely, "high": high}
    return {"dist": dist, **table} if dist else table


class ItemsTable(QWidget):
    """Cost or benefit lines: name, kind, month, low / likely / high, and ramp months for benefits."""

    edited = Signal()

    NAME, KIND, MONTH, LOW, LIKELY, HIGH, RAMP = range(7)

    def __init__(self, benefits: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.benefits = benefits
        self._originals: list[dict[str, Any]] = []
        headers = [
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Month"),
            self.tr("Low"),
            self.tr("Likely"),
            self.tr("High"),
        ]
        if benefits:
            headers.append(self.tr("Ramp"))
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        tips = {
            self.KIND: self.tr(
                "One-off: paid once, in its month. Monthly: every month from its month to the horizon."
            ),
            self.MONTH: self.tr(
                "One-off: the month it is paid (0 = at the start; month 0 holds one-off costs at month 0). "
                "Monthly: the first month it runs (monthly items run months 1..horizon)."
            ),
            self.LOW: self.tr("Low: the least it can plausibly be (three-point estimate)."),
            self.LIKELY: self.tr(
                "Likely: the most likely value. Deterministic results use the likely values."
            ),
            self.HIGH: self.tr("High: the most it can plausibly be (three-point estimate)."),
            self.RAMP: self.tr(
                "Ramp months: in month m of the line, it earns amount × min(1, m / ramp months); "
                "0 = the full amount from the first month."
            ),
        }
        for column, tip in tips.items():
            header = self.table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(tip)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)  # a long name takes two lines rather than being cut
        header_view.sectionResized.connect(
            lambda column, _old, _new: self._fit_height() if column == self.NAME else None
        )
        for column in range(1, len(headers)):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._item_changed)

        self.add_button = QPushButton(self.tr("Add benefit line") if benefits else self.tr("Add cost line"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ rows
    def set_items(self, items: Any) -> None:
        rows = [dict(item) for item in items if isinstance(item, Mapping)] if isinstance(items, list) else []
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self._originals = []
        for item in rows:
            self._append(item)
        self.table.blockSignals(False)
        self._fit_height()

    def _append(self, item: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._originals.append(item)
        kind = item.get("kind", MONTHLY)
        month = item.get("month", 0) if kind == ONE_OFF else item.get("start_month", 1)
        amount = item.get("amount")
        if isinstance(amount, Mapping):
            low = "" if amount.get("dist") == LOGNORMAL else plain_number(amount.get("low", ""))
            likely, high = plain_number(amount.get("likely", "")), plain_number(amount.get("high", ""))
        else:
            low = likely = high = plain_number(amount)
        self._set_text(row, self.NAME, str(item.get("name", "")), left=True)
        self._set_text(row, self.MONTH, plain_number(month))
        self._set_text(row, self.LOW, low)
        self._set_text(row, self.LIKELY, likely)
        self._set_text(row, self.HIGH, high)
        if self.benefits:
            self._set_text(row, self.RAMP, plain_number(item.get("ramp_months", 0)))
        combo = QComboBox()
        combo.addItem(self.tr("one-off"), ONE_OFF)
        combo.addItem(self.tr("monthly"), MONTHLY)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        combo.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.table.setCellWidget(row, self.KIND, combo)
        self._update_ramp(row)

    def _set_text(self, row: int, column: int, text: str, left: bool = False) -> None:
        cell = QTableWidgetItem(text)
        if left:
            cell.setToolTip(text)
        else:
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, cell)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == self.NAME:
            self.table.blockSignals(True)
            item.setToolTip(item.text())
            self.table.blockSignals(False)
        self.edited.emit()

    def _kind(self, row: int) -> str:
        combo = self.table.cellWidget(row, self.KIND)
        return combo.currentData() if isinstance(combo, QComboBox) else MONTHLY

    def _update_ramp(self, row: int) -> None:
        if not self.benefits:
            return
        cell = self.table.item(row, self.RAMP)
        if cell is None:
            return
        flags = cell.flags()
        if self._kind(row) == ONE_OFF:
            cell.setFlags(flags & ~Qt.ItemFlag.ItemIsEditable & ~Qt.ItemFlag.ItemIsEnabled)
        else:
            cell.setFlags(flags | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsEnabled)

    def _kind_changed(self) -> None:
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self._update_ramp(row)
        self.table.blockSignals(False)
        self.edited.emit()

    def _fit_height(self) -> None:
        """Room for every line (two to eight), then a scroll bar."""
        self.table.resizeRowsToContents()
        rows = self.table.rowCount()
        shown = sum(self.table.rowHeight(row) for row in range(min(rows, 8)))
        spare = max(0, 2 - rows) * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + shown + spare + 4)

    def add_row(self) -> None:
        name = self.tr("New benefit") if self.benefits else self.tr("New cost")
        self.table.blockSignals(True)
        self._append({"name": name, "kind": MONTHLY, "amount": 0})
        self.table.blockSignals(False)
        self._fit_height()
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, self.NAME)
        self.table.editItem(self.table.item(row, self.NAME))
        self.edited.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row < 0:
            return
        self.table.removeRow(row)
        del self._originals[row]
        self._fit_height()
        self.edited.emit()

    def column_of(self, key: str) -> int:
        """The column showing a line's key ("amount.low", "kind", "ramp_months"); the name for others."""
        columns = {
            "name": self.NAME,
            "kind": self.KIND,
            "month": self.MONTH,
            "start_month": self.MONTH,
            "end_month": self.MONTH,
            "amount": self.LIKELY,
            "amount.likely": self.LIKELY,
            "amount.dist": self.LIKELY,
            "amount.low": self.LOW,
            "amount.high": self.HIGH,
        }
        if self.benefits:
            columns["ramp_months"] = self.RAMP
        return columns.get(key, self.NAME)

    # ------------------------------------------------------------------ data
    def text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text() if cell is not None else ""

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Change one cell as a user edit would (emits ``edited``)."""
        cell = self.table.item(row, column)
        if cell is not None:
            cell.setText(text)

    def items(self) -> list[dict[str, Any]]:
        return [self._row_dict(row) for row in range(self.table.rowCount())]

    def _row_dict(self, row: int) -> dict[str, Any]:
        base = self._originals[row]
        kind = self._kind(row)
        out: dict[str, Any] = {"name": self.text(row, self.NAME), "kind": kind}
        month_text = self.text(row, self.MONTH)
        if kind == ONE_OFF:
            out["month"] = int_or_text(month_text) if month_text.strip() else 0
        else:
            start = int_or_text(month_text) if month_text.strip() else 1
            if start != 1 or "start_month" in base:
                out["start_month"] = start
            if "end_month" in base:
                out["end_month"] = base["end_month"]
            if self.benefits:
                ramp_text = self.text(row, self.RAMP)
                ramp = int_or_text(ramp_text) if ramp_text.strip() else 0
                if ramp != 0 or "ramp_months" in base:
                    out["ramp_months"] = ramp
            elif "ramp_months" in base:
                out["ramp_months"] = base["ramp_months"]
        low, likely, high = (decimal_or_text(self.text(row, c)) for c in (self.LOW, self.LIKELY, self.HIGH))
        out["amount"] = amount_value(base.get("amount"), low, likely, high)
        if "note" in base:
            out["note"] = base["note"]
        return out
