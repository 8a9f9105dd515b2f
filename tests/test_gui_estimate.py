"""Estimate page under pytest-qt (offscreen): same figures as the CLI, filters, plan edits, export."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from dataset_builders import toy_examples, write_jsonl
from ftplanner.cli import main as cli_main
from ftplanner.core.estimate import TrafficProfile, estimate
from ftplanner.core.estimate_rows import STATE_OK
from ftplanner.core.money import decimal_text, format_money
from ftplanner.core.settings import Settings
from ftplanner.core.timemodel import TimeModel
from ftplanner.gui.context import AppContext
from ftplanner.gui.document import PlanDocument
from ftplanner.gui.pages import estimate_table
from ftplanner.gui.pages.estimate import EstimatePage
from ftplanner.gui.pages.estimate_table import COL_MODEL, COL_TCO, COL_TRAINING
from gui_helpers import screenshot, wait_idle


@pytest.fixture
def page(qtbot):
    document = PlanDocument()
    context = AppContext(Settings())
    widget = EstimatePage(document, context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    yield widget
    widget.runner.shutdown()


@pytest.fixture
def toy(tmp_path):
    return write_jsonl(tmp_path / "toy.jsonl", toy_examples())


def analysed(qtbot, page: EstimatePage, path) -> None:
    page.document.set_dataset(path)
    qtbot.waitUntil(lambda: not page.runner.busy and not page.needed_encodings(), timeout=60_000)
    wait_idle(qtbot, page.runner)


def text(page: EstimatePage, row: int, column: int) -> str:
    return page.proxy.index(row, column).data()


def row_of(page: EstimatePage, key: str) -> int:
    return next(i for i, row in enumerate(page.shown_rows()) if row.entry.key == key)


def test_training_cost_matches_the_cli(qtbot, page, toy, capsys):
    analysed(qtbot, page, toy)
    assert cli_main(["estimate", str(toy), "--all", "--json"]) == 0
    by_key = {item["model"]: item for item in json.loads(capsys.readouterr().out)}
    checked = 0
    for index, row in enumerate(page.shown_rows()):
        assert row.state == STATE_OK, row.entry.key
        est = row.estimate
        if est.method != "sft":
            continue
        expected = by_key[row.entry.key]
        assert expected["charged_tokens"] == est.charged_tokens
        assert expected["training_cost"] == (
            None if est.training_cost is None else decimal_text(est.training_cost)
        )
        if est.training_cost is not None:
            shown = format_money(Decimal(expected["training_cost"]))
            assert text(page, index, COL_TRAINING).lstrip("≈") == shown
            checked += 1
    assert checked > 10
    # and the same as core.estimate on the page's own analysis
    entry = page.context.catalog.get("openai/gpt-4o-mini-2024-07-18")
    plan = page.document.plan
    direct = estimate(
        page.document.analyses[entry.encoding],
        entry,
        traffic=TrafficProfile(
            plan.traffic.requests_per_month, plan.traffic.input_tokens, plan.traffic.output_tokens
        ),
        months=plan.months,
        today=page.context.catalog.today,
        time_model=TimeModel.from_catalog(page.context.catalog),
    )
    index = row_of(page, entry.key)
    assert text(page, index, COL_TRAINING) == format_money(direct.training_cost)
    assert text(page, index, COL_TCO) == format_money(direct.tco)


def test_missing_encoding_is_analysed_by_the_page(qtbot, page, toy):
    page.launchable_only.setChecked(False)
    analysed(qtbot, page, toy)
    assert set(page.document.analyses) == {"o200k_base", "cl100k_base", "llama3"}
    rows = page.shown_rows()
    assert len(rows) == len(page.context.catalog.entries)
    assert all(row.state == STATE_OK for row in rows)
    closed = row_of(page, "openai/gpt-3.5-turbo-0125")
    assert "retired" in page.proxy.index(closed, estimate_table.COL_LIFECYCLE).data()


def test_rows_say_analysing_until_the_analysis_arrives(qtbot, page, toy):
    page.document.set_dataset(toy)
    assert page.runner.busy
    assert text(page, 0, estimate_table.COL_TOKENS) == "analysing…"
    wait_idle(qtbot, page.runner)


def test_filters(qtbot, page, toy):
    analysed(qtbot, page, toy)
    catalog = page.context.catalog
    assert page.proxy.rowCount() == len(catalog.launchable())
    page.launchable_only.setChecked(False)
    assert page.proxy.rowCount() == len(catalog.entries)
    page.provider_box.setCurrentIndex(page.provider_box.findData("together"))
    rows = page.shown_rows()
    assert rows and {row.entry.provider for row in rows} == {"together"}
    page.provider_box.setCurrentIndex(page.provider_box.findData("mistral"))
    page.launchable_only.setChecked(True)
    assert page.proxy.rowCount() == 0
    assert "No model matches" in page.notice.text()
    wait_idle(qtbot, page.runner)


def test_sorting_is_numeric_with_unknown_last(qtbot, page, toy):
    analysed(qtbot, page, toy)
    page.view.sortByColumn(COL_TRAINING, Qt.SortOrder.AscendingOrder)
    costs = [row.estimate.training_cost for row in page.shown_rows()]
    known = [cost for cost in costs if cost is not None]
    assert known == sorted(known)
    assert costs[: len(known)] == known  # unknown costs after every known one


def test_plan_edits_change_figures_and_mark_the_document_dirty(qtbot, page, toy):
    analysed(qtbot, page, toy)
    page.document.set_dirty(False)
    key = "openai/gpt-4o-mini-2024-07-18"
    before = page.shown_rows()[row_of(page, key)].estimate
    page.epochs.setValue(before.epochs * 2)
    assert page.document.plan.epochs == before.epochs * 2
    assert page.document.dirty
    after = page.shown_rows()[row_of(page, key)].estimate
    assert after.charged_tokens == before.charged_tokens * 2
    assert text(page, row_of(page, key), COL_TRAINING) == format_money(after.training_cost)

    page.requests.setValue(50_000)
    assert page.document.plan.traffic.requests_per_month == 50_000
    busier = page.shown_rows()[row_of(page, key)].estimate
    assert busier.inference_cost_per_month > after.inference_cost_per_month

    page.months.setValue(6)
    assert page.document.plan.months == 6
    assert page.model.headerData(COL_TCO, Qt.Orientation.Horizontal) == "TCO\n6 months"

    page.epochs.setValue(0)
    assert page.document.plan.epochs is None
    assert "(auto)" in text(page, row_of(page, key), estimate_table.COL_EPOCHS)


def test_currency_with_and_without_a_rate(qtbot, page, toy):
    analysed(qtbot, page, toy)
    page.document.set_dirty(False)
    key = "openai/gpt-4o-mini-2024-07-18"
    usd = page.shown_rows()[row_of(page, key)].estimate
    page.context.rates.set("JPY", "150")
    page.context.rates.save()
    page.context.reload_rates()
    page.currency.setCurrentIndex(page.currency.findData("JPY"))
    assert page.document.plan.currency == "JPY"
    assert page.document.dirty
    yen = page.shown_rows()[row_of(page, key)].estimate
    assert yen.currency == "JPY" and yen.training_cost == usd.training_cost * 150
    assert text(page, row_of(page, key), COL_TRAINING) == format_money(yen.training_cost, "JPY")
    assert "150 JPY per USD" in page.rate_label.text()

    page.document.plan.currency = "EUR"
    page.document.edited()
    assert "No exchange rate for EUR" in page.rate_label.text()
    assert text(page, row_of(page, key), COL_TRAINING).startswith("$")
    assert page.currency.currentData() == "EUR"


def test_checkbox_includes_the_model_in_the_plan(qtbot, page, toy):
    analysed(qtbot, page, toy)
    page.document.set_dirty(False)
    key = "openai/gpt-4.1-2025-04-14"
    index = page.proxy.index(row_of(page, key), COL_MODEL)
    assert page.proxy.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert page.document.plan.models == [key]
    assert page.document.dirty
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert [row.entry.key for row in page.chart_rows()] == [key]
    page.proxy.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert page.document.plan.models == []


def test_csv_export_has_a_bom_and_the_rows(qtbot, page, toy, tmp_path, monkeypatch):
    analysed(qtbot, page, toy)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    messages: list[str] = []
    page.status.connect(messages.append)
    page.export_button.click()
    assert messages and "Exported" in messages[-1]
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == page.proxy.rowCount() + 1
    header = rows[0]
    assert header[1] == "Model" and "Training cost, exact" in header
    first = dict(zip(header, rows[1], strict=True))
    shown = page.shown_rows()[0].estimate
    assert first["Training cost, exact"] == decimal_text(shown.training_cost)
    assert first["Training cost"] == text(page, 0, COL_TRAINING)


def test_table_model_passes_the_model_tester(qtbot, qtmodeltester, page, toy):
    analysed(qtbot, page, toy)
    qtmodeltester.check(page.model, force_py=True)


def test_screenshot(qtbot, toy, monkeypatch):
    from ftplanner.gui.main_window import MainWindow

    def pages(self):
        return [(self.tr("Estimate"), EstimatePage(self.document, self.context))]

    monkeypatch.setattr(MainWindow, "_optional_pages", pages)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.nav.setCurrentRow(2)
    page = window.pages[2]
    page.document.plan.models = ["openai/gpt-4.1-mini-2025-04-14", "openai/gpt-4o-mini-2024-07-18"]
    page.document.set_dataset(toy)
    qtbot.waitUntil(lambda: not page.runner.busy and not page.needed_encodings(), timeout=60_000)
    wait_idle(qtbot, window.dataset_page.runner)
    page.document.plan.models.append("together/lora-up-to-16b")
    page.document.edited()
    qtbot.wait(100)  # let pending layout requests settle before the grab
    screenshot(window, "estimate_en")
    window.document.set_dirty(False)
    window.close()


def test_cancelled_analysis_can_be_started_again(qtbot, page, tmp_path, monkeypatch):
    from dataset_builders import simple_chat
    from ftplanner.core import reader

    monkeypatch.setattr(reader, "BLOCK_BYTES", 512)
    path = write_jsonl(tmp_path / "big.jsonl", [simple_chat(i, "ja") for i in range(3000)])
    page.document.set_dataset(path)
    qtbot.waitUntil(lambda: page.runner.busy, timeout=5000)
    page.progress.cancel_button.click()
    wait_idle(qtbot, page.runner)
    assert page.runner.wait()
    assert not page.progress.isVisible()
    assert "cancelled" in page.notice.text()
    assert page.retry_button.isVisible()
    page.retry_button.click()
    assert page.runner.busy
    qtbot.waitUntil(lambda: not page.runner.busy and not page.needed_encodings(), timeout=60_000)
    assert page.shown_rows()[0].state == STATE_OK


def test_a_price_override_reaches_the_table(qtbot, page, toy):
    from ftplanner.core.catalog import set_model_override

    analysed(qtbot, page, toy)
    key = "openai/gpt-4o-mini-2024-07-18"
    before = page.shown_rows()[row_of(page, key)].estimate.training_cost
    set_model_override(key, {"training_per_mtok": Decimal("6.00")}, today=page.context.today)
    page.context.reload_catalog()
    after = page.shown_rows()[row_of(page, key)].estimate.training_cost
    assert after == before * 2
