"""The training cost of each compared model as horizontal bars (light bars: approximate token counts)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ftplanner.core.estimate import Estimate
from ftplanner.plots.palette import ACCENT, ACCENT_LIGHT

MIN_SLOTS = 6  # thin bars when few models are shown


def plot_training_costs(
    axes: Any,
    rows: Sequence[Estimate],
    *,
    labels: Sequence[str],
    texts: Sequence[str],
    foreground: str,
) -> None:
    """One bar per estimate with a known training cost, first row on top, each with its ``texts`` label."""
    values = [float(row.training_cost) for row in rows if row.training_cost is not None]
    colors = [ACCENT if row.exact_tokens else ACCENT_LIGHT for row in rows]
    positions = list(range(len(values)))
    bars = axes.barh(positions, values, color=colors, height=0.6)
    axes.set_yticks(positions, list(labels))
    axes.set_ylim(max(len(values), MIN_SLOTS) - 0.5, -0.5)
    axes.bar_label(bars, labels=list(texts), padding=3, fontsize=8, color=foreground)
    axes.margins(x=0.18)
    axes.grid(True, axis="x", alpha=0.25)
    axes.grid(False, axis="y")
