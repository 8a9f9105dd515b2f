"""Scenario editor part: the ``[model]`` section (catalog model, training runs, inference, migration)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from ftplanner.core.catalog import Catalog
from ftplanner.core.roi.scenario import MAX_HORIZON
from ftplanner.core.scenario_editing import plain_number
from ftplanner.gui.pages.roi_items import AmountFields


class ModelSection(QGroupBox):
    """The scenario's ``[model]``: catalog model, training runs, inference, migration."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Model"))
        self._base: dict[str, Any] = {}
        self._catalog: Catalog | None = None
        self._written_id = ""

        self._picked = ""
        self.model_box = QComboBox()
        self.model_box.setMinimumContentsLength(24)
        self.model_box.setToolTip(
            self.tr(
                "The catalog model to fine-tune. Its retirement date, last day for new jobs, and its inference "
                "and hosting prices at this plan's traffic come from the price catalog."
            )
        )
        self.model_box.currentIndexChanged.connect(lambda _index: self._model_changed())
        self.training = AmountFields(optional=True)
        self.training.setToolTip(
            self.tr("Cost of one training run (low / likely / high), in the scenario currency.")
        )
        self.retrain = QSpinBox()
        self.retrain.setRange(0, MAX_HORIZON)
        self.retrain.setSpecialValueText(self.tr("never (train once)"))
        self.retrain.setSuffix(self.tr(" months"))
        self.retrain.setToolTip(
            self.tr(
                "A training run at month 0 and every N months after it (0 = once). Runs on or after the "
                "retirement date, or after the last day for new jobs, are dropped."
            )
        )
        self.include_inference = QCheckBox(self.tr("Include inference and hosting"))
        self.include_inference.setToolTip(
            self.tr(
                "Monthly inference and hosting costs over months 1..horizon, from the catalog unless set below."
            )
        )
        self.inference = AmountFields(optional=True)
        for field in self.inference.fields:
            field.setPlaceholderText(self.tr("catalog"))
        self.inference.setToolTip(
            self.tr(
                "Inference per month (low / likely / high). Leave empty to use the catalog at this plan's traffic."
            )
        )
        self.migration = AmountFields(optional=True)
        self.migration.setToolTip(
            self.tr(
                "One-off cost of moving to a successor, added in the month the model retires when that falls "
                "inside the horizon."
            )
        )
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setObjectName("hint")

        form = QFormLayout(self)
        heads = QWidget()
        head_row = QHBoxLayout(heads)
        head_row.setContentsMargins(0, 0, 0, 0)
        for text in (self.tr("Low"), self.tr("Likely"), self.tr("High")):
            head = QLabel(text)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            head_row.addWidget(head)
        heads.setToolTip(
            self.tr(
                "Three-point estimates: low, likely and high. Deterministic results use the likely values."
            )
        )
        form.addRow(self.tr("Catalog model"), self.model_box)
        form.addRow("", heads)
        form.addRow(self.tr("Training per run"), self.training)
        form.addRow(self.tr("Retrain every"), self.retrain)
        form.addRow("", self.include_inference)
        form.addRow(self.tr("Inference / month"), self.inference)
        form.addRow(self.tr("Migration"), self.migration)
        form.addRow(self.facts)
        for widget in (self.training, self.inference, self.migration):
            widget.edited.connect(self.edited)
        self.retrain.valueChanged.connect(lambda _value: self.edited.emit())
        self.include_inference.toggled.connect(lambda _on: self._inference_toggled())

    def set_catalog(self, catalog: Catalog) -> None:
        """Offer ``catalog``'s models, keeping the one selected now."""
        current = self.model_id() if self._catalog is not None else self._written_id
        self._catalog = catalog
        self._fill_models(current)

    def _fill_models(self, model_id: str) -> None:
        self.model_box.blockSignals(True)
        self.model_box.clear()
        self.model_box.addItem(self.tr("(no model)"), "")
        catalog = self._catalog
        for entry in catalog.entries if catalog is not None else ():
            self.model_box.addItem(
                f"{entry.display_name} ({entry.provider_name or entry.provider})", entry.key
            )
        selected = 0
        if model_id:
            entry = catalog.find(model_id) if catalog is not None else None
            selected = self.model_box.findData(entry.key) if entry is not None else -1
            if selected < 0:
                self.model_box.addItem(self.tr("{0} (not in the catalog)").format(model_id), model_id)
                selected = self.model_box.count() - 1
        self.model_box.setCurrentIndex(selected)
        self.model_box.blockSignals(False)
        self._enable()

    def input_at(self, key: str) -> tuple[QWidget, None] | None:
        """The widget showing the model section's ``key`` ("training_cost.low", "id"), or None."""
        name, _, part = key.partition(".")
        if name == "id" or not name:
            return self.model_box, None
        if name == "retrain_every_months":
            return self.retrain, None
        if name == "include_inference":
            return self.include_inference, None
        amounts = {
            "training_cost": self.training,
            "inference_per_month": self.inference,
            "migration_cost": self.migration,
        }
        fields = amounts.get(name)
        if fields is None:
            return None
        index = {"low": 0, "likely": 1, "high": 2}.get(part)
        return (fields.fields[index] if index is not None else fields), None

    def set_model(self, model: Any) -> None:
        base = dict(model) if isinstance(model, Mapping) else {}
        self._base = base
        self._written_id = str(base.get("id", "")) if base else ""
        for widget in (self.training, self.retrain, self.include_inference, self.inference, self.migration):
            widget.blockSignals(True)
        self.training.set_value(base.get("training_cost"))
        retrain = base.get("retrain_every_months", 0)
        self.retrain.setValue(retrain if isinstance(retrain, int) and not isinstance(retrain, bool) else 0)
        include = base.get("include_inference", True)
        self.include_inference.setChecked(include if isinstance(include, bool) else True)
        self.inference.set_value(base.get("inference_per_month"))
        self.migration.set_value(base.get("migration_cost"))
        for widget in (self.training, self.retrain, self.include_inference, self.inference, self.migration):
            widget.blockSignals(False)
        self._fill_models(self._written_id)

    def model_id(self) -> str:
        """The id to write: the scenario's own spelling while the same model stays selected."""
        key = self.model_box.currentData() or ""
        if not key:
            return ""
        catalog = self._catalog
        if catalog is None:
            return key
        current = catalog.find(self._written_id) if self._written_id else None
        if (current is not None and current.key == key) or (current is None and key == self._written_id):
            return self._written_id
        entry = catalog.find(key)
        if entry is not None and catalog.find(entry.id) is entry:
            return entry.id
        return key

    def model(self) -> dict[str, Any] | None:
        model_id = self.model_id()
        if not model_id:
            return None
        out: dict[str, Any] = {"id": model_id}
        for key, widget in (
            ("training_cost", self.training),
            ("inference_per_month", self.inference),
            ("migration_cost", self.migration),
        ):
            value = widget.value()
            if value is not None:
                out[key] = value
        if "hosting_per_month" in self._base:
            out["hosting_per_month"] = self._base["hosting_per_month"]
        out["retrain_every_months"] = self.retrain.value()
        out["include_inference"] = self.include_inference.isChecked()
        return out

    def show_linked(self, linked: Mapping[str, Any], overridden: Mapping[str, bool]) -> None:
        """Empty amount fields show the value linked from the estimate; typed ones are overrides."""
        for key, widget in (("training_cost", self.training), ("inference_per_month", self.inference)):
            amount = linked.get(key)
            if amount is None:
                texts = (self.tr("low"), self.tr("likely"), self.tr("high"))
            else:
                texts = tuple(plain_number(round(v, 2)) for v in (amount.low, amount.likely, amount.high))
            for field, text in zip(widget.fields, texts, strict=True):
                field.setPlaceholderText(text)
            mark = self.tr("Your override; clear the fields to use the estimate.")
            widget.setToolTip(mark if overridden.get(key) else self.tr("Empty: linked to the estimate."))

    def select_model(self, key: str) -> None:
        """Show ``key`` (the plan's chosen model) in the picker without counting it as an edit."""
        index = self.model_box.findData(key)
        if index >= 0 and index != self.model_box.currentIndex():
            self.model_box.blockSignals(True)
            self.model_box.setCurrentIndex(index)
            self.model_box.blockSignals(False)
            entry = self._catalog.find(key) if self._catalog is not None else None
            self._written_id = entry.id if entry is not None else key
            self._enable()

    def take_pick(self) -> str:
        """The model the user picked since the last call ("" when none): it becomes the plan's choice."""
        picked, self._picked = self._picked, ""
        return picked

    def _model_changed(self) -> None:
        self._picked = self.model_box.currentData() or ""
        self._enable()
        self.edited.emit()

    def _inference_toggled(self) -> None:
        self._enable()
        self.edited.emit()

    def _enable(self) -> None:
        has_model = bool(self.model_box.currentData())
        for widget in (self.training, self.retrain, self.include_inference, self.migration):
            widget.setEnabled(has_model)
        self.inference.setEnabled(has_model and self.include_inference.isChecked())
        self.facts.setVisible(has_model)
