"""The Jobs page with a Fireworks profile: its fields in the profile dialog, its options in the launch form,
a launch tracked to the end with its progress, and a cancel, against the loopback fake Fireworks server."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from fake_fireworks import ACCOUNT, API_KEY, FakeFireworks, fake_fireworks_fixture  # noqa: F401  (fixture)
from ftplanner.core.catalog import load_catalog
from ftplanner.gui.pages.jobs_dialogs import ProfileDialog
from ftplanner.jobs import profiles, secrets
from test_cli_jobs_fireworks import CATALOG_ROW, MODEL
from test_gui_jobs import TODAY, accept_launch, job_status, make_page

KEY = f"fireworks/{MODEL}"
CREATE = ("POST", "/supervisedFineTuningJobs")


def _fireworks_page(qtbot, tmp_path: Path, fake: FakeFireworks):
    profiles.add_profile(
        {"name": "fw", "kind": "fireworks", "base_url": fake.base_url, "account_id": ACCOUNT}
    )
    secrets.save_key("fw", API_KEY)
    page = make_page(qtbot, tmp_path, interval=0.05)
    page.context.catalog = load_catalog(today=TODAY, plan_overrides=tomllib.loads(CATALOG_ROW))
    page.document.plan.models = [KEY]
    page.profiles_panel.reload()
    page.form.prefill(page.document, page.context.catalog)
    page.form.profile.setCurrentIndex(page.form.profile.findText("fw"))
    assert page.form.model.currentData() == KEY
    assert page.form.model.findData("fireworks/sft-up-to-16b") == -1  # a price band, not a model
    return page


def test_profile_dialog_shows_the_fireworks_fields(qtbot) -> None:
    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    dialog.set_kind("fireworks")
    assert dialog.fields["account_id"].isVisibleTo(dialog) and dialog.base_url.isVisibleTo(dialog)
    assert not dialog.resource.isVisibleTo(dialog) and not dialog.header.isVisibleTo(dialog)
    assert "FIREWORKS_ACCOUNT_ID" in dialog.fields["account_id"].placeholderText()
    assert "FIREWORKS_API_KEY" in dialog.key.placeholderText()
    dialog.name.setText("fw")
    dialog.fields["account_id"].setText(ACCOUNT)
    assert dialog.checked().settings == {"account_id": ACCOUNT}
    dialog.set_kind("nebius")
    assert not dialog.fields["account_id"].isVisibleTo(dialog) and dialog.base_url.isVisibleTo(dialog)
    assert "NEBIUS_API_KEY" in dialog.key.placeholderText()


def test_launch_tracks_to_the_end_and_a_second_job_is_cancelled(
    qtbot, tmp_path, monkeypatch, fake_fireworks: FakeFireworks, dialogs
) -> None:
    page = _fireworks_page(qtbot, tmp_path, fake_fireworks)
    try:
        form = page.form
        assert form.form.isRowVisible(form.lora_rank) and form.form.isRowVisible(form.context_length)
        assert not form.form.isRowVisible(form.batch_size) and not form.form.isRowVisible(form.beta)
        form.lora_rank.setValue(16)
        accept_launch(monkeypatch)
        form.review_button.click()
        qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 1, timeout=30_000)
        job_id = page.jobs_model.row(0).job.job_id
        assert fake_fireworks.jobs[job_id]["loraRank"] == 16 and len(fake_fireworks.datasets) == 1
        qtbot.waitUntil(lambda: job_status(page, job_id) == "succeeded", timeout=30_000)
        page.select_job(job_id)
        qtbot.waitUntil(lambda: "Progress: 100%" in page.detail.finish.text(), timeout=10_000)
        assert page.detail.fine_tuned.text() == f"accounts/{ACCOUNT}/models/{job_id}"

        fake_fireworks.script = ("JOB_STATE_CREATING", "JOB_STATE_RUNNING")
        form.review_button.click()
        qtbot.waitUntil(lambda: page.jobs_model.rowCount() == 2, timeout=30_000)
        (second,) = [j for j in fake_fireworks.jobs if j != job_id]
        qtbot.waitUntil(lambda: job_status(page, second) == "running", timeout=30_000)
        page.select_job(second)
        assert page.detail.cancel_button.isEnabled() and not page.detail.pause_button.isEnabled()
        page.grab().save(str(tmp_path / "fireworks-page.png"))
        dialogs.answers["question"] = QMessageBox.StandardButton.Yes
        page.detail.cancel_button.click()
        qtbot.waitUntil(lambda: job_status(page, second) == "cancelled", timeout=30_000)
        assert fake_fireworks.seen("POST", f"/supervisedFineTuningJobs/{second}:cancel")
        assert len(fake_fireworks.jobs) == 2 and len(fake_fireworks.datasets) == 2  # one per launch
    finally:
        page.shutdown()
