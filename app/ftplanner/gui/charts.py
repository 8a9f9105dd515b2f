"""Matplotlib charts embedded in Qt: a Figure on a FigureCanvasQTAgg (never pyplot).

Colours follow the widget palette, so charts read well in light and dark themes; a CJK font is put
first in the fallback list so Japanese labels render.
"""

from __future__ import annotations

import functools

import matplotlib

matplotlib.use("QtAgg")

from matplotlib import font_manager
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from ftplanner.plots import ACCENT as ACCENT  # the app's chart colours
from ftplanner.plots import ACCENT_LIGHT as ACCENT_LIGHT
from ftplanner.plots import NEGATIVE as NEGATIVE
from ftplanner.plots import POSITIVE as POSITIVE

CJK_FONTS = ("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Hiragino Sans", "Yu Gothic", "Meiryo")


def _cjk_families() -> list[str]:
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in CJK_FONTS if name in installed]


@functools.cache
def configure_fonts() -> None:
    """Prefer an installed CJK font (after DejaVu Sans for Latin text).

    Matplotlib caches the font list when it first runs; a CJK font installed later is added here.
    """
    cjk = _cjk_families()
    if not cjk:
        for path in font_manager.findSystemFonts():
            name = path.rsplit("/", 1)[-1].lower()
            if "cjk" in name or "notosansjp" in name or "ipaex" in name:
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        cjk = _cjk_families()
    # Concrete families in order: matplotlib falls back glyph by glyph along this list.
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", *cjk, "sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = False


class ChartCanvas(FigureCanvasQTAgg):
    """A figure sized for a page, styled from the parent's palette."""

    def __init__(self, parent: QWidget | None = None, height: float = 3.0) -> None:
        configure_fonts()
        self.figure = Figure(figsize=(6, height), layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(int(height * 60))

    def draw_idle(self) -> None:
        """Draw soon if shown; a hidden chart (another page) draws when it next appears."""
        if self.isVisible():
            super().draw_idle()
        else:
            self._pending_draw = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_pending_draw", False):
            self._pending_draw = False
            super().draw_idle()

    def colors(self) -> tuple[str, str]:
        """(background, foreground) from the application palette (the canvas keeps a white one of its own)."""
        palette = QApplication.palette()
        return (
            palette.color(QPalette.ColorRole.Base).name(),
            palette.color(QPalette.ColorRole.Text).name(),
        )

    def fresh_axes(self):
        """Clear the figure and return one styled axes."""
        self.figure.clear()
        background, foreground = self.colors()
        self.figure.set_facecolor(background)
        axes = self.figure.add_subplot(1, 1, 1)
        axes.set_facecolor(background)
        for spine in axes.spines.values():
            spine.set_color(foreground)
        axes.tick_params(colors=foreground, labelsize=8)
        axes.xaxis.label.set_color(foreground)
        axes.yaxis.label.set_color(foreground)
        axes.title.set_color(foreground)
        axes.grid(True, alpha=0.25)
        return axes

    def show_message(self, text: str) -> None:
        self.figure.clear()
        background, foreground = self.colors()
        self.figure.set_facecolor(background)
        self.figure.text(0.5, 0.5, text, ha="center", va="center", color=foreground, fontsize=10)
        self.draw_idle()
