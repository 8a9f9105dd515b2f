"""Dialogs of the Jobs page: adding a provider profile, confirming a launch."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core import formatting
from ftplanner.core.errors import UserError
from ftplanner.core.money import format_money
from ftplanner.gui.fault import FaultMarker
from ftplanner.gui.pages.provider_words import kind_name, word
from ftplanner.gui.say import say, say_error
from ftplanner.jobs import profiles, secrets
from ftplanner.jobs.launch import LaunchPlan
from ftplanner.providers import registry

ERROR_STYLE = "color: #c0392b;"


def _keyring_note() -> QLabel:
    """Where a key typed here will live: the keyring, or (no usable keyring) this session only."""
    status = secrets.keyring_status()
    note = QLabel(
        QCoreApplication.translate("ProfileDialog", "The key is stored in the system keyring.")
        if status.usable
        else QCoreApplication.translate(
            "ProfileDialog", "No usable system keyring: the key is kept for this session only."
        )
    )
    note.setWordWrap(True)
    note.setToolTip(status.backend)
    return note


class ProfileDialog(QDialog):
    """Name, kind and connection of a new profile, its budget cap and API key (never shown back).

    With ``existing`` it edits that profile: its name and kind stay, an empty key keeps the current one.
    Errors are shown in the dialog, which stays open with everything typed (``taken``: names in use).
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        existing: profiles.ProviderProfile | None = None,
        taken: Collection[str] = (),
    ) -> None:
        super().__init__(parent)
        self.existing = existing
        self.taken = set(taken)
        self.setWindowTitle(self.tr("Edit provider profile") if existing else self.tr("Add provider profile"))
        self.setMinimumWidth(480)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. work-openai"))
        self.kind = QComboBox()
        for spec in registry.all_kinds():
            self.kind.addItem(kind_name(spec.kind), spec.kind)
        # One line per field any kind declares; a kind shows its own (see providers/registry.py).
        self.fields: dict[str, QLineEdit] = {name: QLineEdit() for name in registry.all_field_names()}
        self.base_url = self.fields["base_url"]
        self.resource = self.fields["resource"]
        self.header = self.fields["header_name"]
        self.training_type = self.fields["training_type"]
        self.budget = QLineEdit()
        self.budget.setPlaceholderText(self.tr("no cap"))
        self.fault = FaultMarker()
        for line in (self.name, self.budget, *self.fields.values()):
            line.textEdited.connect(self._edited)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("leave empty to use the environment variable"))
        self.keyring_note = _keyring_note()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)

        self.form = QFormLayout()
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Kind:"), self.kind)
        labels: dict[str, str] = {}
        for spec in registry.all_kinds():
            for declared in spec.fields:
                labels.setdefault(declared.name, declared.label)
        for name, line in self.fields.items():
            self.form.addRow(self.tr("{0}:").format(word(labels[name])), line)
        self.form.addRow(self.tr("Budget cap (USD):"), self.budget)
        self.form.addRow(self.tr("API key:"), self.key)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        if existing is not None:
            self._fill(existing)

    def _fill(self, profile: profiles.ProviderProfile) -> None:
        self.name.setText(profile.name)
        self.name.setReadOnly(True)
        self.set_kind(profile.kind)
        self.kind.setEnabled(False)
        for name, line in self.fields.items():
            line.setText(profile.value(name) or "")
        self.budget.setText(profile.budget_cap or "")
        self.key.setPlaceholderText(self.tr("leave empty to keep the current key"))

    def _spec(self) -> registry.ProviderKind:
        return registry.spec(self.kind.currentData())

    def _kind_changed(self) -> None:
        spec = self._spec()
        for name, line in self.fields.items():
            declared = spec.field(name)
            self.form.setRowVisible(line, declared is not None)
            if declared is not None:
                hint = declared.placeholder
                if declared.env_var:
                    hint = self.tr("leave empty to use {0}").format(declared.env_var)
                line.setPlaceholderText(word(hint))
                line.setToolTip(word(declared.help))
        self.form.setRowVisible(self.key, spec.key_required)
        self.keyring_note.setVisible(spec.key_required)  # e.g. Vertex AI: Google credentials, no key
        env = spec.env_var
        self.key.setPlaceholderText(
            self.tr("leave empty to use {0}").format(env) if env else self.tr("the endpoint's API key")
        )

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def raw(self) -> dict[str, Any]:
        """The profile fields as :func:`ftplanner.jobs.profiles.validate` takes them."""
        spec = self._spec()
        values = {
            name: (line.text().strip() or None) if name in spec.field_names else None
            for name, line in self.fields.items()
        }
        return {
            "name": self.name.text().strip(),
            "kind": spec.kind,
            **values,
            "budget_cap": profiles.parse_budget(self.budget.text(), self.tr("budget cap")),
        }

    def checked(self) -> profiles.ProviderProfile:
        """The validated profile; UserError naming the field at fault."""
        return profiles.validate(self.raw())

    def api_key(self) -> str:
        return self.key.text().strip()

    def changes(self) -> dict[str, Any]:
        """The editable fields (all but name and kind), for :func:`ftplanner.jobs.profiles.update_profile`."""
        return {k: v for k, v in self.raw().items() if k not in ("name", "kind")}

    def accept(self) -> None:
        try:
            profile = self.checked()
            if self.existing is None and profile.name in self.taken:
                raise UserError(
                    self.tr(
                        "A profile named {0} exists already: choose another name, or edit that one."
                    ).format(profile.name)
                )
        except UserError as exc:
            self.show_error(say_error(exc), exc.field)
            return
        super().accept()

    def _input(self, field: str) -> QWidget | None:
        """The input of a profile field path ("profile.base_url"), if the dialog has one."""
        name = field.removeprefix("profile.")
        inputs: dict[str, QWidget] = {"name": self.name, "kind": self.kind, "budget_cap": self.budget}
        return inputs.get(name) or self.fields.get(name)

    def show_error(self, text: str, field: str = "") -> None:
        """Say what is wrong and mark the input at fault; the dialog keeps everything typed."""
        self.error.setText(text)
        self.error.setVisible(True)
        self.fault.clear()
        widget = self._input(field) if field else None
        if widget is not None and widget.isVisibleTo(self):
            self.fault.mark(widget)

    def _edited(self) -> None:
        """Typing clears the mark and the message: they are checked again on OK."""
        if self.fault.widget is not None:
            self.fault.clear()
            self.error.setVisible(False)


class KeyDialog(QDialog):
    """Set or replace a profile's API key (typed hidden, never shown back)."""

    def __init__(self, name: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("API key of {0}").format(name))
        self.setMinimumWidth(420)
        self.reason = QLabel(reason)
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(reason))
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("paste the API key"))
        self.keyring_note = _keyring_note()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("API key:"), self.key)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def api_key(self) -> str:
        return self.key.text().strip()

    def accept(self) -> None:
        if not self.api_key():
            self.error.setText(self.tr("Enter the API key, or Cancel."))
            self.error.setVisible(True)
            return
        super().accept()


class LaunchConfirmDialog(QDialog):
    """The estimate of a checked launch, with Launch and Cancel."""

    def __init__(
        self, plan: LaunchPlan, profile: str, parent: QWidget | None = None, *, wandb: str | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Launch fine-tune?"))
        self.setMinimumWidth(520)
        est = plan.estimate
        cost = format_money(est.training_cost)
        if est.training_cost is not None and not est.exact_tokens:
            cost = "≈" + cost
        form = QFormLayout()
        self.values: dict[str, str] = {}

        def row(key: str, label: str, value: str) -> None:
            self.values[key] = value
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            form.addRow(label, shown)

        row("model", self.tr("Model:"), plan.model)
        row("profile", self.tr("Profile:"), profile)
        row("method", self.tr("Method:"), "DPO" if plan.method == "dpo" else self.tr("supervised"))
        row(
            "training",
            self.tr("Training file:"),
            self.tr("{0} ({1} examples, {2} tokens)").format(
                plan.training.path.name, f"{plan.training.examples:,}", f"{plan.training.total_tokens:,}"
            ),
        )
        if plan.validation is not None:
            row(
                "validation",
                self.tr("Validation file:"),
                self.tr("{0} ({1} examples)").format(
                    plan.validation.path.name, f"{plan.validation.examples:,}"
                ),
            )
        epochs = str(est.epochs) if not est.epochs_auto else self.tr("{0} (auto)").format(est.epochs)
        row("epochs", self.tr("Epochs:"), epochs)
        row("tokens", self.tr("Charged tokens:"), f"{est.charged_tokens:,}")
        row("cost", self.tr("Estimated cost:"), cost)
        row(
            "time",
            self.tr("Estimated time (P10–P90):"),
            self._time_range(est.time_p10_minutes, est.time_p90_minutes),
        )
        row(
            "cap",
            self.tr("Budget cap:"),
            format_money(plan.budget_cap) if plan.budget_cap is not None else self.tr("none"),
        )
        if wandb:
            row("wandb", self.tr("Weights && Biases:"), wandb)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if plan.warnings:
            layout.addWidget(QLabel(self.tr("Warnings:")))
            self.warnings = QListWidget()
            self.warnings.addItems([say(warning) for warning in plan.warnings])
            self.warnings.setWordWrap(True)
            self.warnings.setAlternatingRowColors(True)
            self.warnings.setMaximumHeight(120)
            layout.addWidget(self.warnings)
        note = QLabel(self.tr("The files are uploaded and the job is created when you press Launch."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox()
        self.launch_button = buttons.addButton(self.tr("Launch"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _duration(self, minutes: float) -> str:
        return formatting.clock_duration(
            minutes, self.tr("{0} min"), self.tr("{0} h"), self.tr("{0} h {1} min")
        )

    def _time_range(self, low: float | None, high: float | None) -> str:
        if low is None or high is None:
            return self.tr("unknown")
        return f"{self._duration(low)} – {self._duration(high)}"
