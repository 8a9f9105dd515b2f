"""Screenshots of every page in English and Japanese, for a person to look at (tests/screenshots/)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ftplanner.core.settings import Settings
from ftplanner.gui.app import install_translator
from ftplanner.gui.main_window import MainWindow
from gui_helpers import screenshot, wait_idle


@pytest.fixture
def language(request, qapp):
    translator = install_translator(qapp, request.param)
    yield request.param
    if translator is not None:
        QApplication.removeTranslator(translator)


@pytest.mark.parametrize("language", ["en", "ja"], indirect=True)
def test_every_page_renders(qtbot, language, tmp_path):
    window = MainWindow(Settings(language=language))
    window.resize(1280, 800)
    window.show()
    try:
        window.start()
        for row, page in enumerate(window.pages):
            window.nav.setCurrentRow(row)
            runner = getattr(page, "runner", None)
            qtbot.wait(600)  # past the ROI page's edit debounce
            if runner is not None:
                wait_idle(qtbot, runner)
            qtbot.wait(100)
            path = screenshot(window, f"page{row}_{language}")
            assert path.stat().st_size > 20_000  # a real picture, not an empty window
            assert window.grab().save(str(tmp_path / path.name))
        if language == "ja":
            assert window.nav.item(1).text() == "データセット"
    finally:
        for page in window.pages:
            runner = getattr(page, "runner", None)
            if runner is not None:
                runner.shutdown()
        window.document.set_dirty(False)
        window.close()
