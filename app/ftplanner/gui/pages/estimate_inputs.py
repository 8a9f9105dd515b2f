"""The Estimate page's "Plan inputs" box: epochs, horizon, currency and traffic, written into the plan.

Edits go straight into the document's plan (then ``document.edited()``); :meth:`PlanInputsBox.sync`
shows the plan again, and :meth:`PlanInputsBox.resolve_currency` says which currency the amounts use.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGridLayout, QGroupBox, QLabel, QSpinBox, QWidget

from ftplanner.core.errors import UserError
from ftplanner.core.money import BASE_CURRENCY, check_currency, decimal_text
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument

WARNING_COLOR = "#c0392b"
MAX_REQUESTS = 2_000_000_000
MAX_TOKENS = 10_000_000


def set_warning(label: QLabel, warning: bool) -> None:
    """Show ``label`` in the warning colour, or normally."""
    label.setStyleSheet(f"color: {WARNING_COLOR};" if warning else "")


class PlanInputsBox(QGroupBox):
    """Spin boxes and the currency choice for the plan's estimate inputs."""

    def __init__(self, document: PlanDocument, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Plan inputs"))
        self.document = document
        self.context = context
        self._syncing = False
        grid = QGridLayout(self)
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

    def sync(self) -> None:
        """Show the plan's inputs (without writing them back)."""
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

    def resolve_currency(self) -> str:
        """The plan's currency when a rate is known; otherwise USD, saying why."""
        wanted = self.document.plan.currency
        try:
            code = check_currency(wanted)
        except UserError:
            self.rate_label.setText(self.tr("Unknown currency {0}: amounts are shown in USD.").format(wanted))
            set_warning(self.rate_label, True)
            return BASE_CURRENCY
        rate = self.context.rates.get(code)
        if rate is None:
            self.rate_label.setText(
                self.tr(
                    "No exchange rate for {0}: amounts are shown in USD. Set a rate on the Pricing page."
                ).format(code)
            )
            set_warning(self.rate_label, True)
            return BASE_CURRENCY
        if code == BASE_CURRENCY:
            self.rate_label.setText(self.tr("Catalog prices are in USD."))
            set_warning(self.rate_label, False)
        else:
            stale = rate.is_stale(self.context.today)
            text = self.tr("{0} {1} per USD (set {2})").format(
                decimal_text(rate.per_usd), code, rate.set_on.isoformat()
            )
            if stale:
                text += self.tr(" — older than 30 days")
            self.rate_label.setText(text)
            set_warning(self.rate_label, stale)
        return code
