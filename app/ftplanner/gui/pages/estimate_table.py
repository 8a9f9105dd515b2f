"""The Estimate page's comparison table: its columns, cell texts, tooltips, colours and sort keys.

:class:`EstimateColumns` turns :class:`ftplanner.core.estimate_rows.EstimateRow` objects into the
translated texts the table shows (and the CSV export repeats).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from ftplanner.core import display, formatting
from ftplanner.core.estimate_rows import (
    STATE_ANALYSING,
    STATE_ERROR,
    STATE_NO_DATASET,
    EstimateRow,
    exact_amounts,
    int_key,
    money_key,
    time_key,
)
from ftplanner.core.money import format_money
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages.estimate_inputs import WARNING_COLOR
from ftplanner.gui.pages.estimate_model import CheckableRowsModel
from ftplanner.gui.say import say

# Column indexes of the comparison table.
COL_MODEL, COL_PROVIDER, COL_METHOD, COL_EPOCHS, COL_TOKENS, COL_TRAINING, COL_TIME = range(7)
COL_INFERENCE, COL_HOSTING, COL_TCO, COL_COUNTS, COL_LIFECYCLE = range(7, 12)

SORT_KEYS: dict[int, Callable[[EstimateRow], float | int]] = {
    COL_EPOCHS: lambda r: int_key(r.estimate.epochs if r.estimate else None),
    COL_TOKENS: lambda r: int_key(r.estimate.charged_tokens if r.estimate else None),
    COL_TRAINING: lambda r: money_key(r, "training_cost"),
    COL_TIME: time_key,
    COL_INFERENCE: lambda r: money_key(r, "inference_cost_per_month"),
    COL_HOSTING: lambda r: money_key(r, "hosting_cost_per_month"),
    COL_TCO: lambda r: money_key(r, "tco"),
}


class EstimateColumns(QObject):
    """Texts of the comparison; ``chosen`` is the key of the model the plan goes with (starred)."""

    def __init__(self, document: PlanDocument, context: AppContext, widget: QWidget) -> None:
        super().__init__(widget)
        self.document = document
        self.context = context
        self.widget = widget  # whose palette greys out missing figures
        self.chosen = ""

    def columns(self) -> list[tuple[str, Callable[[EstimateRow], str]]]:
        return [
            (
                self.tr("Model"),
                lambda r: ("★ " if r.entry.key == self.chosen else "") + r.entry.display_name,
            ),
            (self.tr("Provider"), lambda r: r.entry.provider_name or r.entry.provider),
            (
                self.tr("Method"),
                lambda r: (r.estimate.method if r.estimate else display.default_method(r.entry)).upper(),
            ),
            (self.tr("Epochs"), self.epochs_text),
            (self.tr("Charged\ntokens"), self.tokens_text),
            (self.tr("Training\ncost"), self.training_text),
            (self.tr("Time\nP10–P90"), self.time_text),
            (self.tr("Inference\n/ month"), self.inference_text),
            (self.tr("Hosting\n/ month"), self.hosting_text),
            (self.tr("TCO\n{0} months").format(self.document.plan.months), self.tco_text),
            (self.tr("Token\ncounts"), self.counts_text),
            (self.tr("Lifecycle"), lambda r: self.badges_text(r.badges)),
        ]

    def header_tooltips(self) -> list[str]:
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
                "Total cost of ownership: training + months × (inference + hosting); the months counted stop at the model's retirement date. ≥ marks a lower bound: the TCO is incomplete because no price for running the fine-tuned model is published"
            ),
            self.tr("Exact: the model's own tokenizer. ≈: a stand-in tokenizer, with the stated error band"),
            self.tr(
                "Whether new jobs can be created, coming retirement, and stale prices (older than 180 days)"
            ),
        ]

    # ------------------------------------------------------------ cell texts
    def money(self, row: EstimateRow, name: str) -> str:
        if row.estimate is None:
            return ""
        return format_money(getattr(row.estimate, name), row.estimate.currency)

    def state_text(self, row: EstimateRow) -> str:
        if row.state == STATE_ANALYSING:
            return self.tr("analysing…")
        if row.state == STATE_NO_DATASET:
            return self.tr("no dataset")
        return self.tr("not available")

    def epochs_text(self, row: EstimateRow) -> str:
        if row.estimate is None:
            return self.tr("auto") if self.document.plan.epochs is None else str(self.document.plan.epochs)
        if row.estimate.epochs_auto:
            return self.tr("{0} (auto)").format(row.estimate.epochs)
        return str(row.estimate.epochs)

    def tokens_text(self, row: EstimateRow) -> str:
        if row.estimate is None:
            return self.state_text(row)
        text = f"{row.estimate.charged_tokens:,}"
        return text if row.estimate.exact_tokens else "≈" + text

    def training_text(self, row: EstimateRow) -> str:
        est = row.estimate
        if est is None:
            return self.state_text(row)
        if est.training_cost is None:
            if row.entry.price_unknown:
                return self.tr("unknown price")
            if row.entry.training_per_hour is not None:
                hourly = self.context.rates.convert(row.entry.training_per_hour, est.currency)
                return self.tr("{0} / hour").format(format_money(hourly, est.currency))
            return "—"
        text = format_money(est.training_cost, est.currency)
        return text if est.exact_tokens else "≈" + text

    def duration(self, minutes: float) -> str:
        return formatting.clock_duration(
            minutes, self.tr("{0} min"), self.tr("{0} h"), self.tr("{0} h {1} min")
        )

    def time_text(self, row: EstimateRow) -> str:
        est = row.estimate
        if est is None or est.time_p10_minutes is None or est.time_p90_minutes is None:
            return "—"
        return f"{self.duration(est.time_p10_minutes)} – {self.duration(est.time_p90_minutes)}"

    def inference_text(self, row: EstimateRow) -> str:
        est = row.estimate
        if est is not None and not est.inference_price_known:
            return self.tr("unknown")
        if est is not None and est.serving == "dedicated" and est.inference_cost_per_month is not None:
            return self.tr("in hosting")
        return self.money(row, "inference_cost_per_month")

    def hosting_text(self, row: EstimateRow) -> str:
        est = row.estimate
        if est is not None and not est.hosting_known:
            return self.tr("unknown")
        return self.money(row, "hosting_cost_per_month")

    def tco_text(self, row: EstimateRow) -> str:
        est = row.estimate
        if est is None:
            return ""
        text = format_money(est.tco, est.currency)
        if est.tco is not None and not est.tco_complete:
            text = "≥" + text
        return text

    def badge_text(self, badge: display.Badge) -> str:
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

    def badges_text(self, badges: tuple[display.Badge, ...]) -> str:
        if not badges:
            return self.tr("open")
        return " · ".join(self.badge_text(badge) for badge in badges)

    def counts_text(self, row: EstimateRow) -> str:
        if row.entry.exact_tokens:
            return self.tr("exact")
        return self.tr("≈ ±{0}").format(display.share_text(row.entry.token_error))

    # ------------------------------------------------------ tooltips, colours
    def tooltip(self, row: EstimateRow, column: int) -> str | None:
        est = row.estimate
        if column == COL_MODEL:
            lines = [row.entry.key]
            if row.entry.key == self.chosen:
                lines.append(self.tr("★ The model the plan goes with (see the Summary page)."))
            if row.message:
                lines.append(row.message)
            if est is not None:
                lines.extend(f"• {say(warning)}" for warning in est.warnings)
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
            return self.tr("Median (P50): {0}").format(self.duration(est.time_p50_minutes))
        if column == COL_TCO:
            lines = [
                self.tr("Running costs counted for {0} of {1} months").format(
                    f"{est.months_counted:.1f}", est.months
                )
            ]
            if not est.tco_complete and est.tco is not None:
                lines.append(self.tr("Incomplete: no published price for running the fine-tuned model"))
            return "\n".join(lines)
        if column in (COL_INFERENCE, COL_HOSTING):
            lines = [row.entry.serving_note] if row.entry.serving_note else []
            if est.running_costs_as_of is not None:
                lines.append(self.tr("Prices as of {0}").format(est.running_costs_as_of.isoformat()))
            lines.extend(est.running_costs_sources)
            return "\n".join(lines) or None
        if column == COL_LIFECYCLE:
            lines = [say(est.launch_status)]
            if row.entry.job_deadline:
                lines.append(self.tr("New jobs until {0}").format(row.entry.job_deadline.isoformat()))
            lines.append(self.tr("Prices as of {0}").format(est.price_as_of.isoformat()))
            lines.extend(est.sources)
            return "\n".join(lines)
        return None

    def foreground(self, row: EstimateRow, column: int) -> QColor | None:
        if column == COL_LIFECYCLE and any(b.blocking or b.kind == display.STALE for b in row.badges):
            return QColor(WARNING_COLOR)
        if row.state == STATE_ERROR and column in (COL_TOKENS, COL_TRAINING):
            return QColor(WARNING_COLOR)
        if row.estimate is None and column in (COL_TOKENS, COL_TRAINING):
            return self.widget.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    # ------------------------------------------------------------------ export
    def csv_text(self, model: CheckableRowsModel, proxy: QSortFilterProxyModel) -> str:
        """The table as shown (display text) plus exact money columns, as CSV text."""
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ")
            for c in range(model.columnCount())
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
        for i in range(proxy.rowCount()):
            source = proxy.mapToSource(proxy.index(i, 0)).row()
            row: EstimateRow = model.row(source)
            cells = [model.data(model.index(source, c)) for c in range(model.columnCount())]
            included = self.tr("yes") if row.entry.key in self.document.plan.models else ""
            currency = row.estimate.currency if row.estimate else ""
            writer.writerow([included, *cells, row.entry.key, currency, *exact_amounts(row)])
        return out.getvalue()
