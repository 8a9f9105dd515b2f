"""ROI charts and the approach comparison: every figure drawn comes from the core's result dict."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from ftplanner.core.roi import RoiResult
from ftplanner.core.roi_outcome import ApproachFigures, RoiOutcome, money
from ftplanner.gui.charts import ChartCanvas
from ftplanner.gui.say import say
from ftplanner.plots.palette import ACCENT, ACCENT_LIGHT, TORNADO_BARS, short
from ftplanner.plots.roi import AXIS_FORMAT, plain, plot_fan, plot_npv_histogram, plot_tornado

LABEL_CHARS = 34


class Labels(QObject):
    """Translated words shared by the cards, the charts and the comparison (one place for Qt Linguist)."""

    def month(self, value: int | None) -> str:
        return self.tr("never") if value is None else self.tr("month {0}").format(value)

    def percent(self, value: float | None) -> str:
        """A figure already in percent (ROI %)."""
        return "—" if value is None else self.tr("{0} %").format(f"{value:,.1f}")

    def rate(self, value: float | None) -> str:
        """A rate as a fraction (IRR, probabilities) shown in percent."""
        if value is None:
            return self.tr("none")
        if value > 10:
            return self.tr("above 1,000 %")
        return self.tr("{0} %").format(f"{value:,.1%}".rstrip("%"))

    def approach(self, key: str) -> str:
        names = {
            "prompt_engineering": self.tr("Prompt engineering"),
            "rag": self.tr("RAG"),
            "fine_tuning": self.tr("Fine-tuning"),
        }
        return names.get(key, key)

    def level(self, word: str) -> str:
        names = {
            "low": self.tr("low"),
            "medium": self.tr("medium"),
            "high": self.tr("high"),
            "highest": self.tr("highest"),
            "easy": self.tr("easy"),
            "complex": self.tr("complex"),
        }
        return names.get(word, word)


class RoiCharts(QTabWidget):
    """Tabs: cumulative cash fan chart, NPV histogram, tornado, approach comparison."""

    def __init__(self, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.fan = ChartCanvas(self, height=3.4)
        self.histogram = ChartCanvas(self, height=3.4)
        self.tornado = ChartCanvas(self, height=3.4)
        self.approaches = ApproachPanel(labels)
        self.addTab(self.fan, self.tr("Cash flow"))
        self.addTab(self.histogram, self.tr("NPV distribution"))
        self.addTab(self.tornado, self.tr("What moves the NPV"))
        self.addTab(self.approaches, self.tr("Approaches"))
        self.setTabToolTip(
            0, self.tr("Cumulative net cash by month: P10–P90 band of the draws and the median.")
        )
        self.setTabToolTip(1, self.tr("How the NPV spreads over the Monte Carlo draws."))
        self.setTabToolTip(
            2, self.tr("Each uncertain input at its low and its high value, the others at likely.")
        )
        self.setTabToolTip(3, self.tr("Prompt engineering, RAG and fine-tuning on the same benefits."))
        self.show_message(self.tr("Computing…"))

    def show_message(self, text: str) -> None:
        for canvas in (self.fan, self.histogram, self.tornado):
            canvas.show_message(text)
        self.approaches.show_message(text)

    def show_outcome(self, outcome: RoiOutcome) -> None:
        currency = outcome.scenario.currency
        self.draw_fan(outcome.result, currency)
        self.draw_histogram(outcome.result, currency)
        self.draw_tornado(outcome.result, currency)
        self.approaches.show_approaches(outcome.approaches, currency)

    # ------------------------------------------------------------------ fan
    def _legend(self, canvas: ChartCanvas, axes: Any, **kwargs: Any) -> None:
        background, foreground = canvas.colors()
        legend = axes.legend(
            fontsize=8, facecolor=background, edgecolor=foreground, labelcolor=foreground, **kwargs
        )
        legend.get_frame().set_alpha(0.85)

    def draw_fan(self, result: RoiResult, currency: str) -> None:
        canvas = self.fan
        axes = canvas.fresh_axes()
        _, foreground = canvas.colors()
        plot_fan(
            axes,
            result,
            foreground=foreground,
            band=self.tr("P10–P90 of the draws"),
            median=self.tr("Median (P50)"),
            likely=self.tr("Likely values"),
            payback=lambda month: self.tr("Payback (likely): {0}").format(self.labels.month(month)),
        )
        axes.set_xlabel(self.tr("Month of the plan"))
        axes.set_ylabel(self.tr("Cumulative net cash ({0})").format(currency))
        self._legend(canvas, axes, loc="upper left")
        canvas.draw_idle()

    # ------------------------------------------------------------ histogram
    def draw_histogram(self, result: RoiResult, currency: str) -> None:
        canvas = self.histogram
        axes = canvas.fresh_axes()
        _, foreground = canvas.colors()
        mc = result.monte_carlo
        plot_npv_histogram(
            axes,
            result,
            foreground=foreground,
            likely=self.tr("Likely NPV"),
            p10_p90=self.tr("P10 and P90"),
            nbins=6,
        )
        axes.set_xlabel(self.tr("NPV ({0})").format(currency))
        axes.set_ylabel(self.tr("Draws"))
        axes.set_title(
            self.tr("Chance NPV > 0: {0} of {1} draws").format(
                self.labels.rate(mc.prob_npv_positive), f"{mc.draws:,}"
            ),
            fontsize=9,
            color=foreground,
        )
        self._legend(canvas, axes, loc="upper left")
        canvas.draw_idle()

    # -------------------------------------------------------------- tornado
    def draw_tornado(self, result: RoiResult, currency: str) -> None:
        canvas = self.tornado
        bars = result.tornado[:TORNADO_BARS]
        if not bars:
            canvas.show_message(self.tr("No uncertain inputs: every amount is fixed."))
            return
        axes = canvas.fresh_axes()
        _, foreground = canvas.colors()
        npv = result.deterministic.npv
        plot_tornado(
            axes,
            bars,
            npv,
            foreground=foreground,
            tick_labels=[
                f"{short(say(bar.name), LABEL_CHARS)}\n{money(bar.input_low, currency)} – "
                f"{money(bar.input_high, currency)}"
                for bar in bars
            ],
            low=self.tr("Input at its low value"),
            high=self.tr("Input at its high value"),
            width=14 if len(bars) <= 8 else 9,
            nbins=6,
        )
        axes.set_xlabel(
            plain(self.tr("NPV ({0}); the line is the likely NPV {1}").format(currency, money(npv, currency)))
        )
        self._legend(canvas, axes, loc="lower right")
        canvas.draw_idle()


class ApproachPanel(QSplitter):
    """Prompt engineering, RAG and fine-tuning side by side: a table and NPV bars with P10–P90 whiskers."""

    def __init__(self, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.labels = labels
        self.rows = [
            ("npv", self.tr("NPV (likely)")),
            ("npv_range", self.tr("NPV P10 – P90")),
            ("roi", self.tr("ROI (likely)")),
            ("irr", self.tr("IRR (annual)")),
            ("payback", self.tr("Payback (likely)")),
            ("prob", self.tr("Chance ROI > 0")),
            ("cost", self.tr("Total cost (likely)")),
            ("profile", self.tr("Cost · accuracy · upkeep")),
        ]
        self.table = QTableWidget(len(self.rows), 0)
        self.table.setVerticalHeaderLabels([label for _, label in self.rows])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(
            self.tr(
                "Each approach's cost structure applied to this scenario's benefits, scaled by the share of the "
                "full benefit the approach is expected to reach. The column marked 'as written' is this "
                "scenario unchanged. Same draws and seed for all three."
            )
        )
        self.chart = ChartCanvas(self, height=2.4)
        self.addWidget(self.table)
        self.addWidget(self.chart)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)

    def show_message(self, text: str) -> None:
        self.chart.show_message(text)

    def column_title(self, approach: ApproachFigures) -> str:
        name = self.labels.approach(approach.key)
        return self.tr("{0}\n(as written)").format(name) if approach.as_written else name

    def show_approaches(self, approaches: tuple[ApproachFigures, ...], currency: str) -> None:
        labels = self.labels
        self.table.setColumnCount(len(approaches))
        self.table.setHorizontalHeaderLabels([self.column_title(a) for a in approaches])
        for column, approach in enumerate(approaches):
            f = approach.figures
            mc = f["monte_carlo"]
            values = {
                "npv": money(f["npv"], currency),
                "npv_range": f"{money(mc['npv']['p10'], currency)} –\n{money(mc['npv']['p90'], currency)}",
                "roi": labels.percent(f["roi_pct"]),
                "irr": labels.rate(f["irr_annual"]),
                "payback": labels.month(f["payback_month"]),
                "prob": labels.rate(mc["prob_roi_positive"]),
                "cost": money(f["total_cost"], currency),
                "profile": " · ".join(
                    labels.level(word)
                    for word in (approach.cost_level, approach.accuracy, approach.maintenance)
                ),
            }
            for row, (key, _) in enumerate(self.rows):
                cell = QTableWidgetItem(values[key])
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if approach.as_written:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.table.setMinimumHeight(
            self.table.horizontalHeader().height() + self.table.verticalHeader().length() + 4
        )
        self.draw(approaches, currency)

    def draw(self, approaches: tuple[ApproachFigures, ...], currency: str) -> None:
        canvas = self.chart
        axes = canvas.fresh_axes()
        _, foreground = canvas.colors()
        positions = list(range(len(approaches)))
        colours = [ACCENT if a.as_written else ACCENT_LIGHT for a in approaches]
        axes.bar(positions, [a.figures["npv"] for a in approaches], color=colours, width=0.55)
        axes.vlines(
            positions,
            [a.figures["monte_carlo"]["npv"]["p10"] for a in approaches],
            [a.figures["monte_carlo"]["npv"]["p90"] for a in approaches],
            colors=foreground,
            linewidth=1.5,
        )
        axes.scatter(
            positions + positions,
            [a.figures["monte_carlo"]["npv"]["p10"] for a in approaches]
            + [a.figures["monte_carlo"]["npv"]["p90"] for a in approaches],
            color=foreground,
            marker="_",
            s=120,
        )
        axes.axhline(0, color=foreground, linewidth=0.9)
        axes.set_xticks(positions, [self.column_title(a) for a in approaches], fontsize=8)
        axes.grid(False, axis="x")
        axes.yaxis.set_major_formatter(AXIS_FORMAT)
        axes.set_ylabel(self.tr("NPV ({0})").format(currency))
        axes.set_title(
            self.tr("Bars: likely NPV · whiskers: P10 – P90 of the draws"), fontsize=9, color=foreground
        )
        canvas.draw_idle()
