"""The ROI charts of a :class:`~ftplanner.core.roi.RoiResult`: cumulative cash fan, NPV histogram, tornado.

One drawing for the ROI page (Qt canvas, theme colours, translated labels) and the PDF report (SVG,
print colours, the report's words): callers pass the colours and the already-worded labels. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from ftplanner.core.roi import RoiResult, TornadoBar
from ftplanner.plots.palette import ACCENT, ACCENT_LIGHT, NEGATIVE, POSITIVE

AXIS_FORMAT = StrMethodFormatter("{x:,.0f}")


def plain(text: str) -> str:
    """``text`` for a Matplotlib label: a ``$`` is a dollar sign, not the start of mathematics."""
    return text.replace("$", r"\$")


def plot_fan(
    axes: Any,
    result: RoiResult,
    *,
    foreground: str,
    band: str,
    median: str,
    likely: str,
    payback: Callable[[int], str],
) -> None:
    """P10–P90 band and median of the cumulative net cash, the likely line and the payback month."""
    points = result.monte_carlo.fan
    months = [point.month for point in points]
    axes.fill_between(
        months,
        [point.p10 for point in points],
        [point.p90 for point in points],
        color=ACCENT_LIGHT,
        alpha=0.55,
        linewidth=0,
        label=band,
    )
    axes.plot(months, [point.p50 for point in points], color=ACCENT, linewidth=2, label=median)
    axes.plot(
        [row.month for row in result.deterministic.monthly],
        [row.cumulative for row in result.deterministic.monthly],
        color=foreground,
        linewidth=1,
        linestyle="--",
        label=likely,
    )
    axes.axhline(0, color=foreground, linewidth=0.9)
    month = result.deterministic.payback_month
    if month is not None:
        axes.axvline(month, color=POSITIVE, linestyle=":", linewidth=1.5, label=payback(month))
    axes.set_xlim(months[0], months[-1])
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(AXIS_FORMAT)


def plot_npv_histogram(
    axes: Any, result: RoiResult, *, foreground: str, likely: str, p10_p90: str, nbins: int
) -> None:
    """The simulated NPVs (losses in red), with zero, the likely NPV and the P10/P90 lines."""
    mc = result.monte_carlo
    edges = list(mc.histogram.edges)
    counts = list(mc.histogram.counts)
    _, _, patches = axes.hist(
        edges[:-1], bins=edges, weights=counts, color=ACCENT, edgecolor="white", linewidth=0.5
    )
    for patch, left in zip(patches, edges, strict=False):
        if left < 0:
            patch.set_facecolor(NEGATIVE)
    axes.axvline(0, color=foreground, linewidth=0.9)
    axes.axvline(result.deterministic.npv, color=foreground, linestyle="--", linewidth=1.2, label=likely)
    npv = mc.npv
    if npv.p10 is not None and npv.p90 is not None:
        axes.axvline(npv.p10, color=ACCENT_LIGHT, linestyle=":", linewidth=1.5, label=p10_p90)
        axes.axvline(npv.p90, color=ACCENT_LIGHT, linestyle=":", linewidth=1.5)
    axes.xaxis.set_major_formatter(AXIS_FORMAT)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=nbins))


def plot_tornado(
    axes: Any,
    bars: Sequence[TornadoBar],
    npv: float,
    *,
    foreground: str,
    tick_labels: Sequence[str],
    low: str,
    high: str,
    width: float,
    nbins: int,
) -> None:
    """NPV swing of each input between its low and high value, around the likely NPV (largest first)."""
    for index, bar in enumerate(bars):
        for end, color, label in ((bar.npv_low, ACCENT_LIGHT, low), (bar.npv_high, ACCENT, high)):
            axes.hlines(
                index,
                npv,
                end,
                colors=color,
                linewidth=width,
                capstyle="butt",
                label=label if index == 0 else None,
            )
    axes.axvline(npv, color=foreground, linewidth=1)
    axes.set_yticks(range(len(bars)), [plain(text) for text in tick_labels], fontsize=7.5)
    axes.set_ylim(len(bars) - 0.5, -0.5)
    axes.grid(False, axis="y")
    axes.xaxis.set_major_formatter(AXIS_FORMAT)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=nbins))
