"""Dark theme: check boxes stand out from the rows they sit on; charts take the new colours at once."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from ftplanner.core.settings import Settings
from ftplanner.gui.app import apply_theme, dark_palette
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages.roi import RoiPage
from test_gui_roi import computed


@pytest.fixture
def dark(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    apply_theme(qapp, "dark")
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _indicator_contrast(app, background: QColor) -> int:
    """Largest lightness difference between an unchecked box and the row colour it is drawn on."""
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(background)
    option = QStyleOptionButton()
    option.rect = QRect(4, 4, 16, 16)
    option.palette = app.palette()
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    painter = QPainter(image)
    app.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, option, painter)
    painter.end()
    return max(
        abs(QColor(image.pixel(x, y)).lightness() - background.lightness())
        for x in range(24)
        for y in range(24)
    )


def test_dark_check_boxes_are_clearly_visible_on_both_row_colours(dark):
    palette = dark.palette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert _indicator_contrast(dark, palette.color(role)) >= 100, role


def test_roi_charts_follow_a_theme_switch_at_once(qtbot, qapp):
    page = RoiPage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=30_000)
    computed(qtbot, page)
    canvases = [page.charts.fan, page.charts.histogram, page.charts.tornado, page.charts.approaches.chart]
    light = to_hex(canvases[0].figure.get_facecolor())
    style, palette = qapp.style().name(), qapp.palette()
    try:
        apply_theme(qapp, "dark")  # no plan edit, no recompute: the drawn charts change colour
        qapp.processEvents()
        base, text = (
            dark_palette().color(role).name() for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Text)
        )
        assert base != light
        for canvas in canvases:
            assert to_hex(canvas.figure.get_facecolor()) == base
            for axes in canvas.figure.axes:
                assert to_hex(axes.get_facecolor()) == base
                assert to_hex(axes.spines["bottom"].get_edgecolor()) == text
                labels = [label for label in axes.get_xticklabels() if label.get_text()]
                assert all(to_hex(label.get_color()) == text for label in labels)
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)
        page.timer.stop()
        page.runner.shutdown()
