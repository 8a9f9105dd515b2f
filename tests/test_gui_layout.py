"""At 1280×800, in English and Japanese, no table text on the Estimate, ROI, Pricing and Jobs pages is cut.

Each header and cell's text width (fontMetrics) is compared with its column's width; a cell may be
shortened only when its tooltip shows the whole text.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget

from elision import elided, tables
from fake_openai import FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from ftplanner.core.settings import Settings
from ftplanner.gui.app import install_translator
from ftplanner.gui.main_window import MainWindow
from ftplanner.gui.pages.estimate import EstimatePage
from ftplanner.gui.pages.jobs import JobsPage
from ftplanner.gui.pages.pricing import PricingPage
from ftplanner.gui.pages.roi import RoiPage
from ftplanner.jobs import profiles
from ftplanner.jobs.store import JobStore
from ftplanner.jobs.tracker import track
from gui_helpers import screenshot, wait_idle
from test_gui_jobs import launched_job, store_profile

LONG_ENDPOINT = "https://my-company-finetuning.openai.azure.com/openai/v1/"


@pytest.fixture
def language(request, qapp):
    translator = install_translator(qapp, request.param)
    yield request.param
    if translator is not None:
        QApplication.removeTranslator(translator)


def _cut_texts(qtbot, page) -> list[str]:
    """Every table of the page, each tab of its tab widgets shown in turn."""
    found: list[str] = []
    seen: set[int] = set()
    tab_widgets = page.findChildren(QTabWidget) or [None]
    for tabs in tab_widgets:
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
                qtbot.wait(50)
            for view in tables(page):
                if id(view) not in seen:
                    seen.add(id(view))
                    found += [f"{type(page).__name__}: {line}" for line in elided(view)]
    return found


@pytest.mark.parametrize("language", ["en", "ja"], indirect=True)
def test_no_table_text_is_cut_at_1280_by_800(qtbot, language, tmp_path, fake_openai: FakeOpenAI, dialogs):
    store_profile(fake_openai)
    profiles.add_profile({"name": "azure-prod", "kind": "generic", "base_url": LONG_ENDPOINT})
    job_id = launched_job(fake_openai, tmp_path)
    with JobStore() as store:
        track(profiles.provider_for("fake"), store, job_id, interval=0, sleep=lambda _s: None)
    window = MainWindow(Settings(language=language))
    window.resize(1280, 800)
    window.show()
    cut: list[str] = []
    try:
        window.start()
        wait_idle(qtbot, window.dataset_page.runner)
        for page_type in (EstimatePage, RoiPage, PricingPage, JobsPage):
            page = next(p for p in window.pages if isinstance(p, page_type))
            window.nav.setCurrentRow(window.pages.index(page))
            qtbot.wait(600)  # past the ROI page's edit debounce
            runner = getattr(page, "runner", None)
            if runner is not None:
                wait_idle(qtbot, runner)
            qtbot.waitUntil(lambda: not window.evaluator.runner.busy, timeout=60_000)
            if isinstance(page, JobsPage):
                page.select_job(job_id)
                qtbot.waitUntil(lambda p=page: p.detail.fine_tuned.text() != "", timeout=10_000)
            qtbot.wait(200)
            cut += _cut_texts(qtbot, page)
            screenshot(window, f"layout_{type(page).__name__}_{language}")
    finally:
        for page in window.pages:
            runner = getattr(page, "runner", None)
            if runner is not None:
                runner.shutdown()
        window.evaluator.shutdown()
        window.document.set_dirty(False)
        window.close()
    assert not cut, "\n".join(cut)
