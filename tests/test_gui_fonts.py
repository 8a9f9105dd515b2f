"""Japanese text renders in charts (a CJK font is found and used as a fallback)."""

from __future__ import annotations

import warnings

import pytest
from matplotlib import font_manager

from ftplanner.gui.charts import CJK_FONTS, ChartCanvas, configure_fonts


def _system_has_cjk_font() -> bool:
    return any(
        "cjk" in path.lower() or "notosansjp" in path.lower() for path in font_manager.findSystemFonts()
    )


@pytest.mark.skipif(not _system_has_cjk_font(), reason="no CJK font installed (Debian: fonts-noto-cjk)")
def test_japanese_chart_labels_have_glyphs(qtbot):
    configure_fonts()
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    axes = canvas.fresh_axes()
    axes.set_xlabel("計画の月")
    axes.set_title("累積純キャッシュフロー (USD)")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)"
        canvas.draw()
    families = {font.name for font in font_manager.fontManager.ttflist}
    assert any(name in families for name in CJK_FONTS)
