"""Main window and Dataset page under pytest-qt (offscreen)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from dataset_builders import simple_chat, toy_examples, write_jsonl, write_lines
from ftplanner.core.settings import Settings, load_settings
from ftplanner.gui.main_window import MainWindow
from gui_helpers import screenshot, wait_idle


@pytest.fixture
def window(qtbot):
    win = MainWindow(Settings())
    win.resize(1280, 800)
    win.show()
    yield win
    win.document.set_dirty(False)
    win.close()


def test_first_run_shows_the_sample_analysis(qtbot, window):
    window.start()
    page = window.dataset_page
    wait_idle(qtbot, page.runner)
    result = page.current_analysis()
    assert result is not None and result.examples > 250
    assert page.cards.cards["examples"].value.text() == f"{result.examples:,}"
    assert page.cards.cards["billing"].value.text() != "—"
    assert not window.document.dirty
    screenshot(window, "dataset_sample_en")


def test_errors_table_and_raw_line(qtbot, window, tmp_path):
    lines = [json.dumps(simple_chat(i)) for i in range(12)] + [
        '{"messages": [{"role": "robot", "content": "x"}]}'
    ]
    path = write_lines(tmp_path / "bad.jsonl", lines)
    window.document.set_dataset(path)
    page = window.dataset_page
    wait_idle(qtbot, page.runner)
    assert page.issues.rowCount() == 1
    assert page.issues.row(0).line == 13
    assert page.cards.cards["errors"].value.text() == "1"


def test_model_with_another_encoding_is_analysed_once_more(qtbot, window, tmp_path):
    window.document.set_dataset(write_jsonl(tmp_path / "toy.jsonl", toy_examples()))
    page = window.dataset_page
    wait_idle(qtbot, page.runner)
    cl100k = next(i for i in range(page.model_box.count()) if "3.5" in page.model_box.itemText(i))
    page.model_box.setCurrentIndex(cl100k)
    wait_idle(qtbot, page.runner)
    assert set(window.document.analyses) == {"o200k_base", "cl100k_base"}
    assert "1 examples exceed" in page.limit_label.text() or "0 examples exceed" in page.limit_label.text()


def test_cancel_keeps_the_window_usable(qtbot, window, tmp_path, monkeypatch):
    from ftplanner.core import reader

    monkeypatch.setattr(reader, "BLOCK_BYTES", 512)
    path = write_jsonl(tmp_path / "big.jsonl", [simple_chat(i, "ja") for i in range(3000)])
    window.document.set_dataset(path)
    page = window.dataset_page
    qtbot.waitUntil(lambda: page.runner.busy, timeout=5000)
    page.progress.cancel_button.click()
    wait_idle(qtbot, page.runner)
    assert page.runner.wait()
    assert not page.progress.isVisible()


def test_unusable_file_shows_a_message_not_a_traceback(qtbot, window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        "ftplanner.gui.pages.dataset.show_error", lambda parent, title, text: shown.append(text)
    )
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)))
    window.document.set_dataset(path)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "binary" in shown[0] and "Traceback" not in shown[0]


def test_plan_save_open_round_trip_and_recent(qtbot, window, tmp_path):
    window.document.set_dataset(write_jsonl(tmp_path / "toy.jsonl", toy_examples()))
    wait_idle(qtbot, window.dataset_page.runner)
    target = tmp_path / "p.ftplan"
    assert window._save_to(target)
    assert not window.document.dirty
    window.document.replace(window.document.plan.__class__(), None)
    assert window.open_plan(target)
    assert window.document.plan.dataset == str(tmp_path / "toy.jsonl")
    _, problems = load_settings()
    assert problems == []
    assert str(target) in window.context.settings.recent_plans


def test_moved_dataset_is_reported(qtbot, window, tmp_path):
    path = write_jsonl(tmp_path / "toy.jsonl", toy_examples())
    window.document.set_dataset(path)
    wait_idle(qtbot, window.dataset_page.runner)
    target = tmp_path / "p.ftplan"
    window._save_to(target)
    path.unlink()
    assert window.open_plan(target)
    assert "not found" in window.dataset_page.path_label.text()
    assert "not found" in window.status_label.text()


def test_issue_table_model_passes_qtmodeltester(qtmodeltester, qtbot, window, tmp_path):
    lines = [json.dumps(simple_chat(i)) for i in range(12)] + ["oops {", '{"messages": 1}']
    window.document.set_dataset(write_lines(tmp_path / "bad.jsonl", lines))
    wait_idle(qtbot, window.dataset_page.runner)
    assert window.dataset_page.issues.rowCount() == 2
    qtmodeltester.check(window.dataset_page.issues)


def test_page_shortcuts_switch_pages(qtbot, window):
    for row in range(window.nav.count()):
        qtbot.keyClick(window, str(row + 1), modifier=Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == row
