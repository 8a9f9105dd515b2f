"""The report's charts as SVG with real text: cumulative cash fan, NPV histogram, tornado.

The same figures as the ROI page's charts (:mod:`ftplanner.plots.roi`), from the same
:class:`~ftplanner.core.roi.RoiResult` and in the same colours, drawn by :mod:`ftplanner.report.svg` without
Matplotlib or Qt. The PDF writer sets their text in the report's embedded fonts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ftplanner.core.messages import render
from ftplanner.core.roi import RoiResult, TornadoBar
from ftplanner.plots.palette import ACCENT, ACCENT_LIGHT, NEGATIVE, POSITIVE, TORNADO_BARS, short
from ftplanner.report.strings import Words
from ftplanner.report.svg import (
    DASHED,
    DOTTED,
    FOREGROUND,
    LegendEntry,
    Plot,
    Stroke,
    nice_ticks,
    padded,
)

LABEL_CHARS = 40
WIDTH_IN = 7.0  # the text width of an A4 or Letter page less its margins, in inches
_FAMILY = re.compile(r"font-family:[^;\"]*")


def with_family(svg: bytes, family: str) -> bytes:
    """Point every text of ``svg`` at ``family`` (Qt's SVG renderer takes one name; the report's CJK font
    is registered as its substitute for the glyphs it lacks)."""
    return _FAMILY.sub(f"font-family: '{family}'", svg.decode("utf-8")).encode("utf-8")


def _month_label(value: float) -> str:
    return f"{value:.0f}"


def fan_chart(result: RoiResult, currency: str, words: Words) -> Plot:
    """P10–P90 band and median of the cumulative net cash, the likely line, zero and the payback month."""
    points = result.monte_carlo.fan
    months = [float(point.month) for point in points]
    likely = result.deterministic.monthly
    values = (
        [v for point in points for v in (point.p10, point.p90)] + [row.cumulative for row in likely] + [0.0]
    )
    y_range = padded(min(values), max(values))
    x_range = (months[0], months[-1]) if months[-1] > months[0] else (months[0], months[0] + 1)
    plot = Plot(
        WIDTH_IN,
        3.1,
        x_range,
        y_range,
        title=words("fan_title"),
        x_label=words("fan_x"),
        y_label=words("fan_y", currency=currency),
        x_ticks=nice_ticks(*x_range, 9, integer=True),
        y_ticks=nice_ticks(*y_range, 7),
        x_format=_month_label,
    )
    band = (ACCENT_LIGHT, 0.55)
    median, likely_line = Stroke(ACCENT, 2.0), Stroke(FOREGROUND, 1.0, DASHED)
    plot.band(months, [p.p10 for p in points], [p.p90 for p in points], *band)
    plot.line(months, [p.p50 for p in points], median)
    plot.line([float(row.month) for row in likely], [row.cumulative for row in likely], likely_line)
    plot.hline(0.0, Stroke(FOREGROUND, 0.9))
    entries = [
        LegendEntry(words("fan_band"), fill=band[0], fill_opacity=band[1]),
        LegendEntry(words("fan_median"), median),
        LegendEntry(words("fan_likely"), likely_line),
    ]
    month = result.deterministic.payback_month
    if month is not None:
        payback = Stroke(POSITIVE, 1.5, DOTTED)
        plot.vline(float(month), payback)
        entries.append(LegendEntry(words("fan_payback", month=words.month(month)), payback))
    plot.legend(entries, "upper left")
    return plot


def histogram_chart(result: RoiResult, currency: str, words: Words) -> Plot:
    """The simulated NPVs (losses in red), with zero, the likely NPV and the P10/P90 lines."""
    mc = result.monte_carlo
    edges, counts = list(mc.histogram.edges), list(mc.histogram.counts)
    npv = result.deterministic.npv
    marks = [npv, 0.0] + [v for v in (mc.npv.p10, mc.npv.p90) if v is not None]
    x_range = padded(min(edges + marks), max(edges + marks))
    y_range = (0.0, max([*counts, 1]) * 1.05)
    plot = Plot(
        WIDTH_IN,
        2.8,
        x_range,
        y_range,
        title=words("hist_title", prob=words.rate(mc.prob_npv_positive), draws=f"{mc.draws:,}"),
        x_label=words("hist_x", currency=currency),
        y_label=words("hist_y"),
        x_ticks=nice_ticks(*x_range, 7),
        y_ticks=nice_ticks(*y_range, 6, integer=True),
    )
    for left, right, count in zip(edges, edges[1:], counts, strict=False):
        if count:
            plot.rect(left, right, 0.0, float(count), NEGATIVE if left < 0 else ACCENT, edge="#ffffff")
    plot.vline(0.0, Stroke(FOREGROUND, 0.9))
    likely = Stroke(FOREGROUND, 1.2, DASHED)
    plot.vline(npv, likely)
    entries = [LegendEntry(words("hist_likely"), likely)]
    if mc.npv.p10 is not None and mc.npv.p90 is not None:
        spread = Stroke(ACCENT_LIGHT, 1.5, DOTTED)
        plot.vline(mc.npv.p10, spread)
        plot.vline(mc.npv.p90, spread)
        entries.append(LegendEntry(words("hist_range"), spread))
    plot.legend(entries, "upper left")
    return plot


def _tornado_bins(bars: Sequence[TornadoBar], npv: float) -> int:
    """Fewer ticks for longer numbers, so ¥12,500,000 and its neighbours do not run together."""
    largest = max([abs(npv)] + [abs(v) for bar in bars for v in (bar.npv_low, bar.npv_high)])
    chars = len(f"{largest:,.0f}")
    return 7 if chars <= 7 else 5 if chars <= 9 else 4


def tornado_chart(result: RoiResult, currency: str, words: Words) -> Plot | None:
    """NPV swing of each input between its low and high value, around the likely NPV (largest first)."""
    bars = result.tornado[:TORNADO_BARS]
    if not bars:
        return None
    npv = result.deterministic.npv
    ends = [npv] + [v for bar in bars for v in (bar.npv_low, bar.npv_high)]
    x_range = padded(min(ends), max(ends))
    labels = [
        (
            short(render(bar.name, words.lang), LABEL_CHARS),
            f"{words.money(bar.input_low, currency)} – {words.money(bar.input_high, currency)}",
        )
        for bar in bars
    ]
    plot = Plot(
        WIDTH_IN,
        0.8 + 0.42 * len(bars),
        x_range,
        (len(bars) - 0.5, -0.5),  # the first (widest) bar at the top
        title=words("tornado_title"),
        x_label=words("tornado_x", currency=currency, npv=words.money(npv, currency)),
        x_ticks=nice_ticks(*x_range, _tornado_bins(bars, npv)),
        y_tick_labels=labels,
        y_grid=False,
    )
    thickness = 12.0 if len(bars) <= 8 else 9.0
    for row, bar in enumerate(bars):
        plot.hbar(row, npv, bar.npv_low, thickness, ACCENT_LIGHT)
        plot.hbar(row, npv, bar.npv_high, thickness, ACCENT)
    plot.vline(npv, Stroke(FOREGROUND, 1.0))
    plot.legend(
        [
            LegendEntry(words("tornado_low"), fill=ACCENT_LIGHT),
            LegendEntry(words("tornado_high"), fill=ACCENT),
        ],
        "lower right",
    )
    return plot
