"""The report's charts as SVG with real text: cumulative cash fan, NPV histogram, tornado.

Drawn by :mod:`ftplanner.plots.roi`, as the ROI page's charts are, on a plain :class:`Figure` with the
SVG canvas, so nothing here needs Qt or a display. Text stays text (``svg.fonttype = none``); the PDF writer
sets it in the report's embedded fonts.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from ftplanner.core.messages import render
from ftplanner.core.roi import RoiResult
from ftplanner.plots.roi import TORNADO_BARS, plain, plot_fan, plot_npv_histogram, plot_tornado, short
from ftplanner.report.fonts import cjk_face
from ftplanner.report.strings import Words

FOREGROUND = "#222222"
LABEL_CHARS = 40
WIDTH_IN = 7.0  # the text width of an A4 or Letter page less its margins, in inches
_FAMILY = re.compile(r"font-family:[^;\"]*")


@functools.cache
def configure_fonts() -> None:
    """DejaVu Sans first, then the CJK font (the same fallback order as the desktop app's charts)."""
    found = cjk_face()
    families = ["DejaVu Sans"]
    if found is not None:
        family, face = found
        if family not in {entry.name for entry in font_manager.fontManager.ttflist}:
            font_manager.fontManager.addfont(face.path)
        families.append(family)
    matplotlib.rcParams["font.family"] = [*families, "sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    # Set once rather than in an rc_context, which restores every setting on exit and so could undo a change
    # the GUI thread made meanwhile. Nothing else in the app writes SVG.
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "ftplanner-report"


def _axes(height: float) -> tuple[Figure, Any]:
    configure_fonts()
    figure = Figure(figsize=(WIDTH_IN, height), layout="constrained")
    axes = figure.add_subplot(1, 1, 1)
    axes.tick_params(labelsize=8, colors=FOREGROUND)
    axes.grid(True, alpha=0.25)
    return figure, axes


def to_svg(figure: Figure) -> bytes:
    """The figure as SVG bytes with text kept as text (reproducible: no date, fixed ids)."""
    out = io.BytesIO()
    configure_fonts()
    FigureCanvasSVG(figure).print_svg(out, metadata={"Date": None})
    return out.getvalue()


def with_family(svg: bytes, family: str) -> bytes:
    """Point every text of ``svg`` at ``family`` (Qt's SVG renderer takes one name; the report's CJK font
    is registered as its substitute for the glyphs it lacks)."""
    return _FAMILY.sub(f"font-family: '{family}'", svg.decode("utf-8")).encode("utf-8")


def fan_chart(result: RoiResult, currency: str, words: Words) -> Figure:
    figure, axes = _axes(3.1)
    plot_fan(
        axes,
        result,
        foreground=FOREGROUND,
        band=words("fan_band"),
        median=words("fan_median"),
        likely=words("fan_likely"),
        payback=lambda month: words("fan_payback", month=words.month(month)),
    )
    axes.set_xlabel(words("fan_x"), fontsize=8.5)
    axes.set_ylabel(words("fan_y", currency=currency), fontsize=8.5)
    axes.set_title(words("fan_title"), fontsize=9.5)
    axes.legend(fontsize=7.5, loc="upper left")
    return figure


def histogram_chart(result: RoiResult, currency: str, words: Words) -> Figure:
    figure, axes = _axes(2.8)
    mc = result.monte_carlo
    plot_npv_histogram(
        axes,
        result,
        foreground=FOREGROUND,
        likely=words("hist_likely"),
        p10_p90=words("hist_range"),
        nbins=7,
    )
    axes.set_xlabel(words("hist_x", currency=currency), fontsize=8.5)
    axes.set_ylabel(words("hist_y"), fontsize=8.5)
    axes.set_title(
        words("hist_title", prob=words.rate(mc.prob_npv_positive), draws=f"{mc.draws:,}"),
        fontsize=9.5,
    )
    axes.legend(fontsize=7.5, loc="upper left")
    return figure


def _tornado_bins(bars: Any, npv: float) -> int:
    """Fewer ticks for longer numbers, so ¥12,500,000 and its neighbours do not run together."""
    largest = max([abs(npv)] + [abs(v) for bar in bars for v in (bar.npv_low, bar.npv_high)])
    chars = len(f"{largest:,.0f}")
    return 7 if chars <= 7 else 5 if chars <= 9 else 4


def tornado_chart(result: RoiResult, currency: str, words: Words) -> Figure | None:
    bars = result.tornado[:TORNADO_BARS]
    if not bars:
        return None
    figure, axes = _axes(0.8 + 0.42 * len(bars))
    npv = result.deterministic.npv
    plot_tornado(
        axes,
        bars,
        npv,
        foreground=FOREGROUND,
        tick_labels=[
            f"{short(render(bar.name, words.lang), LABEL_CHARS)}\n{words.money(bar.input_low, currency)} – "
            f"{words.money(bar.input_high, currency)}"
            for bar in bars
        ],
        low=words("tornado_low"),
        high=words("tornado_high"),
        width=12 if len(bars) <= 8 else 9,
        nbins=_tornado_bins(bars, npv),
    )
    axes.set_xlabel(
        plain(words("tornado_x", currency=currency, npv=words.money(npv, currency))), fontsize=8.5
    )
    axes.set_title(words("tornado_title"), fontsize=9.5)
    axes.legend(fontsize=7.5, loc="lower right")
    return figure
