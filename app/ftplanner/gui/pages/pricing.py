"""Pricing page: the layered price catalog, the user's overrides and exchange rates.

Overrides are written with the core's ``set_model_override`` / ``remove_model_override`` (validated,
atomic); after any change the shared catalog and rates are reloaded so every page refreshes. The
table's texts, the override editor and the rates box are in ``pricing_table``, ``pricing_editor`` and
``pricing_rates``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core import catalog_import
from ftplanner.core.catalog import LAYER_BUNDLED, ModelEntry, load_user_overrides, save_user_overrides
from ftplanner.core.errors import UserError
from ftplanner.core.price_editing import merge_into_user_overrides, read_import
from ftplanner.gui.columns import ColumnFit
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages.pricing_editor import OverrideEditor
from ftplanner.gui.pages.pricing_import import CatalogImportDialog
from ftplanner.gui.pages.pricing_rates import RatesBox
from ftplanner.gui.pages.pricing_table import (
    COL_MODEL,
    SORT_KEYS,
    WARNING_COLOR,
    CatalogColumns,
)
from ftplanner.gui.say import say, say_error
from ftplanner.gui.table_models import RowsModel
from ftplanner.gui.widgets import show_error

TOML_FILTER = "TOML (*.toml);;All files (*)"


class PricingPage(QWidget):
    status = Signal(str)

    def __init__(self, document: PlanDocument, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self._entry_key = ""
        self._asking = False  # the unsaved-override question is open (or the rows are being replaced)

        self._build_header()
        self._build_catalog_table()
        self.editor = OverrideEditor(context, self.selected_entry)
        self.editor.status.connect(self.status)
        self.rates_box = RatesBox(context)
        self.rates_box.status.connect(self.status)
        # The editor's and the rates box's inputs the tests and other code reach through the page.
        self.fields, self.source_edit = self.editor.fields, self.editor.source_edit
        self.error_label = self.editor.error_label
        self.save_button, self.remove_button = self.editor.save_button, self.editor.remove_button
        self.rates_model, self.currency_edit = self.rates_box.rates_model, self.rates_box.currency_edit
        self.rate_edit, self.rate_error = self.rates_box.rate_edit, self.rates_box.rate_error

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
        self.catalog_button = QPushButton(self.tr("Import catalog…"))
        self.catalog_button.setToolTip(
            self.tr("Bring in a newer price catalog file (one provider): see what changes, then apply")
        )
        self.catalog_button.clicked.connect(lambda: self.import_catalog())
        self.reset_button = QPushButton(self.tr("Reset all to bundled"))
        self.reset_button.setToolTip(self.tr("Remove every user override: the bundled catalog applies again"))
        self.reset_button.clicked.connect(self.reset_all)
        row = QHBoxLayout()
        row.addWidget(self.summary)
        row.addWidget(self.problems_button)
        row.addStretch(1)
        row.addWidget(self.catalog_button)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addWidget(self.reset_button)
        self.header_row = row

    def _build_catalog_table(self) -> None:
        self.columns = CatalogColumns(self.context, self)
        self.model = RowsModel(self.columns.columns(), sort_keys=SORT_KEYS, parent=self)
        self.model.tooltip = self.columns.tooltip
        self.model.foreground = self.columns.foreground
        self.model.font = self.columns.font
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
        self.column_fit = ColumnFit(self.view, COL_MODEL)  # no text cut; the model name gets spare width
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._entry_selected())

    # ---------------------------------------------------------------- catalog
    def refresh_catalog(self) -> None:
        catalog = self.context.catalog
        self._asking, asking = True, self._asking  # the reset's empty selection is not a click elsewhere
        try:
            self.model.set_rows(catalog.entries)
        finally:
            self._asking = asking
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
        self.column_fit.fit()

    def _fill_problems(self) -> None:
        lines = [say(line) for line in (*self.context.catalog.problems, *self.context.rates.problems)]
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

    def _entry_selected(self) -> None:
        if self._asking:
            return
        entry = self.selected_entry()
        key = entry.key if entry else ""
        if key == self._entry_key:
            typed = self.editor.has_unsaved_edits()  # against the figures shown before a catalog reload
            if entry is not None and typed and self.editor.has_unsaved_edits(entry):
                self.editor.entry = entry  # the same row, reloaded: what was typed and not saved stays
                self.editor.validate()
                return
        elif self._entry_key and self.editor.has_unsaved_edits() and self._entry_key in self._keys():
            if not self._settle_edits(key):
                return
            entry = self.selected_entry()
            key = entry.key if entry else ""
        self._entry_key = key
        self.editor.show_entry(entry)

    def _keys(self) -> set[str]:
        return {entry.key for entry in self.model.rows()}

    def _settle_edits(self, wanted: str) -> bool:
        """Another row was clicked with an unsaved override: apply it, discard it, or stay (Cancel).

        True when the editor may show ``wanted`` (selected again after an Apply reloaded the catalog).
        """
        edited = self._entry_key
        self._asking = True
        try:
            self._current_row(edited)  # the edited row stays selected while the user decides
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved override"),
                self.tr("The override typed for {0} is not saved. Apply it before leaving?").format(edited),
                QMessageBox.StandardButton.Apply
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Apply,
            )
            if answer == QMessageBox.StandardButton.Apply:
                if not self.editor.save_override():  # invalid: the editor says why, the row stays
                    return False
            elif answer != QMessageBox.StandardButton.Discard:
                return False
            self._current_row(wanted)
        finally:
            self._asking = False
        return True

    def _current_row(self, key: str) -> None:
        rows = self.model.rows()
        index = next((i for i, e in enumerate(rows) if e.key == key), -1)
        if index >= 0:
            proxy_index = self.proxy.mapFromSource(self.model.index(index, 0))
            self.view.setCurrentIndex(proxy_index)
            self.view.scrollTo(proxy_index)

    # ---------------------------------------------------------------- editor
    def editor_texts(self) -> dict[str, str]:
        return self.editor.texts()

    def validate_editor(self) -> tuple[dict, dict[str, str]]:
        """Check the editor's inputs; mark invalid ones in red with the message. Returns (fields, problems)."""
        return self.editor.validate()

    def save_override(self) -> bool:
        return self.editor.save_override()

    def remove_override(self) -> bool:
        return self.editor.remove_override()

    def reset_all(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Reset all to bundled"),
            self.tr("Remove all your price overrides? The bundled catalog will apply again."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        notices: list[str] = []
        try:
            save_user_overrides({}, notices=notices)
        except OSError as exc:
            show_error(self, self.tr("Cannot reset overrides"), say_error(exc))
            return False
        self.context.tell(notices)
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
            imported, problems = read_import(source, self.context.today)
        except UserError as exc:
            show_error(self, self.tr("Cannot import overrides"), say_error(exc))
            return False
        if problems:
            show_error(
                self,
                self.tr("Cannot import overrides"),
                self.tr("Nothing was imported. Problems found:\n{0}").format("\n".join(problems)),
            )
            return False
        notices: list[str] = []
        try:
            count = merge_into_user_overrides(imported, notices)
        except (UserError, OSError) as exc:
            show_error(self, self.tr("Cannot import overrides"), say_error(exc))
            return False
        self.context.tell(notices)
        self.context.reload_catalog()
        self.status.emit(self.tr("Imported {0} model override(s) from {1}").format(count, source.name))
        return True

    def import_catalog(self, path: Path | None = None) -> bool:
        """Read a catalog file, show its changes (the core's diff) and install it when the user applies."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import catalog"), str(Path.home()), TOML_FILTER
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            candidate = catalog_import.read_catalog_file(path, self.context.today)
            diff = catalog_import.preview_import(candidate, self.context.today)
        except catalog_import.InvalidCatalog as exc:
            show_error(
                self,
                self.tr("Cannot import the catalog"),
                self.tr("Nothing was imported. Problems found:\n{0}").format("\n".join(exc.problems)),
            )
            return False
        except UserError as exc:
            show_error(self, self.tr("Cannot import the catalog"), str(exc))
            return False
        self.import_dialog = CatalogImportDialog(candidate, diff, self)
        if self.import_dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            catalog_import.install(candidate)
        except (UserError, OSError) as exc:
            show_error(self, self.tr("Cannot import the catalog"), str(exc))
            return False
        self.context.reload_catalog()
        self.status.emit(self.tr("Catalog of {0} imported from {1}").format(candidate.provider, path.name))
        return True

    def export_overrides(self) -> bool:
        start = str(Path.home() / "ftplanner-overrides.toml")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export overrides"), start, TOML_FILTER)
        if not path:
            return False
        target = Path(path)
        notices: list[str] = []
        try:
            save_user_overrides(load_user_overrides(), target, notices)
        except (UserError, OSError) as exc:
            show_error(self, self.tr("Cannot export overrides"), say_error(exc))
            return False
        self.context.tell(notices)
        self.status.emit(self.tr("Overrides exported to {0}").format(str(target)))
        return True

    # ----------------------------------------------------------------- rates
    def refresh_rates(self) -> None:
        self.rates_box.refresh()
        self._fill_problems()

    def set_rate(self) -> bool:
        """Add or update the rate typed in the rates box."""
        return self.rates_box.set_rate()

    def remove_rate(self) -> bool:
        return self.rates_box.remove_rate()
