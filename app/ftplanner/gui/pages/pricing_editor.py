"""The Pricing page's override editor: the selected model's figures, checked as typed, saved as an override.

Texts are parsed and validated by :mod:`ftplanner.core.price_editing`; overrides are written with the
core's ``set_model_override`` / ``remove_model_override``, then the shared catalog is reloaded.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core import price_editing
from ftplanner.core.catalog import ModelEntry, remove_model_override, set_model_override
from ftplanner.core.errors import UserError
from ftplanner.gui.context import AppContext
from ftplanner.gui.pages.pricing_table import WARNING_COLOR
from ftplanner.gui.say import say, say_error
from ftplanner.gui.widgets import show_error

INVALID_STYLE = f"border: 1px solid {WARNING_COLOR}; color: {WARNING_COLOR};"


class OverrideEditor(QGroupBox):
    """Inputs for the override of the model ``selected()`` returns; ``status`` reports what was saved."""

    status = Signal(str)

    def __init__(
        self,
        context: AppContext,
        selected: Callable[[], ModelEntry | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Override"))
        self.context = context
        self.selected = selected  # the page's selection; the editor works on the entry it shows
        self.entry: ModelEntry | None = None
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = {
            "training_per_mtok": self.tr("Training (USD / 1M tokens):"),
            "training_per_hour": self.tr("Training (USD / hour):"),
            "input_per_mtok": self.tr("Input (USD / 1M):"),
            "cached_input_per_mtok": self.tr("Cached input (USD / 1M):"),
            "output_per_mtok": self.tr("Output (USD / 1M):"),
            "hosting_per_hour": self.tr("Hosting (USD / hour):"),
            "max_example_tokens": self.tr("Max tokens / example:"),
            "job_deadline": self.tr("New jobs until:"),
            "retires_on": self.tr("Retires on:"),
            "as_of": self.tr("Prices as of:"),
        }
        self.field_labels = labels
        self.fields: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        for index, name in enumerate(price_editing.EDITABLE):
            edit = QLineEdit()
            if name in ("job_deadline", "retires_on", "as_of"):
                edit.setPlaceholderText("YYYY-MM-DD")
            else:
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setPlaceholderText(self.tr("not set"))
            edit.textEdited.connect(lambda _text: self.validate())
            self.fields[name] = edit
            label = QLabel(labels[name])
            label.setBuddy(edit)
            row, column = index % 5, index // 5
            grid.addWidget(label, row, column * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(edit, row, column * 2 + 1)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. our enterprise agreement, 2026-11"))
        self.source_edit.textEdited.connect(lambda _text: self.validate())
        form.addRow(self.tr("Source of the change:"), self.source_edit)
        self.sources_view = QLabel()
        self.sources_view.setWordWrap(True)
        self.sources_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sources_view.setTextFormat(Qt.TextFormat.PlainText)
        small = QFont(self.sources_view.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.sources_view.setFont(small)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {WARNING_COLOR};")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("Save override"))
        self.save_button.clicked.connect(self.save_override)
        self.remove_button = QPushButton(self.tr("Remove override"))
        self.remove_button.clicked.connect(self.remove_override)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.sources_view)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_entry(self, entry: ModelEntry | None) -> None:
        """Load ``entry``'s figures into the inputs (or empty and disable them)."""
        self.entry = entry
        for edit in self.fields.values():
            edit.setEnabled(entry is not None)
        self.source_edit.setEnabled(entry is not None)
        if entry is None:
            self.setTitle(self.tr("Override"))
            for edit in self.fields.values():
                edit.clear()
            self.sources_view.clear()
            self.save_button.setEnabled(False)
            self.remove_button.setEnabled(False)
            return
        self.setTitle(self.tr("Override for {0} ({1})").format(entry.display_name, entry.key))
        for name, edit in self.fields.items():
            edit.setText(price_editing.field_text(entry, name))
        self.source_edit.clear()
        self.sources_view.setText(self.tr("Sources: {0}").format("  ·  ".join(entry.sources)))
        self.remove_button.setEnabled(price_editing.user_override_name(entry) is not None)
        self.validate()

    def has_unsaved_edits(self, against: ModelEntry | None = None) -> bool:
        """Something typed (a figure or a source) that differs from the shown entry (or ``against``, the
        same model after a catalog reload), valid or not."""
        entry = against or self.entry
        if entry is None:
            return False
        fields, problems = price_editing.validate(
            entry,
            self.context.catalog.raw.get(entry.key, {}),
            self.texts(),
            self.source_edit.text(),
            self.context.today,
        )
        return bool(fields or problems)

    def texts(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.fields.items()}

    def validate(self) -> tuple[dict, dict[str, str]]:
        """Check the inputs; mark invalid ones in red with the message. Returns (fields, problems)."""
        entry = self.entry
        if entry is None:
            return {}, {}
        raw = self.context.catalog.raw.get(entry.key, {})
        fields, problems = price_editing.validate(
            entry, raw, self.texts(), self.source_edit.text(), self.context.today
        )
        for name, edit in self.fields.items():
            edit.setStyleSheet(INVALID_STYLE if name in problems else "")
            edit.setProperty("fault", name in problems)
            edit.setToolTip(say(problems.get(name, "")))
        messages = [
            f"{self.field_labels.get(name, name + ':')} {say(message)}" for name, message in problems.items()
        ]
        self.error_label.setText("\n".join(messages))
        self.save_button.setEnabled(bool(fields) and not problems)
        return fields, problems

    def save_override(self) -> bool:
        entry = self.entry
        if entry is None:
            return False
        fields, problems = self.validate()
        if problems:
            at_fault = next((self.fields[name] for name in problems if name in self.fields), None)
            if at_fault is not None:
                at_fault.setFocus()
            return False
        if not fields:
            self.error_label.setText(self.tr("Nothing changed."))
            return False
        name = price_editing.user_override_name(entry) or entry.key
        notices: list[str] = []
        try:
            set_model_override(name, fields, today=self.context.today, notices=notices)
        except (UserError, OSError) as exc:
            self.error_label.setText(say_error(exc))
            return False
        self.context.tell(notices)
        self.context.reload_catalog()
        self.status.emit(self.tr("Override saved for {0}").format(entry.key))
        return True

    def remove_override(self) -> bool:
        entry = self.entry
        name = price_editing.user_override_name(entry) if entry else None
        if entry is None or name is None:
            return False
        notices: list[str] = []
        try:
            remove_model_override(name, notices=notices)
        except (UserError, OSError) as exc:
            show_error(self, self.tr("Cannot remove override"), say_error(exc))
            return False
        self.context.tell(notices)
        self.context.reload_catalog()
        self.status.emit(self.tr("Override removed for {0}").format(entry.key))
        return True
