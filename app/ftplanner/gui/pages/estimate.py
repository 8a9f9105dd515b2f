"""Estimate page: compare training cost, time, running costs and lifecycle across catalog models.

Figures come from :func:`ftplanner.core.estimate_rows.estimate_rows` on the document's analyses (one
per encoding), the very estimates ``ftplanner estimate`` makes. Missing analyses are made in this
page's runner; the estimates themselves are fast and computed on the GUI thread. The plan inputs, the
table's texts and the chart are in ``estimate_inputs``, ``estimate_table`` and ``estimate_chart``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core.catalog import ModelEntry
from ftplanner.core.estimate_rows import (
    STATE_ANALYSING,
    STATE_ERROR,
    STATE_NO_DATASET,
    STATE_OK,
    EstimateRow,
    chart_rows,
    estimate_rows,
    include_model,
    incomplete_tco,
    visible_entries,
)
from ftplanner.core.evaluation import PlanEvaluation
from ftplanner.core.money import BASE_CURRENCY
from ftplanner.core.paths import write_bytes_atomic
from ftplanner.core.result import AnalysisResult
from ftplanner.core.timemodel import TimeModel
from ftplanner.gui.columns import ColumnFit
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.evaluator import PlanEvaluator
from ftplanner.gui.pages.estimate_chart import EstimateChart
from ftplanner.gui.pages.estimate_inputs import PlanInputsBox
from ftplanner.gui.pages.estimate_model import CheckableRowsModel
from ftplanner.gui.pages.estimate_table import (
    COL_MODEL,
    COL_TRAINING,
    SORT_KEYS,
    EstimateColumns,
)
from ftplanner.gui.tasks import TaskRunner, analysis_task
from ftplanner.gui.widgets import CheckOutlineDelegate, TaskProgress, show_error

CSV_FILTER = "CSV (*.csv);;All files (*)"


class EstimatePage(QWidget):
    status = Signal(str)

    def __init__(
        self,
        document: PlanDocument,
        context: AppContext,
        evaluator: PlanEvaluator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self.runner = TaskRunner(self)
        self._pending: tuple[str, Path] | None = None  # (encoding, dataset) being analysed here
        self._failed: dict[str, str] = {}  # encoding -> why its analysis is not there
        self._currency = BASE_CURRENCY
        self._fitted: tuple = ()
        self.columns = EstimateColumns(document, context, self)

        self.inputs = PlanInputsBox(document, context)
        # The inputs the tests and other code reach through the page.
        self.epochs, self.months, self.currency = self.inputs.epochs, self.inputs.months, self.inputs.currency
        self.requests, self.rate_label = self.inputs.requests, self.inputs.rate_label
        self._build_filters()
        self._build_table()
        self.chart = EstimateChart(self, height=3.0)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([430, 270])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.inputs)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.tco_note)

        self.runner.finished.connect(self._on_analysis)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.busy_changed.connect(self._on_busy)
        self.document.changed.connect(self.refresh)
        self.document.dataset_changed.connect(self._on_dataset_changed)
        self.context.catalog_changed.connect(self._on_catalog_changed)
        self.context.rates_changed.connect(self.refresh)
        self.context.currency_changed.connect(lambda _code: self.refresh())
        if evaluator is not None:
            evaluator.evaluated.connect(self._on_evaluated)
        self._fill_providers()
        self.refresh()

    # ------------------------------------------------------------------ building
    def _build_filters(self) -> None:
        self.provider_box = QComboBox()
        self.provider_box.setToolTip(self.tr("Show the models of one provider"))
        self.provider_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.launchable_only = QCheckBox(self.tr("Launchable only"))
        self.launchable_only.setToolTip(self.tr("Hide models that cannot take new fine-tuning jobs today"))
        self.launchable_only.setChecked(True)
        self.launchable_only.toggled.connect(lambda _on: self.refresh())
        self.progress = TaskProgress(self.runner, self.tr("Cancel"), self.tr("%p% — {0} lines"))
        self.progress.setMaximumWidth(360)
        self.retry_button = QPushButton(self.tr("Analyse again"))
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self.retry_analysis)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the table as shown, plus exact amounts, as a CSV file"))
        self.export_button.clicked.connect(self.export_csv)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Provider:")))
        row.addWidget(self.provider_box)
        row.addWidget(self.launchable_only)
        row.addStretch(1)
        row.addWidget(self.progress)
        row.addWidget(self.retry_button)
        row.addWidget(self.export_button)
        self.filter_row = row
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.tco_note = QLabel()
        self.tco_note.setWordWrap(True)
        self.tco_note.setVisible(False)

    def _build_table(self) -> None:
        self.model = CheckableRowsModel(
            self.columns.columns(),
            sort_keys=SORT_KEYS,
            is_checked=lambda r: r.entry.key in self.document.plan.models,
            on_toggle=self._toggle_included,
            key=lambda r: r.entry.key,
            parent=self,
        )
        self.model.tooltip = self.columns.tooltip
        self.model.foreground = self.columns.foreground
        self.model.header_tooltips = self.columns.header_tooltips()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_TRAINING, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column_fit = ColumnFit(self.view, COL_MODEL)  # no text cut; the model name gets spare width
        self.view.setItemDelegateForColumn(COL_MODEL, CheckOutlineDelegate(self.view))  # visible when dark
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._draw_chart())
        self.proxy.layoutChanged.connect(self._draw_chart)

    def _toggle_included(self, row: EstimateRow, checked: bool) -> None:
        if include_model(self.document.plan, row.entry.key, checked):
            self.document.edited()

    def _on_evaluated(self, evaluation: PlanEvaluation) -> None:
        chosen = evaluation.recommendation.model or ""
        if chosen != self.columns.chosen:
            self.columns.chosen = chosen
            self.refresh()

    # ------------------------------------------------------------- filters
    def _fill_providers(self) -> None:
        current = self.provider_box.currentData()
        blocked = self.provider_box.blockSignals(True)
        self.provider_box.clear()
        self.provider_box.addItem(self.tr("All providers"), "")
        for provider in self.context.catalog.providers.values():
            self.provider_box.addItem(provider.name, provider.id)
        self.provider_box.setCurrentIndex(max(0, self.provider_box.findData(current or "")))
        self.provider_box.blockSignals(blocked)

    def visible_entries(self) -> list[ModelEntry]:
        provider = self.provider_box.currentData() or ""
        return visible_entries(self.context.catalog, provider, self.launchable_only.isChecked())

    def _on_catalog_changed(self) -> None:
        self._failed.clear()
        self._fill_providers()
        self.refresh()

    def _on_dataset_changed(self) -> None:
        self.runner.cancel()
        self._failed.clear()
        self.refresh()

    # ------------------------------------------------------------ estimates
    def time_model(self) -> TimeModel:
        return self.context.time_model()

    def _dataset_state(self) -> tuple[str, str]:
        path = self.document.dataset_path()
        if path is None:
            return STATE_NO_DATASET, self.tr("Open a dataset on the Dataset page to see estimates.")
        if not path.is_file():
            return STATE_NO_DATASET, self.tr("Dataset not found: {0}").format(str(path))
        return STATE_OK, ""

    def build_rows(self) -> list[EstimateRow]:
        """Estimates for the visible models, from the document's analyses."""
        dataset_state, dataset_message = self._dataset_state()
        return estimate_rows(
            self.document.plan,
            self.visible_entries(),
            self.document.analyses,
            self._failed,
            no_dataset=dataset_message if dataset_state != STATE_OK else None,
            today=self.context.catalog.today,
            time_model=self.time_model(),
            currency=self._currency,
            rates=self.context.rates,
        )

    def refresh(self) -> None:
        self.inputs.sync()
        self._currency = self.inputs.resolve_currency()
        rows = self.build_rows()
        self.model.set_headers([header for header, _ in self.columns.columns()])
        self.model.update_rows(rows)
        layout = tuple((row.entry.key, row.state) for row in rows)
        if layout != self._fitted:
            self._fitted = layout
            self._fit_columns()
        self._update_notice(rows)
        self._update_tco_note(rows)
        self._draw_chart()
        self._ensure_analyses()

    def _fit_columns(self) -> None:
        self.column_fit.fit()

    def _update_notice(self, rows: list[EstimateRow]) -> None:
        state, message = self._dataset_state()
        if state != STATE_OK:
            text = message
        elif not rows:
            text = self.tr("No model matches the filters.")
        elif any(row.state == STATE_ERROR for row in rows):
            text = next(row.message for row in rows if row.state == STATE_ERROR)
        elif any(row.state == STATE_ANALYSING for row in rows):
            text = self.tr("Analysing the dataset for some tokenizers…")
        else:
            text = ""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.retry_button.setVisible(bool(self._failed) and not self.runner.busy)

    def _update_tco_note(self, rows: list[EstimateRow]) -> None:
        estimated = [row for row in rows if row.estimate is not None and row.estimate.tco is not None]
        incomplete = incomplete_tco(estimated)
        if not estimated:
            text = ""
        elif incomplete:
            text = self.tr(
                "≥ TCO incomplete for {0} of {1} models: no published price for running the fine-tuned model,"
                " so their TCO is a lower bound (hover a row's Inference or Hosting cell for the sources)."
            ).format(len(incomplete), len(estimated))
        else:
            text = self.tr("TCO complete for every model shown: training and running costs are all priced.")
        self.tco_note.setText(text)
        self.tco_note.setVisible(bool(text))

    # ------------------------------------------------------------- analysis
    def needed_encodings(self) -> list[str]:
        """Encodings of the visible models with no analysis yet (that did not fail), in table order."""
        if self._dataset_state()[0] != STATE_OK:
            return []
        wanted = [e.encoding for e in self.visible_entries()]
        return [
            enc
            for enc in dict.fromkeys(wanted)
            if enc not in self.document.analyses and enc not in self._failed
        ]

    def _ensure_analyses(self) -> None:
        if self.runner.busy or not self.isVisible():
            return
        needed = self.needed_encodings()
        if needed:
            self.start_analysis(needed[0])

    def start_analysis(self, encoding: str) -> None:
        path = self.document.dataset_path()
        if path is None:
            return
        self._pending = (encoding, path)
        self.status.emit(self.tr("Analysing {0} for {1}…").format(path.name, encoding))

        self.runner.start(analysis_task(path, encoding, self.context.catalog.entries))

    def retry_analysis(self) -> None:
        self._failed.clear()
        self.refresh()

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.retry_button.setVisible(False)

    def _on_analysis(self, result: AnalysisResult) -> None:
        pending, self._pending = self._pending, None
        if pending is None or pending[1] != self.document.dataset_path():
            return
        if result.encoding not in self.document.analyses:
            self.document.add_analysis(result)  # emits changed: the table refreshes
        else:
            self.refresh()
        self.status.emit(
            self.tr("Analysed {0} examples ({1})").format(f"{result.examples:,}", result.encoding)
        )

    def _on_failed(self, message: str) -> None:
        if self._pending is not None:
            self._failed[self._pending[0]] = message
            self._pending = None
        self.status.emit(message)
        show_error(self, self.tr("Cannot analyse dataset"), message)
        self.refresh()

    def _on_cancelled(self) -> None:
        if self._pending is not None:
            self._failed[self._pending[0]] = self.tr("Analysis cancelled")
            self._pending = None
            self.status.emit(self.tr("Analysis stopped"))
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_analyses()

    # --------------------------------------------------------------- chart
    def shown_rows(self) -> list[EstimateRow]:
        """Rows in the order the table shows them."""
        return [
            self.model.row(self.proxy.mapToSource(self.proxy.index(i, 0)).row())
            for i in range(self.proxy.rowCount())
        ]

    def chart_rows(self) -> list[EstimateRow]:
        """Selected rows, else the rows included in the plan, else every shown row (costs known only)."""
        selected = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        picked = [self.model.row(i) for i in sorted(selected)]
        return chart_rows(self.shown_rows(), picked, self.document.plan.models)

    def _draw_chart(self) -> None:
        self.chart.draw_rows(self.chart_rows(), self._currency, self.columns.training_text)

    # ---------------------------------------------------------------- export
    def csv_text(self) -> str:
        """The table as shown (display text) plus exact money columns, as CSV text."""
        return self.columns.csv_text(self.model, self.proxy)

    def export_csv(self) -> None:
        start = Path.home() / f"{self.document.plan.name or 'estimate'}-estimate.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export comparison"), str(start), CSV_FILTER)
        if not path:
            return
        target = Path(path)
        try:
            write_bytes_atomic(target, self.csv_text().encode("utf-8-sig"))
        except OSError as exc:
            show_error(self, self.tr("Cannot export"), f"{target}: {exc.strerror or exc}")
            return
        self.status.emit(self.tr("Exported {0}").format(str(target)))
