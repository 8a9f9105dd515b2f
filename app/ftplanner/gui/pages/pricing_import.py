"""The Pricing page's "Import catalog…" dialog: what a newer catalog file changes, applied only when confirmed.

The diff is the core's (:func:`ftplanner.core.catalog_import.preview_import`), the same one ``ftplanner catalog
import`` prints; this dialog only words it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core import catalog_import as ci


class CatalogImportDialog(QDialog):
    """Lists every change of ``diff``; Accepted means "apply"."""

    def __init__(
        self, candidate: ci.CatalogFile, diff: ci.CatalogDiff, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import catalog"))
        self.diff = diff
        kinds = {
            ci.PRICE_UP: self.tr("price up"),
            ci.PRICE_DOWN: self.tr("price down"),
            ci.PRICE_SET: self.tr("price set or cleared"),
            ci.ADDED: self.tr("model added"),
            ci.REMOVED: self.tr("model removed"),
            ci.DATE_MOVED: self.tr("date moved"),
            ci.CHANGED: self.tr("changed"),
        }
        counts = [
            (len(diff.of(ci.PRICE_UP)), self.tr("{0} price(s) up")),
            (len(diff.of(ci.PRICE_DOWN)), self.tr("{0} price(s) down")),
            (len(diff.of(ci.PRICE_SET)), self.tr("{0} price(s) set or cleared")),
            (len(diff.of(ci.ADDED)), self.tr("{0} model(s) added")),
            (len(diff.of(ci.REMOVED)), self.tr("{0} model(s) removed")),
            (len(diff.of(ci.DATE_MOVED)), self.tr("{0} date(s) moved")),
            (len(diff.of(ci.CHANGED)), self.tr("{0} other change(s)")),
        ]
        summary = ", ".join(text.format(n) for n, text in counts if n) or self.tr("no changes")
        self.summary = QLabel(
            self.tr("{0}: the catalog of provider {1}. {2}.").format(
                candidate.source, candidate.provider, summary
            )
        )
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(diff.changes), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Model"), self.tr("Change"), self.tr("Field"), self.tr("Before"), self.tr("After")]
        )
        for row, change in enumerate(diff.changes):
            cells = [
                change.model,
                kinds.get(change.kind, change.kind),
                change.field,
                "" if change.old is None else ci.value_text(change.old),
                "" if change.new is None else ci.value_text(change.new),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "Applying stores this file in your data folder; it replaces the bundled prices of this provider,"
                " which stay the fallback. Your price overrides still apply on top."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(not diff.empty)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(820, 420)
