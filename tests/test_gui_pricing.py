"""Pricing page under pytest-qt (offscreen): catalog table, overrides, import/export, exchange rates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ftplanner.core.catalog import load_catalog, load_user_overrides, user_overrides_path
from ftplanner.core.money import ExchangeRates
from ftplanner.core.settings import Settings
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages import pricing_table
from ftplanner.gui.pages.pricing import PricingPage
from gui_helpers import screenshot

KEY = "openai/gpt-4o-mini-2024-07-18"


@pytest.fixture
def page(qtbot):
    widget = PricingPage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


def cell(page: PricingPage, key: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    row = next(i for i, e in enumerate(page.model.rows()) if e.key == key)
    return page.model.index(row, column).data(role)


def test_catalog_table_shows_every_model_with_flags(page):
    catalog = page.context.catalog
    assert page.proxy.rowCount() == len(catalog.entries)
    assert cell(page, KEY, pricing_table.COL_TRAINING) == "$3.00 / 1M"
    assert cell(page, "azure-openai/o4-mini-2025-04-16", pricing_table.COL_TRAINING) == "$100.00 / hour"
    assert cell(page, KEY, pricing_table.COL_ORIGIN) == "bundled"
    stale = next(e for e in catalog.entries if e.is_stale(catalog.today))
    assert "(stale)" in cell(page, stale.key, pricing_table.COL_AS_OF)
    assert cell(page, stale.key, pricing_table.COL_AS_OF, Qt.ItemDataRole.ForegroundRole) is not None
    assert "openai.com" in cell(page, KEY, pricing_table.COL_SOURCES, Qt.ItemDataRole.ToolTipRole)
    assert cell(page, "together/lora-up-to-16b", pricing_table.COL_TOKENIZER).startswith("≈o200k_base")


def test_price_columns_sort_numerically_unknown_last(page):
    page.view.sortByColumn(pricing_table.COL_TRAINING, Qt.SortOrder.AscendingOrder)
    keys = [page.proxy.index(i, pricing_table.COL_TRAINING).data(Qt.ItemDataRole.UserRole) for i in range(6)]
    assert keys == sorted(keys)
    last = page.proxy.index(page.proxy.rowCount() - 1, pricing_table.COL_TRAINING).data(
        Qt.ItemDataRole.UserRole
    )
    assert last == float("inf")


def test_save_and_remove_override_persist_in_ftplanner_home(page, _isolated_home):
    page.select_model(KEY)
    assert page.selected_entry().key == KEY
    assert not page.save_button.isEnabled()
    page.fields["training_per_mtok"].setText("2.50")
    page.source_edit.setText("our agreement")
    page.validate_editor()
    assert page.save_button.isEnabled()
    assert page.save_override()
    assert user_overrides_path().parent == _isolated_home
    stored = load_user_overrides()["models"][KEY]
    assert stored["training_per_mtok"] == Decimal("2.50")
    assert stored["sources"][0] == "our agreement"
    entry = page.context.catalog.get(KEY)
    assert entry.training_per_mtok == Decimal("2.50") and entry.origin == "user"
    assert load_catalog().get(KEY).training_per_mtok == Decimal("2.50")
    assert cell(page, KEY, pricing_table.COL_ORIGIN) == "user"
    assert page.selected_entry().key == KEY  # selection kept after the reload
    assert page.remove_button.isEnabled()

    assert page.remove_override()
    assert KEY not in load_user_overrides().get("models", {})
    assert page.context.catalog.get(KEY).training_per_mtok == Decimal("3.00")
    assert cell(page, KEY, pricing_table.COL_ORIGIN) == "bundled"
    assert not page.remove_button.isEnabled()


def test_invalid_input_is_refused_with_a_message(page):
    page.select_model(KEY)
    edit = page.fields["input_per_mtok"]
    edit.setText("cheap")
    page.validate_editor()
    assert "expected a number" in page.error_label.text()
    assert "border" in edit.styleSheet()
    assert not page.save_button.isEnabled()
    assert not page.save_override()
    assert not user_overrides_path().exists()

    edit.setText("-1")
    page.validate_editor()
    assert "negative" in page.error_label.text()

    edit.setText(page.context.catalog.get(KEY).input_per_mtok.to_eng_string())
    page.fields["job_deadline"].setText("2099-01-01")  # after the retirement date
    _, problems = page.validate_editor()
    assert "job_deadline" in problems and "after the retirement" in page.error_label.text()
    assert not page.save_override()
    assert not user_overrides_path().exists()
    assert page.context.catalog.get(KEY).origin == "bundled"


def test_emptying_a_figure_is_refused(page):
    page.select_model(KEY)
    page.fields["output_per_mtok"].setText("")
    _, problems = page.validate_editor()
    assert "output_per_mtok" in problems


def test_reset_all_asks_first(page, dialogs):
    page.select_model(KEY)
    page.fields["training_per_mtok"].setText("1")
    assert page.save_override()
    dialogs.answers["question"] = QMessageBox.StandardButton.No
    assert not page.reset_all()
    assert KEY in load_user_overrides()["models"]
    dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    assert page.reset_all()
    assert dialogs[-1][0] == "question"
    assert load_user_overrides().get("models", {}) == {}
    assert page.context.catalog.get(KEY).origin == "bundled"


def test_broken_import_changes_nothing_and_names_the_problem(page, tmp_path, monkeypatch, dialogs):
    page.select_model(KEY)
    page.fields["training_per_mtok"].setText("1")
    assert page.save_override()
    before = user_overrides_path().read_bytes()
    broken = tmp_path / "broken.toml"
    broken.write_text(
        '[models."openai/gpt-4o-mini-2024-07-18"]\ntraining_per_mtok = "free"\n', encoding="utf-8"
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), "")))
    assert not page.import_overrides()
    kind, text = dialogs[-1]
    assert kind == "warning"
    assert "broken.toml: openai/gpt-4o-mini-2024-07-18: training_per_mtok:" in text
    assert user_overrides_path().read_bytes() == before

    not_toml = tmp_path / "bad.toml"
    not_toml.write_text("[models\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(not_toml), "")))
    assert not page.import_overrides()
    assert "invalid TOML" in dialogs[-1][1]
    assert user_overrides_path().read_bytes() == before


def test_import_and_export_overrides(page, tmp_path, monkeypatch):
    good = tmp_path / "good.toml"
    good.write_text('[models."together/lora-up-to-16b"]\ntraining_per_mtok = 0.40\n', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(good), "")))
    assert page.import_overrides()
    assert page.context.catalog.get("together/lora-up-to-16b").training_per_mtok == Decimal("0.40")
    assert "overridden" in page.summary.text() and "1 overridden" in page.summary.text()

    target = tmp_path / "out.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert page.export_overrides()
    assert "together/lora-up-to-16b" in target.read_text(encoding="utf-8")


def test_exchange_rates_add_update_remove(page):
    assert page.rates_model.rowCount() == 0
    page.currency_edit.setCurrentText("jpy")
    page.rate_edit.setText("152.3")
    assert page.set_rate()
    assert page.context.rates.rate("JPY") == Decimal("152.3")
    assert ExchangeRates.load().rate("JPY") == Decimal("152.3")
    assert page.rates_model.index(0, 0).data() == "JPY"

    page.rate_edit.setText("150")
    assert page.set_rate()
    assert page.context.rates.rate("JPY") == Decimal("150")
    assert page.rates_model.rowCount() == 1

    page.currency_edit.setCurrentText("XYZ")
    assert not page.set_rate()
    assert "unknown currency code" in page.rate_error.text()
    page.currency_edit.setCurrentText("EUR")
    page.rate_edit.setText("-2")
    assert not page.set_rate()
    assert "must be positive" in page.rate_error.text()
    assert page.context.rates.get("EUR") is None

    page.currency_edit.setCurrentText("JPY")
    assert page.remove_rate()
    assert page.context.rates.get("JPY") is None
    assert page.rates_model.rowCount() == 0
    assert not page.remove_rate()
    assert "No exchange rate for JPY" in page.rate_error.text()


def test_catalog_problems_are_listed(qtbot, _isolated_home):
    user_overrides_path().write_text('[models."openai/gpt-4o-mini-2024-07-18"]\nmax_example_tokens = 0\n')
    widget = PricingPage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.problems_button.isVisible()
    assert not widget.problems.isVisible()
    widget.problems_button.click()
    assert widget.problems.isVisible()
    assert "max_example_tokens" in widget.problems.item(0).text()


def test_table_models_pass_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.model, force_py=True)
    page.currency_edit.setCurrentText("JPY")
    page.rate_edit.setText("150")
    page.set_rate()
    qtmodeltester.check(page.rates_model, force_py=True)


def test_screenshot(qtbot, monkeypatch):
    from ftplanner.gui.main_window import MainWindow

    ExchangeRates().save()
    rates = ExchangeRates()
    rates.set("JPY", "152.3")
    rates.set("EUR", "0.92")
    rates.save()

    def pages(self):
        return [(self.tr("Pricing"), PricingPage(self.document, self.context))]

    monkeypatch.setattr(MainWindow, "_optional_pages", pages)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.nav.setCurrentRow(2)
    page = window.pages[2]
    page.select_model(KEY)
    page.fields["training_per_mtok"].setText("abc")
    page.validate_editor()
    qtbot.wait(100)  # let pending layout requests settle before the grab
    screenshot(window, "pricing_en")
    window.dataset_page.runner.shutdown()
    window.document.set_dirty(False)
    window.close()
