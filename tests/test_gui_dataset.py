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


def _pdf(path):
    """A real PDF file (Qt's PDF writer), like a report chosen by mistake."""
    from PySide6.QtGui import QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawText(100, 100, "Quarterly report")
    painter.end()
    return path


def _shown_state(window):
    page = window.dataset_page
    cards = {key: card.value.text() for key, card in page.cards.cards.items()}
    return (
        window.document.plan.to_json(),
        dict(window.document.analyses),
        cards,
        page.path_label.text(),
        window.pages[2].csv_text(),  # the Estimate rows
    )


def test_a_wrong_file_leaves_the_plan_as_it_was_and_says_why_once(
    qtbot, window, tmp_path, dialogs, monkeypatch
):
    window.start()
    wait_idle(qtbot, window.dataset_page.runner)
    qtbot.waitUntil(lambda: window.evaluator.result is not None, timeout=60_000)
    window.nav.setCurrentRow(2)
    wait_idle(qtbot, window.pages[2].runner)
    qtbot.waitUntil(lambda: not window.evaluator.timer.isActive(), timeout=10_000)
    wait_idle(qtbot, window.evaluator.runner)
    wait_idle(qtbot, window.evaluator.analysis)
    before = _shown_state(window)
    dataset = window.document.plan.dataset
    binary = tmp_path / "data.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    csv_file = write_lines(tmp_path / "people.csv", ["name,age", "Ann,31", "Bob,42"])
    for wrong in (_pdf(tmp_path / "report.pdf"), binary, csv_file):
        dialogs.clear()
        monkeypatch.setattr(
            "ftplanner.gui.pages.dataset.QFileDialog.getOpenFileName", lambda *a, w=wrong: (str(w), "")
        )
        window.dataset_page.choose_dataset()
        qtbot.wait(700)  # past every debounce: nothing else reacts later
        assert window.document.plan.dataset == dataset
        assert _shown_state(window) == before, wrong
        assert not window.document.dirty
        assert len(dialogs) == 1 and wrong.name in dialogs[0][1], dialogs
        assert "not changed" in window.status_label.text() and wrong.name in window.status_label.text()
    assert not window.dataset_page.runner.busy and not window.pages[2].runner.busy


def test_a_new_analysis_shows_nothing_of_the_previous_file(qtbot, window, tmp_path, monkeypatch):
    from ftplanner.core import reader

    window.start()
    page = window.dataset_page
    wait_idle(qtbot, page.runner)
    old = page.current_analysis()
    assert old is not None and page.cards.cards["examples"].value.text() == f"{old.examples:,}"
    old_lines = f"{old.lines:,} "
    assert old_lines in page.progress.bar.format()  # the finished analysis' last text
    monkeypatch.setattr(reader, "BLOCK_BYTES", 512)
    path = write_jsonl(tmp_path / "big.jsonl", [simple_chat(i, "ja") for i in range(3000)])
    assert page.open_dataset(path)
    assert page.runner.busy
    assert old_lines not in page.progress.bar.format()
    assert all(card.value.text() == "—" for card in page.cards.cards.values())
    wait_idle(qtbot, page.runner)
    assert page.cards.cards["examples"].value.text() == "3,000"
