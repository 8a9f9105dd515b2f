"""File ▸ Export report…: the plan as a PDF (English or Japanese, A4 or Letter) and optional CSV files."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.catalog import Catalog
from ftplanner.core.money import ExchangeRates
from ftplanner.core.plan import Plan
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.tasks import TaskRunner, failure_text
from ftplanner.gui.widgets import WARNING_COLOR, show_error

if TYPE_CHECKING:
    from ftplanner.report import ReportContent
    from ftplanner.report.pdf import PdfSource


@dataclass(frozen=True)
class ReportOptions:
    pdf: Path
    lang: str  # "en" | "ja"
    page_size: str  # "a4" | "letter"
    comparison_csv: Path | None
    cashflows_csv: Path | None


def sibling(pdf: Path, tail: str) -> Path:
    """``plan.pdf`` → ``plan-<tail>.csv`` next to it."""
    return pdf.with_name(f"{pdf.stem}-{tail}.csv")


class ExportReportDialog(QDialog):
    """Where to write the report, in which language and page size, and which CSV files to add."""

    def __init__(self, suggested: Path, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export report"))
        self.path_edit = QLineEdit(str(suggested))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.page_size = QComboBox()
        self.page_size.addItem(self.tr("A4"), "a4")
        self.page_size.addItem(self.tr("Letter"), "letter")
        self.comparison = QCheckBox(self.tr("Model comparison as CSV"))
        self.cashflows = QCheckBox(self.tr("Monthly cash flows (P10/P50/P90) as CSV"))
        for box in (self.comparison, self.cashflows):
            box.setChecked(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_edit.textChanged.connect(self._update_note)
        self._update_note()

        form = QFormLayout()
        form.addRow(self.tr("PDF file:"), path_row)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Page size:"), self.page_size)
        form.addRow(self.tr("Also write:"), self.comparison)
        form.addRow("", self.cashflows)
        form.addRow("", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self._update_note()  # the Export button follows the field
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _pdf(self) -> Path | None:
        """The PDF to write, or None while the field names no file (empty, "/", a folder ending in "/")."""
        text = self.path_edit.text().strip()
        if not text or text.endswith(("/", "\\")):
            return None
        path = Path(text).expanduser()
        if not path.name or path.name in (".", ".."):
            return None
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def _update_note(self) -> None:
        """Shown as the user types: the CSV names, or why the field is not a file name yet (never a dialog)."""
        pdf = self._pdf()
        export = self.findChild(QDialogButtonBox)
        if export is not None:
            export.button(QDialogButtonBox.StandardButton.Ok).setEnabled(pdf is not None)
        if pdf is None:
            self.note.setStyleSheet(f"color: {WARNING_COLOR};")
            self.note.setText(
                self.tr("Type a file name for the PDF, e.g. {0}.").format(str(Path.home() / "report.pdf"))
            )
            return
        self.note.setStyleSheet("")
        self.note.setText(
            self.tr("CSV files: {0}, {1}").format(
                sibling(pdf, "comparison").name, sibling(pdf, "cashflows").name
            )
        )

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), self.path_edit.text(), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _accept(self) -> None:
        pdf = self._pdf()
        if pdf is None:
            show_error(self, self.tr("Export report"), self.tr("Choose where to write the PDF."))
            return
        if not pdf.parent.is_dir():
            show_error(
                self,
                self.tr("Export report"),
                self.tr("The folder {0} does not exist.").format(pdf.parent),
            )
            return
        self.accept()

    def options(self) -> ReportOptions:
        pdf = self._pdf()
        assert pdf is not None  # accepted only with a file name
        return ReportOptions(
            pdf=pdf,
            lang=str(self.language.currentData()),
            page_size=str(self.page_size.currentData()),
            comparison_csv=sibling(pdf, "comparison") if self.comparison.isChecked() else None,
            cashflows_csv=sibling(pdf, "cashflows") if self.cashflows.isChecked() else None,
        )


class ReportExporter(QObject):
    """Builds the report in the background with a cancellable progress dialog; reports the outcome."""

    def __init__(self, document: PlanDocument, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self.parent_widget = parent
        self.dialog: QProgressDialog | None = None
        self.written: list[Path] = []
        self.runner = TaskRunner(self)
        self.runner.progress.connect(self._show_progress)
        self.runner.failed.connect(self._report_failure)
        self.runner.finished.connect(self._write)
        self.runner.cancelled.connect(self._close_dialog)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def shutdown(self) -> None:
        self.runner.shutdown()

    def export(self, options: ReportOptions) -> None:
        from ftplanner.report import build_report, prepare_pdf_report

        plan = copy.deepcopy(self.document.plan)  # the worker never sees later edits half-made
        plan_path = self.document.path
        analyses = dict(self.document.analyses)
        catalog, rates = self.context.catalog, self.context.rates

        def task(progress, cancelled) -> _Prepared:
            """The slow part, without Qt: the evaluation, the charts, the font subsets."""
            content = build_report(
                plan,
                plan_path,
                catalog=catalog,
                analysis=analyses or None,
                rates=rates,
                progress=lambda f, text: progress(0.6 * f, text),
                cancel=cancelled,
            )
            source = prepare_pdf_report(
                plan,
                plan_path,
                lang=options.lang,
                page_size=options.page_size,
                content=content,
                progress=lambda f, text: progress(0.6 + 0.35 * f, text),
                cancel=cancelled,
            )
            return _Prepared(plan, plan_path, content, source, options, catalog, rates)

        self.dialog = QProgressDialog(
            self.tr("Writing the report…"), self.tr("Cancel"), 0, 100, self.parent_widget
        )
        self.dialog.setWindowTitle(self.tr("Export report"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self.runner.cancel)
        self.dialog.setValue(0)
        self.runner.start(task)

    def _show_progress(self, fraction: float, _text: str) -> None:
        if self.dialog is not None:
            self.dialog.setValue(int(fraction * 100))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.canceled.disconnect(self.runner.cancel)
            dialog.close()
            dialog.deleteLater()

    def _report_failure(self, message: str) -> None:
        self._close_dialog()
        show_error(
            self.parent_widget,
            self.tr("Export report"),
            self.tr("The report was not written: {0}").format(message),
        )

    def _write(self, prepared: _Prepared) -> None:
        """Paint the PDF and write the CSV files here, on the GUI thread (Qt's fonts and painting live here)."""
        try:
            written = prepared.write()
        except Exception as exc:
            self._report_failure(failure_text(exc))
        else:
            self._report_written(written)

    def _report_written(self, written: list[Path]) -> None:
        self._close_dialog()
        self.written = written
        status = getattr(self.parent_widget, "show_status", None)
        if status is not None:
            status(self.tr("Report written: {0}").format(", ".join(str(p) for p in written)))


@dataclass(frozen=True)
class _Prepared:
    """A report computed on the worker thread, written by :meth:`write` on the GUI thread."""

    plan: Plan
    plan_path: Path | None
    content: ReportContent
    source: PdfSource
    options: ReportOptions
    catalog: Catalog  # as the evaluation used them, so the CSV files say what the PDF says
    rates: ExchangeRates

    def write(self) -> list[Path]:
        """The PDF, then each CSV file asked for; a failure part-way removes what was written."""
        from ftplanner.report import export_cashflows_csv, export_comparison_csv
        from ftplanner.report.pdf import render_pdf

        options = self.options
        render_pdf(self.source, options.pdf)
        written = [options.pdf]
        shared = {"catalog": self.catalog, "rates": self.rates, "content": self.content}
        try:
            for path, write in (
                (options.comparison_csv, export_comparison_csv),
                (options.cashflows_csv, export_cashflows_csv),
            ):
                if path is not None:
                    write(self.plan, self.plan_path, path, lang=options.lang, **shared)
                    written.append(path)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        return written
