"""Pricing page: a typed override is never lost silently when another row is clicked; overrides are marked."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ftplanner.core.catalog import load_user_overrides, user_overrides_path
from ftplanner.core.settings import Settings
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages import pricing_table
from ftplanner.gui.pages.pricing import PricingPage
from test_gui_pricing import KEY, cell

OTHER = "openai/gpt-4.1-mini-2025-04-14"


@pytest.fixture
def page(qtbot):
    widget = PricingPage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


def click_row(page, key: str) -> None:
    """A click on the row of ``key`` (the view's current index changes, as with the mouse)."""
    row = next(i for i, e in enumerate(page.model.rows()) if e.key == key)
    index = page.proxy.mapFromSource(page.model.index(row, pricing_table.COL_PROVIDER))
    page.view.scrollTo(index)
    QtBot.mouseClick(
        page.view.viewport(), Qt.MouseButton.LeftButton, pos=page.view.visualRect(index).center()
    )


def type_override(page) -> None:
    page.select_model(KEY)
    page.fields["training_per_mtok"].setText("2.50")
    page.fields["training_per_mtok"].textEdited.emit("2.50")
    page.source_edit.setText("our agreement")
    page.source_edit.textEdited.emit("our agreement")


def test_clicking_another_row_asks_and_cancel_keeps_the_typing(page, dialogs):
    type_override(page)
    dialogs.answers["question"] = QMessageBox.StandardButton.Cancel
    click_row(page, OTHER)
    assert [kind for kind, _ in dialogs] == ["question"] and KEY in dialogs[0][1]
    assert page.selected_entry().key == KEY
    assert page.fields["training_per_mtok"].text() == "2.50"
    assert page.source_edit.text() == "our agreement"
    assert not user_overrides_path().exists()


def test_apply_saves_the_override_then_shows_the_clicked_row(page, dialogs):
    type_override(page)
    dialogs.answers["question"] = QMessageBox.StandardButton.Apply
    click_row(page, OTHER)
    stored = load_user_overrides()["models"][KEY]
    assert stored["training_per_mtok"] == Decimal("2.50") and stored["sources"][0] == "our agreement"
    assert page.selected_entry().key == OTHER
    assert OTHER in page.editor.title() and page.source_edit.text() == ""
    click_row(page, KEY)  # nothing typed now: no question
    assert len(dialogs) == 1 and page.selected_entry().key == KEY


def test_an_invalid_override_is_not_left_behind_on_apply(page, dialogs):
    page.select_model(KEY)
    page.fields["input_per_mtok"].setText("cheap")
    page.fields["input_per_mtok"].textEdited.emit("cheap")
    dialogs.answers["question"] = QMessageBox.StandardButton.Apply
    click_row(page, OTHER)
    assert page.selected_entry().key == KEY and page.fields["input_per_mtok"].text() == "cheap"
    assert "expected a number" in page.error_label.text()


def test_discard_drops_the_typing(page, dialogs):
    type_override(page)
    dialogs.answers["question"] = QMessageBox.StandardButton.Discard
    click_row(page, OTHER)
    assert page.selected_entry().key == OTHER and not user_overrides_path().exists()
    page.select_model(KEY)
    assert page.fields["training_per_mtok"].text() != "2.50" and page.source_edit.text() == ""


def test_overridden_rows_are_bold_and_marked(page):
    assert not cell(page, KEY, pricing_table.COL_MODEL).endswith(pricing_table.OVERRIDE_MARK)
    type_override(page)
    assert page.save_override()
    name = cell(page, KEY, pricing_table.COL_MODEL)
    assert name.endswith(pricing_table.OVERRIDE_MARK)
    for column in (pricing_table.COL_MODEL, pricing_table.COL_TRAINING):
        assert cell(page, KEY, column, Qt.ItemDataRole.FontRole).bold()
    assert "Overridden (layer: user)" in cell(page, KEY, pricing_table.COL_MODEL, Qt.ItemDataRole.ToolTipRole)
    assert cell(page, OTHER, pricing_table.COL_MODEL, Qt.ItemDataRole.FontRole) is None
