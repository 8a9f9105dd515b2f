"""The input at fault: the ROI editor and the price override editor mark and focus the widget a core message
names, in the GUI's language, and clear the mark once the value is fixed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ftplanner.core.settings import Settings
from ftplanner.gui import say
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.fault import FAULT_CELL
from ftplanner.gui.pages.pricing import PricingPage
from ftplanner.gui.pages.roi import RoiPage
from ftplanner.gui.pages.roi_items import ItemsTable
from gui_helpers import screenshot

KEY = "openai/gpt-4o-mini-2024-07-18"


def computed(qtbot, page: RoiPage) -> None:
    qtbot.waitUntil(lambda: not page.timer.isActive() and not page.runner.busy, timeout=30_000)


@pytest.fixture
def japanese():
    say.set_language("ja")
    yield
    say.set_language("en")


@pytest.fixture
def roi(qtbot):
    document = PlanDocument()
    widget = RoiPage(document, AppContext(Settings()))
    qtbot.addWidget(widget)
    widget.resize(1110, 900)
    widget.show()
    qtbot.waitUntil(lambda: widget.outcome is not None, timeout=30_000)
    computed(qtbot, widget)
    yield widget
    widget.timer.stop()


def _cell_marked(table: ItemsTable, row: int, column: int) -> bool:
    item = table.table.item(row, column)
    return item is not None and item.background().color() == FAULT_CELL


def test_a_bad_line_amount_marks_and_focuses_its_cell_until_fixed(qtbot, roi):
    benefits = roi.editor.benefits
    benefits.set_cell(0, ItemsTable.LOW, "9500")
    computed(qtbot, roi)
    assert "Benefits, line 1: amount: low (9500) is above likely (7000)" in roi.error_label.text()
    assert _cell_marked(benefits, 0, ItemsTable.LOW)
    assert (benefits.table.currentRow(), benefits.table.currentColumn()) == (0, ItemsTable.LOW)
    assert QApplication.focusWidget() is benefits.table
    screenshot(roi, "roi_fault_cell_en")

    benefits.set_cell(0, ItemsTable.LOW, "4000")
    computed(qtbot, roi)
    assert not _cell_marked(benefits, 0, ItemsTable.LOW)
    assert not roi.error_label.isVisible()


def test_a_bad_discount_marks_the_discount_field_in_japanese(qtbot, roi, japanese):
    discount = roi.editor.discount
    discount.setText("eight")
    discount.textEdited.emit("eight")
    computed(qtbot, roi)
    assert "割引率／年：数値が必要ですが、文字列 'eight' です" in roi.error_label.text()
    assert "discount_rate_annual" not in roi.error_label.text()
    assert discount.property("fault") is True and "border" in discount.styleSheet()
    assert QApplication.focusWidget() is discount
    screenshot(roi, "roi_fault_discount_ja")

    discount.setText("0.08")
    discount.textEdited.emit("0.08")
    computed(qtbot, roi)
    assert discount.property("fault") is False and discount.styleSheet() == ""


def test_the_focus_stays_where_the_user_types(qtbot, roi):
    """While the user types in the editor, a fault elsewhere is marked but the focus is not taken."""
    name = roi.editor.name
    name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    roi.editor.benefits.set_cell(0, ItemsTable.HIGH, "10")
    computed(qtbot, roi)
    assert _cell_marked(roi.editor.benefits, 0, ItemsTable.LIKELY)
    assert QApplication.focusWidget() is name


def test_a_model_cost_marks_its_field(qtbot, roi):
    fields = roi.editor.model.training.fields
    for field, text in zip(fields, ("5", "3", "8"), strict=True):
        field.setText(text)
    fields[0].textEdited.emit("5")
    computed(qtbot, roi)
    assert "Training per run: low (5) is above likely (3)" in roi.error_label.text()
    assert fields[0].property("fault") is True


@pytest.fixture
def pricing(qtbot):
    widget = PricingPage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


def test_the_override_editor_marks_the_field_and_words_it_in_japanese(pricing, japanese):
    pricing.select_model(KEY)
    edit = pricing.fields["input_per_mtok"]
    edit.setText("cheap")
    pricing.validate_editor()
    assert edit.property("fault") is True
    assert "数値が必要ですが、'cheap' です" in pricing.error_label.text()
    assert "数値が必要ですが" in edit.toolTip()
    screenshot(pricing, "pricing_fault_ja")
    edit.setText("0.20")
    pricing.validate_editor()
    assert edit.property("fault") is False and not pricing.error_label.text()


def test_the_profile_dialog_marks_the_field_at_fault_named_as_labelled(qtbot) -> None:
    from ftplanner.gui.pages.jobs_dialogs import ProfileDialog

    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_kind("fireworks")
    dialog.name.setText("fw")
    account = dialog.fields["account_id"]
    account.setText("not an id!")
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.isVisible()
    assert "Account ID" in dialog.error.text() and "account_id" not in dialog.error.text()
    assert account.property("fault") is True and dialog.fault.widget is account
    qtbot.keyClicks(account, "x")  # typing clears the mark until OK checks again
    assert dialog.fault.widget is None and account.property("fault") is False
    dialog.set_kind("generic")
    dialog.accept()  # a generic endpoint needs its Base URL
    assert dialog.fault.widget is dialog.base_url and "Base URL" in dialog.error.text()
