"""The Pricing page lists a damaged exchange-rates file's problems in the GUI's language."""

from __future__ import annotations

import pytest

from ftplanner.core.money import ExchangeRates
from ftplanner.core.settings import Settings
from ftplanner.gui import say
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages.pricing import PricingPage
from gui_helpers import screenshot


@pytest.fixture
def japanese():
    say.set_language("ja")
    yield
    say.set_language("en")


def test_a_damaged_rates_file_is_listed_in_japanese(qtbot, _isolated_home, japanese):
    ExchangeRates.default_path().write_bytes(b"[rates.JPY]\nper_usd = 150\nset_on = 2026-11-01\n[rates\xff\n")
    widget = PricingPage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.problems_button.click()
    lines = [widget.problems.item(i).text() for i in range(widget.problems.count())]
    assert lines and all("為替レートを完全には読み込めません" in line for line in lines), lines
    assert not any("cannot read" in line or "using what can be read" in line for line in lines)
    screenshot(widget, "pricing_rates_damaged_ja")


def test_a_discount_over_100_percent_is_told_in_percent_on_the_roi_page(qtbot, japanese):
    from ftplanner.gui.pages.roi import RoiPage

    page = RoiPage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    discount = page.editor.discount
    discount.setText("800")
    discount.textEdited.emit("800")
    qtbot.waitUntil(lambda: not page.timer.isActive() and not page.runner.busy, timeout=30_000)
    assert "割引率／年：0 % から 100 % の範囲で指定してください。入力値：800 %" in page.error_label.text()
    assert discount.property("fault") is True
    screenshot(page, "roi_discount_percent_ja")
