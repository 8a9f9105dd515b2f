"""Dark theme: check boxes stand out from the rows they sit on; charts take the new colours at once."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from ftplanner.core.settings import Settings
from ftplanner.gui.app import apply_theme, dark_palette
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.evaluator import PlanEvaluator
from ftplanner.gui.pages.estimate import EstimatePage
from ftplanner.gui.pages.roi import RoiPage
from test_gui_roi import computed


@pytest.fixture
def dark(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    apply_theme(qapp, "dark")
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _box_contrast(view, index, background: QColor) -> int:
    """Largest lightness difference between the row's unchecked box (as its delegate paints it) and the row."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    option.rect = QRect(0, 0, view.columnWidth(0), view.rowHeight(0))
    option.palette = QApplication.palette()
    option.palette.setColor(QPalette.ColorRole.Base, background)
    image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
    image.fill(background)
    painter = QPainter(image)
    view.itemDelegateForIndex(index).paint(painter, option, index)
    painter.end()
    item = QStyleOptionViewItem(option)
    view.itemDelegateForIndex(index).initStyleOption(item, index)
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, item, view)
    assert box.width() > 8
    return max(
        abs(QColor(image.pixel(x, y)).lightness() - background.lightness())
        for x in range(box.left(), box.right() + 1)
        for y in range(box.top(), box.bottom() + 1)
    )


def test_dark_check_boxes_of_the_plan_models_are_clearly_visible(qtbot, dark):
    page = EstimatePage(
        PlanDocument(), AppContext(Settings()), PlanEvaluator(PlanDocument(), AppContext(Settings()))
    )
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    page.refresh()
    view = page.view
    index = next(
        view.model().index(row, 0)
        for row in range(view.model().rowCount())
        if view.model().index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    )
    palette = dark.palette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert _box_contrast(view, index, palette.color(role)) >= 100, role
    page.runner.shutdown()


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
