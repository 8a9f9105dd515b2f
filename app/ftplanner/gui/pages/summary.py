"""Summary page: the plan's answer in one place — what to do, what it costs, when it pays back, what could go
wrong — rendered from the core's plan evaluation (the same object the CLI's ``ftplanner plan`` and the report's
first page show)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ftplanner.core import formatting as fmt
from ftplanner.core.evaluation import W_CURRENCY, PlanEvaluation
from ftplanner.core.plan import MAX_DESCRIPTION, MAX_NAME_CHARS
from ftplanner.core.recommendation import CHOSEN_BY_USER, Risk
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.evaluator import PlanEvaluator
from ftplanner.gui.widgets import CardRow, TaskProgress

RISK_COLOUR = "#c77700"
ERROR_COLOUR = "#c0392b"


class SummaryPage(QWidget):
    """Renders :attr:`PlanEvaluator.result`; edits only the plan's name, description and chosen model."""

    status = Signal(str)
    problem_changed = Signal(str)  # why the plan cannot be evaluated, "" once it can
    launch_requested = Signal(str)  # catalog key of the model to launch
    export_requested = Signal()

    def __init__(
        self,
        document: PlanDocument,
        context: AppContext,
        evaluator: PlanEvaluator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self.evaluator = evaluator
        self._syncing = False

        # ---------------------------------------------------------------- plan properties
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME_CHARS)
        self.name.setToolTip(self.tr("The plan's name: the report's title"))
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(
            self.tr("What is this plan for? (shown under the report's title)")
        )
        self.description.setFixedHeight(54)
        self.description.setTabChangesFocus(True)
        properties = QGroupBox(self.tr("Plan"))
        form = QFormLayout(properties)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Description"), self.description)

        # ---------------------------------------------------------------- the answer
        self.headline = QLabel()
        self.headline.setObjectName("summaryHeadline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setObjectName("hint")
        self.choice = QComboBox()
        self.choice.setMinimumContentsLength(28)
        self.choice.setToolTip(
            self.tr(
                "The model the plan goes with: the recommendation (the cheapest launchable model that fits the "
                "per-example limit and is served through the plan's horizon), or one you choose."
            )
        )
        self.launch_button = QPushButton(self.tr("Launch this model…"))
        self.launch_button.setToolTip(self.tr("Open the Jobs page's launch form with this model"))
        self.export_button = QPushButton(self.tr("Export report…"))
        self.export_button.setToolTip(self.tr("Write the PDF report (and CSV files) of this plan"))
        self.progress = TaskProgress(evaluator.runner, self.tr("Cancel"))
        self.progress.setMaximumWidth(280)
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel(self.tr("Model")))
        choice_row.addWidget(self.choice, 1)
        choice_row.addWidget(self.launch_button)
        choice_row.addWidget(self.export_button)

        self.cost_cards = CardRow(
            {
                "training": self.tr("Training cost"),
                "time": self.tr("Training time P10–P90"),
                "running": self.tr("Running cost / month"),
            },
            columns=3,
        )
        self.roi_cards = CardRow(
            {
                "npv": self.tr("NPV (P50)"),
                "roi": self.tr("ROI (P50)"),
                "payback": self.tr("Payback (P50)"),
                "chance": self.tr("Chance ROI > 0"),
            },
            columns=4,
        )
        self.ranges: dict[str, QLabel] = {}
        for row in (self.cost_cards, self.roi_cards):
            for key, card in row.cards.items():
                label = QLabel("")
                label.setObjectName("cardRange")
                label.setWordWrap(True)
                card.layout().addWidget(label)
                self.ranges[key] = label
        self.risks = QLabel()
        self.risks.setWordWrap(True)
        self.risks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        risks_box = QGroupBox(self.tr("Top risks"))
        QVBoxLayout(risks_box).addWidget(self.risks)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.setVisible(False)

        answer = QGroupBox(self.tr("Recommendation"))
        box = QVBoxLayout(answer)
        box.addWidget(self.headline)
        box.addWidget(self.reason)
        box.addLayout(choice_row)

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(properties)
        layout.addWidget(answer)
        layout.addWidget(self.error)
        layout.addWidget(self.cost_cards)
        layout.addWidget(self.roi_cards)
        layout.addWidget(risks_box)
        layout.addStretch(1)

        self.name.textEdited.connect(self._name_edited)
        self.description.textChanged.connect(self._description_edited)
        self.choice.activated.connect(self._choice_made)
        self.launch_button.clicked.connect(self._launch)
        self.export_button.clicked.connect(self.export_requested)
        self.document.changed.connect(self._sync_properties)
        self.document.path_changed.connect(self._sync_properties)
        evaluator.evaluated.connect(self.show_evaluation)
        evaluator.failed.connect(self._show_failure)
        self._sync_properties()
        self.show_evaluation(evaluator.result)

    # ------------------------------------------------------------------ plan properties
    def _sync_properties(self) -> None:
        plan = self.document.plan
        self._syncing = True
        try:
            if self.name.text() != plan.name:
                self.name.setText(plan.name)
            if self.description.toPlainText() != plan.description:
                self.description.setPlainText(plan.description)
        finally:
            self._syncing = False

    def _name_edited(self, text: str) -> None:
        if not self._syncing and text.strip() and text != self.document.plan.name:
            self.document.plan.name = text
            self.document.edited()

    def _description_edited(self) -> None:
        text = self.description.toPlainText()[:MAX_DESCRIPTION]
        if not self._syncing and text != self.document.plan.description:
            self.document.plan.description = text
            self.document.edited()

    def _choice_made(self, index: int) -> None:
        key = self.choice.itemData(index) or ""
        if key != self.document.plan.chosen_model:
            self.document.plan.chosen_model = key
            self.document.edited()

    def _launch(self) -> None:
        result = self.evaluator.result
        if result is not None and result.recommendation.model:
            self.launch_requested.emit(result.recommendation.model)

    # ------------------------------------------------------------------ rendering
    def units(self) -> fmt.Units:
        return fmt.Units(
            minutes=self.tr("{value} min"),
            hours=self.tr("{value} h"),
            month=self.tr("month {month}"),
            never=self.tr("never"),
            percent=self.tr("{value} %"),
            none=self.tr("none"),
            above_1000=self.tr("above 1,000 %"),
        )

    def _fill_choice(self, evaluation: PlanEvaluation) -> None:
        self.choice.blockSignals(True)
        self.choice.clear()
        recommended = next(
            (r for r in evaluation.rows if r.key == evaluation.recommendation.model and r.estimate), None
        )
        if evaluation.recommendation.chosen_by == CHOSEN_BY_USER:
            label = self.tr("Recommended")
        elif recommended is not None and recommended.estimate is not None:
            label = self.tr("Recommended: {0}").format(recommended.estimate.display_name)
        else:
            label = self.tr("Recommended (none yet)")
        self.choice.addItem(label, "")
        for row in evaluation.rows:
            name = row.entry.display_name if row.entry is not None else row.key
            provider = row.entry.provider_name or row.entry.provider if row.entry is not None else ""
            self.choice.addItem(f"{name} ({provider})" if provider else name, row.key)
        index = (
            self.choice.findData(self.document.plan.chosen_model) if self.document.plan.chosen_model else 0
        )
        self.choice.setCurrentIndex(max(0, index))
        self.choice.blockSignals(False)

    def show_evaluation(self, evaluation: PlanEvaluation | None) -> None:
        if evaluation is None:
            self.headline.setText(self.tr("Evaluating the plan…"))
            return
        fallback = next((w for w in evaluation.warnings if w.kind == W_CURRENCY), None)
        self.error.setText(
            self.tr(
                "No exchange rate for {0}: amounts are shown in USD. Set a rate on the Pricing page."
            ).format(fallback.values.get("currency", ""))
            if fallback is not None
            else ""
        )
        self.error.setVisible(fallback is not None)
        self.problem_changed.emit("")  # the plan evaluates again: an earlier failure is fixed
        units = self.units()
        s, cur = evaluation.summary, evaluation.currency
        self._fill_choice(evaluation)
        if s.model is None:
            self.headline.setText(self.tr("No model to go with yet"))
            self.reason.setText(
                self.tr("Tick the models to compare on the Estimate page (with a dataset open).")
                if not evaluation.rows
                else self.tr("No compared model can be launched with a known price.")
            )
        else:
            self.headline.setText(
                self.tr("Go with {0} ({1})").format(s.display_name, s.provider)
                if s.chosen_by != CHOSEN_BY_USER
                else self.tr("Going with {0} ({1})").format(s.display_name, s.provider)
            )
            self.reason.setText(self._reason(evaluation))
        self.launch_button.setEnabled(s.model is not None)

        self.cost_cards.set("training", fmt.money(s.training_cost, cur, units))
        low_high = (
            self.tr("±token uncertainty: {0} – {1}").format(
                fmt.money(s.training_cost_low, cur, units), fmt.money(s.training_cost_high, cur, units)
            )
            if s.training_cost_low is not None and s.training_cost_low != s.training_cost_high
            else ""
        )
        self.ranges["training"].setText(low_high)
        self.cost_cards.set("time", fmt.time_range(s.time_p10_minutes, s.time_p90_minutes, units))
        self.ranges["time"].setText(
            self.tr("P50: {0}").format(fmt.duration(s.time_p50_minutes, units))
            if s.time_p50_minutes is not None
            else ""
        )
        self.cost_cards.set("running", fmt.money(s.running_cost_per_month, cur, units))
        traffic = evaluation.traffic
        self.ranges["running"].setText(
            self.tr("inference + hosting at {0} requests / month").format(f"{traffic.requests_per_month:,}")
            if traffic is not None and s.running_cost_per_month is not None
            else self.tr("inference price unknown")
            if s.model is not None
            else ""
        )

        def money(value: float | None) -> str:
            return fmt.money(value, cur, units)

        roi = evaluation.roi is not None
        self.roi_cards.set("npv", money(s.npv_p50) if roi else "—")
        self.ranges["npv"].setText(self._range(s.npv_p10, s.npv_p90, money) if roi else "")
        self.roi_cards.set("roi", fmt.percent(s.roi_percent_p50, units) if roi else "—")
        self.ranges["roi"].setText(
            self._range(s.roi_percent_p10, s.roi_percent_p90, lambda v: fmt.percent(v, units)) if roi else ""
        )
        self.roi_cards.set("payback", fmt.month(s.payback_month_p50, units) if roi else "—")
        self.ranges["payback"].setText(
            self._range(s.payback_month_p10, s.payback_month_p90, lambda v: fmt.month(v, units))
            if roi
            else ""
        )
        self.roi_cards.set("chance", fmt.fraction(s.chance_roi_positive, units) if roi else "—")
        self.ranges["chance"].setText(
            self.tr("{0:,} simulated outcomes").format(evaluation.roi.monte_carlo.draws)
            if evaluation.roi is not None
            else self.tr("no ROI scenario")
        )
        risks = [self._risk(risk) for risk in s.risks]
        self.risks.setText("\n".join(f"• {text}" for text in risks) if risks else self.tr("No risk flagged."))
        self.risks.setStyleSheet(f"color: {RISK_COLOUR};" if risks else "")
        currency = ""
        if evaluation.currency != "USD" and evaluation.rate_set_on is not None:
            currency = self.tr(" Money in {0} at {1} per USD (set {2}).").format(
                cur, evaluation.exchange_rate, evaluation.rate_set_on.isoformat()
            )
        self.status.emit(self.tr("Plan evaluated.") + currency)

    def _range(self, low, high, shown) -> str:
        return self.tr("P10–P90: {0} – {1}").format(shown(low), shown(high))

    def _reason(self, evaluation: PlanEvaluation) -> str:
        rec = evaluation.recommendation
        end = rec.values.get("horizon_end")
        texts = {
            "user_choice": self.tr("Chosen by you. The recommendation is listed first in the model box."),
            "cheapest_fit": self.tr(
                "The cheapest launchable model that fits every example and is served past {0}."
            ),
            "cheapest_retiring": self.tr(
                "The cheapest launchable model that fits every example; none is served past {0}."
            ),
            "cheapest_truncating": self.tr(
                "The cheapest launchable model; every one truncates some examples."
            ),
        }
        text = texts.get(rec.code, rec.text)
        return text.format(end.isoformat()) if end is not None and "{0}" in text else text

    def _risk(self, risk: Risk) -> str:
        v = {
            k: (value.isoformat() if hasattr(value, "isoformat") else value)
            for k, value in risk.values.items()
        }
        texts = {
            "retires": lambda: self.tr("{0} retires on {1}, before the plan ends ({2}).").format(
                v["model"], v["date"], v["end"]
            ),
            "launch_deadline": lambda: self.tr(
                "No new fine-tuning jobs on {0} after {1}: later retraining needs another model."
            ).format(v["model"], v["date"]),
            "stale_prices": lambda: self.tr("Prices as of {0} are more than 180 days old.").format(v["date"]),
            "approximate_tokens": lambda: self.tr(
                "Token counts are approximate ({0} stand-in, ±{1:.0%})."
            ).format(v["encoding"], float(v["error"])),
            "no_inference_price": lambda: self.tr(
                "No inference price for {0}: running costs exclude inference."
            ).format(v["model"]),
            "truncated": lambda: self.tr(
                "{0} example(s) exceed the per-example limit and will be truncated."
            ).format(v["count"]),
            "data_errors": lambda: self.tr("{0} line(s) of the dataset have data errors.").format(v["count"]),
            "dataset_missing": lambda: self.tr("Dataset not found: {0}").format(v["path"]),
            "roi_unlikely": lambda: self.tr(
                "ROI is positive in only {0:.0%} of the simulated outcomes."
            ).format(float(v["chance"])),
            "rate_stale": lambda: self.tr("The exchange rate is more than 30 days old."),
        }
        maker = texts.get(risk.code)
        return maker() if maker is not None else risk.text

    def _show_failure(self, message: str) -> None:
        self.error.setText(self.tr("The plan cannot be evaluated: {0}").format(message))
        self.error.setVisible(True)
        self.problem_changed.emit(message)
