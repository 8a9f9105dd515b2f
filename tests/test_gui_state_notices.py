"""The app tells the user, once, when a damaged saved file (settings, price overrides, rates, profiles,
autosaves) was kept aside, naming the kept file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ftplanner.core import plan as plans
from ftplanner.core.catalog import load_user_overrides, user_overrides_path
from ftplanner.core.money import ExchangeRates
from ftplanner.core.settings import Settings, settings_path
from ftplanner.gui.main_window import MainWindow
from ftplanner.gui.pages.pricing import PricingPage
from ftplanner.jobs import profiles

KEY = "openai/gpt-4o-mini-2024-07-18"


@pytest.fixture
def window(qtbot):
    win = MainWindow(Settings())
    win.resize(1100, 700)
    win.show()
    yield win
    for page in win.pages:
        runner = getattr(page, "runner", None)
        if runner is not None:
            runner.shutdown()
    win.document.set_dirty(False)
    win.close()


def pricing(window: MainWindow) -> PricingPage:
    return next(page for page in window.pages if isinstance(page, PricingPage))


def kept(path: Path) -> Path:
    (found,) = path.parent.glob(f"{path.name}.broken-*")
    return found


def warnings(dialogs) -> list[str]:
    return [text for kind, text in dialogs if kind == "warning"]


def test_a_damaged_settings_file_kept_aside_is_shown_once(window, dialogs):
    path = settings_path()
    path.write_bytes(b'{"language": "en", "theme": ')
    window.context.save_settings()
    (shown,) = warnings(dialogs)
    assert str(kept(path)) in shown and "settings.json" in shown
    assert str(kept(path)) in window.status_label.text()
    assert kept(path).read_bytes() == b'{"language": "en", "theme": '
    window.context.save_settings()
    assert len(warnings(dialogs)) == 1


def test_a_damaged_overrides_file_kept_aside_is_shown_once(window, dialogs):
    path = user_overrides_path()
    path.write_bytes(b'[models."openai/gpt-4o-2024-08-06"]\ntraining_per_mtok = 20\n[models.\xff')
    page = pricing(window)
    page.select_model(KEY)
    page.fields["training_per_mtok"].setText("2.50")
    page.validate_editor()
    assert page.save_override()
    (shown,) = warnings(dialogs)
    assert str(kept(path)) in shown and "openai/gpt-4o-2024-08-06" in shown  # what was recovered
    assert set(load_user_overrides()["models"]) == {KEY, "openai/gpt-4o-2024-08-06"}
    dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    assert page.reset_all()
    assert len(warnings(dialogs)) == 1


def test_reset_all_on_a_damaged_overrides_file_names_the_kept_file(window, dialogs):
    path = user_overrides_path()
    path.write_bytes(b"[models.\xff\n")
    dialogs.answers["question"] = QMessageBox.StandardButton.Yes
    assert pricing(window).reset_all()
    (shown,) = warnings(dialogs)
    assert str(kept(path)) in shown and kept(path).read_bytes() == b"[models.\xff\n"


def test_a_damaged_rates_file_kept_aside_is_shown(window, dialogs):
    path = ExchangeRates.default_path()
    path.write_bytes(b'[rates.EUR]\nper_usd = "0.9"\nset_on = 2026-01-01\n[rates.JPY]\nper_usd = \xff\n')
    page = pricing(window)
    page.currency_edit.setCurrentText("GBP")
    page.rate_edit.setText("0.8")
    assert page.set_rate()
    (shown,) = warnings(dialogs)
    assert str(kept(path)) in shown
    assert {r.currency for r in window.context.rates} >= {"GBP"}


def test_a_damaged_profiles_file_kept_aside_by_the_jobs_page_is_shown(window, dialogs):
    profiles.add_profile({"name": "alpha", "kind": "openai"})
    path = profiles.profiles_path()
    path.write_bytes(path.read_bytes()[:-4] + b"\xff")
    profiles.add_profile({"name": "beta", "kind": "openai"})  # as the Jobs page's profile dialog does
    shown = warnings(dialogs)
    assert len(shown) == 1 and str(kept(path)) in shown[0] and "recovered from it: alpha" in shown[0]


def test_a_damaged_autosave_is_shown_at_start(qtbot, dialogs):
    bad = plans.autosave(plans.Plan(name="lost"), "untitled")
    bad.write_bytes(bad.read_bytes()[:40])
    win = MainWindow(Settings())
    try:
        win.show()
        win.start()
        (shown,) = warnings(dialogs)
        assert str(kept(bad)) in shown
        assert not any(kind == "question" for kind, _ in dialogs)  # nothing to recover
    finally:
        win.document.set_dirty(False)
        win.close()


def test_the_notice_box_is_in_japanese_with_the_japanese_translation(window, dialogs, qapp):
    from PySide6.QtCore import QTranslator

    from ftplanner.core.paths import resource

    translator = QTranslator()
    assert translator.load(str(resource("i18n", "ftplanner_ja.qm")))
    qapp.installTranslator(translator)
    try:
        window.show_state_notice("settings.json could not be read in full")
    finally:
        qapp.removeTranslator(translator)
    (shown,) = warnings(dialogs)
    assert shown.startswith("settings.json could not be read in full\n\n") and "FT Planner" in shown
    assert "never deletes" not in shown
