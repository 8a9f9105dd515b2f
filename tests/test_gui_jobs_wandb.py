"""The launch form's W&B project against the fake servers: what the create carries, the W&B key asked for
in place (Together), never in a file or a message."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from fake_openai import FakeOpenAI, fake_openai_fixture  # noqa: F401  (fixture)
from fake_together import FakeTogether, fake_together_fixture  # noqa: F401  (fixture)
from ftplanner.gui.pages.jobs_dialogs import KeyDialog
from ftplanner.jobs import wandb
from ftplanner.jobs.secrets import SERVICE
from gui_helpers import wait_idle
from keyring_helpers import MemoryKeyring
from test_gui_jobs import accept_launch, make_page, store_profile
from test_gui_jobs_together import CREATE as TOGETHER_CREATE
from test_gui_jobs_together import _together_page
from test_jobs_launch import CREATE, UPLOAD
from test_jobs_wandb import WANDB_KEY, no_wandb_key_anywhere


@pytest.fixture
def openai_page(qtbot, tmp_path):
    widget = make_page(qtbot, tmp_path)
    yield widget
    widget.shutdown()


def test_openai_launch_from_the_form_sends_the_wandb_project(
    qtbot, openai_page, monkeypatch, fake_openai: FakeOpenAI, dialogs, _isolated_home
) -> None:
    page = openai_page
    store_profile(fake_openai)
    page.profiles_panel.reload()
    shown = accept_launch(monkeypatch)
    page.form.wandb_project.setText(" gui-runs ")
    page.form.review_button.click()
    qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 1, timeout=30_000)
    assert (
        shown[0]["wandb"].startswith("project gui-runs (") and "organisation's settings" in shown[0]["wandb"]
    )
    (sent,) = fake_openai.seen(*CREATE)
    assert sent.json()["integrations"] == [{"type": "wandb", "wandb": {"project": "gui-runs"}}]


def test_a_bad_project_name_is_refused_before_any_upload(
    qtbot, openai_page, monkeypatch, fake_openai: FakeOpenAI, dialogs
) -> None:
    page = openai_page
    store_profile(fake_openai)
    page.profiles_panel.reload()
    shown = accept_launch(monkeypatch)
    page.form.wandb_project.setText("team/project")
    page.form.review_button.click()
    wait_idle(qtbot, page.runner)
    assert not shown and not fake_openai.seen(*UPLOAD)
    assert "W&B project 'team/project'" in page.form.message.text() and dialogs[-1][0] == "warning"
    assert page.form.wandb_project.text() == "team/project"  # kept to be corrected


def test_together_asks_for_the_wandb_key_in_place_and_sends_it(
    qtbot,
    tmp_path,
    monkeypatch,
    fake_together: FakeTogether,
    dialogs,
    _test_keyring: MemoryKeyring,
    _isolated_home,
) -> None:
    asked: list[str] = []

    def type_key(dialog: KeyDialog) -> int:
        asked.append(dialog.reason.text())
        dialog.key.setText(WANDB_KEY)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(KeyDialog, "exec", type_key)
    page = _together_page(qtbot, tmp_path, fake_together)
    try:
        shown = accept_launch(monkeypatch)
        dialogs.answers["question"] = QMessageBox.StandardButton.Yes  # the provider's quote
        page.form.wandb_project.setText("llama-runs")
        page.form.review_button.click()
        qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 1, timeout=30_000)
        assert asked and "W&B API key" in asked[0]
        assert _test_keyring.passwords[(SERVICE, wandb.KEY_ENTRY)] == WANDB_KEY
        assert shown[0]["wandb"] == "project llama-runs"
        body = fake_together.seen(*TOGETHER_CREATE)[0].json()
        assert body["wandb_api_key"] == WANDB_KEY and body["wandb_project_name"] == "llama-runs"
        texts = [page.message.text(), page.form.message.text(), *(text for _, text in dialogs)]
        no_wandb_key_anywhere(_isolated_home, *texts)
    finally:
        page.shutdown()


def test_together_without_a_wandb_key_given_is_refused_before_any_upload(
    qtbot, tmp_path, monkeypatch, fake_together: FakeTogether, dialogs
) -> None:
    monkeypatch.delenv("WANDB_API_KEY", raising=False)
    monkeypatch.setattr(KeyDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    page = _together_page(qtbot, tmp_path, fake_together)
    try:
        shown = accept_launch(monkeypatch)
        page.form.wandb_project.setText("llama-runs")
        page.form.review_button.click()
        qtbot.waitUntil(lambda: bool(dialogs), timeout=30_000)
        wait_idle(qtbot, page.runner)
        assert not shown and not fake_together.files and not fake_together.jobs
        assert "no W&B API key" in page.form.message.text()
    finally:
        page.shutdown()
