"""The Estimate page's bar chart of training costs (drawn by :func:`ftplanner.plots.costs.plot_training_costs`)."""

from __future__ import annotations

from collections.abc import Callable

from ftplanner.core.estimate_rows import EstimateRow
from ftplanner.gui.charts import ChartCanvas
from ftplanner.plots.costs import plot_training_costs

CHART_MAX_BARS = 15


class EstimateChart(ChartCanvas):
    """Training cost per model, at most :data:`CHART_MAX_BARS` bars."""

    def draw_rows(self, rows: list[EstimateRow], currency: str, text: Callable[[EstimateRow], str]) -> None:
        """Draw ``rows`` (each with a known training cost); ``text`` labels a bar with its cost."""
        if not rows:
            self.show_message(self.tr("No training cost to show yet"))
            return
        total = len(rows)
        rows = rows[:CHART_MAX_BARS]
        currency = rows[0].estimate.currency if rows[0].estimate else currency
        axes = self.fresh_axes()
        _, foreground = self.colors()
        plot_training_costs(
            axes,
            [r.estimate for r in rows if r.estimate is not None],
            labels=[f"{r.entry.display_name} ({r.entry.provider_name or r.entry.provider})" for r in rows],
            texts=[text(r) for r in rows],
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
        self.draw_idle()
