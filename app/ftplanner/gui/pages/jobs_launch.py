"""The launch form of the Jobs page, prefilled from the open plan (dataset, first compared model, epochs)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import NoReturn, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.catalog import Catalog, ModelEntry
from ftplanner.core.errors import UserError
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.fault import FaultMarker
from ftplanner.jobs import profiles, wandb
from ftplanner.jobs.launch import JobOptions, check_options_for
from ftplanner.providers import registry
from ftplanner.providers.base import Method

_T = TypeVar("_T")

DATA_FILTER = "JSON Lines (*.jsonl);;All files (*)"
ERROR_STYLE = "color: #c0392b;"


def job_api_providers() -> set[str]:
    """Catalog providers reachable through some profile kind's job API."""
    return set(registry.catalog_providers())


def _launches(entry: ModelEntry) -> bool:
    """Whether the kind serving the entry's provider can fine-tune it (price bands are not models)."""
    spec = registry.for_catalog_provider(entry.provider)
    return spec is None or spec.launches(entry.id)


@dataclass(frozen=True)
class LaunchRequest:
    """What the form asks for, checked for shape (the launch flow checks the rest)."""

    training: Path
    validation: Path | None
    model: str  # catalog key
    profile: str
    epochs: int | None
    suffix: str | None
    seed: int | None
    method: Method
    budget_cap: Decimal | None
    options: JobOptions = field(default_factory=lambda: JobOptions())
    wandb_project: str | None = None  # log the run to this Weights & Biases project


class LaunchForm(QWidget):
    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edited = False  # the user changed a field: stop following the plan
        self._filling = False
        self._profiles: dict[str, profiles.ProviderProfile] = {}
        self._catalog: Catalog | None = None
        self.training = QLineEdit()
        self.training.setPlaceholderText(self.tr("JSONL training file"))
        self.validation = QLineEdit()
        self.validation.setPlaceholderText(self.tr("optional"))
        self.model = QComboBox()
        self.model.setMinimumContentsLength(18)
        self.model.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile = QComboBox()
        self.profile.setMinimumContentsLength(12)
        self.epochs = QSpinBox()
        self.epochs.setRange(0, 50)
        self.epochs.setSpecialValueText(self.tr("auto"))
        self.suffix = QLineEdit()
        self.suffix.setPlaceholderText(self.tr("optional, e.g. support-bot"))
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("optional"))
        self.method = QComboBox()
        self.method.addItem(self.tr("supervised"), "supervised")
        self.method.addItem("DPO", "dpo")
        self.batch_size = QSpinBox()
        self.batch_size.setRange(0, 1024)
        self.batch_size.setSpecialValueText(self.tr("auto"))
        self.learning_rate = QLineEdit()
        self.learning_rate.setPlaceholderText(self.tr("auto, e.g. 1.8"))
        self.learning_rate.setToolTip(self.tr("Learning-rate multiplier (Together: × its default rate)"))
        self.beta = QLineEdit()
        self.beta.setPlaceholderText(self.tr("auto (DPO only)"))
        self.beta.setEnabled(False)
        self.method.currentIndexChanged.connect(
            lambda: self.beta.setEnabled(self.method.currentData() == "dpo")
        )
        self.lora = QComboBox()
        self.lora.addItem(self.tr("provider's default"), None)
        self.lora.addItem(self.tr("LoRA"), True)
        self.lora.addItem(self.tr("full fine-tuning"), False)
        self.lora_rank = QSpinBox()
        self.lora_rank.setRange(0, 1024)
        self.lora_rank.setSpecialValueText(self.tr("auto"))
        self.context_length = QSpinBox()
        self.context_length.setRange(0, 1_048_576)
        self.context_length.setSingleStep(1024)
        self.context_length.setSpecialValueText(self.tr("auto"))
        self.context_length.setToolTip(self.tr("The longest example trained on, in tokens"))
        self.budget = QLineEdit()
        self.budget.setPlaceholderText(self.tr("no cap"))
        self.wandb_project = QLineEdit()
        self.wandb_project.setPlaceholderText(self.tr("optional: log the run to Weights & Biases"))
        self.wandb_project.setToolTip(
            self.tr(
                "OpenAI and Azure log with the W&B key registered in the organisation's settings; Together"
                " sends the W&B key kept in the system keyring (asked for at the first launch)."
            )
        )
        self.review_button = QPushButton(self.tr("Review and launch…"))
        self.review_button.setDefault(True)
        self.review_button.clicked.connect(self.review_requested)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(False)

        form = self.form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Training file:"), self._with_browse(self.training))
        form.addRow(self.tr("Validation file:"), self._with_browse(self.validation))
        form.addRow(self.tr("Model:"), self.model)
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Profile:"), self.profile)
        form.addRow(self.tr("Epochs:"), self.epochs)
        form.addRow(self.tr("Batch size:"), self.batch_size)
        form.addRow(self.tr("LR multiplier:"), self.learning_rate)
        form.addRow(self.tr("DPO beta:"), self.beta)
        form.addRow(self.tr("Training type:"), self.lora)
        form.addRow(self.tr("LoRA rank:"), self.lora_rank)
        form.addRow(self.tr("Context length:"), self.context_length)
        #: The option each launch-option widget sets; a row shows when the profile's kind takes it.
        self.option_widgets: dict[str, QWidget] = {
            "batch_size": self.batch_size,
            "learning_rate_multiplier": self.learning_rate,
            "beta": self.beta,
            "lora": self.lora,
            "lora_rank": self.lora_rank,
            "context_length": self.context_length,
        }
        form.addRow(self.tr("Suffix:"), self.suffix)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.tr("Budget cap (USD):"), self.budget)
        form.addRow(self.tr("W&&B project:"), self.wandb_project)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.review_button)

        self.fault = FaultMarker()  # the field a refusal is about; cleared by the next edit
        for edit in (
            self.training,
            self.validation,
            self.suffix,
            self.seed,
            self.learning_rate,
            self.beta,
            self.budget,
            self.wandb_project,
        ):
            edit.textChanged.connect(self.fault.clear)  # typed or chosen with Browse…
        for box in (self.model, self.profile, self.method, self.lora):
            box.activated.connect(self.fault.clear)
        for spin in (self.epochs, self.batch_size, self.lora_rank, self.context_length):
            spin.valueChanged.connect(self.fault.clear)

        # Edits of what the plan prefills stop the form following the plan.
        self.training.textChanged.connect(self._changed)
        self.model.currentIndexChanged.connect(self._changed)
        self.epochs.valueChanged.connect(self._changed)
        self.model.currentIndexChanged.connect(self._model_changed)
        self.profile.currentIndexChanged.connect(self._profile_changed)

    def _with_browse(self, line: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(line, 1)
        button = QPushButton(self.tr("Browse…"))
        button.clicked.connect(lambda: self._browse(line))
        row.addWidget(button)
        return box

    def _browse(self, line: QLineEdit) -> None:
        start = line.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a data file"), start, DATA_FILTER)
        if path:
            line.setText(path)

    def _changed(self) -> None:
        if not self._filling:
            self.edited = True
            self.show_message("")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -------------------------------------------------------------- filling
    def set_models(self, catalog: Catalog, wanted: str | None = None) -> None:
        """Models of providers with a job API that accept new jobs (plus ``wanted``, marked if closed)."""
        current = wanted or self.model.currentData()
        providers = job_api_providers()
        entries = [
            e for e in catalog if e.provider in providers and e.launchable(catalog.today) and _launches(e)
        ]
        extra = catalog.find(current) if current else None
        if extra is not None and extra not in entries and extra.provider in providers:
            entries.insert(0, extra)
        self._filling = True
        try:
            self.model.clear()
            for entry in entries:
                text = f"{entry.id} ({entry.provider_name or entry.provider})"
                if not entry.launchable(catalog.today):
                    text += " — " + self.tr("closed")
                self.model.addItem(text, entry.key)
            index = self.model.findData(extra.key if extra else current)
            self.model.setCurrentIndex(max(0, index))
        finally:
            self._filling = False
        self._catalog = catalog
        self._model_changed()

    def set_profiles(self, stored: dict[str, profiles.ProviderProfile]) -> None:
        current = self.profile.currentData()
        self._profiles = dict(stored)
        self._filling = True
        try:
            self.profile.clear()
            for name in sorted(stored):
                self.profile.addItem(name, name)
            self.profile.setCurrentIndex(max(0, self.profile.findData(current)))
        finally:
            self._filling = False
        self._profile_changed()

    def prefill(self, document: PlanDocument, catalog: Catalog) -> None:
        """Follow the plan: its dataset, first compared model and epochs (until the user edits the form)."""
        if self.edited:
            return
        self._filling = True
        try:
            path = document.dataset_path()
            self.training.setText(str(path) if path else "")
            self.epochs.setValue(document.plan.epochs or 0)
        finally:
            self._filling = False
        first = next((m for m in document.plan.models if catalog.find(m) is not None), None)
        self.set_models(catalog, catalog.find(first).key if first else None)

    def follow_dataset(self, document: PlanDocument) -> None:
        """A dataset opened on the Dataset page becomes the training file, edited form or not."""
        path = document.dataset_path()
        if path is not None:
            self._filling = True
            try:
                self.training.setText(str(path))
            finally:
                self._filling = False

    def _entry(self) -> ModelEntry | None:
        key = self.model.currentData()
        return self._catalog.find(key) if key and self._catalog else None

    def _model_changed(self) -> None:
        entry = self._entry()
        dpo = entry is not None and "dpo" in entry.methods
        item = self.method.model().item(1)  # type: ignore[attr-defined]
        item.setEnabled(dpo)
        if not dpo and self.method.currentIndex() == 1:
            self.method.setCurrentIndex(0)
        self.show_message("")
        self.method.setToolTip("" if dpo else self.tr("DPO is not offered for this model."))

    def _profile_changed(self) -> None:
        profile = self._profiles.get(self.profile.currentData() or "")
        spec = registry.get(profile.kind) if profile else None
        for name, widget in self.option_widgets.items():
            self.form.setRowVisible(widget, spec is None or name in spec.options)
        was = self._filling
        self._filling = True
        try:
            self.budget.setText(profile.budget_cap or "" if profile else "")
        finally:
            self._filling = was

    # -------------------------------------------------------------- reading
    def request(self) -> LaunchRequest:
        """The checked request; UserError with a message for the user otherwise."""
        training = self.training.text().strip()
        if not training:
            self._refuse(self.training, self.tr("Choose a training file."))
        if not Path(training).is_file():
            self._refuse(self.training, self.tr("{0}: no such file").format(training))
        validation = self.validation.text().strip() or None
        if validation is not None and not Path(validation).is_file():
            self._refuse(self.validation, self.tr("{0}: no such file").format(validation))
        if self.model.currentData() is None:
            self._refuse(self.model, self.tr("Choose a model."))
        if self.profile.currentData() is None:
            self._refuse(self.profile, self.tr("Add a provider profile first."))
        seed_text = self.seed.text().strip()
        try:
            seed = int(seed_text) if seed_text else None
        except ValueError:
            self._refuse(self.seed, self.tr("Seed: expected a whole number, got {0}").format(seed_text))
        options = JobOptions()
        if self.batch_size.value() and self.form.isRowVisible(self.batch_size):
            options["batch_size"] = self.batch_size.value()
        for name, edit, label in (
            ("learning_rate_multiplier", self.learning_rate, self.tr("LR multiplier")),
            ("beta", self.beta, self.tr("DPO beta")),
        ):
            text = edit.text().strip()
            if text and edit.isEnabled() and self.form.isRowVisible(edit):
                options[name] = self._positive(edit, label)  # type: ignore[literal-required]
        for name, spin in (("lora_rank", self.lora_rank), ("context_length", self.context_length)):
            if spin.value() and self.form.isRowVisible(spin):
                options[name] = spin.value()  # type: ignore[literal-required]
        if self.lora.currentData() is not None and self.form.isRowVisible(self.lora):
            options["lora"] = self.lora.currentData()
        profile = self._profiles[self.profile.currentData()]
        check_options_for(profile.kind, options)
        # An empty cap means the profile's own (as the CLI without --budget-cap).
        budget = self._checked(
            self.budget, lambda: profiles.parse_budget(self.budget.text(), self.tr("budget cap"))
        )
        if budget is None:
            budget = profile.budget_cap
        return LaunchRequest(
            training=Path(training),
            validation=Path(validation) if validation else None,
            model=self.model.currentData(),
            profile=self.profile.currentData(),
            epochs=self.epochs.value() or None,
            suffix=self.suffix.text().strip() or None,
            seed=seed,
            method=self.method.currentData(),
            budget_cap=None if budget is None else Decimal(budget),
            options=options,
            wandb_project=self._checked(
                self.wandb_project, lambda: wandb.check_project(self.wandb_project.text())
            ),
        )

    def _positive(self, edit: QLineEdit, label: str) -> float:
        text = edit.text().strip()
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        if not 0 < value < float("inf"):
            self._refuse(edit, self.tr("{0}: expected a number above 0, got {1}").format(label, text))
        return value

    # -------------------------------------------------------------- faults
    def _refuse(self, widget: QWidget, text: str) -> NoReturn:
        """Mark and focus ``widget``, then refuse the request with ``text``."""
        self.fault.mark(widget)
        raise UserError(text)

    def _checked(self, widget: QWidget, check: Callable[[], _T]) -> _T:
        """``check()``, with ``widget`` marked when it refuses the value."""
        try:
            return check()
        except UserError:
            self.fault.mark(widget)
            raise

    def mark_refusal(self, message: object) -> None:
        """Mark the field a launch refusal from the core is about (by its message code), if one is."""
        fields: dict[str, QWidget] = {
            "launch.blocked": self.model,
            "launch.unknown_method": self.method,
            "launch.method_mismatch": self.method,
            "launch.training_errors": self.training,
            "launch.training_empty": self.training,
            "launch.validation_errors": self.validation,
            "launch.validation_empty": self.validation,
            "launch.validation_format": self.validation,
            "launch.cost_unknown": self.budget,
            "launch.over_budget": self.budget,
        }
        widget = fields.get(getattr(message, "code", ""))
        if widget is not None:
            self.fault.mark(widget)
