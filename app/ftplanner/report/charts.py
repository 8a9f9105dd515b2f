"""The report's charts as SVG with real text: cumulative cash fan, NPV histogram, tornado.

Drawn like the ROI page's charts (same data from the core's result dict) on a plain :class:`Figure` with the
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
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from ftplanner.report.fonts import cjk_face
from ftplanner.report.strings import Words

ACCENT = "#2f7ed8"
ACCENT_LIGHT = "#9cc3ee"
NEGATIVE = "#d9534f"
POSITIVE = "#3a9a5b"
FOREGROUND = "#222222"
AXIS_FORMAT = StrMethodFormatter("{x:,.0f}")
TORNADO_BARS = 10
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


def plain(text: str) -> str:
    """``text`` for a Matplotlib label: a ``$`` is a dollar sign, not the start of mathematics."""
    return text.replace("$", r"\$")


def short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


def fan_chart(figures: dict[str, Any], words: Words) -> Figure:
    figure, axes = _axes(3.1)
    currency = figures["currency"]
    points = figures["monte_carlo"]["fan"]["months"]
    months = [p["month"] for p in points]
    axes.fill_between(
        months,
        [p["p10"] for p in points],
        [p["p90"] for p in points],
        color=ACCENT_LIGHT,
        alpha=0.55,
        linewidth=0,
        label=words("fan_band"),
    )
    axes.plot(months, [p["p50"] for p in points], color=ACCENT, linewidth=2, label=words("fan_median"))
    axes.plot(
        [row["month"] for row in figures["monthly"]],
        [row["cumulative"] for row in figures["monthly"]],
        color=FOREGROUND,
        linewidth=1,
        linestyle="--",
        label=words("fan_likely"),
    )
    axes.axhline(0, color=FOREGROUND, linewidth=0.9)
    payback = figures["payback_month"]
    if payback is not None:
        axes.axvline(
            payback,
            color=POSITIVE,
            linestyle=":",
            linewidth=1.5,
            label=words("fan_payback", month=words.month(payback)),
        )
    axes.set_xlim(months[0], months[-1])
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(AXIS_FORMAT)
    axes.set_xlabel(words("fan_x"), fontsize=8.5)
    axes.set_ylabel(words("fan_y", currency=currency), fontsize=8.5)
    axes.set_title(words("fan_title"), fontsize=9.5)
    axes.legend(fontsize=7.5, loc="upper left")
    return figure


def histogram_chart(figures: dict[str, Any], words: Words) -> Figure:
    figure, axes = _axes(2.8)
    currency = figures["currency"]
    mc = figures["monte_carlo"]
    edges = mc["npv_histogram"]["edges"]
    counts = mc["npv_histogram"]["counts"]
    _, _, patches = axes.hist(
        edges[:-1], bins=edges, weights=counts, color=ACCENT, edgecolor="white", linewidth=0.5
    )
    for patch, left in zip(patches, edges, strict=False):
        if left < 0:
            patch.set_facecolor(NEGATIVE)
    axes.axvline(0, color=FOREGROUND, linewidth=0.9)
    axes.axvline(figures["npv"], color=FOREGROUND, linestyle="--", linewidth=1.2, label=words("hist_likely"))
    npv = mc["npv"]
    if npv["p10"] is not None and npv["p90"] is not None:
        axes.axvline(npv["p10"], color=ACCENT_LIGHT, linestyle=":", linewidth=1.5, label=words("hist_range"))
        axes.axvline(npv["p90"], color=ACCENT_LIGHT, linestyle=":", linewidth=1.5)
    axes.xaxis.set_major_formatter(AXIS_FORMAT)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=7))
    axes.set_xlabel(words("hist_x", currency=currency), fontsize=8.5)
    axes.set_ylabel(words("hist_y"), fontsize=8.5)
    axes.set_title(
        words("hist_title", prob=words.rate(mc["prob_npv_positive"]), draws=f"{mc['draws']:,}"),
        fontsize=9.5,
    )
    axes.legend(fontsize=7.5, loc="upper left")
    return figure


def tornado_chart(figures: dict[str, Any], words: Words) -> Figure | None:
    bars = figures["tornado"][:TORNADO_BARS]
    if not bars:
        return None
    figure, axes = _axes(0.8 + 0.42 * len(bars))
    currency = figures["currency"]
    npv = figures["npv"]
    width = 12 if len(bars) <= 8 else 9
    for index, bar in enumerate(bars):
        axes.hlines(
            index,
            npv,
            bar["npv_low"],
            colors=ACCENT_LIGHT,
            linewidth=width,
            label=words("tornado_low") if index == 0 else None,
        )
        axes.hlines(
            index,
            npv,
            bar["npv_high"],
            colors=ACCENT,
            linewidth=width,
            label=words("tornado_high") if index == 0 else None,
        )
    axes.axvline(npv, color=FOREGROUND, linewidth=1)
    labels = [
        plain(
            f"{short(bar['name'])}\n{words.money(bar['input_low'], currency)} – "
            f"{words.money(bar['input_high'], currency)}"
        )
        for bar in bars
    ]
    axes.set_yticks(range(len(bars)), labels, fontsize=7.5)
    axes.set_ylim(len(bars) - 0.5, -0.5)
    axes.grid(False, axis="y")
    axes.xaxis.set_major_formatter(AXIS_FORMAT)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=7))
    axes.set_xlabel(
        plain(words("tornado_x", currency=currency, npv=words.money(npv, currency))), fontsize=8.5
    )
    axes.set_title(words("tornado_title"), fontsize=9.5)
    axes.legend(fontsize=7.5, loc="lower right")
    return figure
