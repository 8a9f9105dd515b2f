"""Estimate page: compare training cost, time, running costs and lifecycle across catalog models.

Figures come from :func:`ftplanner.core.estimate.estimate` on the document's analyses (one per
encoding), the very function ``ftplanner estimate`` uses. Missing analyses are made in this page's
runner; the estimates themselves are fast and computed on the GUI thread.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core import display
from ftplanner.core.catalog import ModelEntry
from ftplanner.core.errors import UserError
from ftplanner.core.estimate import Estimate
from ftplanner.core.evaluation import PlanEvaluation
from ftplanner.core.money import BASE_CURRENCY, check_currency, decimal_text, format_money
from ftplanner.core.paths import write_bytes_atomic
from ftplanner.core.plan_inputs import estimate_for_plan
from ftplanner.core.result import AnalysisResult
from ftplanner.core.timemodel import TimeModel
from ftplanner.gui.charts import ChartCanvas
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.evaluator import PlanEvaluator
from ftplanner.gui.pages.estimate_model import CheckableRowsModel
from ftplanner.gui.tasks import TaskRunner, analysis_task
from ftplanner.gui.widgets import TaskProgress, show_error
from ftplanner.plots.costs import plot_training_costs

CSV_FILTER = "CSV (*.csv);;All files (*)"
CHART_MAX_BARS = 15
WARNING_COLOR = "#c0392b"
MAX_REQUESTS = 2_000_000_000
MAX_TOKENS = 10_000_000

# Column indexes of the comparison table.
COL_MODEL, COL_PROVIDER, COL_METHOD, COL_EPOCHS, COL_TOKENS, COL_TRAINING, COL_TIME = range(7)
COL_INFERENCE, COL_HOSTING, COL_TCO, COL_COUNTS, COL_LIFECYCLE = range(7, 12)

# Row states (the estimate is present only in STATE_OK).
STATE_OK = "ok"
STATE_NO_DATASET = "no_dataset"
STATE_ANALYSING = "analysing"
STATE_ERROR = "error"

_MONEY_EXPORT = (
    "training_cost",
    "training_cost_low",
    "training_cost_high",
    "inference_cost_per_month",
    "hosting_cost_per_month",
    "tco",
)


@dataclass(frozen=True)
class EstimateRow:
    """One model of the comparison: its catalog entry and, once the analysis is there, its estimate."""

    entry: ModelEntry
    estimate: Estimate | None
    state: str
    badges: tuple[display.Badge, ...]
    message: str = ""


def _money_key(row: EstimateRow, name: str) -> float:
    return display.money_sort_key(getattr(row.estimate, name) if row.estimate else None)


def _int_key(value: int | None) -> float | int:
    return float("inf") if value is None else value


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
        self._chosen = ""  # the model the plan goes with (from the plan's evaluation), starred in the table
        self.runner = TaskRunner(self)
        self._pending: tuple[str, Path] | None = None  # (encoding, dataset) being analysed here
        self._failed: dict[str, str] = {}  # encoding -> why its analysis is not there
        self._currency = BASE_CURRENCY
        self._syncing = False
        self._fitted: tuple = ()

        self._build_inputs()
        self._build_filters()
        self._build_table()
        self.chart = ChartCanvas(self, height=3.0)

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
    def _build_inputs(self) -> None:
        self.inputs = QGroupBox(self.tr("Plan inputs"))
        grid = QGridLayout(self.inputs)
        grid.setContentsMargins(8, 4, 8, 4)

        self.epochs = QSpinBox()
        self.epochs.setRange(0, 50)
        self.epochs.setSpecialValueText(self.tr("auto"))
        self.epochs.setToolTip(
            self.tr("Training epochs; 'auto' uses the provider's choice for the dataset size")
        )
        self.months = QSpinBox()
        self.months.setRange(1, 120)
        self.months.setSuffix(self.tr(" months"))
        self.months.setToolTip(self.tr("Ownership horizon for the total cost of ownership"))
        self.currency = QComboBox()
        self.currency.setToolTip(self.tr("Currency of all amounts; add exchange rates on the Pricing page"))
        self.requests = QSpinBox()
        self.requests.setRange(0, MAX_REQUESTS)
        self.requests.setGroupSeparatorShown(True)
        self.requests.setToolTip(self.tr("Inference requests to the fine-tuned model per month"))
        self.input_tokens = QSpinBox()
        self.input_tokens.setRange(0, MAX_TOKENS)
        self.input_tokens.setGroupSeparatorShown(True)
        self.input_tokens.setToolTip(self.tr("Average input (prompt) tokens per request"))
        self.output_tokens = QSpinBox()
        self.output_tokens.setRange(0, MAX_TOKENS)
        self.output_tokens.setGroupSeparatorShown(True)
        self.output_tokens.setToolTip(self.tr("Average output (completion) tokens per request"))
        self.cached_share = QDoubleSpinBox()
        self.batch_share = QDoubleSpinBox()
        for spin in (self.cached_share, self.batch_share):
            spin.setRange(0.0, 1.0)
            spin.setDecimals(2)
            spin.setSingleStep(0.05)
        self.cached_share.setToolTip(self.tr("Share of input tokens served from the prompt cache (0–1)"))
        self.batch_share.setToolTip(self.tr("Share of requests sent through the batch API (0–1)"))
        self.rate_label = QLabel()
        self.rate_label.setWordWrap(True)

        spins: list[QSpinBox | QDoubleSpinBox] = [
            self.epochs,
            self.months,
            self.requests,
            self.input_tokens,
            self.output_tokens,
            self.cached_share,
            self.batch_share,
        ]
        for spin in spins:
            spin.setKeyboardTracking(False)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(self._inputs_edited)
        self.currency.currentIndexChanged.connect(self._currency_chosen)

        def add(row: int, column: int, text: str, widget: QWidget) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, column * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, row, column * 2 + 1)

        add(0, 0, self.tr("&Epochs:"), self.epochs)
        add(0, 1, self.tr("Mont&hs:"), self.months)
        add(0, 2, self.tr("C&urrency:"), self.currency)
        grid.addWidget(self.rate_label, 0, 6, 1, 4)
        add(1, 0, self.tr("&Requests / month:"), self.requests)
        add(1, 1, self.tr("&Input tokens:"), self.input_tokens)
        add(1, 2, self.tr("&Output tokens:"), self.output_tokens)
        add(1, 3, self.tr("Cac&hed share:"), self.cached_share)
        add(1, 4, self.tr("&Batch share:"), self.batch_share)
        for column in range(1, 10, 2):
            grid.setColumnStretch(column, 1)

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

    def _build_table(self) -> None:
        self.model = CheckableRowsModel(
            self._columns(),
            sort_keys={
                COL_EPOCHS: lambda r: _int_key(r.estimate.epochs if r.estimate else None),
                COL_TOKENS: lambda r: _int_key(r.estimate.charged_tokens if r.estimate else None),
                COL_TRAINING: lambda r: _money_key(r, "training_cost"),
                COL_TIME: lambda r: (
                    _int_key(None)
                    if r.estimate is None or r.estimate.time_p50_minutes is None
                    else r.estimate.time_p50_minutes
                ),
                COL_INFERENCE: lambda r: _money_key(r, "inference_cost_per_month"),
                COL_HOSTING: lambda r: _money_key(r, "hosting_cost_per_month"),
                COL_TCO: lambda r: _money_key(r, "tco"),
            },
            is_checked=lambda r: r.entry.key in self.document.plan.models,
            on_toggle=self._toggle_included,
            key=lambda r: r.entry.key,
            parent=self,
        )
        self.model.tooltip = self._cell_tooltip
        self.model.foreground = self._cell_foreground
        self.model.header_tooltips = self._header_tooltips()
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
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._draw_chart())
        self.proxy.layoutChanged.connect(self._draw_chart)

    def _columns(self):
        return [
            (
                self.tr("Model"),
                lambda r: ("★ " if r.entry.key == self._chosen else "") + r.entry.display_name,
            ),
            (self.tr("Provider"), lambda r: r.entry.provider_name or r.entry.provider),
            (
                self.tr("Method"),
                lambda r: (r.estimate.method if r.estimate else display.default_method(r.entry)).upper(),
            ),
            (self.tr("Epochs"), self._epochs_text),
            (self.tr("Charged\ntokens"), self._tokens_text),
            (self.tr("Training\ncost"), self._training_text),
            (self.tr("Time\nP10–P90"), self._time_text),
            (self.tr("Inference\n/ month"), lambda r: self._money(r, "inference_cost_per_month")),
            (self.tr("Hosting\n/ month"), lambda r: self._money(r, "hosting_cost_per_month")),
            (self._tco_header(), self._tco_text),
            (self.tr("Token\ncounts"), self._counts_text),
            (self.tr("Lifecycle"), lambda r: self._badges_text(r.badges)),
        ]

    def _tco_header(self) -> str:
        return self.tr("TCO\n{0} months").format(self.document.plan.months)

    def _header_tooltips(self) -> list[str]:
        return [
            self.tr("Tick a model to include it in the plan (and in the chart)"),
            self.tr("Provider of the fine-tuning service"),
            self.tr("Training method estimated: SFT when offered, else the model's first method"),
            self.tr("Epochs trained; 'auto' follows the provider's rule for the dataset size"),
            self.tr(
                "Billed training tokens: Σ min(per-example limit, tokens) × epochs, plus validation tokens where the provider bills them"
            ),
            self.tr(
                "Charged tokens × price per 1M tokens, then the provider's per-job minimum and cap; per-hour (reinforcement) training needs the expected hours"
            ),
            self.tr(
                "Likely training time: P10–P90 of the time model (overhead + trained tokens ÷ throughput, log-normal spread); queueing can add more"
            ),
            self.tr(
                "Requests × (input tokens × blended input price + output tokens × output price) ÷ 1M, blending cached/uncached input and standard/batch requests by their shares"
            ),
            self.tr(
                "Hosting fee per deployed fine-tune: hourly fee × 730 hours a month, plus any monthly fee"
            ),
            self.tr(
                "Total cost of ownership: training + months × (inference + hosting); the months counted stop at the model's retirement date. ≥ marks a lower bound (inference price unknown)"
            ),
            self.tr("Exact: the model's own tokenizer. ≈: a stand-in tokenizer, with the stated error band"),
            self.tr(
                "Whether new jobs can be created, coming retirement, and stale prices (older than 180 days)"
            ),
        ]

    # ------------------------------------------------------------ cell texts
    def _money(self, row: EstimateRow, name: str) -> str:
        if row.estimate is None:
            return ""
        return format_money(getattr(row.estimate, name), row.estimate.currency)

    def _state_text(self, row: EstimateRow) -> str:
        if row.state == STATE_ANALYSING:
            return self.tr("analysing…")
        if row.state == STATE_NO_DATASET:
            return self.tr("no dataset")
        return self.tr("not available")

    def _epochs_text(self, row: EstimateRow) -> str:
        if row.estimate is None:
            return self.tr("auto") if self.document.plan.epochs is None else str(self.document.plan.epochs)
        if row.estimate.epochs_auto:
            return self.tr("{0} (auto)").format(row.estimate.epochs)
        return str(row.estimate.epochs)

    def _tokens_text(self, row: EstimateRow) -> str:
        if row.estimate is None:
            return self._state_text(row)
        text = f"{row.estimate.charged_tokens:,}"
        return text if row.estimate.exact_tokens else "≈" + text

    def _training_text(self, row: EstimateRow) -> str:
        est = row.estimate
        if est is None:
            return self._state_text(row)
        if est.training_cost is None:
            if row.entry.price_unknown:
                return self.tr("unknown price")
            if row.entry.training_per_hour is not None:
                hourly = self.context.rates.convert(row.entry.training_per_hour, est.currency)
                return self.tr("{0} / hour").format(format_money(hourly, est.currency))
            return "—"
        text = format_money(est.training_cost, est.currency)
        return text if est.exact_tokens else "≈" + text

    def _duration(self, minutes: float) -> str:
        hours, rest = display.hours_minutes(minutes)
        if hours == 0:
            return self.tr("{0} min").format(rest)
        if rest == 0:
            return self.tr("{0} h").format(hours)
        return self.tr("{0} h {1} min").format(hours, rest)

    def _time_text(self, row: EstimateRow) -> str:
        est = row.estimate
        if est is None or est.time_p10_minutes is None or est.time_p90_minutes is None:
            return "—"
        return f"{self._duration(est.time_p10_minutes)} – {self._duration(est.time_p90_minutes)}"

    def _tco_text(self, row: EstimateRow) -> str:
        est = row.estimate
        if est is None:
            return ""
        text = format_money(est.tco, est.currency)
        if est.tco is not None and not est.tco_includes_inference:
            text = "≥" + text
        return text

    def _badge_text(self, badge: display.Badge) -> str:
        when = badge.date.isoformat() if badge.date else ""
        if badge.kind == display.CLOSED_PROVIDER:
            return self.tr("provider {0}").format(badge.detail)
        if badge.kind == display.CLOSED_SINCE:
            return self.tr("closed since {0}").format(when)
        if badge.kind == display.RETIRED:
            return self.tr("retired {0}").format(when)
        if badge.kind == display.NO_OFFER:
            return self.tr("no fine-tuning offer")
        if badge.kind == display.RETIRES:
            if badge.unconfirmed:
                return self.tr("retires on {0} (unconfirmed)").format(when)
            return self.tr("retires on {0}").format(when)
        if badge.kind == display.STALE:
            return self.tr("stale price as of {0}").format(when)
        return badge.kind

    def _badges_text(self, badges: tuple[display.Badge, ...]) -> str:
        if not badges:
            return self.tr("open")
        return " · ".join(self._badge_text(badge) for badge in badges)

    def _counts_text(self, row: EstimateRow) -> str:
        if row.entry.exact_tokens:
            return self.tr("exact")
        return self.tr("≈ ±{0}").format(display.share_text(row.entry.token_error))

    def _cell_tooltip(self, row: EstimateRow, column: int) -> str | None:
        est = row.estimate
        if column == COL_MODEL:
            lines = [row.entry.key]
            if row.entry.key == self._chosen:
                lines.append(self.tr("★ The model the plan goes with (see the Summary page)."))
            if row.message:
                lines.append(row.message)
            if est is not None:
                lines.extend(f"• {warning}" for warning in est.warnings)
            return "\n".join(lines)
        if est is None:
            return row.message or None
        if column == COL_METHOD:
            offered = ", ".join(method.upper() for method in row.entry.methods) or "—"
            return self.tr("Offered: {0}").format(offered)
        if column == COL_TOKENS:
            return self.tr("{0} per epoch × {1} epochs; {2} examples over the limit").format(
                f"{est.billing_tokens_per_epoch:,}", est.epochs, f"{est.over_limit_examples:,}"
            )
        if column == COL_TRAINING and est.training_cost is not None and not est.exact_tokens:
            return self.tr("Approximate token counts: {0} to {1}").format(
                format_money(est.training_cost_low, est.currency),
                format_money(est.training_cost_high, est.currency),
            )
        if column == COL_TIME and est.time_p50_minutes is not None:
            return self.tr("Median (P50): {0}").format(self._duration(est.time_p50_minutes))
        if column == COL_TCO:
            return self.tr("Running costs counted for {0} of {1} months").format(
                f"{est.months_counted:.1f}", est.months
            )
        if column == COL_LIFECYCLE:
            lines = [est.launch_status]
            if row.entry.job_deadline:
                lines.append(self.tr("New jobs until {0}").format(row.entry.job_deadline.isoformat()))
            lines.append(self.tr("Prices as of {0}").format(est.price_as_of.isoformat()))
            lines.extend(est.sources)
            return "\n".join(lines)
        return None

    def _cell_foreground(self, row: EstimateRow, column: int):
        if column == COL_LIFECYCLE and any(b.blocking or b.kind == display.STALE for b in row.badges):
            return QColor(WARNING_COLOR)
        if row.state == STATE_ERROR and column in (COL_TOKENS, COL_TRAINING):
            return QColor(WARNING_COLOR)
        if row.estimate is None and column in (COL_TOKENS, COL_TRAINING):
            return self.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    # -------------------------------------------------------------- inputs
    def _sync_inputs(self) -> None:
        plan = self.document.plan
        self._syncing = True
        try:
            self.epochs.setValue(plan.epochs or 0)
            self.months.setValue(plan.months)
            self.requests.setValue(min(plan.traffic.requests_per_month, MAX_REQUESTS))
            self.input_tokens.setValue(min(plan.traffic.input_tokens, MAX_TOKENS))
            self.output_tokens.setValue(min(plan.traffic.output_tokens, MAX_TOKENS))
            self.cached_share.setValue(plan.traffic.cached_share)
            self.batch_share.setValue(plan.traffic.batch_share)
            self._fill_currencies()
        finally:
            self._syncing = False

    def _inputs_edited(self) -> None:
        if self._syncing:
            return
        plan = self.document.plan
        plan.epochs = self.epochs.value() or None
        plan.months = self.months.value()
        plan.traffic.requests_per_month = self.requests.value()
        plan.traffic.input_tokens = self.input_tokens.value()
        plan.traffic.output_tokens = self.output_tokens.value()
        plan.traffic.cached_share = self.cached_share.value()
        plan.traffic.batch_share = self.batch_share.value()
        self.document.edited()

    def _fill_currencies(self) -> None:
        wanted = self.document.plan.currency
        codes = [BASE_CURRENCY, *(rate.currency for rate in self.context.rates)]
        blocked = self.currency.blockSignals(True)
        self.currency.clear()
        for code in codes:
            self.currency.addItem(code, code)
        if wanted not in codes:
            self.currency.addItem(self.tr("{0} (no rate)").format(wanted), wanted)
        self.currency.setCurrentIndex(self.currency.findData(wanted))
        self.currency.blockSignals(blocked)

    def _currency_chosen(self) -> None:
        if self._syncing:
            return
        code = self.currency.currentData()
        if not code or code == self.document.plan.currency:
            return
        self.document.plan.currency = code
        self.context.set_currency(code)
        self.document.edited()

    def _resolve_currency(self) -> str:
        """The plan's currency when a rate is known; otherwise USD, saying why."""
        wanted = self.document.plan.currency
        try:
            code = check_currency(wanted)
        except UserError:
            self.rate_label.setText(self.tr("Unknown currency {0}: amounts are shown in USD.").format(wanted))
            self._set_warning(self.rate_label, True)
            return BASE_CURRENCY
        rate = self.context.rates.get(code)
        if rate is None:
            self.rate_label.setText(
                self.tr(
                    "No exchange rate for {0}: amounts are shown in USD. Set a rate on the Pricing page."
                ).format(code)
            )
            self._set_warning(self.rate_label, True)
            return BASE_CURRENCY
        if code == BASE_CURRENCY:
            self.rate_label.setText(self.tr("Catalog prices are in USD."))
            self._set_warning(self.rate_label, False)
        else:
            stale = rate.is_stale(self.context.today)
            text = self.tr("{0} {1} per USD (set {2})").format(
                decimal_text(rate.per_usd), code, rate.set_on.isoformat()
            )
            if stale:
                text += self.tr(" — older than 30 days")
            self.rate_label.setText(text)
            self._set_warning(self.rate_label, stale)
        return code

    @staticmethod
    def _set_warning(label: QLabel, warning: bool) -> None:
        label.setStyleSheet(f"color: {WARNING_COLOR};" if warning else "")

    def _toggle_included(self, row: EstimateRow, checked: bool) -> None:
        models = list(self.document.plan.models)
        key = row.entry.key
        if checked and key not in models:
            models.append(key)
            self.document.plan.chosen_model = key  # the model just ticked is the one the plan goes with
        elif not checked and key in models:
            models.remove(key)
            if self.document.plan.chosen_model == key:
                self.document.plan.chosen_model = ""  # back to the recommendation
        else:
            return
        self.document.plan.models = models
        self.document.edited()

    def _on_evaluated(self, evaluation: PlanEvaluation) -> None:
        chosen = evaluation.recommendation.model or ""
        if chosen != self._chosen:
            self._chosen = chosen
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
        catalog = self.context.catalog
        provider = self.provider_box.currentData() or ""
        entries = [e for e in catalog.entries if not provider or e.provider == provider]
        if self.launchable_only.isChecked():
            entries = [e for e in entries if e.launchable(catalog.today)]
        return entries

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
        plan = self.document.plan
        today = self.context.catalog.today
        dataset_state, dataset_message = self._dataset_state()
        rows: list[EstimateRow] = []
        for entry in self.visible_entries():
            badges = tuple(display.lifecycle_badges(entry, today))
            analysis = self.document.analyses.get(entry.encoding)
            if analysis is None:
                if dataset_state != STATE_OK:
                    rows.append(EstimateRow(entry, None, STATE_NO_DATASET, badges, dataset_message))
                elif entry.encoding in self._failed:
                    rows.append(EstimateRow(entry, None, STATE_ERROR, badges, self._failed[entry.encoding]))
                else:
                    rows.append(EstimateRow(entry, None, STATE_ANALYSING, badges))
                continue
            try:
                result = estimate_for_plan(
                    plan,
                    entry,
                    analysis,
                    today=today,
                    time_model=self.time_model(),
                    currency=self._currency,
                    rates=self.context.rates,
                )
            except UserError as exc:
                rows.append(EstimateRow(entry, None, STATE_ERROR, badges, str(exc)))
            else:
                rows.append(EstimateRow(entry, result, STATE_OK, badges))
        return rows

    def refresh(self) -> None:
        self._sync_inputs()
        self._currency = self._resolve_currency()
        rows = self.build_rows()
        self.model.set_headers([header for header, _ in self._columns()])
        self.model.update_rows(rows)
        layout = tuple((row.entry.key, row.state) for row in rows)
        if layout != self._fitted:
            self._fitted = layout
            self._fit_columns()
        self._update_notice(rows)
        self._draw_chart()
        self._ensure_analyses()

    def _fit_columns(self) -> None:
        self.view.resizeColumnsToContents()
        for column, widest in ((COL_MODEL, 190), (COL_PROVIDER, 100), (COL_TIME, 125)):
            if self.view.columnWidth(column) > widest:
                self.view.setColumnWidth(column, widest)

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
        shown = self.shown_rows()
        selected = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        picked = [self.model.row(i) for i in sorted(selected)] if len(selected) > 1 else []
        if not picked:
            picked = [r for r in shown if r.entry.key in self.document.plan.models]
        if not picked:
            picked = shown
        return [r for r in picked if r.estimate is not None and r.estimate.training_cost is not None]

    def _draw_chart(self) -> None:
        rows = self.chart_rows()
        if not rows:
            self.chart.show_message(self.tr("No training cost to show yet"))
            return
        total = len(rows)
        rows = rows[:CHART_MAX_BARS]
        currency = rows[0].estimate.currency if rows[0].estimate else self._currency
        axes = self.chart.fresh_axes()
        _, foreground = self.chart.colors()
        plot_training_costs(
            axes,
            [r.estimate for r in rows if r.estimate is not None],
            labels=[f"{r.entry.display_name} ({r.entry.provider_name or r.entry.provider})" for r in rows],
            texts=[self._training_text(r) for r in rows],
            foreground=foreground,
        )
        axes.set_xlabel(self.tr("Training cost ({0})").format(currency))
        title = self.tr("Training cost per model")
        if total > len(rows):
            title = self.tr("Training cost: first {0} of {1} models (select rows to choose)").format(
                len(rows), total
            )
        if any(not r.entry.exact_tokens for r in rows):
            title += self.tr("  (light bars: approximate token counts)")
        axes.set_title(title, fontsize=9, color=foreground)
        self.chart.draw_idle()

    # ---------------------------------------------------------------- export
    def csv_text(self) -> str:
        """The table as shown (display text) plus exact money columns, as CSV text."""
        headers = [
            self.model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ")
            for c in range(self.model.columnCount())
        ]
        exact = [
            self.tr("Training cost, exact"),
            self.tr("Training cost low, exact"),
            self.tr("Training cost high, exact"),
            self.tr("Inference / month, exact"),
            self.tr("Hosting / month, exact"),
            self.tr("TCO, exact"),
        ]
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([self.tr("Included"), *headers, self.tr("Key"), self.tr("Currency"), *exact])
        for i in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(i, 0)).row()
            row: EstimateRow = self.model.row(source)
            cells = [self.model.data(self.model.index(source, c)) for c in range(self.model.columnCount())]
            included = self.tr("yes") if row.entry.key in self.document.plan.models else ""
            est = row.estimate
            money = [_exact(getattr(est, name) if est else None) for name in _MONEY_EXPORT]
            writer.writerow([included, *cells, row.entry.key, est.currency if est else "", *money])
        return out.getvalue()

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


def _exact(amount: Decimal | None) -> str:
    return "" if amount is None else decimal_text(amount)
