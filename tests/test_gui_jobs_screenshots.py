"""Screenshots of the Jobs page with a finished job selected, English and Japanese, light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from fake_openai import FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.core.settings import Settings
from ftplanner.gui.app import apply_theme, install_translator
from ftplanner.gui.main_window import MainWindow
from ftplanner.gui.pages.jobs import JobsPage
from ftplanner.jobs import profiles
from ftplanner.jobs.store import JobStore
from ftplanner.jobs.tracker import track
from gui_helpers import screenshot, wait_idle
from test_gui_jobs import launched_job, store_profile


@pytest.fixture
def look(request, qapp):
    language, theme = request.param
    translator = install_translator(qapp, language)
    style, palette = qapp.style().name(), qapp.palette()
    apply_theme(qapp, theme)
    yield language, theme
    qapp.setStyle(style)
    qapp.setPalette(palette)
    if translator is not None:
        QApplication.removeTranslator(translator)


@pytest.mark.parametrize(
    "look", [("en", "light"), ("ja", "light"), ("en", "dark"), ("ja", "dark")], indirect=True
)
def test_jobs_page_with_a_finished_job(qtbot, look, tmp_path, fake_openai: FakeOpenAI, dialogs):
    language, theme = look
    store_profile(fake_openai, budget="25")
    job_id = launched_job(fake_openai, tmp_path)
    with JobStore() as store:
        track(profiles.provider_for("fake"), store, job_id, interval=0, sleep=lambda _s: None)
    window = MainWindow(Settings(language=language, theme=theme))
    window.resize(1280, 800)
    window.show()
    try:
        window.start()
        wait_idle(qtbot, window.dataset_page.runner)
        window.nav.setCurrentRow(5)
        page = window.pages[5]
        assert isinstance(page, JobsPage)
        page.select_job(job_id)
        qtbot.waitUntil(lambda: page.detail.fine_tuned.text() != "", timeout=10_000)
        qtbot.wait(200)
        path = screenshot(window, f"jobs_{language}_{theme}")
        assert path.stat().st_size > 30_000
        page.detail.tabs.setCurrentIndex(1)
        qtbot.wait(100)
        screenshot(window, f"jobs_{language}_{theme}_timeline")
        if language == "ja":
            assert window.nav.item(5).text() != "Jobs"
    finally:
        window.document.set_dirty(False)
        window.close()
