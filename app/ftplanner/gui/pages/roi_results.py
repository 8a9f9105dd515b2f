"""ROI page results header: headline cards (likely value and P10–P90 range), summary line and warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ftplanner.core.roi_outcome import RoiOutcome, money
from ftplanner.gui.pages.roi_charts import Labels
from ftplanner.gui.say import say
from ftplanner.gui.widgets import CardRow

WARNING_COLOUR = "#c77700"


class RoiResults(QWidget):
    """The figures of one result, each card with its definition as tooltip."""

    def __init__(self, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.cards = CardRow(
            {
                "npv": self.tr("NPV (likely)"),
                "roi": self.tr("ROI (likely)"),
                "irr": self.tr("IRR (annual)"),
                "payback": self.tr("Payback (likely)"),
                "prob": self.tr("Chance ROI > 0"),
            },
            columns=5,
        )
        self.ranges: dict[str, QLabel] = {}
        for key, card in self.cards.cards.items():
            label = QLabel("")
            label.setObjectName("cardRange")
            label.setWordWrap(True)
            card.layout().addWidget(label)
            self.ranges[key] = label
        self.definitions = {
            "npv": self.tr(
                "NPV = Σ_t net_t / (1 + r_m)^t for t = 0..horizon, with the monthly rate r_m = (1 + r)^(1/12) − 1. "
                "Deterministic results use the likely values; the range is P10–P90 of the Monte Carlo draws."
            ),
            "roi": self.tr(
                "ROI % = (Σ benefits − Σ costs) / Σ costs × 100, undiscounted. Deterministic results use the "
                "likely values; the range is P10–P90 of the Monte Carlo draws."
            ),
            "irr": self.tr(
                "IRR: monthly IRR of net flows, annualised (1 + irr_m)^12 − 1; none when undefined. "
                "Deterministic results use the likely values."
            ),
            "payback": self.tr(
                "Payback month: first t with cumulative net ≥ 0 after at least one cost; none if never. "
                "Deterministic results use the likely values; the range is P10–P90 of the Monte Carlo draws."
            ),
            "prob": self.tr(
                "Share of the Monte Carlo draws with ROI > 0 (a draw without costs has no ROI). "
                "Below: the share with NPV > 0 and the share that pays back within the horizon."
            ),
        }
        for key, text in self.definitions.items():
            self.cards.cards[key].setToolTip(text)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("roiWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cards)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)

    def show_outcome(self, outcome: RoiOutcome) -> None:
        f = outcome.figures
        mc = f["monte_carlo"]
        cur = f["currency"]
        labels = self.labels
        span = self.tr("P10–P90: {0} – {1}")
        self._card(
            "npv",
            money(f["npv"], cur),
            span.format(money(mc["npv"]["p10"], cur), money(mc["npv"]["p90"], cur)),
        )
        self._card(
            "roi",
            labels.percent(f["roi_pct"]),
            span.format(labels.percent(mc["roi_pct"]["p10"]), labels.percent(mc["roi_pct"]["p90"])),
        )
        self._card(
            "irr", labels.rate(f["irr_annual"]), self.tr("monthly: {0}").format(labels.rate(f["irr_monthly"]))
        )
        payback = mc["payback_month"]
        self._card(
            "payback",
            labels.month(f["payback_month"]),
            span.format(labels.month(payback["p10"]), labels.month(payback["p90"])),
        )
        self._card(
            "prob",
            labels.rate(mc["prob_roi_positive"]),
            self.tr("NPV > 0: {0} · pays back: {1}").format(
                labels.rate(mc["prob_npv_positive"]), labels.rate(mc["prob_payback"])
            ),
        )
        self.summary.setText(
            self.tr(
                "{0}: {1} months from {2}, discount {3} a year. Likely totals: cost {4}, benefit {5} "
                "(undiscounted). {6} draws, seed {7}."
            ).format(
                f["name"],
                f["horizon_months"],
                f["start"],
                labels.rate(f["discount_rate_annual"]),
                money(f["total_cost"], cur),
                money(f["total_benefit"], cur),
                f"{mc['draws']:,}",
                mc["seed"],
            )
        )
        warnings = f["warnings"]
        self.warnings.setText("\n".join(f"⚠ {say(warning)}" for warning in warnings))
        self.warnings.setVisible(bool(warnings))

    def _card(self, key: str, value: str, detail: str) -> None:
        self.cards.set(key, value, self.definitions[key])
        self.ranges[key].setText(detail)
