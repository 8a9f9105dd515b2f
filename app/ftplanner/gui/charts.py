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
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent
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
        self._drawn_colors: tuple[str, str] | None = None  # (background, text) of the last drawing
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

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.follow_palette()

    def follow_palette(self) -> None:
        """Recolour what was drawn in the previous theme's background and text colours, at once."""
        drawn = getattr(self, "_drawn_colors", None)
        now = self.colors()
        if drawn is None or drawn == now:
            return
        swap = {to_hex(old): new for old, new in zip(drawn, now, strict=True)}
        for artist in self.figure.findobj():
            for name in ("color", "facecolor", "edgecolor"):
                getter, setter = getattr(artist, f"get_{name}", None), getattr(artist, f"set_{name}", None)
                if getter is None or setter is None:
                    continue
                try:
                    red, green, blue, alpha = to_rgba(getter())
                except (TypeError, ValueError):
                    continue  # per-element colours (collections) or none
                new = swap.get(to_hex((red, green, blue)))
                if new is not None and alpha > 0:
                    setter(to_rgba(new, alpha))
        for axes in self.figure.axes:
            axes.tick_params(colors=now[1])  # ticks made later (zoom, resize) take the new colour too
        self._drawn_colors = now
        self.draw_idle()

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
        background, foreground = self._drawn_colors = self.colors()
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
        background, foreground = self._drawn_colors = self.colors()
        self.figure.set_facecolor(background)
        self.figure.text(0.5, 0.5, text, ha="center", va="center", color=foreground, fontsize=10)
        self.draw_idle()
