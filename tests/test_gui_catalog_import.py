"""The Pricing page's "Import catalog…": the core's diff in a dialog, applied only when confirmed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from ftplanner.core import catalog_import
from ftplanner.core.catalog import bundled_files
from ftplanner.core.settings import Settings
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages import pricing_table
from ftplanner.gui.pages.pricing import PricingPage
from ftplanner.gui.pages.pricing_import import CatalogImportDialog
from gui_helpers import screenshot


@pytest.fixture
def page(qtbot):
    widget = PricingPage(PlanDocument(), AppContext(Settings()))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


@pytest.fixture
def newer(tmp_path: Path) -> Path:
    text = dict(bundled_files())["vertex.toml"].replace(
        "training_per_mtok = 5.00", "training_per_mtok = 4.00", 1
    )
    text += (
        '\n[[models]]\nid = "gemini-3.5-flash"\ndisplay_name = "Gemini 3.5 Flash"\ntraining_per_mtok = 6.00\n'
    )
    path = tmp_path / "vertex-2027.toml"
    path.write_text(text, encoding="utf-8")
    return path


def training(page: PricingPage, key: str) -> Decimal | None:
    entry = page.context.catalog.find(key)
    return None if entry is None else entry.training_per_mtok


def _answer(monkeypatch, result: QDialog.DialogCode, seen: list[CatalogImportDialog]) -> None:
    def exec_(dialog: CatalogImportDialog) -> int:
        dialog.show()
        seen.append(dialog)
        screenshot(dialog, "catalog_import_dialog")
        return result

    monkeypatch.setattr(CatalogImportDialog, "exec", exec_)


def test_the_dialog_shows_the_cores_diff_and_cancel_changes_nothing(page, newer, monkeypatch):
    seen: list[CatalogImportDialog] = []
    _answer(monkeypatch, QDialog.DialogCode.Rejected, seen)
    assert page.import_catalog(newer) is False
    (dialog,) = seen
    expected = catalog_import.preview_import(catalog_import.read_catalog_file(newer, page.context.today))
    assert dialog.table.rowCount() == len(expected.changes) == 2
    rows = {dialog.table.item(r, 0).text(): [dialog.table.item(r, c).text() for c in range(1, 5)]
            for r in range(dialog.table.rowCount())}  # fmt: skip
    assert rows["vertex/gemini-2.5-flash"] == ["price down", "training_per_mtok", "5.00", "4.00"]
    assert rows["vertex/gemini-3.5-flash"][0] == "model added"
    assert "1 price(s) down" in dialog.summary.text() and "1 model(s) added" in dialog.summary.text()
    assert not (catalog_import.imported_dir() / "vertex.toml").exists()
    assert training(page, "vertex/gemini-2.5-flash") == Decimal("5.00")


def test_apply_installs_the_file_and_every_page_sees_the_new_prices(page, newer, monkeypatch):
    seen: list[CatalogImportDialog] = []
    _answer(monkeypatch, QDialog.DialogCode.Accepted, seen)
    statuses: list[str] = []
    page.status.connect(statuses.append)
    assert page.import_catalog(newer) is True
    assert (catalog_import.imported_dir() / "vertex.toml").read_text(encoding="utf-8") == newer.read_text(
        encoding="utf-8"
    )
    assert training(page, "vertex/gemini-2.5-flash") == Decimal("4.00")
    assert training(page, "vertex/gemini-3.5-flash") == Decimal("6.00")
    keys = [e.key for e in page.model.rows()]
    assert "vertex/gemini-3.5-flash" in keys
    assert statuses and "vertex" in statuses[-1]


def test_an_invalid_file_is_refused_with_its_problems(page, tmp_path, dialogs):
    bad = tmp_path / "bad.toml"
    bad.write_text(dict(bundled_files())["vertex.toml"].replace("training_per_mtok = 5.00", "training_per_mtok = -1"),
                   encoding="utf-8")  # fmt: skip
    assert page.import_catalog(bad) is False
    assert "gemini-2.5-flash: training_per_mtok: must not be negative" in dialogs[-1][1]
    assert not catalog_import.imported_dir().exists()


def test_running_prices_say_unknown_or_dedicated(page):
    rows = {e.key: i for i, e in enumerate(page.model.rows())}

    def text(key: str, column: int) -> str:
        return page.model.index(rows[key], column).data()

    assert text("together/lora-up-to-16b", pricing_table.COL_INPUT) == "unknown"
    assert (
        text("fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct", pricing_table.COL_INPUT)
        == "dedicated"
    )
    assert (
        text("fireworks/accounts/fireworks/models/llama-v3p1-8b-instruct", pricing_table.COL_HOSTING)
        == "$2.90"
    )
    assert text("vertex/gemini-2.5-flash", pricing_table.COL_OUTPUT) == "$2.50"
