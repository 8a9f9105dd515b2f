"""ROI scenario editor: general fields, cost and benefit lines, the model section, simulation settings.

The editor reads and writes a scenario as parsed TOML (:func:`ScenarioEditor.data`); it never checks
values itself. What the user types goes to the core unchanged when it is not a number, so the core's
validator names the key and the problem. Keys the editor does not show (notes, end months, lognormal
amounts, hosting overrides) are kept as they were.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.catalog import Catalog
from ftplanner.core.roi import DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS
from ftplanner.core.roi.scenario import MAX_HORIZON
from ftplanner.core.scenario_editing import decimal_or_text, plain_number
from ftplanner.gui.pages.roi_items import ItemsTable
from ftplanner.gui.pages.roi_model import ModelSection

CURRENCIES = ("USD", "EUR", "JPY", "GBP")


def percent_text(rate: Any) -> str:
    """A stored rate (0.08) as the Discount field shows it, in percent ("8"); other values as their text."""
    if isinstance(rate, (int, float, Decimal)) and not isinstance(rate, bool):
        return plain_number((Decimal(plain_number(rate)) * 100).normalize())
    return plain_number(rate)


def rate_from_percent(text: str) -> Decimal | str:
    """The Discount field ("8", "8 %", "7.5%") as the scenario's fraction (0.08); other text unchanged."""
    value = decimal_or_text(text.strip().removesuffix("%"))
    return value / 100 if isinstance(value, Decimal) else text.strip()


class ScenarioEditor(QWidget):
    """The whole scenario as editable fields; ``edited`` fires on every user change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: dict[str, Any] = {}

        self.name = QLineEdit()
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("hint")
        self.approach = QComboBox()
        for label, key in (
            (self.tr("(not set)"), ""),
            (self.tr("Prompt engineering"), "prompt_engineering"),
            (self.tr("RAG"), "rag"),
            (self.tr("Fine-tuning"), "fine_tuning"),
        ):
            self.approach.addItem(label, key)
        self.approach.setToolTip(
            self.tr(
                "The approach this scenario describes. In the comparison its column uses the scenario as "
                "written; the others apply their own cost structure to the same benefits."
            )
        )
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setToolTip(
            self.tr(
                "Currency of every amount (ISO code). Catalog prices are converted with your exchange rates."
            )
        )
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setToolTip(self.tr("Month t of the plan starts on this day + t months."))
        self.horizon = QSpinBox()
        self.horizon.setRange(1, MAX_HORIZON)
        self.horizon.setSuffix(self.tr(" months"))
        self.horizon.setToolTip(
            self.tr(
                "Months the plan covers. Month 0 holds one-off costs at month 0; monthly items run months "
                "1..horizon."
            )
        )
        self.discount = QLineEdit()
        self.discount.setPlaceholderText(self.tr("e.g. 8"))
        self.discount.setToolTip(
            self.tr(
                "Annual discount rate r in percent (8 means 8 % a year). Monthly rate "
                "r_m = (1 + r)^(1/12) − 1; NPV = Σ_t net_t / (1 + r_m)^t for t = 0..horizon."
            )
        )
        self.distribution = QComboBox()
        self.distribution.addItem(self.tr("PERT"), "pert")
        self.distribution.addItem(self.tr("Triangular"), "triangular")
        self.distribution.setToolTip(
            self.tr(
                "How the Monte Carlo draws a low / likely / high amount: PERT (a Beta on [low, high] with mode "
                "likely, weighted towards likely) or triangular."
            )
        )
        self.draws = QSpinBox()
        self.draws.setRange(1, MAX_DRAWS)
        self.draws.setSingleStep(1000)
        self.draws.setGroupSeparatorShown(True)
        self.draws.setValue(DEFAULT_DRAWS)
        self.draws.setToolTip(self.tr("Monte Carlo draws. More draws give steadier P10 / P90 figures."))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_147_483_647)
        self.seed.setValue(DEFAULT_SEED)
        self.seed.setToolTip(self.tr("Random seed: the same seed gives the same numbers."))

        general = QGroupBox(self.tr("Scenario"))
        form = QFormLayout(general)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.description)
        form.addRow(self.tr("Approach"), self.approach)
        row = QHBoxLayout()
        row.addWidget(self.currency)
        row.addWidget(QLabel(self.tr("Start")))
        row.addWidget(self.start)
        form.addRow(self.tr("Currency"), row)
        row = QHBoxLayout()
        row.addWidget(self.horizon)
        discount_label = QLabel(self.tr("Discount / year"))
        discount_label.setToolTip(self.discount.toolTip())
        discount_label.setBuddy(self.discount)
        row.addWidget(discount_label)
        row.addWidget(self.discount)
        row.addWidget(QLabel("%"))
        form.addRow(self.tr("Horizon"), row)

        self.costs = ItemsTable(benefits=False)
        self.benefits = ItemsTable(benefits=True)
        costs_box = QGroupBox(self.tr("Costs"))
        QVBoxLayout(costs_box).addWidget(self.costs)
        benefits_box = QGroupBox(self.tr("Benefits"))
        QVBoxLayout(benefits_box).addWidget(self.benefits)
        self.model = ModelSection()

        simulation = QGroupBox(self.tr("Simulation"))
        form = QFormLayout(simulation)
        form.addRow(self.tr("Distribution"), self.distribution)
        row = QHBoxLayout()
        row.addWidget(self.draws, 1)
        row.addWidget(QLabel(self.tr("Seed")))
        row.addWidget(self.seed, 1)
        form.addRow(self.tr("Draws"), row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (general, costs_box, benefits_box, self.model, simulation):
            layout.addWidget(box)
        layout.addStretch(1)

        self.name.textEdited.connect(lambda _text: self.edited.emit())
        self.discount.textEdited.connect(lambda _text: self.edited.emit())
        self.currency.currentTextChanged.connect(lambda _text: self.edited.emit())
        self.approach.currentIndexChanged.connect(lambda _index: self.edited.emit())
        self.distribution.currentIndexChanged.connect(lambda _index: self.edited.emit())
        self.start.dateChanged.connect(lambda _date: self.edited.emit())
        for spin in (self.horizon, self.draws, self.seed):
            spin.valueChanged.connect(lambda _value: self.edited.emit())
        for part in (self.costs, self.benefits, self.model):
            part.edited.connect(self.edited)

    def set_catalog(self, catalog: Catalog) -> None:
        self.blockSignals(True)
        self.model.set_catalog(catalog)
        self.blockSignals(False)

    def set_data(self, data: Mapping[str, Any]) -> None:
        """Show a scenario (parsed TOML); tolerant of wrong values, which the core reports on :meth:`data`."""
        self._base = dict(data)
        self.blockSignals(True)
        self.name.setText(str(data.get("name", "")))
        description = str(data.get("description", ""))
        self.description.setText(description)
        self.description.setVisible(bool(description))
        self.approach.setCurrentIndex(max(0, self.approach.findData(data.get("approach", ""))))
        currency = str(data.get("currency", "USD"))
        self.currency.setCurrentText(currency)
        start = data.get("start")
        if isinstance(start, str):
            try:
                start = date.fromisoformat(start)
            except ValueError:
                start = None
        if isinstance(start, date):
            self.start.setDate(QDate(start.year, start.month, start.day))
        horizon = data.get("horizon_months", 24)
        self.horizon.setValue(horizon if isinstance(horizon, int) and not isinstance(horizon, bool) else 24)
        self.discount.setText(percent_text(data.get("discount_rate_annual", "")))
        self.distribution.setCurrentIndex(
            max(0, self.distribution.findData(data.get("distribution", "pert")))
        )
        self.costs.set_items(data.get("costs", []))
        self.benefits.set_items(data.get("benefits", []))
        self.model.set_model(data.get("model"))
        self.blockSignals(False)

    def data(self) -> dict[str, Any]:
        """The edited scenario as parsed TOML (decimals, dates), ready for the core's validator."""
        out: dict[str, Any] = {"schema": self._base.get("schema", 1), "name": self.name.text()}
        for key in ("description",):
            if key in self._base:
                out[key] = self._base[key]
        approach = self.approach.currentData()
        if approach:
            out["approach"] = approach
        qdate = self.start.date()
        out["currency"] = self.currency.currentText().strip()
        out["start"] = date(qdate.year(), qdate.month(), qdate.day())
        out["horizon_months"] = self.horizon.value()
        out["discount_rate_annual"] = rate_from_percent(self.discount.text())
        out["distribution"] = self.distribution.currentData()
        out["costs"] = self.costs.items()
        out["benefits"] = self.benefits.items()
        model = self.model.model()
        if model is not None:
            out["model"] = model
        return out

    def input_at(self, field: str) -> tuple[QWidget, tuple[int, int] | None] | None:
        """The widget showing the scenario input at ``field`` ("benefits[0].amount.low"), with its table
        cell for cost and benefit lines; None when the editor does not show it."""
        parts = field.split(".")
        simple = {
            "name": self.name,
            "approach": self.approach,
            "currency": self.currency,
            "start": self.start,
            "horizon_months": self.horizon,
            "discount_rate_annual": self.discount,
            "distribution": self.distribution,
        }
        if parts[0] in simple:
            return simple[parts[0]], None
        line = re.fullmatch(r"(costs|benefits)\[(\d+)\]", parts[0])
        if line:
            table = self.costs if line.group(1) == "costs" else self.benefits
            row = int(line.group(2))
            if row >= table.table.rowCount():
                return table.table, None
            return table.table, (row, table.column_of(".".join(parts[1:])))
        if parts[0] == "model":
            return self.model.input_at(".".join(parts[1:]))
        return None

    def run_settings(self) -> tuple[int, int]:
        """(draws, seed) for the Monte Carlo run."""
        return self.draws.value(), self.seed.value()
