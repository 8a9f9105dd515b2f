"""Main window behaviour: shortcuts, unsaved-changes prompt, autosave recovery, restored geometry."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from dataset_builders import toy_examples, write_jsonl
from ftplanner.core import plan as plans
from ftplanner.core.settings import Settings, load_settings
from ftplanner.gui.main_window import MainWindow
from gui_helpers import wait_idle


def make_window(settings: Settings | None = None) -> MainWindow:
    settings = settings or Settings()
    win = MainWindow(settings)
    if not settings.window_geometry:
        win.resize(1100, 700)
    win.show()
    return win


@pytest.fixture
def window(qtbot):
    win = make_window()
    yield win
    for page in win.pages:
        runner = getattr(page, "runner", None)
        if runner is not None:
            runner.shutdown()
    win.document.set_dirty(False)
    win.close()


def test_menus_carry_the_standard_shortcuts(window):
    shortcuts = {action.text().replace("&", ""): action.shortcut() for action in window.file_menu.actions()}
    assert shortcuts["Open plan…"] == QKeySequence(QKeySequence.StandardKey.Open)
    assert shortcuts["Save"] == QKeySequence(QKeySequence.StandardKey.Save)
    assert shortcuts["Save as…"] == QKeySequence("Ctrl+Shift+S")
    assert shortcuts["Quit"] == QKeySequence("Ctrl+Q")


def test_unsaved_changes_prompt_can_cancel_closing(qtbot, window, dialogs, tmp_path):
    window.document.set_dataset(write_jsonl(tmp_path / "toy.jsonl", toy_examples()))
    wait_idle(qtbot, window.dataset_page.runner)
    assert window.document.dirty
    dialogs.answers["question"] = QMessageBox.StandardButton.Cancel
    assert window.close() is False
    assert window.isVisible()
    assert dialogs[-1][0] == "question"
    dialogs.answers["question"] = QMessageBox.StandardButton.Discard
    assert window.close() is True


def test_autosave_is_offered_back_after_a_crash(qtbot, dialogs, tmp_path):
    crashed = plans.Plan(
        name="Triage", dataset=str(write_jsonl(tmp_path / "toy.jsonl", toy_examples())), months=18
    )
    plans.autosave(crashed, "untitled")
    dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    win = make_window()
    try:
        win.start()
        assert win.document.plan.name == "Triage" and win.document.plan.months == 18
        assert win.document.dirty
        assert "did not close normally" in dialogs[-1][1]
        assert plans.recoverable() == []
        wait_idle(qtbot, win.dataset_page.runner)
    finally:
        win.dataset_page.runner.shutdown()
        win.document.set_dirty(False)
        win.close()


def test_autosave_timer_writes_only_when_dirty(qtbot, window, tmp_path):
    window.autosave()
    assert plans.recoverable() == []
    window.document.plan.months = 30
    window.document.edited()
    window.autosave()
    [(source, _, saved)] = plans.recoverable()
    assert source == "untitled" and saved.months == 30


def test_geometry_and_last_page_are_restored(qtbot):
    first = make_window()
    first.resize(1150, 700)
    first.nav.setCurrentRow(first.nav.count() - 1)
    first.close()
    settings, problems = load_settings()
    assert problems == [] and settings.window_geometry
    second = make_window(settings)
    try:
        assert second.nav.currentRow() == second.nav.count() - 1
        # The offscreen platform has no window frame, so restored sizes can differ by a few pixels.
        assert abs(second.width() - 1150) < 80 and abs(second.height() - 700) < 80
        assert (second.width(), second.height()) != (1280, 800)
    finally:
        second.close()


def test_broken_plan_file_is_reported_and_nothing_changes(qtbot, window, dialogs, tmp_path):
    broken = tmp_path / "broken.ftplan"
    broken.write_text('{"schema": 1, "months": "soon"}', encoding="utf-8")
    before = window.document.plan
    assert window.open_plan(broken) is False
    assert window.document.plan is before
    assert dialogs[-1][0] == "warning" and "months" in dialogs[-1][1] and str(broken) in dialogs[-1][1]


def test_the_app_start_shows_the_window_first_then_builds_the_pages_and_opens_the_sample(qtbot):
    win = MainWindow(Settings(last_page=1), deferred=True)
    win.show()
    win.start()  # as the app does: asked before the pages exist, done once they are built
    assert not win.built and win.pages == [] and win.stack.currentWidget() is win.loading
    assert win.loading.label.text() == "Loading the price catalog…"
    qtbot.waitUntil(lambda: win.built, timeout=120_000)
    assert [win.nav.item(row).text() for row in range(win.nav.count())] == [
        "Summary",
        "Dataset",
        "Estimate",
        "ROI",
        "Pricing",
        "Jobs",
    ]
    assert win.stack.currentWidget() is win.dataset_page  # the page open last time
    assert win.document.plan.name == "Sample plan" and win.windowTitle().startswith("Sample plan")
    assert win.file_menu.actions()
    wait_idle(qtbot, win.evaluator.runner, timeout=120_000)
    for page in win.pages:
        runner = getattr(page, "runner", None)
        if runner is not None:
            runner.shutdown()
    win.evaluator.shutdown()
    win.document.set_dirty(False)
    win.close()


def test_closing_the_window_while_it_starts_builds_nothing_more(qtbot):
    win = MainWindow(Settings(), deferred=True)
    win.show()
    win.close()
    qtbot.wait(1200)  # past the fallback that starts the build without a paint
    assert not win.built and win.pages == []


WINDOW_FIRST = """
import json, sys
from PySide6.QtWidgets import QApplication
from ftplanner.core.settings import Settings
from ftplanner.gui.main_window import MainWindow
app = QApplication([])
window = MainWindow(Settings(), deferred=True)
window.show()
print(json.dumps(sorted(sys.modules)))
window.close()
"""


def test_the_window_shows_before_the_catalog_plan_analyzer_and_charts_are_imported(tmp_path):
    """App start: what loads before the first paint is only what the empty window needs."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FTPLANNER_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_FIRST], capture_output=True, text=True, timeout=120, env=env, check=True
    )
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    early = {
        "ftplanner.core.plan",
        "ftplanner.core.catalog",
        "ftplanner.core.tally",
        "tiktoken",
        "matplotlib",
    }
    assert loaded & early == set(), loaded & early
