"""Pricing page: the layered price catalog, the user's overrides and exchange rates.

Overrides are written with the core's ``set_model_override`` / ``remove_model_override`` (validated,
atomic); after any change the shared catalog and rates are reloaded so every page refreshes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core import display
from ftplanner.core.catalog import (
    LAYER_BUNDLED,
    LAYER_PLAN,
    LAYER_USER,
    ModelEntry,
    load_catalog,
    load_user_overrides,
    read_override_file,
    remove_model_override,
    save_user_overrides,
    set_model_override,
)
from ftplanner.core.errors import UserError
from ftplanner.core.money import BASE_CURRENCY, ExchangeRates, Rate, check_currency, decimal_text
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages import pricing_form
from ftplanner.gui.table_models import RowsModel
from ftplanner.gui.widgets import show_error

TOML_FILTER = "TOML (*.toml);;All files (*)"
WARNING_COLOR = "#c0392b"
INVALID_STYLE = f"border: 1px solid {WARNING_COLOR}; color: {WARNING_COLOR};"

(
    COL_PROVIDER,
    COL_MODEL,
    COL_TRAINING,
    COL_INPUT,
    COL_CACHED,
    COL_OUTPUT,
    COL_HOSTING,
    COL_MAX_TOKENS,
    COL_TOKENIZER,
    COL_DEADLINE,
    COL_RETIRES,
    COL_AS_OF,
    COL_ORIGIN,
    COL_SOURCES,
) = range(14)


def _int_key(value: int | None) -> float | int:
    return float("inf") if value is None else value


def _date_key(value) -> str:
    return value.isoformat() if value is not None else "9999-99-99"


class PricingPage(QWidget):
    status = Signal(str)

    def __init__(self, document: PlanDocument, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self._entry_key = ""

        self._build_header()
        self._build_catalog_table()
        self._build_editor()
        self._build_rates()

        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.editor, 3)
        bottom_layout.addWidget(self.rates_box, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row)
        layout.addWidget(self.problems)
        layout.addWidget(splitter, 1)

        self.context.catalog_changed.connect(self.refresh_catalog)
        self.context.rates_changed.connect(self.refresh_rates)
        self.refresh_catalog()
        self.refresh_rates()

    # ------------------------------------------------------------------ building
    def _build_header(self) -> None:
        self.problems_button = QToolButton()
        self.problems_button.setCheckable(True)
        self.problems_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problems_button.setArrowType(Qt.ArrowType.RightArrow)
        self.problems_button.setStyleSheet(f"color: {WARNING_COLOR};")
        self.problems_button.toggled.connect(self._toggle_problems)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(110)
        self.problems.setVisible(False)
        self.summary = QLabel()
        self.import_button = QPushButton(self.tr("Import overrides…"))
        self.import_button.setToolTip(self.tr("Add the overrides of a TOML file to yours (checked first)"))
        self.import_button.clicked.connect(self.import_overrides)
        self.export_button = QPushButton(self.tr("Export overrides…"))
        self.export_button.setToolTip(self.tr("Save your overrides as a TOML file"))
        self.export_button.clicked.connect(self.export_overrides)
        self.reset_button = QPushButton(self.tr("Reset all to bundled"))
        self.reset_button.setToolTip(self.tr("Remove every user override: the bundled catalog applies again"))
        self.reset_button.clicked.connect(self.reset_all)
        row = QHBoxLayout()
        row.addWidget(self.summary)
        row.addWidget(self.problems_button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addWidget(self.reset_button)
        self.header_row = row

    def _build_catalog_table(self) -> None:
        today = self.context.today
        self.model = RowsModel(
            [
                (self.tr("Provider"), lambda e: e.provider_name or e.provider),
                (self.tr("Model"), lambda e: e.display_name),
                (self.tr("Training"), self._training_text),
                (self.tr("Input\n/ 1M"), lambda e: display.price_text(e.input_per_mtok)),
                (self.tr("Cached\n/ 1M"), lambda e: display.price_text(e.cached_input_per_mtok)),
                (self.tr("Output\n/ 1M"), lambda e: display.price_text(e.output_per_mtok)),
                (self.tr("Hosting\n/ hour"), lambda e: display.price_text(e.hosting_per_hour)),
                (
                    self.tr("Max tokens\n/ example"),
                    lambda e: f"{e.max_example_tokens:,}" if e.max_example_tokens else "—",
                ),
                (self.tr("Tokenizer"), self._tokenizer_text),
                (self.tr("New jobs\nuntil"), lambda e: e.job_deadline.isoformat() if e.job_deadline else "—"),
                (self.tr("Retires"), self._retires_text),
                (self.tr("As of"), lambda e: self._as_of_text(e)),
                (self.tr("Origin"), self._origin_text),
                (self.tr("Sources"), lambda e: "; ".join(e.sources)),
            ],
            sort_keys={
                COL_TRAINING: lambda e: display.money_sort_key(
                    None if e.price_unknown else (e.training_per_mtok or e.training_per_hour)
                ),
                COL_INPUT: lambda e: display.money_sort_key(e.input_per_mtok),
                COL_CACHED: lambda e: display.money_sort_key(e.cached_input_per_mtok),
                COL_OUTPUT: lambda e: display.money_sort_key(e.output_per_mtok),
                COL_HOSTING: lambda e: display.money_sort_key(e.hosting_per_hour),
                COL_MAX_TOKENS: lambda e: _int_key(e.max_example_tokens),
            },
            parent=self,
        )
        self.model.tooltip = self._cell_tooltip
        self.model.foreground = lambda e, column: (
            QColor(WARNING_COLOR)
            if (column == COL_AS_OF and e.is_stale(today))
            or (column == COL_RETIRES and e.retires_on and e.retires_on <= today)
            else None
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # catalog order until the user sorts
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._entry_selected())

    def _build_editor(self) -> None:
        self.editor = QGroupBox(self.tr("Override"))
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
        for index, name in enumerate(pricing_form.EDITABLE):
            edit = QLineEdit()
            if name in ("job_deadline", "retires_on", "as_of"):
                edit.setPlaceholderText("YYYY-MM-DD")
            else:
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setPlaceholderText(self.tr("not set"))
            edit.textEdited.connect(lambda _text: self.validate_editor())
            self.fields[name] = edit
            label = QLabel(labels[name])
            label.setBuddy(edit)
            row, column = index % 5, index // 5
            grid.addWidget(label, row, column * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(edit, row, column * 2 + 1)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. our enterprise agreement, 2026-11"))
        self.source_edit.textEdited.connect(lambda _text: self.validate_editor())
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
        layout = QVBoxLayout(self.editor)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.sources_view)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _build_rates(self) -> None:
        self.rates_box = QGroupBox(self.tr("Exchange rates (units per 1 USD)"))
        self.rates_model = RowsModel(
            [
                (self.tr("Currency"), lambda r: r.currency),
                (self.tr("Per USD"), lambda r: decimal_text(r.per_usd)),
                (self.tr("Set on"), self._rate_date_text),
            ],
            sort_keys={1: lambda r: float(r.per_usd)},
            parent=self,
        )
        self.rates_model.foreground = lambda r, column: (
            QColor(WARNING_COLOR) if column == 2 and r.is_stale(self.context.today) else None
        )
        self.rates_view = QTableView()
        self.rates_view.setModel(self.rates_model)
        self.rates_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rates_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rates_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_view.verticalHeader().setVisible(False)
        self.rates_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates_view.selectionModel().currentRowChanged.connect(lambda *_: self._rate_selected())
        self.currency_edit = QComboBox()
        self.currency_edit.setEditable(True)
        self.currency_edit.addItems(["JPY", "EUR", "GBP", "CNY", "KRW", "INR", "CAD", "AUD", "CHF"])
        self.currency_edit.setCurrentText("")
        self.currency_edit.lineEdit().setPlaceholderText(self.tr("JPY"))
        self.currency_edit.lineEdit().setMaxLength(3)
        self.rate_edit = QLineEdit()
        self.rate_edit.setPlaceholderText(self.tr("e.g. 152.3"))
        self.rate_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.rate_date = QDateEdit()
        self.rate_date.setCalendarPopup(True)
        self.rate_date.setDisplayFormat("yyyy-MM-dd")
        today = self.context.today
        self.rate_date.setDate(QDate(today.year, today.month, today.day))
        self.set_rate_button = QPushButton(self.tr("Set rate"))
        self.set_rate_button.clicked.connect(self.set_rate)
        self.remove_rate_button = QPushButton(self.tr("Remove"))
        self.remove_rate_button.clicked.connect(self.remove_rate)
        self.rate_error = QLabel()
        self.rate_error.setWordWrap(True)
        self.rate_error.setStyleSheet(f"color: {WARNING_COLOR};")
        inputs = QGridLayout()
        inputs.addWidget(QLabel(self.tr("Currency:")), 0, 0)
        inputs.addWidget(self.currency_edit, 0, 1)
        inputs.addWidget(QLabel(self.tr("Per USD:")), 0, 2)
        inputs.addWidget(self.rate_edit, 0, 3)
        inputs.addWidget(QLabel(self.tr("Set on:")), 1, 0)
        inputs.addWidget(self.rate_date, 1, 1)
        inputs.addWidget(self.remove_rate_button, 1, 2)
        inputs.addWidget(self.set_rate_button, 1, 3)
        layout = QVBoxLayout(self.rates_box)
        layout.addWidget(self.rates_view, 1)
        layout.addLayout(inputs)
        layout.addWidget(self.rate_error)

    # ------------------------------------------------------------- cell texts
    def _training_text(self, entry: ModelEntry) -> str:
        if entry.price_unknown:
            return self.tr("unknown")
        if entry.per_hour:
            return self.tr("{0} / hour").format(display.price_text(entry.training_per_hour))
        return self.tr("{0} / 1M").format(display.price_text(entry.training_per_mtok))

    def _tokenizer_text(self, entry: ModelEntry) -> str:
        if entry.exact_tokens:
            return entry.encoding
        return self.tr("≈{0} (±{1})").format(entry.encoding, display.share_text(entry.token_error))

    def _retires_text(self, entry: ModelEntry) -> str:
        if entry.retires_on is None:
            return "—"
        if entry.retirement_unconfirmed:
            return self.tr("{0} (unconfirmed)").format(entry.retires_on.isoformat())
        return entry.retires_on.isoformat()

    def _as_of_text(self, entry: ModelEntry) -> str:
        if entry.is_stale(self.context.today):
            return self.tr("{0} (stale)").format(entry.as_of.isoformat())
        return entry.as_of.isoformat()

    def _origin_text(self, entry: ModelEntry) -> str:
        return {
            LAYER_BUNDLED: self.tr("bundled"),
            LAYER_USER: self.tr("user"),
            LAYER_PLAN: self.tr("plan"),
        }.get(entry.origin, entry.origin)

    def _rate_date_text(self, rate: Rate) -> str:
        if rate.is_stale(self.context.today):
            return self.tr("{0} (older than 30 days)").format(rate.set_on.isoformat())
        return rate.set_on.isoformat()

    def _cell_tooltip(self, entry: ModelEntry, column: int) -> str | None:
        if column == COL_MODEL:
            return "\n".join(filter(None, [entry.key, entry.lifecycle_note, entry.price_note]))
        if column == COL_TRAINING:
            lines = []
            if entry.dpo_training_per_mtok is not None:
                lines.append(self.tr("DPO: {0} / 1M").format(display.price_text(entry.dpo_training_per_mtok)))
            if entry.min_charge is not None:
                lines.append(self.tr("Minimum per job: {0}").format(display.price_text(entry.min_charge)))
            if entry.max_charge is not None:
                lines.append(self.tr("Cap per job: {0}").format(display.price_text(entry.max_charge)))
            if entry.price_note:
                lines.append(entry.price_note)
            return "\n".join(lines) or None
        if column == COL_AS_OF:
            return self.tr("Prices older than 180 days are marked stale")
        if column == COL_SOURCES:
            return "\n".join(entry.sources)
        if column == COL_ORIGIN:
            return self.tr(
                "Which layer last changed this model: bundled catalog, your overrides, or the plan"
            )
        return None

    # ---------------------------------------------------------------- catalog
    def refresh_catalog(self) -> None:
        catalog = self.context.catalog
        self.model.set_rows(catalog.entries)
        self._fit_columns()
        stale = sum(1 for e in catalog.entries if e.is_stale(catalog.today))
        overridden = sum(1 for e in catalog.entries if e.origin != LAYER_BUNDLED)
        self.summary.setText(
            self.tr("{0} models · {1} with stale prices · {2} overridden").format(
                len(catalog.entries), stale, overridden
            )
        )
        self._fill_problems()
        self._select(self._entry_key)

    def _fit_columns(self) -> None:
        self.view.resizeColumnsToContents()
        for column, widest in ((COL_MODEL, 220), (COL_PROVIDER, 120), (COL_TRAINING, 110)):
            if self.view.columnWidth(column) > widest:
                self.view.setColumnWidth(column, widest)

    def _fill_problems(self) -> None:
        lines = [*self.context.catalog.problems, *self.context.rates.problems]
        self.problems.clear()
        self.problems.addItems(lines)
        self.problems_button.setVisible(bool(lines))
        self.problems_button.setText(self.tr("{0} problem(s) in the catalog or rates").format(len(lines)))
        if not lines:
            self.problems_button.setChecked(False)
        self.problems.setVisible(bool(lines) and self.problems_button.isChecked())

    def _toggle_problems(self, shown: bool) -> None:
        self.problems_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.problems.setVisible(shown and self.problems.count() > 0)

    def _select(self, key: str) -> None:
        rows = self.model.rows()
        index = next((i for i, e in enumerate(rows) if e.key == key), 0 if rows else -1)
        if index < 0:
            self._entry_key = ""
            self._entry_selected()
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(index, 0))
        self.view.setCurrentIndex(proxy_index)
        self.view.scrollTo(proxy_index)
        self._entry_selected()

    def select_model(self, key: str) -> None:
        """Select the catalog row of ``key`` (provider/id) and load it into the editor."""
        self._select(key)

    def selected_entry(self) -> ModelEntry | None:
        current = self.view.currentIndex()
        if not current.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(current).row())

    def _user_override_name(self, entry: ModelEntry) -> str | None:
        """The name the user's overrides file uses for ``entry`` (its key or bare id), if any."""
        try:
            models = load_user_overrides().get("models", {})
        except UserError:
            return None
        for name in (entry.key, entry.id):
            if name in models:
                return name
        return None

    def _entry_selected(self) -> None:
        entry = self.selected_entry()
        self._entry_key = entry.key if entry else ""
        for edit in self.fields.values():
            edit.setEnabled(entry is not None)
        self.source_edit.setEnabled(entry is not None)
        if entry is None:
            self.editor.setTitle(self.tr("Override"))
            for edit in self.fields.values():
                edit.clear()
            self.sources_view.clear()
            self.save_button.setEnabled(False)
            self.remove_button.setEnabled(False)
            return
        self.editor.setTitle(self.tr("Override for {0} ({1})").format(entry.display_name, entry.key))
        for name, edit in self.fields.items():
            edit.setText(pricing_form.field_text(entry, name))
        self.source_edit.clear()
        self.sources_view.setText(self.tr("Sources: {0}").format("  ·  ".join(entry.sources)))
        self.remove_button.setEnabled(self._user_override_name(entry) is not None)
        self.validate_editor()

    # ---------------------------------------------------------------- editor
    def editor_texts(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.fields.items()}

    def validate_editor(self) -> tuple[dict, dict[str, str]]:
        """Check the editor's inputs; mark invalid ones in red with the message. Returns (fields, problems)."""
        entry = self.selected_entry()
        if entry is None:
            return {}, {}
        raw = self.context.catalog.raw.get(entry.key, {})
        fields, problems = pricing_form.validate(
            entry, raw, self.editor_texts(), self.source_edit.text(), self.context.today
        )
        for name, edit in self.fields.items():
            edit.setStyleSheet(INVALID_STYLE if name in problems else "")
            edit.setToolTip(problems.get(name, ""))
        messages = [
            f"{self.field_labels.get(name, name + ':')} {message}" for name, message in problems.items()
        ]
        self.error_label.setText("\n".join(messages))
        self.save_button.setEnabled(bool(fields) and not problems)
        return fields, problems

    def save_override(self) -> bool:
        entry = self.selected_entry()
        if entry is None:
            return False
        fields, problems = self.validate_editor()
        if problems:
            return False
        if not fields:
            self.error_label.setText(self.tr("Nothing changed."))
            return False
        name = self._user_override_name(entry) or entry.key
        try:
            set_model_override(name, fields, today=self.context.today)
        except (UserError, OSError) as exc:
            self.error_label.setText(str(exc))
            return False
        self.context.reload_catalog()
        self.status.emit(self.tr("Override saved for {0}").format(entry.key))
        return True

    def remove_override(self) -> bool:
        entry = self.selected_entry()
        name = self._user_override_name(entry) if entry else None
        if entry is None or name is None:
            return False
        try:
            remove_model_override(name)
        except (UserError, OSError) as exc:
            show_error(self, self.tr("Cannot remove override"), str(exc))
            return False
        self.context.reload_catalog()
        self.status.emit(self.tr("Override removed for {0}").format(entry.key))
        return True

    def reset_all(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Reset all to bundled"),
            self.tr("Remove all your price overrides? The bundled catalog will apply again."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            save_user_overrides({})
        except OSError as exc:
            show_error(self, self.tr("Cannot reset overrides"), str(exc))
            return False
        self.context.reload_catalog()
        self.status.emit(self.tr("All overrides removed; bundled prices apply"))
        return True

    def import_overrides(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import overrides"), str(Path.home()), TOML_FILTER
        )
        if not path:
            return False
        source = Path(path)
        try:
            imported = read_override_file(source)
            check = load_catalog(
                user_overrides=False,
                plan_overrides=imported,
                today=self.context.today,
                plan_label=source.name,
            )
        except UserError as exc:
            show_error(self, self.tr("Cannot import overrides"), str(exc))
            return False
        problems = check.layer_problems.get(LAYER_PLAN, [])
        if problems:
            show_error(
                self,
                self.tr("Cannot import overrides"),
                self.tr("Nothing was imported. Problems found:\n{0}").format("\n".join(problems)),
            )
            return False
        try:
            current = load_user_overrides()
            merged = dict(current)
            merged["models"] = {**current.get("models", {}), **imported.get("models", {})}
            if "time_model" in imported:
                merged["time_model"] = {**current.get("time_model", {}), **imported["time_model"]}
            save_user_overrides(merged)
        except (UserError, OSError) as exc:
            show_error(self, self.tr("Cannot import overrides"), str(exc))
            return False
        self.context.reload_catalog()
        count = len(imported.get("models", {}))
        self.status.emit(self.tr("Imported {0} model override(s) from {1}").format(count, source.name))
        return True

    def export_overrides(self) -> bool:
        start = str(Path.home() / "ftplanner-overrides.toml")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export overrides"), start, TOML_FILTER)
        if not path:
            return False
        target = Path(path)
        try:
            save_user_overrides(load_user_overrides(), target)
        except (UserError, OSError) as exc:
            show_error(self, self.tr("Cannot export overrides"), str(exc))
            return False
        self.status.emit(self.tr("Overrides exported to {0}").format(str(target)))
        return True

    # ----------------------------------------------------------------- rates
    def refresh_rates(self) -> None:
        self.rates_model.set_rows(list(self.context.rates))
        self._fill_problems()

    def _rate_selected(self) -> None:
        current = self.rates_view.currentIndex()
        if current.isValid():
            rate: Rate = self.rates_model.row(current.row())
            self.currency_edit.setCurrentText(rate.currency)
            self.rate_edit.setText(decimal_text(rate.per_usd))

    def set_rate(self) -> bool:
        """Add or update the rate typed in the inputs (validated with the core)."""
        code_text = self.currency_edit.currentText()
        try:
            code = check_currency(code_text)
            rates = ExchangeRates.load()
            when = self.rate_date.date()
            rate = rates.set(code, self.rate_edit.text().strip(), when.toPython())
            rates.save()
        except (UserError, OSError) as exc:
            self.rate_error.setText(str(exc))
            return False
        self.rate_error.clear()
        self.context.reload_rates()
        self.status.emit(
            self.tr("Exchange rate saved: {0} {1} per USD").format(decimal_text(rate.per_usd), rate.currency)
        )
        return True

    def remove_rate(self) -> bool:
        code_text = self.currency_edit.currentText()
        current = self.rates_view.currentIndex()
        if current.isValid() and not code_text.strip():
            code_text = self.rates_model.row(current.row()).currency
        try:
            code = check_currency(code_text)
            rates = ExchangeRates.load()
            if code == BASE_CURRENCY:
                self.rate_error.setText(self.tr("USD is the base currency; its rate is always 1"))
                return False
            if not rates.remove(code):
                self.rate_error.setText(self.tr("No exchange rate for {0}").format(code))
                return False
            rates.save()
        except (UserError, OSError) as exc:
            self.rate_error.setText(str(exc))
            return False
        self.rate_error.clear()
        self.context.reload_rates()
        self.status.emit(self.tr("Exchange rate removed: {0}").format(code))
        return True
